import { createPolCenter } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import { type DomainError, isDomainError } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RateLimiter } from './rate-limit.js';

const polcenter = await createTestPolCenter();
// A second library on the same database: another server process, as far as the limits can tell.
const other = await createPolCenter({ databaseUrl: polcenter.url, migrate: false, poolSize: 2 });
test.after(async () => {
  await other.close();
  await polcenter.close();
});

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => assert.unreachable('the call must be refused'),
    (e: unknown) => e,
  );
  assert.ok(isDomainError(error));
  return error;
}

test('two processes on one database count against one limit, and the refusal says how long to wait', async () => {
  const rule = { points: 3, seconds: 60 };
  const here = RateLimiter.inDatabase(polcenter, 'test-shared', rule);
  const there = RateLimiter.inDatabase(other, 'test-shared', rule);
  await here.take('203.0.113.7');
  await there.take('203.0.113.7');
  await here.take('203.0.113.7');
  const refused = await refusal(there.take('203.0.113.7'));
  assert.is(refused.code, 'RATE.LIMITED');
  const wait = refused.details.retryAfterSeconds as number;
  assert.ok(wait >= 1 && wait <= 60, `wait ${wait}`);
  assert.match(refused.text.vi, `${wait} giây`);
  await here.take('198.51.100.1');
});

test('a call given back may be taken again; keys are stored hashed, never as addresses', async () => {
  const limiter = RateLimiter.inDatabase(polcenter, 'test-give-back', { points: 2, seconds: 60 });
  await limiter.take('203.0.113.8');
  await limiter.take('203.0.113.8');
  await limiter.giveBack('203.0.113.8');
  await limiter.take('203.0.113.8');
  await refusal(limiter.take('203.0.113.8'));
  const rows = await polcenter.orm.em.fork().execute<{ key: string }[]>('SELECT key FROM rate_limit');
  assert.ok(rows.length > 0 && rows.every((r) => !r.key.includes('203.0.113')));
});

test('in memory: the same rule, counted in this process only', async () => {
  const limiter = RateLimiter.inMemory({ points: 1, seconds: 30 });
  await limiter.take('a');
  assert.is((await refusal(limiter.take('a'))).details.retryAfterSeconds, 30);
  await limiter.take('b');
});

test.run();
