import {
  maskPerson,
  PERSONAL_FIELDS,
  type PersonHistoryInput,
  parseInput,
  personHistoryInput,
} from '@polcenter/domain';
import type { Sql } from '../kernel/sql.js';

/** One entry of a person's own trail: who did what, when, before and after, personal fields masked. */
export interface PersonHistoryEntry {
  readonly id: number;
  readonly at: string;
  readonly actorLabel: string;
  readonly action: string;
  /** The record the entry was written for: this person, or a record merged into them. */
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Masks personal fields wherever they appear in an audit image (a person's fields, both records of
 * a merge): the trail tells that a phone changed, not the number — that takes a reveal, audited.
 */
export function maskImage(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskImage);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, maskImage(inner)]);
  const copy = Object.fromEntries(entries) as Record<string, unknown>;
  const personal = PERSONAL_FIELDS.some((field) => typeof copy[field] === 'string');
  return personal ? maskPerson(copy as Partial<Record<(typeof PERSONAL_FIELDS)[number], string>>) : copy;
}

/** A person's trail, newest first: their record's entries and those of records merged into them. */
export async function personHistory(
  em: Sql,
  input: PersonHistoryInput,
): Promise<{ items: PersonHistoryEntry[]; nextBefore: number | null }> {
  const data = parseInput(personHistoryInput, input);
  const rows = await em.execute<
    {
      id: string;
      at: string;
      actor_label: string;
      action: string;
      entity_id: string;
      before: unknown;
      after: unknown;
    }[]
  >(
    `SELECT a.id, a.at, a.actor_label, a.action, a.entity_id, a.before, a.after
       FROM audit_log a
      WHERE a.entity = 'person'
        AND a.entity_id IN (SELECT ?::uuid UNION ALL SELECT merged_id FROM person_merge WHERE survivor_id = ?)
        AND (?::bigint IS NULL OR a.id < ?::bigint)
      ORDER BY a.id DESC LIMIT ${data.limit + 1}`,
    [data.id, data.id, data.before ?? null, data.before ?? null],
  );
  const items = rows.slice(0, data.limit).map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actorLabel: r.actor_label,
    action: r.action,
    entityId: r.entity_id,
    before: maskImage(r.before),
    after: maskImage(r.after),
  }));
  return { items, nextBefore: rows.length > data.limit ? (items.at(-1)?.id ?? null) : null };
}
