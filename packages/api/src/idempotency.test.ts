import { createTestPolCenter } from '@polcenter/core/testing';
import { type DomainError, isDomainError } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextInner } from './context.js';
import { once } from './idempotency.js';

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());

const ctx = (key: string | null) => createContextInner({ polcenter, idempotencyKey: key, clientKey: '10.0.0.7' });

test('a repeated request with the same key runs once and gets the first answer', async () => {
  let runs = 0;
  const enrol = () => once(ctx('k-1'), 'enrolment.request', { classId: 'c1' }, async () => ({ enrolment: ++runs }));
  assert.equal(await enrol(), { enrolment: 1 });
  assert.equal(await enrol(), { enrolment: 1 });
  assert.is(runs, 1);
});

test('without a key, every request runs', async () => {
  let runs = 0;
  await once(ctx(null), 'x', {}, async () => ++runs);
  await once(ctx(null), 'x', {}, async () => ++runs);
  assert.is(runs, 2);
});

test('a key reused for another request is refused; a failed request frees its key', async () => {
  await once(ctx('k-2'), 'enrolment.request', { classId: 'c1' }, async () => 'ok');
  const reused = await once(ctx('k-2'), 'enrolment.request', { classId: 'c2' }, async () => 'other').catch((e) => e);
  assert.ok(isDomainError(reused));
  assert.is((reused as DomainError).code, 'REQUEST.KEY_REUSED');
  await once(ctx('k-3'), 'x', {}, async () => {
    throw new Error('database away');
  }).catch(() => {});
  assert.is(await once(ctx('k-3'), 'x', {}, async () => 'retried'), 'retried');
});

test('concurrent repeats: exactly one runs, the others wait for it and get its answer', async () => {
  let runs = 0;
  const results = await Promise.all(
    Array.from({ length: 10 }, () =>
      once(ctx('k-4'), 'x', {}, async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return 'done';
      }),
    ),
  );
  assert.is(runs, 1);
  assert.equal(results, Array(10).fill('done'));
});

test.run();
