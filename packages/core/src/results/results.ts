import {
  type AttendanceMark,
  barredFromTestError,
  type ClassWorkInput,
  classNotRunningError,
  classWorkInput,
  computeResult,
  describeResultReason,
  type EnrolmentState,
  enrolmentNotFoundError,
  type GradeBand,
  holdsSeat,
  invalidFieldError,
  isBarredFromTest,
  type LocalizedText,
  notSeatedError,
  parseInput,
  type ResultOutcome,
  type ResultReason,
  recordRef,
  type ScoreGridInput,
  type ScoreSheetInput,
  scoreGridInput,
  scoreSheetInput,
  summariseAttendance,
} from '@polcenter/domain';
import { loadClass, lockEnrolment, SEATED_SQL } from '../enrolment/enrolment-sql.js';
import type { Actor } from '../kernel/actor.js';
import { type AuditEntry, audit } from '../kernel/audit.js';
import { inTransaction, type Sql } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import { TEACHING_STATUSES } from './attendance.js';

export interface ScoreLine {
  readonly label: string;
  readonly value: number;
  readonly weight: number;
}

export interface ScoresView {
  readonly enrolmentId: string;
  readonly scores: readonly ScoreLine[];
}

/** One trainee's computed result. */
export interface ResultView {
  readonly enrolmentId: string;
  readonly personId: string;
  readonly personName: string;
  readonly outcome: ResultOutcome;
  readonly finalScore: number | null;
  readonly classification: GradeBand | null;
  readonly reason: ResultReason;
  readonly reasonText: LocalizedText;
  /** Share of the class's periods missed (excused, absent or unmarked). */
  readonly missedRatio: number;
  /** False when this computation left the enrolment as it was. */
  readonly changed: boolean;
}

/** One trainee's line of a class's score grid: the papers' scores and the result last computed. */
export interface ScoreGridLine {
  readonly enrolmentId: string;
  readonly personId: string;
  readonly personName: string;
  readonly state: EnrolmentState;
  readonly scores: readonly ScoreLine[];
  readonly finalScore: number | null;
  readonly classification: GradeBand | null;
  /** Why the result is what it is, as computed; null before results are computed. */
  readonly reasonText: LocalizedText | null;
  /** Share of the class's periods missed so far (excused or absent; unmarked sessions not counted). */
  readonly missedRatio: number;
  /** Over the program's absence limit: may not sit the test (a score would be refused). */
  readonly barred: boolean;
}

/** A page of a class's score grid, with the program's papers and rules the grid follows. */
export interface ScoreGridView {
  readonly classId: string;
  readonly classStatus: string;
  /** Paper labels already used in the class, in the order first recorded. */
  readonly papers: readonly string[];
  readonly maxAbsenceRatio: number;
  readonly total: number;
  readonly lines: readonly ScoreGridLine[];
  readonly nextCursor: string | null;
}

/**
 * Scores on the 10-point scale and results by the program's rules: the attendance limit
 * (`maxAbsenceRatio`, over it → incomplete), the pass rule, and the grading scale.
 */
