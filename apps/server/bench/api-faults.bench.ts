import type { Figure } from '@polcenter/bench';
import { createTestPolCenter } from '@polcenter/core/testing';
import { runFaultLoad } from '../src/testing.js';

export const ids = ['api.faults.stuckKeys', 'api.faults.lostWrites'];

const OPTIONS = {
  requests: 300,
  clients: 12,
  servers: 2,
  serverKills: 2,
  backendKillEveryMs: 200,
  giveUpAfterMs: 30_000,
};

/**
 * `api.faults.*`: 300 idempotent enrolment requests (`enrolment.request`, autoAdmit, center staff of
 * the organising unit, one Idempotency-Key each) over HTTP from 12 clients against two real
 * `polcenter start` processes on one test database, while a busy database backend is killed every
 * 200 ms (`pg_terminate_backend`) and a server is `kill -9`ed and restarted twice. Clients retry with
 * the same key until answered. Then every key is sent once more: a key that does not give its
 * original answer (or, never answered, an answer) is stuck; an acknowledged enrolment missing from
 * the database is a lost write. The fault load is the one `faults.test.ts` runs, larger.
 */
export default async function apiFaultsBench(): Promise<Figure[]> {
  const polcenter = await createTestPolCenter({ demo: true });
  try {
    const report = await runFaultLoad(polcenter, OPTIONS);
    const retried = Object.entries(report.retried)
      .map(([what, n]) => `${what}: ${n}`)
      .join(', ');
    const note =
      `${report.requests} requests, ${OPTIONS.clients} clients, ${OPTIONS.servers} server processes; ` +
      `${report.backendKills} backends killed, ${report.serverKills} servers killed (restarts took ` +
      `${report.restartSeconds.map((s) => `${Math.round(s)} s`).join(', ')}); ${report.acknowledged} answered during the faults, ` +
      `${report.unanswered} given up after ${OPTIONS.giveUpAfterMs / 1000} s; retried answers ${retried}; ` +
      `duplicates ${report.duplicates}, over capacity ${report.overCapacity}; ${Math.round(report.seconds)} s in all`;
    return [
      { id: 'api.faults.stuckKeys', value: report.stuckKeys, unit: 'keys', target: '== 0', note },
      { id: 'api.faults.lostWrites', value: report.lostWrites, unit: 'enrolments', target: '== 0', note },
    ];
  } finally {
    await polcenter.close();
  }
}
