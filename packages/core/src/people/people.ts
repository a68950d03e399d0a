import {
  type DuplicateCandidateInput,
  type DuplicateGroupsInput,
  type DuplicateReason,
  duplicateCandidateInput,
  duplicateGroupsInput,
  duplicatePersonError,
  findDuplicates,
  foldDiacritics,
  nameBirthKey,
  type Page,
  type PersonHistoryInput,
  type PersonInput,
  type PersonMergeInput,
  type PersonPatch,
  type PersonRevealInput,
  type PersonSearchInput,
  parseInput,
  personInput,
  personPatch,
  personRecordInput,
  personRevealInput,
  personSearchInput,
  recordNotFoundError,
  recordRef,
  recordVersion,
  splitFullName,
  staleRecordError,
  type ValidPersonRecord,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { decodeCursor, encodeCursor } from '../kernel/cursor.js';
import { isUniqueViolation } from '../kernel/db-errors.js';
import { type Sql, session, transactional } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import { lockIdentity } from './identity-locks.js';
import { mergePeople } from './merge.js';
import { type PersonHistoryEntry, personHistory } from './person-history.js';
import {
  auditImage,
  masked,
  ORDER,
  PERSON,
  type PersonRecord,
  type PersonRow,
  type PersonView,
  readPerson,
  SELECT_PERSON,
  toRecord,
} from './person-rows.js';
import { personSearchStatement } from './person-search.js';

export type { PersonRecord, PersonView } from './person-rows.js';

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
export function columns(data: ValidPersonRecord): unknown[] {
  return [
    data.fullName,
    splitFullName(data.fullName).given,
    foldDiacritics(data.fullName),
    data.birthDate ?? null,
    data.gender ?? null,
    data.ethnicity ?? null,
    data.unitId ?? null,
    data.position ?? null,
    data.partyStatus,
    data.partyAdmittedOn ?? null,
    data.educationLevel ?? null,
    data.phone ?? null,
    data.nationalId ?? null,
  ];
}

export class PeopleService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
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
        const data = parseInput(personRecordInput, { ...asInput(current), ...changes });
        nationalId = data.nationalId;
        const probe = { ...data, birthDate: data.birthDate ?? null };
        const identityChanged =
          nameBirthKey(data.fullName, data.birthDate ?? '') !==
            nameBirthKey(current.fullName, current.birthDate ?? '') || (data.nationalId ?? null) !== current.nationalId;
        if (identityChanged) {
          await lockIdentity(tx, { ...data, birthDate: data.birthDate ?? '' });
          const hit = (await duplicatesIn(tx, probe, current.id))[0];
          if (hit) throw duplicatePersonError(hit.record.id, hit.reason);
        }
        if (data.unitId && data.unitId !== current.unitId) await assertUnitExists(tx, data.unitId);
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
   * The whole record for staff who said why they need it: the read and its reason are audited in
   * the same transaction (`person.read_full`), so the person's trail shows who saw what, and why.
   */
  async reveal(actor: Actor, input: PersonRevealInput): Promise<PersonView> {
    const data = parseInput(personRevealInput, input);
    const record = await this.orm.em.fork().transactional(async (tx) => {
      const found = await readPerson(tx, data.id);
      await audit(tx, actor, {
        action: 'person.read_full',
        entity: 'person',
        entityId: found.id,
        after: { reason: data.reason },
      });
      return found;
    });
    return { ...record, masked: false };
  }

  /**
   * People whose name holds every word of the query as the start of a word, diacritics and case
   * ignored ("nguyen van" finds "Nguyễn Văn Đạt"), optionally within a unit and the units within
   * it (below it, and those it carries on after a merger: `unit_within`); in Vietnamese order, a page at a time, personal fields masked.
   */
  async search(
    input: PersonSearchInput = {},
    options: { readonly withinUnits?: readonly string[] } = {},
  ): Promise<Page<PersonView>> {
    const { query, unitId, cursor, limit } = parseInput(personSearchInput, input);
    const words = foldDiacritics(query).split(' ').filter(Boolean);
    const after = cursor ? decodeCursor(cursor, ['text', 'text', 'uuid']) : null;
    const { sql, params } = personSearchStatement({
      words,
      unitId,
      withinUnits: options.withinUnits,
      after,
      limit,
    });
    const rows = await this.orm.em.fork().execute<PersonRow[]>(sql, params);
    const page = rows.slice(0, limit).map(toRecord);
    const last = page.at(-1);
    return {
      items: page.map(masked),
      nextCursor: rows.length > limit && last ? encodeCursor([last.givenName, last.fullName, last.id]) : null,
    };
  }

  /**
   * Merges two records of one person (see `mergePeople`): one transaction, both records locked,
   * every reference moved to the survivor, refused with PERSON.MERGE_CONFLICT when the survivor
   * would be twice where one person can be once. Returns the survivor, masked.
   */
  async merge(actor: Actor, input: PersonMergeInput): Promise<PersonView> {
    return masked(await transactional(this.orm, (tx) => mergePeople(tx, actor, input)));
  }

  /** The person's own audit trail (their record and records merged into it), personal fields masked. */
  history(input: PersonHistoryInput): Promise<{ items: PersonHistoryEntry[]; nextBefore: number | null }> {
    return personHistory(this.orm.em.fork(), input);
  }

  /**
   * Records that are probably one person: the same name and birth date (a shared national ID
   * cannot be stored twice), unless both hold different national IDs. Only people of `withinUnits`
   * when given (the caller's reach), a group of two or more each, by name in Vietnamese order.
   */
  async duplicateGroups(
    input: DuplicateGroupsInput = {},
    options: { readonly withinUnits?: readonly string[] } = {},
  ): Promise<Page<{ reason: DuplicateReason; people: PersonView[] }>> {
    const { cursor, limit } = parseInput(duplicateGroupsInput, input);
    const after = cursor ? decodeCursor(cursor, ['text', 'date']) : null;
    const params: unknown[] = [];
    const scope = options.withinUnits ? 'AND p.unit_id = ANY(?::uuid[])' : '';
    if (options.withinUnits) params.push(`{${options.withinUnits.join(',')}}`);
    if (after) params.push(...after);
    const keys = await this.orm.em.fork().execute<{ search_name: string; birth_date: string; ids: string[] }[]>(
      `SELECT p.search_name, p.birth_date::text AS birth_date, array_agg(p.id ORDER BY p.id) AS ids
         FROM person p
        WHERE p.birth_date IS NOT NULL ${scope}
          ${after ? 'AND (p.search_name, p.birth_date) > (?, ?::date)' : ''}
        GROUP BY p.search_name, p.birth_date
       HAVING count(*) > 1 AND count(DISTINCT p.national_id) < 2
        ORDER BY p.search_name, p.birth_date
        LIMIT ${limit + 1}`,
      params,
    );
    const page = keys.slice(0, limit);
    const ids = page.flatMap((k) => k.ids);
    const rows = ids.length
      ? await this.orm.em
          .fork()
          .execute<PersonRow[]>(`${SELECT_PERSON} WHERE p.id = ANY(?::uuid[]) ORDER BY ${ORDER}`, [
            `{${ids.join(',')}}`,
          ])
      : [];
    const byId = new Map(rows.map((r) => [r.id, masked(toRecord(r))]));
    const last = page.at(-1);
    return {
      items: page.map((k) => ({
        reason: 'name_birth' as const,
        people: k.ids.map((id) => byId.get(id)).filter((p): p is PersonView => p !== undefined),
      })),
      nextCursor: keys.length > limit && last ? encodeCursor([last.search_name, last.birth_date]) : null,
    };
  }

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

  /**
   * Of these people, those who are not within `unitId` (the unit or a unit below it today, as
   * `units.isWithin` says) or belong to no unit, in one statement whatever the number of people
   * and units; unknown ids are left to the caller's own checks.
   */
  async notWithin(personIds: readonly string[], unitId: string): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows = await this.orm.em.fork().execute<{ id: string }[]>(
      `WITH RECURSIVE people AS (
         SELECT p.id, p.unit_id FROM person p WHERE p.id = ANY(?::uuid[])
       ), up AS (
         SELECT DISTINCT unit_id AS start, unit_id AS id FROM people WHERE unit_id IS NOT NULL
         UNION
         SELECT up.start, u.parent_id FROM up JOIN unit u ON u.id = up.id WHERE u.parent_id IS NOT NULL
       )
       SELECT id FROM people
        WHERE unit_id IS NULL OR NOT EXISTS (SELECT 1 FROM up WHERE up.start = people.unit_id AND up.id = ?::uuid)`,
      [`{${personIds.join(',')}}`, unitId],
    );
    return rows.map((r) => r.id);
  }

  /** The people a candidate probably is, strongest reason first (same national ID, then name + birth date). */
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

async function assertUnitExists(em: Sql, unitId: string): Promise<void> {
  const [unit] = await em.execute<{ id: string }[]>('SELECT id FROM unit WHERE id = ?', [unitId]);
  if (!unit) throw recordNotFoundError('UNIT.NOT_FOUND', { vi: 'đơn vị', en: 'unit' }, unitId, 'unitId');
}

/**
 * The records a person probably duplicates. Without a birth date only the national ID can tell
 * (a name alone is shared by too many people).
 */
async function duplicatesIn(
  em: Sql,
  probe: { fullName: string; birthDate: string | null; nationalId?: string | null },
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
  const candidate = { ...probe, birthDate: probe.birthDate ?? '' };
  return findDuplicates(candidate, probes).map((hit) => ({ record: hit.record.record, reason: hit.reason }));
}
