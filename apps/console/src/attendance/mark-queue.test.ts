import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MarkQueue, type QueuedMark, type QueueStore } from './mark-queue.js';

const SESSION = 'session-1';
const offline = () => Object.assign(new Error('fetch failed'), { cause: new TypeError('fetch failed') });
const refused = (code: string, status: number) =>
  Object.assign(new Error('Refused'), { data: { domainCode: code, httpStatus: status, fields: [] } });

function memoryStore(): QueueStore & { marks: QueuedMark[] } {
  return {
    marks: [],
    load() {
      return [...this.marks];
    },
    save(marks) {
      this.marks = [...marks];
    },
  };
}

/** A server the test answers by hand: every call waits until the test settles it. */
function server() {
  const calls: { mark: QueuedMark; ok: () => void; fail: (e: unknown) => void }[] = [];
  return {
    calls,
    send: (mark: QueuedMark) =>
      new Promise<void>((ok, fail) => {
        calls.push({ mark, ok, fail });
      }),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
let n = 0;
const newKey = () => `key-${++n}`;

test('a dropped connection is retried with the same key until answered; then the row is saved', async () => {
  const s = server();
  const queue = new MarkQueue({ send: s.send, retryDelay: () => 0, newKey });
  queue.set(SESSION, 'e1', 'present');
  assert.is(queue.state('e1'), 'saving');
  s.calls[0]?.fail(offline());
  await tick();
  await tick();
  assert.is(queue.state('e1'), 'waiting');
  assert.is(s.calls.length, 2, 'tried again');
  assert.is(s.calls[1]?.mark.key, s.calls[0]?.mark.key, 'with the same key');
  s.calls[1]?.ok();
  await queue.settled();
  assert.is(queue.state('e1'), 'saved');
  assert.is(queue.shown('e1'), 'present', 'the saved mark is still shown');
  assert.is(queue.pending, 0);
});

test('a newer choice waits for the mark on the wire, then goes with a new key: the last choice wins', async () => {
  const s = server();
  const queue = new MarkQueue({ send: s.send, retryDelay: () => 0, newKey });
  queue.set(SESSION, 'e1', 'present');
  queue.set(SESSION, 'e1', 'absent');
  queue.set(SESSION, 'e1', 'excused');
  assert.is(s.calls.length, 1, 'one mark a row on the wire');
  assert.is(queue.unsaved('e1'), 'excused', 'the sheet shows the last choice');
  s.calls[0]?.ok();
  await tick();
  assert.is(s.calls.length, 2);
  assert.is(s.calls[1]?.mark.mark, 'excused', 'the intermediate choice is skipped');
  assert.is.not(s.calls[1]?.mark.key, s.calls[0]?.mark.key);
  s.calls[1]?.ok();
  await queue.settled();
  assert.is(queue.state('e1'), 'saved');
});

test('a refusal is not retried: the row shows it; a 409 in progress and a 503 are retried', async () => {
  const s = server();
  const queue = new MarkQueue({ send: s.send, retryDelay: () => 0, newKey });
  queue.set(SESSION, 'e1', 'present');
  queue.set(SESSION, 'e2', 'present');
  s.calls[0]?.fail(refused('ENROLMENT.NOT_SEATED', 409));
  s.calls[1]?.fail(refused('REQUEST.IN_PROGRESS', 409));
  await tick();
  await tick();
  assert.is(queue.state('e1'), 'refused');
  assert.is(queue.refusal('e1')?.text, 'Refused');
  assert.is(s.calls.length, 3, 'only the one in progress went again');
  s.calls[2]?.fail(refused('DATABASE.UNAVAILABLE', 503));
  await tick();
  await tick();
  assert.is(s.calls.length, 4);
  s.calls[3]?.ok();
  await queue.settled();
  assert.is(queue.state('e2'), 'saved');
});

test('unsent marks are kept in the store and sent again with their keys after a reload', async () => {
  const store = memoryStore();
  const s = server();
  const before = new MarkQueue({ send: s.send, store, retryDelay: () => 60_000, newKey });
  before.set(SESSION, 'e1', 'absent');
  before.set('other-session', 'e9', 'present');
  s.calls[0]?.fail(offline());
  await tick();
  assert.equal(
    store.marks.map((m) => [m.enrolmentId, m.mark]),
    [
      ['e1', 'absent'],
      ['e9', 'present'],
    ],
  );
  const key = s.calls[0]?.mark.key;
  before.dispose();

  const after = server();
  const reloaded = new MarkQueue({ send: after.send, store, retryDelay: () => 0, newKey });
  assert.equal(
    reloaded.restore(SESSION).map((m) => m.enrolmentId),
    ['e1'],
    "only this sheet's marks",
  );
  assert.is(reloaded.state('e1'), 'saving');
  assert.is(after.calls[0]?.mark.key, key, 'the key it was first sent with');
  after.calls[0]?.ok();
  await reloaded.settled();
  assert.equal(
    store.marks.map((m) => m.enrolmentId),
    ['e9'],
    "the saved mark leaves the store; the other sheet's stays",
  );
});

test.run();
