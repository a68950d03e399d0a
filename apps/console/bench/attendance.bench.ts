import type { ChildProcess } from 'node:child_process';
import { elapsedMs, type Figure, freePort, launch, median, round, stopProcess as stop } from '@polcenter/bench';
import { createPolCenterClient } from '@polcenter/client';
import { createPolCenter, SYSTEM_ACTOR } from '@polcenter/core';
import {
  createTestPolCenter,
  fixtureClass,
  fixtureEnrolments,
  fixturePeople,
  fixtureProgram,
  fixtureUnit,
} from '@polcenter/core/testing';
import type { AttendanceMark } from '@polcenter/domain';
import { CLI } from '@polcenter/testing/server-process';
import { MarkQueue } from '../src/attendance/mark-queue.js';

export const ids = ['console.attendance.saveP50Ratio'];

const TRAINEES = 50;
const ROUNDS = 300;
const WARMUP = 50;
const USERNAME = 'bench.center';
const PASSWORD = 'bench-center-password';

/**
 * `console.attendance.saveP50Ratio`: one attendance mark saved the way the console's sheet saves
 * it — `MarkQueue.set` (a fresh Idempotency-Key), the typed tRPC client made for that key, HTTP to
 * a real `polcenter start` (production, logs off), center staff of the organiser signed in, the
 * key's transaction (ADR 0011) — until the queue says it is saved; ÷ the same mark through the
 * library in this process (`polcenter.attendance.recordMark`, which needs no key). Alternating
 * sides mark by mark on one running class of 50 trainees, each mark a real change (present ↔
 * absent); medians after a warm-up.
 */
export default async function attendanceBench(): Promise<Figure[]> {
  const polcenter = await createTestPolCenter();
  const library = await createPolCenter({ databaseUrl: polcenter.url, migrate: false, poolSize: 20 });
  let server: ChildProcess | undefined;
  try {
    const unit = await fixtureUnit(polcenter.orm, 'Trung tâm Chính trị huyện');
    const program = await fixtureProgram(polcenter.orm, 'NTĐ');
    const cls = await fixtureClass(polcenter.orm, {
      programId: program.id,
      unitId: unit,
      capacity: TRAINEES,
      status: 'running',
    });
    const sessionId = cls.sessionIds[0] as string;
    const enrolments = await fixtureEnrolments(
      polcenter.orm,
      cls.id,
      await fixturePeople(polcenter.orm, TRAINEES),
      'approved',
    );
    await polcenter.auth.createUser(SYSTEM_ACTOR, {
      username: USERNAME,
      displayName: 'Cán bộ Trung tâm',
      password: PASSWORD,
      roles: [{ role: 'center_staff', unitId: unit }],
    });
    const { token } = await polcenter.auth.signIn({ username: USERNAME, password: PASSWORD });
    const port = await freePort();
    server = await launch(
      process.execPath,
      [CLI, 'start', '--port', String(port)],
      { ...process.env, DATABASE_URL: polcenter.url, NODE_ENV: 'production', POLCENTER_LOG: '0', POLCENTER_DEMO: '0' },
      /listening|đang chạy/,
    );
    const url = `http://127.0.0.1:${port}/trpc`;
    const queue = new MarkQueue({
      retryDelay: () => 1000,
      send: async (m) => {
        await createPolCenterClient(url, { token: () => token, idempotencyKey: m.key }).attendance.recordMark.mutate({
          sessionId: m.sessionId,
          enrolmentId: m.enrolmentId,
          mark: m.mark,
        });
      },
    });
    const viaConsole = async (enrolmentId: string, mark: AttendanceMark) => {
      const start = process.hrtime.bigint();
      queue.set(sessionId, enrolmentId, mark);
      await queue.settled();
      if (queue.state(enrolmentId) !== 'saved')
        throw new Error(`the console's mark was not saved: ${queue.state(enrolmentId)}`);
      return elapsedMs(start);
    };
    const inProcess = async (enrolmentId: string, mark: AttendanceMark) => {
      const start = process.hrtime.bigint();
      await library.attendance.recordMark(SYSTEM_ACTOR, { sessionId, enrolmentId, mark });
      return elapsedMs(start);
    };
    const http: number[] = [];
    const lib: number[] = [];
    for (let i = -WARMUP; i < ROUNDS; i++) {
      const round = i + WARMUP;
      const mark: AttendanceMark = Math.floor(round / TRAINEES) % 2 === 0 ? 'absent' : 'present';
      const a = enrolments[round % TRAINEES] as string;
      // Both sides mark the same trainee in turn, in alternating order, each a real change.
      const first = round % 2 === 0 ? viaConsole : inProcess;
      const second = first === viaConsole ? inProcess : viaConsole;
      const other: AttendanceMark = mark === 'absent' ? 'excused' : 'absent';
      const t1 = await first(a, mark);
      const t2 = await second(a, other);
      if (i < 0) continue;
      (first === viaConsole ? http : lib).push(t1);
      (second === viaConsole ? http : lib).push(t2);
    }
    const sheet = await library.attendance.sheet(sessionId);
    const marked = sheet.lines.filter((l) => l.mark !== null).length;
    if (marked !== TRAINEES) throw new Error(`${marked} of ${TRAINEES} trainees marked`);
    const httpP50 = median(http);
    const libP50 = median(lib);
    return [
      {
        id: 'console.attendance.saveP50Ratio',
        value: httpP50 / libP50,
        unit: 'x in-process',
        baseline: 'polcenter.attendance.recordMark in process, same class and trainees',
        target: '<= 3',
        note: `p50 ${round(httpP50)} ms via MarkQueue + tRPC client + HTTP (center staff token, an Idempotency-Key per mark) vs ${round(libP50)} ms in process; ${ROUNDS} marks a side after ${WARMUP} warm-up, alternating, ${TRAINEES} trainees`,
      },
    ];
  } finally {
    if (server) await stop(server);
    await library.close();
    await polcenter.close();
  }
}
