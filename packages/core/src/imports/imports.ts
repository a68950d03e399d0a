import { randomUUID } from 'node:crypto';
import {
  assertOpenForEnrolment,
  DomainError,
  type DuplicateProbe,
  duplicatePersonError,
  duplicateReason,
  type EnrolmentImportField,
  findDuplicates,
  foldDiacritics,
  type ImportRow,
  importValue,
  invalidInput,
  type LocalizedText,
  nameBirthKey,
  type PersonImportField,
  personInput,
  personPatch,
  splitFullName,
  type ValidPersonInput,
} from '@polcenter/domain';
import { enrolmentChecks, insertNominations } from '../enrolment/enrolment.js';
import { type ClassRow, type ClockOptions, loadClass, lockPeople, vietnamToday } from '../enrolment/enrolment-sql.js';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { inTransaction, type Sql } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import { columns, lockIdentities, PERSON_COLUMNS } from '../people/people.js';

/** One bad cell (or row) of an imported file. */
export interface ImportProblem {
  /** Line of the file (1 is the header line). */
  readonly line: number;
  /** The field at fault, as the file's columns are named (`birthDate`, `unitCode`…), or `(row)`. */
  readonly field: string;
  readonly message: LocalizedText;
}

/** A row that is already on file: reported, not written twice. */
export interface ImportSkip {
  readonly line: number;
  readonly existingId: string;
  readonly message: LocalizedText;
}

export interface ImportReport {
  readonly total: number;
  /** Written (or, on a dry run or with errors, that would have been). */
  readonly created: number;
  readonly skipped: readonly ImportSkip[];
  /** Every bad row, in line order. When there is any, nothing was written. */
  readonly errors: readonly ImportProblem[];
  readonly dryRun: boolean;
  /** True only when the rows were committed. */
  readonly written: boolean;
}

export interface ImportOptions {
  /** Check everything, write nothing. */
  readonly dryRun?: boolean;
  /** Called as rows are written (or, on a dry run, once checked). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Rows per INSERT (default 1,000). */
  readonly batchSize?: number;
}

const REQUIRED: LocalizedText = { vi: 'Bắt buộc phải có.', en: 'Required.' };
// A well-formed id that names no unit, so the schema checks the other fields of a row whose unit is unknown.
const NO_UNIT = '00000000-0000-4000-8000-000000000000';

const SQL_TYPES: Record<(typeof PERSON_COLUMNS)[number], string> = {
  full_name: 'text',
  given_name: 'text',
  search_name: 'text',
  birth_date: 'date',
  gender: 'text',
  ethnicity: 'text',
  unit_id: 'uuid',
  position: 'text',
  party_status: 'text',
  party_admitted_on: 'date',
  education_level: 'text',
  phone: 'text',
  national_id: 'text',
};

const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line || a.field.localeCompare(b.field);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

async function unitsByCode(tx: Sql, codes: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(codes)];
  if (list.length === 0) return new Map();
  const rows = await tx.execute<{ id: string; code: string }[]>(
    'SELECT id, code FROM unit WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))',
    [JSON.stringify(list)],
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

interface ExistingPerson extends DuplicateProbe {
  readonly id: string;
  readonly unitId: string | null;
}

/** People on file with one of these national IDs, or one of these name + birth date pairs. */
async function peopleMatching(
  tx: Sql,
  probes: readonly { fullName: string; birthDate: string; nationalId?: string | null }[],
): Promise<ExistingPerson[]> {
  if (probes.length === 0) return [];
  const ids = [...new Set(probes.flatMap((p) => (p.nationalId ? [p.nationalId] : [])))];
  const pairs = probes.map((p) => [foldDiacritics(p.fullName.normalize('NFC')), p.birthDate]);
  const rows = await tx.execute<
    { id: string; full_name: string; birth_date: string | null; national_id: string | null; unit_id: string | null }[]
  >(
    `SELECT id, full_name, birth_date::text AS birth_date, national_id, unit_id FROM person
      WHERE national_id IN (SELECT jsonb_array_elements_text(?::jsonb))
         OR (search_name, birth_date) IN (SELECT x->>0, (x->>1)::date FROM jsonb_array_elements(?::jsonb) x)`,
    [JSON.stringify(ids), JSON.stringify(pairs)],
  );
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    birthDate: r.birth_date ?? '',
    nationalId: r.national_id,
    unitId: r.unit_id,
  }));
}

