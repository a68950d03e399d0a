import { createTestPolCenter } from '@polcenter/core/testing';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runFaultLoad } from './testing.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

test('idempotent enrolments survive killed backends and a kill -9ed server: every key resolves, no write lost or doubled', async () => {
  const report = await runFaultLoad(polcenter, {
    requests: 150,
    clients: 8,
    servers: 2,
    serverKills: 1,
    backendKillEveryMs: 200,
    giveUpAfterMs: 30_000,
  });
  const said = JSON.stringify(report);
  assert.ok(report.backendKills > 0 && report.serverKills === 1, `faults injected: ${said}`);
  assert.is(report.stuckKeys, 0, `keys that did not give their answer again: ${said}`);
  assert.is(report.lostWrites, 0, said);
  assert.is(report.duplicates, 0, said);
  assert.is(report.overCapacity, 0, said);
});

test.run();
