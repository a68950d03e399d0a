import { isDomainError } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RateLimiter } from './rate-limit';

test('allows the limit within the window, then says how long to wait', () => {
  let now = 0;
  const limiter = new RateLimiter(3, 60_000, () => now);
  for (let i = 0; i < 3; i++) limiter.take('1.2.3.4');
  now = 20_000;
  try {
    limiter.take('1.2.3.4');
    assert.unreachable('the fourth call must be refused');
  } catch (error) {
    assert.ok(isDomainError(error));
    assert.is(error.code, 'RATE.LIMITED');
    assert.is(error.details.retryAfterSeconds, 40);
  }
  limiter.take('5.6.7.8');
  now = 60_001;
  limiter.take('1.2.3.4');
});

test.run();