/** Looks people up by national ID and by name + birth date. */
class PersonIndex {
  private readonly byId = new Map<string, ExistingPerson>();
  private readonly byKey = new Map<string, ExistingPerson[]>();

  constructor(people: readonly ExistingPerson[]) {
    for (const p of people) {
      if (p.nationalId) this.byId.set(p.nationalId, p);
      const key = nameBirthKey(p.fullName, p.birthDate);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), p]);
    }
  }

  withId(nationalId: string): ExistingPerson | undefined {
    return this.byId.get(nationalId);
  }

  withNameBirth(fullName: string, birthDate: string): ExistingPerson[] {
    return this.byKey.get(nameBirthKey(fullName, birthDate)) ?? [];
  }

  /** The records a probe probably is, by the domain's rule, strongest reason first. */
  duplicatesOf(probe: DuplicateProbe) {
    const candidates = new Set<ExistingPerson>(this.withNameBirth(probe.fullName, probe.birthDate));
    const sameId = probe.nationalId ? this.withId(probe.nationalId) : undefined;
    if (sameId) candidates.add(sameId);
    return findDuplicates(probe, [...candidates]);
  }
}

/** The row's fields under the names of the file's columns (the schemas name `unitId`). */
function fileField(path: string): string {
  return path === 'unitId' ? 'unitCode' : path;
}

/**
 * Bulk imports from files (people, enrolments): every row is checked by the same rules as a
 * single record, all problems are reported with their line, and only a file without any is
 * written — in one transaction, with an audit row per record, or not at all.
 */
export class ImportService {
  private readonly today: () => string;

  constructor(
    private readonly orm: Orm,
    options: ClockOptions = {},
  ) {
    this.today = options.today ?? vietnamToday;
  }

