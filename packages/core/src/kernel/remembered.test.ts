import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Remembered } from './remembered.js';

test('a fact is read once, then answered from memory', async () => {
  const organisers = new Remembered<string>();
  let reads = 0;
  const read = async () => {
    reads++;
    return 'TN-CHODON';
  };
  assert.is(await organisers.get('class-1', read), 'TN-CHODON');
  assert.is(await organisers.get('class-1', read), 'TN-CHODON');
  assert.is(reads, 1);
});

test('past its bound the oldest fact is forgotten and read again when asked', async () => {
  const organisers = new Remembered<string>(2);
  const reads: string[] = [];
  const read = (key: string) => async () => {
    reads.push(key);
    return `unit of ${key}`;
  };
  for (const key of ['a', 'b', 'c', 'b', 'a']) await organisers.get(key, read(key));
  assert.equal(reads, ['a', 'b', 'c', 'a']);
});

test('a failed read is not remembered', async () => {
  const organisers = new Remembered<string>();
  await organisers
    .get('class-2', async () => {
      throw new Error('no such class');
    })
    .then(
      () => assert.unreachable('the read failed'),
      (error: Error) => assert.is(error.message, 'no such class'),
    );
  assert.is(await organisers.get('class-2', async () => 'TN-NAMCUONG'), 'TN-NAMCUONG');
});

test.run();
