import {
  type EducationLevel,
  type Ethnicity,
  type Gender,
  maskPerson,
  type PartyStatus,
  recordNotFoundError,
} from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';

/* How a person's row is read and shown: shared by the people service and merging. */

/** A person as stored. Leaves the library only through `getFull`, which is audited. */
export interface PersonRecord {
  readonly id: string;
  readonly fullName: string;
  readonly givenName: string;
  readonly birthDate: string | null;
  readonly gender: Gender | null;
  readonly ethnicity: Ethnicity | null;
  readonly unitId: string | null;
  readonly unitName: string | null;
  readonly position: string | null;
  readonly partyStatus: PartyStatus;
  readonly partyAdmittedOn: string | null;
  readonly educationLevel: EducationLevel | null;
  readonly phone: string | null;
  readonly nationalId: string | null;
  /** Pass back to `update`: an edit made on an older version is refused (PERSON.STALE). */
  readonly version: number;
}

/** A person as lists show them: with `masked`, the birth date is a year, phone and ID are starred. */
export interface PersonView extends PersonRecord {
  readonly masked: boolean;
}

export interface PersonRow {
  id: string;
  full_name: string;
  given_name: string;
  birth_date: string | null;
  gender: Gender | null;
  ethnicity: Ethnicity | null;
  unit_id: string | null;
  unit_name: string | null;
  position: string | null;
  party_status: PartyStatus;
  party_admitted_on: string | null;
  education_level: EducationLevel | null;
  phone: string | null;
  national_id: string | null;
  version: number;
}

export const PERSON = { vi: 'người', en: 'person' };

export const SELECT_PERSON = `
  SELECT p.id, p.full_name, p.given_name, p.birth_date::text AS birth_date, p.gender, p.ethnicity, p.unit_id,
         u.name AS unit_name, p.position, p.party_status, p.party_admitted_on::text AS party_admitted_on,
         p.education_level, p.phone, p.national_id, p.version
    FROM person p LEFT JOIN unit u ON u.id = p.unit_id`;

// Vietnamese order: by given name, then the whole name; the id makes the keyset total.
export const ORDER = 'p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", p.id';

export function toRecord(row: PersonRow): PersonRecord {
  return {
    id: row.id,
    fullName: row.full_name,
    givenName: row.given_name,
    birthDate: row.birth_date,
    gender: row.gender,
    ethnicity: row.ethnicity,
    unitId: row.unit_id,
    unitName: row.unit_name,
    position: row.position,
    partyStatus: row.party_status,
    partyAdmittedOn: row.party_admitted_on,
    educationLevel: row.education_level,
    phone: row.phone,
    nationalId: row.national_id,
    version: row.version,
  };
}

export const masked = (record: PersonRecord): PersonView => ({ ...maskPerson(record), masked: true });

/** What the audit log keeps of a person: the stored fields, not display extras. */
export function auditImage(record: PersonRecord): Record<string, unknown> {
  const { unitName: _unitName, ...stored } = record;
  return stored;
}

export async function readPerson(em: Sql, id: string): Promise<PersonRecord> {
  const [row] = await em.execute<PersonRow[]>(`${SELECT_PERSON} WHERE p.id = ?`, [id]);
  if (!row) throw recordNotFoundError('PERSON.NOT_FOUND', PERSON, id);
  return toRecord(row);
}
