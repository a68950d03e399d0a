import {
  type AuditTrailInput,
  auditTrailInput,
  type ClassAuditInput,
  classAuditInput,
  foldDiacritics,
  parseInput,
  recordNotFoundError,
} from '@polcenter/domain';
import { likeEscape } from '../kernel/cursor.js';
import { wordsStartingWords } from '../kernel/word-search.js';
import type { Orm } from '../orm.js';

export interface AuditTrailEntry {
  readonly id: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorLabel: string;
  /** The staff account that acted, when one did: for administrators, who manage accounts. */
  readonly actorUsername: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** One entry of a class's trail, for its staff: actors by display name, never by username. */
export interface ClassAuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actorLabel: string;
  readonly action: string;
  readonly entity: 'class' | 'class_session' | 'enrolment' | 'certificate';
  readonly entityId: string;
  /** What the entry is about, as staff read it: the trainee's name, the session's date, the certificate's number. */
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Reading the audit log: what happened to a record, or what someone did, newest first. For
 * administrators: it names staff accounts by username.
 */
export class AuditTrailService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async list(input: AuditTrailInput): Promise<{ items: AuditTrailEntry[]; nextBefore: number | null }> {
    const filter = parseInput(auditTrailInput, input);
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [column, value] of [
      ['a.entity', filter.entity],
      ['a.entity_id', filter.entityId],
      ['a.actor_id', filter.actorId],
    ] as const) {
      if (value) {
        where.push(`${column} = ?`);
        params.push(value);
      }
    }
    const who = filter.actor?.trim();
    if (who) {
      const words = foldDiacritics(who).split(/\s+/).filter(Boolean);
      const search = wordsStartingWords(
        "coalesce(u.display_name, '') || ' ' || coalesce(u.username, '') || ' ' || a.actor_label",
        words,
      );
      where.push(...search.where);
      params.push(...search.params);
    }
    const action = filter.action?.trim();
    if (action) {
      // A kind of record (`person`) names every action on it; `person.update` names one.
      where.push(action.includes('.') ? 'a.action = ?' : "a.action LIKE ? || '.%'");
      params.push(action.includes('.') ? action : likeEscape(action));
    }
    // Days as staff count them, in Vietnam: the log keeps instants.
    if (filter.from) {
      where.push("a.at >= (?::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'");
      params.push(filter.from);
    }
    if (filter.to) {
      where.push("a.at < (?::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'");
      params.push(filter.to);
    }
    if (filter.before) {
      where.push('a.id < ?');
      params.push(filter.before);
    }
    const rows = await this.orm.em.fork().execute<
      {
        id: string;
        at: string;
        actor_id: string | null;
        actor_label: string;
        actor_username: string | null;
        action: string;
        entity: string;
        entity_id: string | null;
        before: unknown;
        after: unknown;
      }[]
    >(
      `SELECT a.id, a.at, a.actor_id, a.actor_label, u.username AS actor_username, a.action, a.entity, a.entity_id,
              a.before, a.after
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ${filter.limit + 1}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      actorUsername: r.actor_username,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    }));
    return { items, nextBefore: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
  }

  /**
   * What happened to a class and everything in it — its status and timetable, its enrolments
   * (nominations, decisions, scores, results), its sessions' attendance and its certificates —
   * newest first, a page at a time, for the staff who run it.
   */
  async forClass(input: ClassAuditInput): Promise<{ items: ClassAuditEntry[]; nextBefore: number | null }> {
    const data = parseInput(classAuditInput, input);
    const em = this.orm.em.fork();
    const [cls] = await em.execute<{ code: string }[]>('SELECT code FROM training_class WHERE id = ?', [data.classId]);
    if (!cls) throw recordNotFoundError('CLASS.NOT_FOUND', { vi: 'lớp', en: 'class' }, data.classId, 'classId');
    const rows = await em.execute<
      {
        id: string;
        at: string;
        actor_label: string;
        action: string;
        entity: ClassAuditEntry['entity'];
        entity_id: string;
        subject: string;
        before: unknown;
        after: unknown;
      }[]
    >(
      `WITH target (entity, id, subject) AS (
         SELECT 'class', c.id, c.code FROM training_class c WHERE c.id = ?
         UNION ALL
         SELECT 'class_session', s.id, to_char(s.date, 'DD/MM/YYYY') || ' ' || to_char(s.start_time, 'HH24:MI')
           FROM class_session s WHERE s.class_id = ?
         UNION ALL
         SELECT 'enrolment', e.id, p.full_name FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.class_id = ?
         UNION ALL
         SELECT 'certificate', k.id, k.number_text || ' — ' || p.full_name
           FROM certificate k JOIN enrolment e ON e.id = k.enrolment_id JOIN person p ON p.id = e.person_id
          WHERE e.class_id = ?
       )
       SELECT a.id, a.at, coalesce(u.display_name, a.actor_label) AS actor_label, a.action, t.entity,
              a.entity_id, t.subject, a.before, a.after
         FROM target t
         JOIN audit_log a ON a.entity = t.entity AND a.entity_id = t.id
         LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE a.action <> 'person.read_full' ${data.before ? 'AND a.id < ?' : ''}
        ORDER BY a.id DESC LIMIT ${data.limit + 1}`,
      [data.classId, data.classId, data.classId, data.classId, ...(data.before ? [data.before] : [])],
    );
    const items = rows.slice(0, data.limit).map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actorLabel: r.actor_label,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      subject: r.subject,
      before: r.before,
      after: r.after,
    }));
    return { items, nextBefore: rows.length > data.limit ? (items.at(-1)?.id ?? null) : null };
  }
}
