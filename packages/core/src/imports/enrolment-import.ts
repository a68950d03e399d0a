import { randomUUID } from 'node:crypto';
import {
  assertOpenForEnrolment,
  classify,
  DomainError,
  ENROLMENT_STATE_NAMES,
  ENROLMENT_STATES,
  type EnrolmentImportField,
  type EnrolmentState,
  foldDiacritics,
  type GradingScale,
  type ImportRow,
  importValue,
  invalidInput,
  type LocalizedText,
  personPatch,
  score,
} from '@polcenter/domain';
import { enrolmentChecks } from '../enrolment/checks.js';
import { type ClassRow, loadClass, lockPeople } from '../enrolment/enrolment-sql.js';
import { insertNominations } from '../enrolment/writes.js';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { inTransaction, type Sql } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import type { ImportOptions, ImportProblem, ImportReport, ImportSkip } from './import-report.js';
import {
  byLine,
  chunks,
  type ExistingPerson,
  groupBy,
  PersonIndex,
  peopleMatching,
  REQUIRED,
  unitsByCode,
} from './import-rows.js';

/** Imports nominations from a file: see `ImportService.enrolments`. */
export class EnrolmentImport {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(
    private readonly orm: Orm,
    private readonly today: () => string,
  ) {}

  /**
   * Nominations of people to classes, each row naming the class by code, the person by national
   * ID (or by name and birth date when the file has no ID) and, optionally, the nominating unit by
   * code (else the person's own unit). The rules are `enrolment.nominate`'s: the class open for
   * enrolment, the program's eligibility, no clash with a class the person is in (or is put in by
   * the same file). A person already enrolled in the class is skipped and reported.
   */
  async enrolments(
    actor: Actor,
    rows: readonly ImportRow<EnrolmentImportField>[],
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    const dryRun = options.dryRun ?? false;
    const total = rows.length;
    const today = this.today();
    return inTransaction(this.orm, async (tx) => {
      const errors: ImportProblem[] = [];
      const problem = (line: number, field: string, message: LocalizedText) => errors.push({ line, field, message });

      // 1. Each row on its own: fields well-formed.
      const parsedRows: {
        line: number;
        classCode: string;
        nationalId: string | null;
        fullName: string | null;
        birthDate: string | null;
        unitCode: string | null;
        note: string | null;
        past: PastResult | null;
      }[] = [];
      for (const row of rows) {
        const v = row.values;
        const before = errors.length;
        const classCode = v.classCode?.trim() ?? '';
        if (!classCode) problem(row.line, 'classCode', REQUIRED);
        const identity: Record<string, string> = {};
        for (const field of ['nationalId', 'fullName', 'birthDate'] as const) {
          const value = importValue(field, v[field]);
          if (value !== undefined) identity[field] = value;
        }
        const parsed = personPatch.safeParse(identity);
        if (!parsed.success) {
          for (const f of invalidInput(parsed.error.issues, identity).fields) problem(row.line, f.field, f.message);
        }
        const note = v.note?.trim() || null;
        if (note && note.length > 500) {
          problem(row.line, 'note', { vi: 'Dài quá 500 ký tự.', en: 'Longer than 500 characters.' });
        }
        if (errors.length > before || !parsed.success) continue;
        const { nationalId = null, fullName = null, birthDate = null } = parsed.data;
        if (!nationalId && !(fullName && birthDate)) {
          problem(row.line, fullName ? 'birthDate' : 'nationalId', {
            vi: 'Cần số CCCD, hoặc họ tên cùng ngày sinh, để biết là ai.',
            en: 'A national ID, or the full name with the date of birth, is needed to know who it is.',
          });
          continue;
        }
        const past = pastResultOf(row.line, v, problem);
        if (errors.length > before) continue;
        const unitCode = v.unitCode?.trim() || null;
        parsedRows.push({ line: row.line, classCode, nationalId, fullName, birthDate, unitCode, note, past });
        if (parsedRows.length % 200 === 0) options.onProgress?.(parsedRows.length, total, 'check');
      }

      // 2. What the rows name: classes, units, people.
      const classIds = await tx.execute<{ id: string; code: string }[]>(
        'SELECT id, code FROM training_class WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))',
        [JSON.stringify([...new Set(parsedRows.map((r) => r.classCode))])],
      );
      const classes = new Map<string, ClassRow>();
      for (const { id, code } of classIds) {
        const cls = await loadClass(tx, id);
        // A class outside the person's units is answered as no class, as everywhere (ADR 0026).
        if (!options.scope || options.scope(cls.organiser_unit_id)) classes.set(code, cls);
      }
      const units = await unitsByCode(
        tx,
        parsedRows.flatMap((r) => (r.unitCode ? [r.unitCode] : [])),
      );
      const people = new PersonIndex(
        await peopleMatching(
          tx,
          parsedRows.map((r) => ({
            fullName: r.fullName ?? '',
            birthDate: r.birthDate ?? '1900-01-01',
            nationalId: r.nationalId,
          })),
        ),
      );

      const resolved: {
        line: number;
        cls: ClassRow;
        personId: string;
        personField: string;
        unitId: string;
        note: string | null;
        past: (PastResult & { classification: string | null }) | null;
      }[] = [];
      const openError = new Map<string, LocalizedText | null>();
      for (const r of parsedRows) {
        const before = errors.length;
        const cls = classes.get(r.classCode);
        if (!cls) {
          problem(r.line, 'classCode', { vi: `Không có lớp mã "${r.classCode}".`, en: `No class "${r.classCode}".` });
        } else if (r.past) {
          // A past class's result: only into a class that has ended, whatever its window said.
          if (cls.status !== 'finished' && cls.status !== 'closed') {
            problem(r.line, 'state', {
              vi: `Lớp ${cls.code} chưa kết thúc; chỉ nhập kết quả cho lớp đã kết thúc.`,
              en: `Class ${cls.code} has not ended; results are imported only into a class that has.`,
            });
          }
        } else {
          if (!openError.has(cls.id)) {
            try {
              assertOpenForEnrolment(
                { status: cls.status, enrolmentOpensOn: cls.opens_on, enrolmentClosesOn: cls.closes_on },
                today,
              );
              openError.set(cls.id, null);
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              openError.set(cls.id, error.text);
            }
          }
          const closed = openError.get(cls.id);
          if (closed) problem(r.line, 'classCode', closed);
        }
        let person: ExistingPerson | undefined;
        let personField = 'nationalId';
        if (r.nationalId) {
          person = people.withId(r.nationalId);
          if (!person) {
            problem(r.line, 'nationalId', {
              vi: 'Không có ai mang số CCCD này trong danh sách cá nhân.',
              en: 'No one on file has this national ID.',
            });
          }
        } else if (r.fullName && r.birthDate) {
          personField = 'fullName';
          const found = people.withNameBirth(r.fullName, r.birthDate);
          if (found.length === 1) person = found[0];
          else if (found.length === 0) {
            problem(r.line, 'fullName', {
              vi: 'Không có ai cùng họ tên và ngày sinh này trong danh sách cá nhân.',
              en: 'No one on file has this name and date of birth.',
            });
          } else {
            problem(r.line, 'fullName', {
              vi: `Có ${found.length} người cùng họ tên và ngày sinh; hãy ghi số CCCD.`,
              en: `${found.length} people share this name and date of birth; give the national ID.`,
            });
          }
        }
        let unitId: string | undefined;
        if (r.unitCode) {
          unitId = units.get(r.unitCode);
          if (!unitId) {
            problem(r.line, 'unitCode', {
              vi: `Không có đơn vị mã "${r.unitCode}".`,
              en: `No unit with code "${r.unitCode}".`,
            });
          }
        } else if (person) {
          unitId = person.unitId ?? undefined;
          if (!unitId) problem(r.line, 'unitCode', REQUIRED);
        }
        const past = r.past && cls ? withClassification(r.line, r.past, cls.rules.gradingScale, problem) : null;
        if (errors.length > before || !cls || !person || !unitId) continue;
        resolved.push({ line: r.line, cls, personId: person.id, personField, unitId, note: r.note, past });
      }

      // 3. Against each other and against the enrolments on file.
      const seen = new Map<string, number>();
      const fresh: typeof resolved = [];
      const pastRows: ((typeof resolved)[number] & { past: NonNullable<(typeof resolved)[number]['past']> })[] = [];
      for (const r of resolved) {
        const key = `${r.cls.id}|${r.personId}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          problem(r.line, r.personField, {
            vi: `Người này đã được ghi vào lớp ${r.cls.code} ở dòng ${earlier}.`,
            en: `This person is already put in class ${r.cls.code} on line ${earlier}.`,
          });
          continue;
        }
        seen.set(key, r.line);
        if (r.past) pastRows.push({ ...r, past: r.past });
        else fresh.push(r);
      }
      const personIds = [...new Set([...fresh, ...pastRows].map((r) => r.personId))];
      // Locked before the checks, as every path that creates an enrolment does (a dry run and a file
      // with errors too: the transaction is short and writes nothing).
      const locked = new Map((await lockPeople(tx, personIds, () => 'personId')).map((p) => [p.id, p]));
      const skipped: ImportSkip[] = [];
      const toCreate: typeof resolved = [];
      const byClass = groupBy(fresh, (r) => r.cls.id);
      for (const group of byClass.values()) {
        const cls = group[0]?.cls as ClassRow;
        const checks = await enrolmentChecks(
          tx,
          cls,
          group.flatMap((r) => locked.get(r.personId) ?? []),
        );
        for (const r of group) {
          const existingId = checks.existing.get(r.personId)?.id;
          const refusal = checks.refusals.get(r.personId);
          if (existingId) {
            skipped.push({
              line: r.line,
              existingId,
              message: {
                vi: `Người này đã ghi danh vào lớp ${cls.code}.`,
                en: `This person is already enrolled in class ${cls.code}.`,
              },
            });
          } else if (refusal) problem(r.line, r.personField, refusal.text);
          else toCreate.push(r);
        }
      }
      await this.clashesWithin(tx, toCreate, problem);
      const pastToCreate = await this.pastChecks(tx, pastRows, skipped, problem);

      const createdCount = toCreate.length + pastToCreate.length;
      const report = {
        total,
        created: createdCount,
        skipped: skipped.sort((a, b) => a.line - b.line),
        errors: errors.sort(byLine),
        dryRun,
      };
      if (errors.length > 0 || dryRun) {
        options.onProgress?.(total, total, 'check');
        return { ...report, written: false };
      }

      // 4. Written in the order of the file (which is the waitlist's order), a group at a time.
      let done = 0;
      const groups = groupBy(toCreate, (r) => `${r.cls.id}|${r.unitId}|${r.note ?? ''}`);
      for (const group of groups.values()) {
        const first = group[0] as (typeof toCreate)[number];
        for (const batch of chunks(group, options.batchSize ?? 1000)) {
          const created = await insertNominations(
            tx,
            first.cls,
            batch.flatMap((r) => locked.get(r.personId) ?? []),
            { unitId: first.unitId, note: first.note },
          );
          if (created.length !== batch.length) {
            // Every writer of enrolments holds the person locks taken above, so this cannot happen.
            throw new Error('an enrolment of this import was created meanwhile by another writer; import again');
          }
          await audit(
            tx,
            actor,
            ...created.map((e) => ({
              action: 'enrolment.nominate',
              entity: 'enrolment',
              entityId: e.id,
              before: null,
              after: {
                classId: first.cls.id,
                personId: e.person_id,
                unitId: first.unitId,
                state: 'nominated',
                imported: true,
              },
            })),
          );
          done += batch.length;
          options.onProgress?.(done, createdCount, 'write');
        }
      }
      done += await this.writePast(tx, actor, pastToCreate);
      options.onProgress?.(done, createdCount, 'write');
      await audit(tx, actor, {
        action: 'import.enrolments',
        entity: 'import',
        entityId: null,
        after: { rows: total, created: createdCount, skipped: skipped.length },
      });
      return { ...report, written: true };
    });
  }

  /**
   * Rows of a past class: a person already in the class (in any state) is skipped, and the seats the
   * results take (passed, failed, incomplete) must fit the class's capacity, checked with the
   * classes locked so that a concurrent import counts after this one.
   */
  private async pastChecks<R extends { line: number; cls: ClassRow; personId: string; past: PastResult }>(
    tx: Sql,
    rows: readonly R[],
    skipped: ImportSkip[],
    problem: (line: number, field: string, message: LocalizedText) => void,
  ): Promise<R[]> {
    if (rows.length === 0) return [];
    const classIds = [...new Set(rows.map((r) => r.cls.id))];
    const seats = new Map(
      (
        await tx.execute<{ id: string; capacity: number; seats_taken: number }[]>(
          `SELECT id, capacity, seats_taken FROM training_class
            WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)::uuid) ORDER BY id FOR UPDATE`,
          [JSON.stringify(classIds)],
        )
      ).map((c) => [c.id, { free: c.capacity - c.seats_taken, capacity: c.capacity }]),
    );
    const existing = new Map(
      (
        await tx.execute<{ id: string; class_id: string; person_id: string }[]>(
          `SELECT DISTINCT ON (class_id, person_id) id, class_id, person_id FROM enrolment
            WHERE (class_id, person_id) IN (SELECT (x->>0)::uuid, (x->>1)::uuid FROM jsonb_array_elements(?::jsonb) x)
            ORDER BY class_id, person_id, created_at`,
          [JSON.stringify(rows.map((r) => [r.cls.id, r.personId]))],
        )
      ).map((e) => [`${e.class_id}|${e.person_id}`, e.id]),
    );
    const out: R[] = [];
    for (const r of rows) {
      const existingId = existing.get(`${r.cls.id}|${r.personId}`);
      if (existingId) {
        skipped.push({
          line: r.line,
          existingId,
          message: {
            vi: `Người này đã có trong lớp ${r.cls.code}.`,
            en: `This person is already in class ${r.cls.code}.`,
          },
        });
        continue;
      }
      const room = seats.get(r.cls.id);
      if (room && SEATED.has(r.past.state)) {
        if (room.free <= 0) {
          problem(r.line, 'classCode', {
            vi: `Lớp ${r.cls.code} chỉ có ${room.capacity} chỗ; dòng này vượt sĩ số.`,
            en: `Class ${r.cls.code} has ${room.capacity} seats; this row is beyond them.`,
          });
          continue;
        }
        room.free--;
      }
      out.push(r);
    }
    return out;
  }

  /** Writes a past class's enrolments as they ended, its seats taken, each audited. */
  private async writePast(
    tx: Sql,
    actor: Actor,
    rows: readonly {
      cls: ClassRow;
      personId: string;
      unitId: string;
      note: string | null;
      past: PastResult & { classification: string | null };
    }[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const records = rows.map((r) => ({
      id: randomUUID(),
      class_id: r.cls.id,
      person_id: r.personId,
      state: r.past.state,
      nominated_by_unit_id: r.unitId,
      requested_at: r.cls.start_date,
      decided_at: r.cls.end_date,
      final_score: r.past.finalScore,
      classification: r.past.classification,
      note: r.note,
    }));
    await tx.execute(
      `INSERT INTO enrolment (id, class_id, person_id, state, origin, nominated_by_unit_id, requested_at, decided_at,
                              final_score, classification, note)
       SELECT id, class_id, person_id, state, 'nominated', nominated_by_unit_id, requested_at, decided_at,
              final_score, classification, note
         FROM jsonb_to_recordset(?::jsonb) AS x(id uuid, class_id uuid, person_id uuid, state text,
              nominated_by_unit_id uuid, requested_at date, decided_at date, final_score numeric,
              classification text, note text)`,
      [JSON.stringify(records)],
      'run',
    );
    const seated = groupBy(
      rows.filter((r) => SEATED.has(r.past.state)),
      (r) => r.cls.id,
    );
    for (const [classId, group] of seated) {
      await tx.execute(
        'UPDATE training_class SET seats_taken = seats_taken + ? WHERE id = ?',
        [group.length, classId],
        'run',
      );
    }
    await audit(
      tx,
      actor,
      ...records.map((e) => ({
        action: 'enrolment.historical',
        entity: 'enrolment',
        entityId: e.id,
        before: null,
        after: {
          classId: e.class_id,
          personId: e.person_id,
          unitId: e.nominated_by_unit_id,
          state: e.state,
          classification: e.classification,
          finalScore: e.final_score,
          imported: true,
        },
      })),
    );
    return rows.length;
  }

  /** A person put by the file into two classes whose sessions overlap: the later line is refused. */
  private async clashesWithin(
    tx: Sql,
    rows: readonly { line: number; cls: ClassRow; personId: string; personField: string }[],
    problem: (line: number, field: string, message: LocalizedText) => void,
  ): Promise<void> {
    const classIds = [...new Set(rows.map((r) => r.cls.id))];
    if (classIds.length < 2) return;
    const pairs = await tx.execute<{ a: string; b: string }[]>(
      `SELECT DISTINCT x.class_id AS a, y.class_id AS b
         FROM class_session x JOIN class_session y
           ON x.date = y.date AND x.start_time < y.end_time AND y.start_time < x.end_time AND x.class_id <> y.class_id
        WHERE x.class_id IN (SELECT jsonb_array_elements_text(?::jsonb)::uuid)
          AND y.class_id IN (SELECT jsonb_array_elements_text(?::jsonb)::uuid)`,
      [JSON.stringify(classIds), JSON.stringify(classIds)],
    );
    if (pairs.length === 0) return;
    const overlapping = new Set(pairs.map((p) => `${p.a}|${p.b}`));
    const byPerson = groupBy(rows, (r) => r.personId);
    for (const mine of byPerson.values()) {
      for (let i = 1; i < mine.length; i++) {
        const later = mine[i] as (typeof rows)[number];
        const clash = mine.slice(0, i).find((earlier) => overlapping.has(`${earlier.cls.id}|${later.cls.id}`));
        if (clash) {
          problem(later.line, later.personField, {
            vi: `Trùng lịch với lớp ${clash.cls.code} (dòng ${clash.line}).`,
            en: `Clashes with class ${clash.cls.code} (line ${clash.line}).`,
          });
        }
      }
    }
  }
}

/** How a trainee of a past class ended, as a row of the file says it. */
interface PastResult {
  readonly state: EnrolmentState;
  readonly finalScore: number | null;
  /** The cell as written; read against the class's own grading scale once the class is known. */
  readonly classificationText: string | null;
}

/** The end states a past class's row may give; those that took a seat count against its capacity. */
const PAST_STATES: readonly EnrolmentState[] = ['passed', 'failed', 'incomplete', 'withdrawn', 'rejected'];
const SEATED = new Set<EnrolmentState>(['passed', 'failed', 'incomplete']);

/** A row's result columns, when it has any: the state it ended in is then required. */
function pastResultOf(
  line: number,
  values: Partial<Record<EnrolmentImportField, string>>,
  problem: (line: number, field: string, message: LocalizedText) => void,
): PastResult | null {
  const stateText = values.state?.trim();
  const classificationText = values.classification?.trim() || null;
  const scoreText = values.finalScore?.trim();
  const named = stateText ? (importValue('state', stateText) as EnrolmentState) : undefined;
  // A state before the end (an open class's row of our own export: nominated, approved…) is a nomination.
  const ongoing = named !== undefined && ENROLMENT_STATES.includes(named) && !PAST_STATES.includes(named);
  if (!classificationText && !scoreText && (!stateText || ongoing)) return null;
  let state: EnrolmentState | null = null;
  if (!stateText) {
    problem(line, 'state', {
      vi: 'Kết quả của lớp đã học cần trạng thái cuối: Hoàn thành, Không đạt hoặc Không đủ điều kiện hoàn thành.',
      en: 'A past class’s result needs the state it ended in: Passed, Failed or Incomplete.',
    });
  } else {
    const code = importValue('state', stateText) as EnrolmentState;
    if (PAST_STATES.includes(code)) state = code;
    else {
      const names = PAST_STATES.map((s) => ENROLMENT_STATE_NAMES[s]);
      problem(line, 'state', {
        vi: `Không nhận ra "${stateText}"; dùng một trong: ${names.map((n) => n.vi).join(', ')}.`,
        en: `"${stateText}" is not recognised; use one of: ${names.map((n) => n.en).join(', ')}.`,
      });
    }
  }
  let finalScore: number | null = null;
  if (scoreText) {
    const parsed = score.safeParse(scoreText);
    if (parsed.success) finalScore = parsed.data;
    else {
      problem(line, 'finalScore', {
        vi: `"${scoreText}" không phải điểm từ 0 đến 10, một chữ số thập phân (ví dụ 7,5).`,
        en: `"${scoreText}" is not a score from 0 to 10 with one decimal (e.g. 7.5).`,
      });
    }
  }
  return state ? { state, finalScore, classificationText } : null;
}

/**
 * The classification in the class's own scale: its band's code, by the code or the band's name
 * (diacritics optional); from the score when the file gives none, for a passed or failed result.
 */
function withClassification(
  line: number,
  past: PastResult,
  scale: GradingScale,
  problem: (line: number, field: string, message: LocalizedText) => void,
): PastResult & { classification: string | null } {
  const text = past.classificationText;
  if (!text) {
    const derived =
      past.finalScore !== null && (past.state === 'passed' || past.state === 'failed')
        ? classify(past.finalScore, scale).code
        : null;
    return { ...past, classification: derived };
  }
  const folded = foldDiacritics(text);
  const band = scale.find(
    (b) => b.code === text || foldDiacritics(b.name.vi) === folded || foldDiacritics(b.name.en) === folded,
  );
  if (!band) {
    problem(line, 'classification', {
      vi: `Không nhận ra "${text}"; dùng một trong: ${scale.map((b) => b.name.vi).join(', ')}.`,
      en: `"${text}" is not recognised; use one of: ${scale.map((b) => b.name.en).join(', ')}.`,
    });
  }
  return { ...past, classification: band?.code ?? null };
}