  /**
   * People, each checked like `people.create` (the `personInput` schema, the unit by its code).
   * Someone already on file (same national ID, or same name and birth date) is skipped and
   * reported; two rows of the file that are one person are an error.
   */
  async people(
    actor: Actor,
    rows: readonly ImportRow<PersonImportField>[],
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    const dryRun = options.dryRun ?? false;
    const total = rows.length;
    return inTransaction(this.orm, async (tx) => {
      const errors: ImportProblem[] = [];
      const units = await unitsByCode(
        tx,
        rows.flatMap((r) => {
          const code = r.values.unitCode?.trim();
          return code ? [code] : [];
        }),
      );
      const valid: { line: number; data: ValidPersonInput }[] = [];
      for (const row of rows) {
        const v = row.values;
        const problems: ImportProblem[] = [];
        const unitCode = v.unitCode?.trim();
        const unitId = unitCode ? units.get(unitCode) : undefined;
        if (!unitCode) problems.push({ line: row.line, field: 'unitCode', message: REQUIRED });
        else if (!unitId) {
          problems.push({
            line: row.line,
            field: 'unitCode',
            message: { vi: `Không có đơn vị mã "${unitCode}".`, en: `No unit with code "${unitCode}".` },
          });
        }
        const input: Record<string, unknown> = { unitId: unitId ?? NO_UNIT };
        for (const field of [
          'fullName',
          'birthDate',
          'gender',
          'ethnicity',
          'position',
          'partyStatus',
          'partyAdmittedOn',
          'educationLevel',
          'phone',
          'nationalId',
        ] as const) {
          const value = importValue(field, v[field]);
          if (value !== undefined) input[field] = value;
        }
        const parsed = personInput.safeParse(input);
        if (!parsed.success) {
          for (const f of invalidInput(parsed.error.issues).fields) {
            problems.push({ line: row.line, field: fileField(f.field), message: f.message });
          }
        }
        if (problems.length > 0) errors.push(...problems);
        else if (parsed.success) valid.push({ line: row.line, data: parsed.data });
      }

      // Writers of the same identity queue on these locks (see PeopleService.create), so the
      // duplicate check below still holds at the commit.
      if (!dryRun && errors.length === 0)
        await lockIdentities(
          tx,
          valid.map((r) => r.data),
        );
      const onFile = new PersonIndex(
        await peopleMatching(
          tx,
          valid.map((r) => r.data),
        ),
      );

      const skipped: ImportSkip[] = [];
      const toCreate: { line: number; id: string; data: ValidPersonInput }[] = [];
      const seenIds = new Map<string, number>();
      const seenKeys = new Map<string, { line: number; nationalId: string | null }[]>();
      for (const { line, data } of valid) {
        const probe = { fullName: data.fullName, birthDate: data.birthDate, nationalId: data.nationalId ?? null };
        const hit = onFile.duplicatesOf(probe)[0];
        if (hit) {
          skipped.push({
            line,
            existingId: hit.record.id,
            message: duplicatePersonError(hit.record.id, hit.reason).text,
          });
          continue;
        }
        const key = nameBirthKey(data.fullName, data.birthDate);
        const earlier =
          (probe.nationalId ? seenIds.get(probe.nationalId) : undefined) ??
          seenKeys.get(key)?.find((e) => duplicateReason(probe, { ...probe, nationalId: e.nationalId }))?.line;
        if (earlier !== undefined) {
          errors.push({
            line,
            field: probe.nationalId && seenIds.has(probe.nationalId) ? 'nationalId' : 'fullName',
            message: {
              vi: `Trùng người với dòng ${earlier} của tệp.`,
              en: `The same person as line ${earlier} of the file.`,
            },
          });
          continue;
        }
        if (probe.nationalId) seenIds.set(probe.nationalId, line);
        seenKeys.set(key, [...(seenKeys.get(key) ?? []), { line, nationalId: probe.nationalId }]);
        toCreate.push({ line, id: randomUUID(), data });
      }

      const report = { total, created: toCreate.length, skipped, errors: errors.sort(byLine), dryRun };
      if (errors.length > 0 || dryRun) {
        options.onProgress?.(total, total);
        return { ...report, written: false };
      }

      const columnList = ['id', ...PERSON_COLUMNS];
      const recordType = columnList.map((c) => `${c} ${c === 'id' ? 'uuid' : SQL_TYPES[c as keyof typeof SQL_TYPES]}`);
      let done = 0;
      for (const batch of chunks(toCreate, options.batchSize ?? 1000)) {
        const records = batch.map(({ id, data }) => {
          const values = columns(data);
          return Object.fromEntries([['id', id], ...PERSON_COLUMNS.map((c, i) => [c, values[i] ?? null])]);
        });
        await tx.execute(
          `INSERT INTO person (${columnList.join(', ')})
           SELECT ${columnList.join(', ')} FROM jsonb_to_recordset(?::jsonb) AS x(${recordType.join(', ')})`,
          [JSON.stringify(records)],
          'run',
        );
        await audit(
          tx,
          actor,
          ...batch.map(({ id, data }) => ({
            action: 'person.create',
            entity: 'person',
            entityId: id,
            after: {
              id,
              fullName: data.fullName,
              givenName: splitFullName(data.fullName).given,
              birthDate: data.birthDate,
              gender: data.gender,
              ethnicity: data.ethnicity,
              unitId: data.unitId,
              position: data.position ?? null,
              partyStatus: data.partyStatus,
              partyAdmittedOn: data.partyAdmittedOn ?? null,
              educationLevel: data.educationLevel ?? null,
              phone: data.phone ?? null,
              nationalId: data.nationalId ?? null,
              version: 1,
              imported: true,
            },
          })),
        );
        done += batch.length;
        options.onProgress?.(done, toCreate.length);
      }
      await audit(tx, actor, {
        action: 'import.people',
        entity: 'import',
        entityId: null,
        after: { rows: total, created: toCreate.length, skipped: skipped.length },
      });
      return { ...report, written: true };
    });
  }

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
