import { randomUUID } from 'node:crypto';
import {
  duplicatePersonError,
  duplicateReason,
  type ImportRow,
  importValue,
  importValueProblem,
  invalidInput,
  nameBirthKey,
  type PersonImportField,
  personInput,
  splitFullName,
  type ValidPersonInput,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { inTransaction } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import { lockIdentities } from '../people/identity-locks.js';
import { columns, PERSON_COLUMNS } from '../people/people.js';
import type { ImportOptions, ImportProblem, ImportReport, ImportSkip } from './import-report.js';
import {
  byLine,
  chunks,
  fileField,
  NO_UNIT,
  PersonIndex,
  peopleMatching,
  REQUIRED,
  SQL_TYPES,
  unitsByCode,
} from './import-rows.js';

/** Imports people from a file: see `ImportService.people`. */
export class PeopleImport {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

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
      let checked = 0;
      for (const row of rows) {
        const v = row.values;
        const problems: ImportProblem[] = [];
        const unitCode = v.unitCode?.trim();
        const found = unitCode ? units.get(unitCode) : undefined;
        const unitId = found && (!options.scope || options.scope(found)) ? found : undefined;
        if (!unitCode) problems.push({ line: row.line, field: 'unitCode', message: REQUIRED });
        else if (found && !unitId) {
          problems.push({
            line: row.line,
            field: 'unitCode',
            message: {
              vi: `Đơn vị "${unitCode}" không thuộc các đơn vị bạn quản lý.`,
              en: `Unit "${unitCode}" is not one of the units you manage.`,
            },
          });
        } else if (!unitId) {
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
          for (const f of invalidInput(parsed.error.issues, input).fields) {
            // A coded cell's refusal names the accepted values as staff write them ("Nữ", "Tày").
            const coded = importValueProblem(f.field, v[f.field as PersonImportField]);
            problems.push({ line: row.line, field: fileField(f.field), message: coded ?? f.message });
          }
        }
        if (problems.length > 0) errors.push(...problems);
        else if (parsed.success) valid.push({ line: row.line, data: parsed.data });
        checked++;
        if (checked % 200 === 0) options.onProgress?.(checked, total, 'check');
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
        options.onProgress?.(total, total, 'check');
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
        options.onProgress?.(done, toCreate.length, 'write');
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
}
