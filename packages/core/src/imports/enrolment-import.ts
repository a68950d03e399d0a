import {
  assertOpenForEnrolment,
  DomainError,
  type EnrolmentImportField,
  type ImportRow,
  importValue,
  invalidInput,
  type LocalizedText,
  personPatch,
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
          for (const f of invalidInput(parsed.error.issues).fields) problem(row.line, f.field, f.message);
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
        const unitCode = v.unitCode?.trim() || null;
        parsedRows.push({ line: row.line, classCode, nationalId, fullName, birthDate, unitCode, note });
      }

      // 2. What the rows name: classes, units, people.
      const classIds = await tx.execute<{ id: string; code: string }[]>(
        'SELECT id, code FROM training_class WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))',
        [JSON.stringify([...new Set(parsedRows.map((r) => r.classCode))])],
      );
      const classes = new Map<string, ClassRow>();
      for (const { id, code } of classIds) classes.set(code, await loadClass(tx, id));
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
      }[] = [];
      const openError = new Map<string, LocalizedText | null>();
      for (const r of parsedRows) {
        const before = errors.length;
        const cls = classes.get(r.classCode);
        if (!cls) {
          problem(r.line, 'classCode', { vi: `Không có lớp mã "${r.classCode}".`, en: `No class "${r.classCode}".` });
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
        if (errors.length > before || !cls || !person || !unitId) continue;
        resolved.push({ line: r.line, cls, personId: person.id, personField, unitId, note: r.note });
      }

      // 3. Against each other and against the enrolments on file.
      const seen = new Map<string, number>();
      const fresh: typeof resolved = [];
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
        fresh.push(r);
      }
      const personIds = [...new Set(fresh.map((r) => r.personId))];
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

      const report = { total, created: toCreate.length, skipped, errors: errors.sort(byLine), dryRun };
      if (errors.length > 0 || dryRun) {
        options.onProgress?.(total, total);
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
          options.onProgress?.(done, toCreate.length);
        }
      }
      await audit(tx, actor, {
        action: 'import.enrolments',
        entity: 'import',
        entityId: null,
        after: { rows: total, created: toCreate.length, skipped: skipped.length },
      });
      return { ...report, written: true };
    });
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