export class ResultService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  /**
   * Records a trainee's scores (several papers or one), replacing a paper's earlier score. A
   * trainee already over the absence limit may not sit the test: ENROLMENT.BARRED_FROM_TEST.
   */
  async recordScores(actor: Actor, input: ScoreSheetInput): Promise<ScoresView> {
    const data = parseInput(scoreSheetInput, input);
    const seen = new Set<string>();
    data.scores.forEach((s, i) => {
      if (seen.has(s.label)) {
        throw invalidFieldError(`scores.${i}.label`, {
          vi: 'Bài này đã có điểm trong cùng bảng.',
          en: 'This paper appears twice on the sheet.',
        });
      }
      seen.add(s.label);
    });
    await inTransaction(this.orm, async (tx) => {
      const e = await lockEnrolment(tx, data.enrolmentId, enrolmentNotFoundError);
      if (!holdsSeat(e.state)) throw notSeatedError(e.state);
      const cls = await loadClass(tx, e.class_id);
      if (!TEACHING_STATUSES.includes(cls.status)) throw classNotRunningError(cls.status);
      const sessions = await tx.execute<{ id: string; periods: number }[]>(
        'SELECT id, periods FROM class_session WHERE class_id = ?',
        [cls.id],
      );
      const marks = await tx.execute<{ session_id: string; mark: AttendanceMark }[]>(
        'SELECT session_id, mark FROM attendance WHERE enrolment_id = ?',
        [e.id],
      );
      // Sessions not yet marked do not bar anyone here; computing the result counts them.
      const summary = summariseAttendance(sessions, new Map(marks.map((m) => [m.session_id, m.mark])));
      if (isBarredFromTest(summary, cls.rules.maxAbsenceRatio)) {
        throw barredFromTestError(summary.missedPeriods / summary.totalPeriods, cls.rules.maxAbsenceRatio);
      }
      const before = await scoresOf(tx, e.id);
      await tx.execute(
        `INSERT INTO score (enrolment_id, component, value, weight, recorded_at)
         SELECT ?, x.label, x.value, x.weight, now()
           FROM jsonb_to_recordset(?::jsonb) AS x(label text, value numeric, weight numeric)
         ON CONFLICT (enrolment_id, component)
         DO UPDATE SET value = excluded.value, weight = excluded.weight, recorded_at = excluded.recorded_at`,
        [e.id, JSON.stringify(data.scores.map((s) => ({ label: s.label, value: s.value, weight: s.weight ?? 1 })))],
      );
      await audit(tx, actor, {
        action: 'score.record',
        entity: 'enrolment',
        entityId: e.id,
        before,
        after: await scoresOf(tx, e.id),
      });
    });
    return this.scores(data.enrolmentId);
  }

  async scores(enrolmentId: string): Promise<ScoresView> {
    const { id } = parseInput(recordRef, { id: enrolmentId });
    const em = this.orm.em.fork();
    const [e] = await em.execute('SELECT 1 FROM enrolment WHERE id = ?', [id]);
    if (!e) throw enrolmentNotFoundError(id);
    return { enrolmentId: id, scores: await scoresOf(em, id) };
  }

  /**
   * The class's score grid a page at a time (trainees holding a seat, in Vietnamese name order):
   * each trainee's scores, attendance so far, and the result last computed with its reason.
   */
  async grid(input: ScoreGridInput): Promise<ScoreGridView> {
    const data = parseInput(scoreGridInput, input);
    const offset = data.cursor ? Number(data.cursor) : 0;
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw invalidFieldError('cursor', { vi: 'Con trỏ trang không hợp lệ.', en: 'Not a valid page cursor.' });
    }
    const em = this.orm.em.fork();
    const cls = await loadClass(em, data.classId);
    const scale = cls.rules.gradingScale;
    const [{ total } = { total: 0 }] = await em.execute<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM enrolment WHERE class_id = ? AND state IN ${SEATED_SQL}`,
      [cls.id],
    );
    const rows = await em.execute<
      {
        id: string;
        person_id: string;
        full_name: string;
        state: EnrolmentState;
        final_score: number | null;
        classification: string | null;
        result_reason: ResultReason | null;
      }[]
    >(
      `SELECT e.id, e.person_id, p.full_name, e.state, e.final_score::float8 AS final_score, e.classification,
              e.result_reason
         FROM enrolment e JOIN person p ON p.id = e.person_id
        WHERE e.class_id = ? AND e.state IN ${SEATED_SQL}
        ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", e.id
        LIMIT ${data.limit} OFFSET ${offset}`,
      [cls.id],
    );
    const ids = `{${rows.map((r) => r.id).join(',')}}`;
    const sessions = await em.execute<{ id: string; periods: number }[]>(
      'SELECT id, periods FROM class_session WHERE class_id = ?',
      [cls.id],
    );
    const marks = await em.execute<{ enrolment_id: string; session_id: string; mark: AttendanceMark }[]>(
      'SELECT enrolment_id, session_id, mark FROM attendance WHERE enrolment_id = ANY(?::uuid[])',
      [ids],
    );
    const scores = await em.execute<{ enrolment_id: string; component: string; value: number; weight: number }[]>(
      `SELECT enrolment_id, component, value::float8 AS value, weight::float8 AS weight FROM score
        WHERE enrolment_id = ANY(?::uuid[]) ORDER BY recorded_at, component`,
      [ids],
    );
    const papers = await em.execute<{ component: string }[]>(
      `SELECT s.component FROM score s JOIN enrolment e ON e.id = s.enrolment_id
        WHERE e.class_id = ? GROUP BY s.component ORDER BY min(s.recorded_at), s.component`,
      [cls.id],
    );
    const lines = rows.map((r): ScoreGridLine => {
      const own = new Map(marks.filter((m) => m.enrolment_id === r.id).map((m) => [m.session_id, m.mark]));
      const all = summariseAttendance(sessions, own);
      return {
        enrolmentId: r.id,
        personId: r.person_id,
        personName: r.full_name,
        state: r.state,
        scores: scores
          .filter((x) => x.enrolment_id === r.id)
          .map((x) => ({ label: x.component, value: x.value, weight: x.weight })),
        finalScore: r.final_score,
        classification: scale.find((band) => band.code === r.classification) ?? null,
        reasonText: r.result_reason ? describeResultReason(r.result_reason) : null,
        missedRatio: all.missedRatio,
        barred: isBarredFromTest(all, cls.rules.maxAbsenceRatio),
      };
    });
    const next = offset + rows.length;
    return {
      classId: cls.id,
      classStatus: cls.status,
      papers: papers.map((p) => p.component),
      maxAbsenceRatio: cls.rules.maxAbsenceRatio,
      total,
      lines,
      nextCursor: next < total ? String(next) : null,
    };
  }

  /**
   * Computes every seated trainee's result in a class from attendance and scores, by the
   * program's rules, and writes state (passed / failed / incomplete), final score and
   * classification where they changed, each change audited. Run again after a correction.
   */
  async computeForClass(actor: Actor, input: ClassWorkInput): Promise<ResultView[]> {
    const data = parseInput(classWorkInput, input);
    return inTransaction(this.orm, async (tx) => {
      const cls = await loadClass(tx, data.classId);
      // One computation per class at a time, and no withdrawal in between.
      await tx.execute('SELECT 1 FROM training_class WHERE id = ? FOR NO KEY UPDATE', [cls.id]);
      if (!TEACHING_STATUSES.includes(cls.status)) throw classNotRunningError(cls.status);
      const sessions = await tx.execute<{ id: string; periods: number }[]>(
        'SELECT id, periods FROM class_session WHERE class_id = ?',
        [cls.id],
      );
      const enrolments = await tx.execute<
        {
          id: string;
          person_id: string;
          full_name: string;
          state: EnrolmentState;
          final_score: number | null;
          classification: string | null;
        }[]
      >(
        `SELECT e.id, e.person_id, p.full_name, e.state, e.final_score::float8 AS final_score, e.classification
           FROM enrolment e JOIN person p ON p.id = e.person_id
          WHERE e.class_id = ? AND e.state IN ${SEATED_SQL}
          ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", e.id
          FOR NO KEY UPDATE OF e`,
        [cls.id],
      );
      const marks = await tx.execute<{ enrolment_id: string; session_id: string; mark: AttendanceMark }[]>(
        `SELECT a.enrolment_id, a.session_id, a.mark FROM attendance a JOIN enrolment e ON e.id = a.enrolment_id
          WHERE e.class_id = ? AND e.state IN ${SEATED_SQL}`,
        [cls.id],
      );
      const scores = await tx.execute<{ enrolment_id: string; value: number; weight: number }[]>(
        `SELECT s.enrolment_id, s.value::float8 AS value, s.weight::float8 AS weight
           FROM score s JOIN enrolment e ON e.id = s.enrolment_id
          WHERE e.class_id = ? AND e.state IN ${SEATED_SQL}`,
        [cls.id],
      );
      const marksOf = new Map<string, Map<string, AttendanceMark>>();
      for (const m of marks) {
        const map = marksOf.get(m.enrolment_id) ?? new Map<string, AttendanceMark>();
        map.set(m.session_id, m.mark);
        marksOf.set(m.enrolment_id, map);
      }
      const results: ResultView[] = [];
      const updates: Record<string, unknown>[] = [];
      const entries: AuditEntry[] = [];
      for (const e of enrolments) {
        const attendance = summariseAttendance(sessions, marksOf.get(e.id) ?? new Map());
        const result = computeResult({
          passRule: cls.rules.passRule,
          attendance,
          scores: scores.filter((s) => s.enrolment_id === e.id).map((s) => ({ value: s.value, weight: s.weight })),
          maxAbsenceRatio: cls.rules.maxAbsenceRatio,
          scale: cls.rules.gradingScale,
        });
        const classification = result.classification?.code ?? null;
        const changed =
          e.state !== result.outcome ||
          (e.final_score === null ? null : Number(e.final_score)) !== result.finalScore ||
          e.classification !== classification;
        if (changed) {
          updates.push({
            id: e.id,
            state: result.outcome,
            final_score: result.finalScore,
            classification,
            reason: result.reason,
          });
          entries.push({
            action: 'enrolment.result',
            entity: 'enrolment',
            entityId: e.id,
            before: { state: e.state, finalScore: e.final_score, classification: e.classification },
            after: { state: result.outcome, finalScore: result.finalScore, classification, reason: result.reason },
          });
        }
        const missed = attendance.missedPeriods + attendance.unmarkedPeriods;
        results.push({
          enrolmentId: e.id,
          personId: e.person_id,
          personName: e.full_name,
          outcome: result.outcome,
          finalScore: result.finalScore,
          classification: result.classification,
          reason: result.reason,
          reasonText: describeResultReason(result.reason),
          missedRatio: attendance.totalPeriods === 0 ? 0 : missed / attendance.totalPeriods,
          changed,
        });
      }
      if (updates.length > 0) {
        // Approved trainees never marked go through `attending` to their result in this one write.
        await tx.execute(
          `UPDATE enrolment e
              SET state = x.state, final_score = x.final_score, classification = x.classification,
                  result_reason = x.reason, decided_at = now(), updated_at = now(), version = e.version + 1
             FROM jsonb_to_recordset(?::jsonb) AS x(id uuid, state text, final_score numeric, classification text,
                                                    reason jsonb)
            WHERE e.id = x.id`,
          [JSON.stringify(updates)],
        );
        await audit(tx, actor, ...entries);
      }
      return results;
    });
  }
}

async function scoresOf(em: Sql, enrolmentId: string): Promise<{ label: string; value: number; weight: number }[]> {
  const rows = await em.execute<{ component: string; value: number; weight: number }[]>(
    `SELECT component, value::float8 AS value, weight::float8 AS weight FROM score
      WHERE enrolment_id = ? ORDER BY recorded_at, component`,
    [enrolmentId],
  );
  return rows.map((r) => ({ label: r.component, value: Number(r.value), weight: Number(r.weight) }));
}
