import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AnnulDecisionInput,
  annulDecisionInput,
  checkDecisionAgainstRoster,
  decisionAlreadyAnnulledError,
  decisionInvalidError,
  decisionNotFoundError,
  decisionNumberTakenError,
  type ExpertiseField,
  parseInput,
  type RosterChange,
  type RosterDecision,
  type RosterDecisionInput,
  type RosterDecisionKind,
  rosterDecisionInput,
  unknownReferenceError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { isUniqueViolation } from '../kernel/db-errors.js';
import { isoCol, peopleNamed } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';
import { KNOWN_NOW, membershipCtes } from './roster-sql.js';

export interface DecisionItemView {
  readonly personId: string;
  readonly fullName: string;
  readonly change: RosterChange;
  readonly fields: readonly ExpertiseField[];
  readonly position: string | null;
  readonly toRosterId: string | null;
}

export interface DecisionView {
  readonly id: string;
  readonly rosterId: string;
  readonly seq: number;
  readonly number: string;
  readonly date: string;
  readonly signer: string;
  readonly kind: RosterDecisionKind;
  readonly annulsDecisionId: string | null;
  /** The annulment that cancelled this decision, if any. */
  readonly annulledBy: { readonly id: string; readonly number: string; readonly date: string } | null;
  readonly note: string | null;
  readonly items: readonly DecisionItemView[];
}

