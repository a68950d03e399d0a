import {
  type DuplicateCandidateInput,
  type DuplicateReason,
  duplicateCandidateInput,
  duplicatePersonError,
  type EducationLevel,
  type Ethnicity,
  findDuplicates,
  foldDiacritics,
  type Gender,
  maskPerson,
  nameBirthKey,
  type Page,
  type PartyStatus,
  type PersonInput,
  type PersonPatch,
  type PersonSearchInput,
  parseInput,
  personInput,
  personPatch,
  personSearchInput,
  recordNotFoundError,
  recordRef,
  recordVersion,
  splitFullName,
  staleRecordError,
  type ValidPersonInput,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { decodeCursor, encodeCursor, likeEscape } from '../kernel/cursor.js';
import { isUniqueViolation } from '../kernel/db-errors.js';
import { type Sql, session, transactional } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import { lockIdentity } from './identity-locks.js';

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

export interface DuplicateHit {
  readonly person: PersonView;
  readonly reason: DuplicateReason;
}

export interface CreatePersonOptions {
  /**
   * Staff looked at the name-and-birth-date match with this id and confirmed that the new record
   * is someone else (two Hoàng Văn Hùng born the same day do exist). A shared national ID can
   * never be waved through: the database refuses it.
   */
  readonly allowDuplicateOfId?: string;
}

interface PersonRow {
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

const PERSON = { vi: 'người', en: 'person' };

const SELECT_PERSON = `
  SELECT p.id, p.full_name, p.given_name, p.birth_date::text AS birth_date, p.gender, p.ethnicity, p.unit_id,
         u.name AS unit_name, p.position, p.party_status, p.party_admitted_on::text AS party_admitted_on,
         p.education_level, p.phone, p.national_id, p.version
    FROM person p LEFT JOIN unit u ON u.id = p.unit_id`;

// Vietnamese order: by given name, then the whole name; the id makes the keyset total.
const ORDER = 'p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", p.id';

function toRecord(row: PersonRow): PersonRecord {
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

const masked = (record: PersonRecord): PersonView => ({ ...maskPerson(record), masked: true });

/** The stored record in the shape `personInput` reads, to re-check it whole after a patch. */
function asInput(record: PersonRecord): Record<string, unknown> {
  return {
    fullName: record.fullName,
    birthDate: record.birthDate ?? undefined,
    gender: record.gender ?? undefined,
    ethnicity: record.ethnicity ?? undefined,
    unitId: record.unitId ?? undefined,
    position: record.position,
    partyStatus: record.partyStatus,
    partyAdmittedOn: record.partyAdmittedOn,
    educationLevel: record.educationLevel,
    phone: record.phone,
    nationalId: record.nationalId,
  };
}

/** What the audit log keeps of a person: the stored fields, not display extras. */
function auditImage(record: PersonRecord): Record<string, unknown> {
  const { unitName: _unitName, ...stored } = record;
  return stored;
}

/** The stored columns `columns()` fills, in its order (derived given and search names included). */
export const PERSON_COLUMNS = [
  'full_name',
  'given_name',
  'search_name',
  'birth_date',
  'gender',
  'ethnicity',
  'unit_id',
  'position',
  'party_status',
  'party_admitted_on',
  'education_level',
  'phone',
  'national_id',
] as const;

/** A valid person's values for PERSON_COLUMNS: the one place the derived names are made. */
export function columns(data: ValidPersonInput): unknown[] {
  return [
    data.fullName,
    splitFullName(data.fullName).given,
    foldDiacritics(data.fullName),
    data.birthDate,
    data.gender,
    data.ethnicity,
    data.unitId,
    data.position ?? null,
    data.partyStatus,
    data.partyAdmittedOn ?? null,
    data.educationLevel ?? null,
    data.phone ?? null,
    data.nationalId ?? null,
  ];
}

export class PeopleService {
  constructor(private readonly orm: Orm) {}

  /**
   * A new person. Refused with PERSON.DUPLICATE (naming the existing record) when someone with the
   * same national ID, or the same name and birth date, is already on file.
   */
  async create(actor: Actor, input: PersonInput, options: CreatePersonOptions = {}): Promise<PersonView> {
    const data = parseInput(personInput, input);
    try {
      const record = await transactional(this.orm, async (tx) => {
        await lockIdentity(tx, data);
        await assertUnitExists(tx, data.unitId);
        const hits = await duplicatesIn(tx, data);
        const blocking = hits.find(
          (hit) => !(hit.reason === 'name_birth' && hit.record.id === options.allowDuplicateOfId),
        );
        if (blocking) throw duplicatePersonError(blocking.record.id, blocking.reason);
        const [row] = await tx.execute<{ id: string }[]>(
          `INSERT INTO person (id, full_name, given_name, search_name, birth_date, gender, ethnicity, unit_id, position,
                               party_status, party_admitted_on, education_level, phone, national_id)
           VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          columns(data),
        );
        const created = await readPerson(tx, row?.id as string);
        await audit(tx, actor, {
          action: 'person.create',
          entity: 'person',
          entityId: created.id,
          after: auditImage(created),
        });
        return created;
      });
      return masked(record);
    } catch (error) {
      throw await this.explainIdTaken(error, data.nationalId);
    }
  }

  /**
   * Changes some fields of a person, made on `version` (from get/search). The merged record is
   * checked whole, as a new one would be; a change made meanwhile by someone else gives
   * PERSON.STALE instead of being overwritten.
   */
  async update(actor: Actor, id: string, version: number, patch: PersonPatch): Promise<PersonView> {
    const ref = parseInput(recordVersion, { id, version });
    const changes = parseInput(personPatch, patch);
    let nationalId: string | null | undefined;
    try {
      const record = await this.orm.em.fork().transactional(async (tx) => {
        const [row] = await tx.execute<PersonRow[]>(`${SELECT_PERSON} WHERE p.id = ? FOR UPDATE OF p`, [ref.id]);
        if (!row) throw recordNotFoundError('PERSON.NOT_FOUND', PERSON, ref.id);
        const current = toRecord(row);
        if (current.version !== ref.version)
          throw staleRecordError('PERSON.STALE', PERSON, ref.version, current.version);
        const data = parseInput(personInput, { ...asInput(current), ...changes });
        nationalId = data.nationalId;
        const identityChanged =
          nameBirthKey(data.fullName, data.birthDate) !== nameBirthKey(current.fullName, current.birthDate ?? '') ||
          (data.nationalId ?? null) !== current.nationalId;
        if (identityChanged) {
          await lockIdentity(tx, data);
          const hit = (await duplicatesIn(tx, data, current.id))[0];
          if (hit) throw duplicatePersonError(hit.record.id, hit.reason);
        }
        if (data.unitId !== current.unitId) await assertUnitExists(tx, data.unitId);
        await tx.execute(
          `UPDATE person SET full_name = ?, given_name = ?, search_name = ?, birth_date = ?, gender = ?, ethnicity = ?,
                  unit_id = ?, position = ?, party_status = ?, party_admitted_on = ?, education_level = ?, phone = ?,
                  national_id = ?, version = version + 1, updated_at = now()
            WHERE id = ?`,
          [...columns(data), current.id],
          'run',
        );
        const updated = await readPerson(tx, current.id);
        await audit(tx, actor, {
          action: 'person.update',
          entity: 'person',
          entityId: current.id,
          before: auditImage(current),
          after: auditImage(updated),
        });
        return updated;
      });
      return masked(record);
    } catch (error) {
      throw await this.explainIdTaken(error, nationalId);
    }
  }

  /** A person as lists show them: personal fields masked. Reading it is not audited. */
  async get(id: string): Promise<PersonView> {
    const ref = parseInput(recordRef, { id });
    return masked(await readPerson(this.orm.em.fork(), ref.id));
  }

  /** The whole record, personal data included, for staff; the read is audited in the same transaction. */
  async getFull(actor: Actor, id: string): Promise<PersonView> {
    const ref = parseInput(recordRef, { id });
    const record = await this.orm.em.fork().transactional(async (tx) => {
      const found = await readPerson(tx, ref.id);
      await audit(tx, actor, { action: 'person.read_full', entity: 'person', entityId: found.id });
      return found;
    });
    return { ...record, masked: false };
  }

  /**
   * People whose name holds every word of the query as the start of a word, diacritics and case
   * ignored ("nguyen van" finds "Nguyễn Văn Đạt"), optionally within a unit and the units below
   * it; in Vietnamese order, a page at a time, personal fields masked.
   */
  async search(input: PersonSearchInput = {}): Promise<Page<PersonView>> {
    const { query, unitId, cursor, limit } = parseInput(personSearchInput, input);
    const words = foldDiacritics(query).split(' ').filter(Boolean);
    const after = cursor ? decodeCursor(cursor, ['text', 'text', 'uuid']) : null;
    const where: string[] = [];
    const params: unknown[] = [];
    if (unitId) params.push(unitId);
    for (const word of words) {
      // A leading space lets "van" match the start of any word but not the middle of "Nguyễn Vân".
      where.push(`(' ' || p.search_name) LIKE ?`);
      params.push(`% ${likeEscape(word)}%`);
    }
    if (unitId) where.push('p.unit_id IN (SELECT id FROM scope)');
    if (after) {
      where.push('(p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", p.id) > (?, ?, ?::uuid)');
      params.push(...after);
    }
    const rows = await this.orm.em.fork().execute<PersonRow[]>(
      `${unitId ? SCOPE : ''}
       ${SELECT_PERSON}
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${ORDER}
       LIMIT ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit).map(toRecord);
    const last = page.at(-1);
    return {
      items: page.map(masked),
      nextCursor: rows.length > limit && last ? encodeCursor([last.givenName, last.fullName, last.id]) : null,
    };
  }

  /** The people a candidate probably is, strongest reason first (same national ID, then name + birth date). */
  /** The distinct units of some people (for access checks on a batch); unknown ids are ignored. */
  async unitsOf(personIds: readonly string[]): Promise<(string | null)[]> {
    if (personIds.length === 0) return [];
    const rows = await this.orm.em
      .fork()
      .execute<{ unit_id: string | null }[]>(
        `SELECT DISTINCT unit_id FROM person WHERE id IN (${personIds.map(() => '?').join(', ')})`,
        [...personIds],
      );
    return rows.map((r) => r.unit_id);
  }

  async findDuplicates(candidate: DuplicateCandidateInput): Promise<DuplicateHit[]> {
    const probe = parseInput(duplicateCandidateInput, candidate);
    const hits = await duplicatesIn(this.orm.em.fork(), probe);
    return hits.map((hit) => ({ person: masked(hit.record), reason: hit.reason }));
  }

  /** The unique index caught what the checks could not see: say which record holds the ID. */
  private async explainIdTaken(error: unknown, nationalId: string | null | undefined): Promise<unknown> {
    if (!nationalId || !isUniqueViolation(error, 'person_national_id_unique')) return error;
    const [row] = await session(this.orm).execute<{ id: string }[]>('SELECT id FROM person WHERE national_id = ?', [
      nationalId,
    ]);
    return row ? duplicatePersonError(row.id, 'national_id') : error;
  }
}

const SCOPE = `WITH RECURSIVE scope AS (
    SELECT id FROM unit WHERE id = ?
    UNION ALL
    SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id
  )`;

async function readPerson(em: Sql, id: string): Promise<PersonRecord> {
  const [row] = await em.execute<PersonRow[]>(`${SELECT_PERSON} WHERE p.id = ?`, [id]);
  if (!row) throw recordNotFoundError('PERSON.NOT_FOUND', PERSON, id);
  return toRecord(row);
}

async function assertUnitExists(em: Sql, unitId: string): Promise<void> {
  const [unit] = await em.execute<{ id: string }[]>('SELECT id FROM unit WHERE id = ?', [unitId]);
  if (!unit) throw recordNotFoundError('UNIT.NOT_FOUND', { vi: 'đơn vị', en: 'unit' }, unitId, 'unitId');
}

async function duplicatesIn(
  em: Sql,
  probe: { fullName: string; birthDate: string; nationalId?: string | null },
  excludeId?: string,
): Promise<{ record: PersonRecord; reason: DuplicateReason }[]> {
  const rows = await em.execute<PersonRow[]>(
    `${SELECT_PERSON}
      WHERE (p.national_id = ? OR (p.search_name = ? AND p.birth_date = ?::date))
        ${excludeId ? 'AND p.id <> ?' : ''}
      ORDER BY p.id`,
    [
      probe.nationalId ?? null,
      foldDiacritics(probe.fullName.normalize('NFC')),
      probe.birthDate,
      ...(excludeId ? [excludeId] : []),
    ],
  );
  const records = rows.map(toRecord);
  // Same SQL hits, judged by the domain rule: two different IDs are two people, whatever their names.
  const probes = records.map((record) => ({ ...record, birthDate: record.birthDate ?? '', record }));
  return findDuplicates(probe, probes).map((hit) => ({ record: hit.record.record, reason: hit.reason }));
}
