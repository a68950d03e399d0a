import {
  type DuplicateProbe,
  findDuplicates,
  foldDiacritics,
  type LocalizedText,
  nameBirthKey,
} from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';
import type { PERSON_COLUMNS } from '../people/people.js';
import type { ImportProblem } from './import-report.js';

// What both imports use: row checks, batching, and people on file looked up by identity.

export const REQUIRED: LocalizedText = { vi: 'Bắt buộc phải có.', en: 'Required.' };
// A well-formed id that names no unit, so the schema checks the other fields of a row whose unit is unknown.
export const NO_UNIT = '00000000-0000-4000-8000-000000000000';

export const SQL_TYPES: Record<(typeof PERSON_COLUMNS)[number], string> = {
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

export const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line || a.field.localeCompare(b.field);

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export async function unitsByCode(tx: Sql, codes: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(codes)];
  if (list.length === 0) return new Map();
  const rows = await tx.execute<{ id: string; code: string }[]>(
    'SELECT id, code FROM unit WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))',
    [JSON.stringify(list)],
  );
  return new Map(rows.map((r) => [r.code, r.id]));
}

export interface ExistingPerson extends DuplicateProbe {
  readonly id: string;
  readonly unitId: string | null;
}

/** People on file with one of these national IDs, or one of these name + birth date pairs. */
export async function peopleMatching(
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
export class PersonIndex {
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
export function fileField(path: string): string {
  return path === 'unitId' ? 'unitCode' : path;
}