/** Decisions that add people to a roster or take them off, and their annulments. */
export class RosterDecisions {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  /**
   * Records a decision. It must fit the roster as it stands on its date (as known now): no
   * adding a sitting member, no removing or transferring someone who is not on it. An annulment
   * names a decision of the same roster that is not itself an annulment and not yet annulled.
   */
  async recordDecision(actor: Actor, input: RosterDecisionInput): Promise<DecisionView> {
    const data = parseInput(rosterDecisionInput, input);
    const id = await this.orm.em.fork().transactional(async (tx) => {
      // One decision at a time per roster: the check below reads the roster it is about to change.
      const [roster] = await tx.execute<{ id: string }[]>('SELECT id FROM roster WHERE id = ? FOR UPDATE', [
        data.rosterId,
      ]);
      if (!roster) throw unknownReferenceError('rosterId', data.rosterId);
      const names = await peopleNamed(
        tx,
        data.items.map((i) => i.personId),
        (i) => `items.${i}.personId`,
      );
      for (const [i, item] of data.items.entries()) {
        if (!item.toRosterId || item.toRosterId === data.rosterId) continue;
        const [target] = await tx.execute('SELECT 1 FROM roster WHERE id = ? FOR SHARE', [item.toRosterId]);
        if (!target) throw unknownReferenceError(`items.${i}.toRosterId`, item.toRosterId);
      }
      if (data.kind === 'annul') {
        await this.checkAnnulment(tx, data.rosterId, data.annulsDecisionId as string, data.date);
      } else {
        const members = await tx.execute<{ person_id: string }[]>(
          `WITH ${membershipCtes('SELECT ?::uuid AS id')} SELECT person_id FROM members`,
          [data.rosterId, data.date, KNOWN_NOW],
        );
        const problem = checkDecisionAgainstRoster(
          members.map((m) => ({ personId: m.person_id })),
          data,
          names,
        );
        if (problem) throw problem;
      }
      let decisionId: string;
      try {
        const [row] = await tx.execute<{ id: string }[]>(
          `INSERT INTO roster_decision (id, roster_id, number, date, signer, kind, annuls_decision_id, note)
           VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          [
            data.rosterId,
            data.number,
            data.date,
            data.signer,
            data.kind,
            data.annulsDecisionId ?? null,
            data.note ?? null,
          ],
        );
        decisionId = (row as { id: string }).id;
      } catch (error) {
        if (isUniqueViolation(error, 'roster_decision_number_unique')) throw decisionNumberTakenError(data.number);
        throw error;
      }
      if (data.items.length > 0) {
        const values: unknown[] = [];
        const rows = data.items.map((item, i) => {
          values.push(
            decisionId,
            i + 1,
            item.personId,
            item.change,
            `{${item.fields.join(',')}}`,
            item.position,
            item.toRosterId,
          );
          return '(gen_random_uuid(), ?, ?, ?, ?, ?::text[], ?, ?)';
        });
        await tx.execute(
          `INSERT INTO roster_decision_item (id, decision_id, item_no, person_id, change, fields, position, to_roster_id)
           VALUES ${rows.join(', ')}`,
          values,
          'run',
        );
      }
      await audit(tx, actor, {
        action: data.kind === 'annul' ? 'roster.decision.annul' : 'roster.decision.record',
        entity: 'roster_decision',
        entityId: decisionId,
        after: data,
      });
      return decisionId;
    });
    return this.decision(id);
  }

  /** Annuls a decision by recording an annulment (never by deleting it). */
  async annul(actor: Actor, input: AnnulDecisionInput): Promise<DecisionView> {
    const data = parseInput(annulDecisionInput, input);
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ roster_id: string }[]>('SELECT roster_id FROM roster_decision WHERE id = ?', [data.decisionId]);
    if (!row) throw decisionNotFoundError(data.decisionId);
    return this.recordDecision(actor, {
      rosterId: row.roster_id,
      number: data.number,
      date: data.date,
      signer: data.signer,
      note: data.note,
      kind: 'annul',
      annulsDecisionId: data.decisionId,
    });
  }

  private async checkAnnulment(tx: EntityManager, rosterId: string, targetId: string, date: string): Promise<void> {
    const [target] = await tx.execute<
      { roster_id: string; kind: string; number: string; date: string; annulled_by: string | null }[]
    >(
      `SELECT d.roster_id, d.kind, d.number, ${isoCol('d.date', 'date')},
              (SELECT a.number FROM roster_decision a WHERE a.annuls_decision_id = d.id) AS annulled_by
         FROM roster_decision d WHERE d.id = ? FOR UPDATE`,
      [targetId],
    );
    if (!target || target.roster_id !== rosterId) throw decisionNotFoundError(targetId);
    if (target.annulled_by) throw decisionAlreadyAnnulledError(target.number, target.annulled_by);
    if (target.kind === 'annul') {
      throw decisionInvalidError(
        {
          vi: 'Không hủy một quyết định hủy; hãy ghi lại quyết định ban đầu.',
          en: 'An annulment cannot be annulled; record the decision again.',
        },
        'annulsDecisionId',
      );
    }
    if (date < target.date) {
      throw decisionInvalidError(
        {
          vi: 'Quyết định hủy không thể có trước quyết định bị hủy.',
          en: 'An annulment cannot predate the decision it annuls.',
        },
        'date',
      );
    }
  }

  /** A roster's decisions in the order they apply, each with its lines and its annulment if any. */
  async decisions(rosterId: string): Promise<DecisionView[]> {
    return this.loadDecisions('d.roster_id = ?', [rosterId]);
  }

  /**
   * Decisions in the domain's shape, for every roster touching these (transfers included):
   * what `rosterAt` in the domain takes. Used to cross-check the SQL derivation.
   */
  async decisionsForDerivation(rosterIds: readonly string[]): Promise<RosterDecision[]> {
    const views = await this.loadDecisions(
      `d.roster_id = ANY(?::uuid[]) OR d.id IN (SELECT decision_id FROM roster_decision_item WHERE to_roster_id = ANY(?::uuid[]))
       OR d.annuls_decision_id IN (SELECT id FROM roster_decision WHERE roster_id = ANY(?::uuid[]))`,
      [`{${rosterIds.join(',')}}`, `{${rosterIds.join(',')}}`, `{${rosterIds.join(',')}}`],
    );
    return views.map((d) => ({
      id: d.id,
      rosterId: d.rosterId,
      number: d.number,
      date: d.date,
      seq: d.seq,
      kind: d.kind,
      annulsDecisionId: d.annulsDecisionId,
      items: d.items.map(({ fullName: _, ...item }) => item),
    }));
  }

  async decision(id: string): Promise<DecisionView> {
    const [view] = await this.loadDecisions('d.id = ?', [id]);
    if (!view) throw decisionNotFoundError(id);
    return view;
  }

  private async loadDecisions(where: string, params: unknown[]): Promise<DecisionView[]> {
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<DecisionRow[]>(
        `SELECT d.id, d.roster_id, d.seq::int AS seq, d.number, ${isoCol('d.date', 'date')}, d.signer, d.kind,
                d.annuls_decision_id, d.note, a.id AS annulled_by_id, a.number AS annulled_by_number,
                ${isoCol('a.date', 'annulled_by_date')},
                coalesce((SELECT json_agg(json_build_object('personId', i.person_id, 'fullName', p.full_name,
                            'change', i.change, 'fields', i.fields, 'position', i.position, 'toRosterId', i.to_roster_id)
                            ORDER BY i.item_no)
                   FROM roster_decision_item i JOIN person p ON p.id = i.person_id WHERE i.decision_id = d.id), '[]') AS items
           FROM roster_decision d LEFT JOIN roster_decision a ON a.annuls_decision_id = d.id
          WHERE ${where}
          ORDER BY d.date, d.seq`,
        params,
      );
    return rows.map((r) => ({
      id: r.id,
      rosterId: r.roster_id,
      seq: r.seq,
      number: r.number,
      date: r.date,
      signer: r.signer,
      kind: r.kind,
      annulsDecisionId: r.annuls_decision_id,
      annulledBy: r.annulled_by_id
        ? { id: r.annulled_by_id, number: r.annulled_by_number as string, date: r.annulled_by_date as string }
        : null,
      note: r.note,
      items: r.items,
    }));
  }
}

interface DecisionRow {
  id: string;
  roster_id: string;
  seq: number;
  number: string;
  date: string;
  signer: string;
  kind: RosterDecisionKind;
  annuls_decision_id: string | null;
  note: string | null;
  annulled_by_id: string | null;
  annulled_by_number: string | null;
  annulled_by_date: string | null;
  items: DecisionItemView[];
}
