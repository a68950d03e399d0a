import {
  computeShortfalls,
  DomainError,
  idInput,
  type LocalizedText,
  type MemberTally,
  type ObligationInput,
  type ObligationKind,
  type ObligationRule,
  type ObligationUpdateInput,
  obligationInput,
  obligationUpdateInput,
  parseInput,
  recordNotFoundError,
  requiredCount,
  type ShortfallInput,
  type StandingInput,
  shortfallInput,
  staleRecordError,
  standingInput,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { isUniqueViolation } from '../kernel/db-errors.js';
import { assertUnit, pgArray, today } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';
import { reportScope } from '../reports/report-scope.js';
import { KNOWN_NOW, rosterMembersCtes } from '../rosters/roster-sql.js';

export interface ObligationView extends ObligationRule {
  /** Whose rule it is (it binds that unit's rosters and those below); null: every roster. */
  readonly ownerUnitId: string | null;
  readonly rosterLevel: string | null;
  readonly validFromYear: number | null;
  readonly validToYear: number | null;
  /** Pass back to `update` as `expectedVersion`: a correction made on an older version is OBLIGATION.STALE. */
  readonly version: number;
}

export interface ShortfallView {
  readonly personId: string;
  readonly fullName: string;
  readonly rosterId: string;
  readonly rosterLevel: string;
  readonly obligationId: string;
  readonly code: string;
  readonly name: LocalizedText;
  readonly kind: ObligationKind;
  readonly required: number;
  readonly done: number;
  readonly shortBy: number;
}

export interface ShortfallReport {
  readonly year: number;
  /** Activities were counted from 1 January up to this date. */
  readonly asOf: string;
  readonly members: number;
  readonly shortfalls: readonly ShortfallView[];
}

/** One rule that binds the member, on one roster, and how they stand against it. */
export interface StandingView {
  readonly rosterId: string;
  readonly rosterLevel: string;
  readonly obligationId: string;
  readonly code: string;
  readonly name: LocalizedText;
  readonly kind: ObligationKind;
  readonly required: number;
  readonly done: number;
  /** 0 when the rule is met. */
  readonly shortBy: number;
}

export interface StandingReport {
  readonly year: number;
  readonly asOf: string;
  readonly personId: string;
  readonly lines: readonly StandingView[];
}

interface ObligationRow {
  id: string;
  owner_unit_id: string | null;
  code: string;
  kind: ObligationKind;
  roster_level: string | null;
  minimum: number | null;
  min_share: string | null;
  name_vi: string;
  name_en: string;
  valid_from_year: number | null;
  valid_to_year: number | null;
  version: number;
}

const toView = (r: ObligationRow): ObligationView => ({
  id: r.id,
  ownerUnitId: r.owner_unit_id,
  code: r.code,
  kind: r.kind,
  minimum: r.minimum,
  minShare: r.min_share === null ? null : Number(r.min_share),
  name: { vi: r.name_vi, en: r.name_en },
  rosterLevel: r.roster_level,
  validFromYear: r.valid_from_year,
  validToYear: r.valid_to_year,
  version: r.version,
});

const OBLIGATION = { vi: 'nghĩa vụ', en: 'obligation' };

function codeTakenError(code: string): DomainError {
  return new DomainError(
    'OBLIGATION.CODE_TAKEN',
    { vi: `Mã "${code}" đã được dùng.`, en: `The code "${code}" is already taken.` },
    { fields: [{ field: 'code', message: { vi: 'Mã đã được dùng.', en: 'Code already taken.' } }] },
  );
}

/** A rule's fields as the audit log keeps them, before and after a correction. */
const auditedRule = (v: ObligationView) => ({
  code: v.code,
  kind: v.kind,
  rosterLevel: v.rosterLevel,
  minimum: v.minimum,
  minShare: v.minShare,
  name: v.name,
  validFromYear: v.validFromYear,
  validToYear: v.validToYear,
});

/** Which obligations to list: those in force in a year, those that concern a unit. */
export interface ObligationFilter {
  readonly year?: number | undefined;
  /**
   * The rules that bind this unit's rosters (everyone's, and those of the unit or a unit above
   * it) and those its units below made for themselves.
   */
  readonly unitId?: string | undefined;
}

/**
 * Obligations of rapporteurs as data, and who falls short of them. A member is judged on each
 * rule that binds their roster — everyone's rules and those of the roster's unit or a unit above
 * it — of their roster's level (or of every level): briefings and opinion reports they gave that
 * year, and the conferences of their roster they attended (against those held).
 */
export class ObligationService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async define(actor: Actor, input: ObligationInput): Promise<ObligationView> {
    const data = parseInput(obligationInput, input);
    return this.orm.em.fork().transactional(async (tx) => {
      if (data.ownerUnitId) await assertUnit(tx, data.ownerUnitId, 'ownerUnitId');
      const [row] = await tx
        .execute<ObligationRow[]>(
          `INSERT INTO obligation (id, owner_unit_id, code, kind, roster_level, minimum, min_share, name_vi, name_en, valid_from_year, valid_to_year)
           VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
          [
            data.ownerUnitId ?? null,
            data.code,
            data.kind,
            data.rosterLevel ?? null,
            data.minimum ?? null,
            data.minShare ?? null,
            data.name.vi,
            data.name.en,
            data.validFromYear ?? null,
            data.validToYear ?? null,
          ],
        )
        .catch((error) => {
          if (isUniqueViolation(error, 'obligation_code_unique')) throw codeTakenError(data.code);
          throw error;
        });
      const view = toView(row as ObligationRow);
      await audit(tx, actor, { action: 'obligation.define', entity: 'obligation', entityId: view.id, after: data });
      return view;
    });
  }

  async get(id: string): Promise<ObligationView> {
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<ObligationRow[]>('SELECT * FROM obligation WHERE id = ?', [parseInput(idInput, id)]);
    if (!row) throw recordNotFoundError('OBLIGATION.NOT_FOUND', OBLIGATION, id);
    return toView(row);
  }

  /**
   * Corrects a rule (its code, kind, level, measure, names, years) on the version read; whose rule
   * it is stays. Audited with the rule before and after.
   */
  async update(actor: Actor, input: ObligationUpdateInput): Promise<ObligationView> {
    const data = parseInput(obligationUpdateInput, input);
    return this.orm.em.fork().transactional(async (tx) => {
      const [locked] = await tx.execute<ObligationRow[]>('SELECT * FROM obligation WHERE id = ? FOR UPDATE', [data.id]);
      if (!locked) throw recordNotFoundError('OBLIGATION.NOT_FOUND', OBLIGATION, data.id);
      if (locked.version !== data.expectedVersion) {
        throw staleRecordError('OBLIGATION.STALE', OBLIGATION, data.expectedVersion, locked.version);
      }
      const [row] = await tx
        .execute<ObligationRow[]>(
          `UPDATE obligation SET code = ?, kind = ?, roster_level = ?, minimum = ?, min_share = ?, name_vi = ?, name_en = ?,
                  valid_from_year = ?, valid_to_year = ?, version = version + 1
            WHERE id = ? RETURNING *`,
          [
            data.code,
            data.kind,
            data.rosterLevel ?? null,
            data.minimum ?? null,
            data.minShare ?? null,
            data.name.vi,
            data.name.en,
            data.validFromYear ?? null,
            data.validToYear ?? null,
            data.id,
          ],
        )
        .catch((error) => {
          if (isUniqueViolation(error, 'obligation_code_unique')) throw codeTakenError(data.code);
          throw error;
        });
      const view = toView(row as ObligationRow);
      await audit(tx, actor, {
        action: 'obligation.update',
        entity: 'obligation',
        entityId: view.id,
        before: auditedRule(toView(locked)),
        after: auditedRule(view),
      });
      return view;
    });
  }

  async list(filter: ObligationFilter = {}): Promise<ObligationView[]> {
    const year = filter.year ?? null;
    const unitId = filter.unitId ?? null;
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<ObligationRow[]>(
        `WITH RECURSIVE up AS (
           SELECT id, parent_id FROM unit WHERE id = ?::uuid
           UNION ALL SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id
         ), down AS (
           SELECT id FROM unit WHERE id = ?::uuid
           UNION ALL SELECT u.id FROM unit u JOIN down ON u.parent_id = down.id
         )
         SELECT * FROM obligation
          WHERE (?::int IS NULL OR ((valid_from_year IS NULL OR valid_from_year <= ?) AND (valid_to_year IS NULL OR valid_to_year >= ?)))
            AND (?::uuid IS NULL OR owner_unit_id IS NULL OR owner_unit_id IN (SELECT id FROM up UNION SELECT id FROM down))
          ORDER BY code, owner_unit_id NULLS FIRST`,
        [unitId, unitId, year, year, year, unitId],
      );
    return rows.map(toView);
  }

  /** Who falls short this year (or any year), and by how much: most behind first. */
  async shortfalls(input: ShortfallInput): Promise<ShortfallReport> {
    const q = parseInput(shortfallInput, input);
    const asOf = q.asOf ?? countUpTo(q.year);
    const rosterIds = await this.judgedRosterIds(q.year, q.unitId ?? null, asOf);
    return this.shortfallsOf(q.year, asOf, await this.membersOf(rosterIds, asOf, null));
  }

  /**
   * @internal The shortfalls of members already derived (a period's report derives its rosters
   * once for their size and for this): `members` are those on the judged rosters at `asOf`, in the
   * order of `membersOf` (`JUDGED_MEMBER_ORDER`).
   */
  async shortfallsOf(year: number, asOf: string, members: readonly JudgedMember[]): Promise<ShortfallReport> {
    const [rules, { rows, binds }] = await Promise.all([this.list({ year }), this.tallies(year, asOf, members)]);
    const shortfalls: ShortfallView[] = [];
    for (const rule of rules) {
      const tallies = boundTallies(rule, rows, binds);
      const byKey = new Map(tallies.map((t) => [t.personId, t.row]));
      for (const s of computeShortfalls([rule], tallies)) {
        const row = byKey.get(s.personId) as TallyRow;
        shortfalls.push({
          ...s,
          personId: row.person_id,
          fullName: row.full_name,
          rosterId: row.roster_id,
          rosterLevel: row.level,
          name: rule.name,
        });
      }
    }
    shortfalls.sort(
      (a, b) => b.shortBy - a.shortBy || a.code.localeCompare(b.code) || a.fullName.localeCompare(b.fullName, 'vi'),
    );
    return { year, asOf, members: new Set(rows.map((r) => r.person_id)).size, shortfalls };
  }

  /**
   * One member against every rule that binds them in a year, met or not: what each asks, what they
   * did, and how far short they are (0 when met). Empty when they sit on no roster of that year.
   */
  async standing(input: StandingInput): Promise<StandingReport> {
    const q = parseInput(standingInput, input);
    const asOf = q.asOf ?? countUpTo(q.year);
    const rules = await this.list({ year: q.year });
    const members = await this.membersOf(await this.judgedRosterIds(q.year, null, asOf), asOf, q.personId);
    const { rows, binds } = await this.tallies(q.year, asOf, members);
    const lines: StandingView[] = [];
    for (const rule of rules) {
      for (const tally of boundTallies(rule, rows, binds)) {
        const required = requiredCount(rule, tally);
        const done = tally.done[rule.kind] ?? 0;
        lines.push({
          rosterId: tally.row.roster_id,
          rosterLevel: tally.row.level,
          obligationId: rule.id,
          code: rule.code,
          name: rule.name,
          kind: rule.kind,
          required,
          done,
          shortBy: Math.max(0, required - done),
        });
      }
    }
    return { year: q.year, asOf, personId: q.personId, lines };
  }

  /**
   * The rosters judged in a year: every roster whose term covers it, owned by the unit or a unit
   * within it in the tree of `day`, the day counted up to (ADR 0048) — the tree a period's report
   * ending that day walks (`reportScope`, ADR 0040: parents of that day, successor links followed,
   * the unit's own last day if it ended before). So a new commune's 2022 judges its predecessors'
   * rosters, and a report's shortfalls are this list. The units are given to the roster statement
   * as a list, so the planner knows how few they are (estimated from a recursive walk, it expected
   * ten times as many and scanned every decision of the province).
   */
  private async judgedRosterIds(year: number, unitId: string | null, day: string): Promise<string[]> {
    const conn = this.orm.em.fork().getConnection();
    const units = unitId ? (await reportScope(conn, { to: day, unitId })).ids : null;
    const rows = await conn.execute<{ id: string }[]>(
      `SELECT r.id FROM roster r
        WHERE r.term_start_year <= ? AND r.term_end_year >= ? AND (?::uuid[] IS NULL OR r.owner_unit_id = ANY(?::uuid[]))`,
      [year, year, units, units],
    );
    return rows.map((r) => r.id);
  }

  /** Members of those rosters at `asOf` (only the person, if given), by level and roster. */
  private async membersOf(
    rosterIds: readonly string[],
    asOf: string,
    personId: string | null,
  ): Promise<JudgedMember[]> {
    if (rosterIds.length === 0) return [];
    return this.orm.em
      .fork()
      .getConnection()
      .execute<JudgedMember[]>(
        `WITH ${rosterMembersCtes('SELECT unnest(?::uuid[]) AS id')}
         SELECT m.roster_id, r.level, m.person_id, p.full_name
           FROM members m JOIN roster r ON r.id = m.roster_id JOIN person p ON p.id = m.person_id
          WHERE ?::uuid IS NULL OR m.person_id = ?
          ORDER BY ${JUDGED_MEMBER_ORDER}`,
        [pgArray(rosterIds), asOf, KNOWN_NOW, personId, personId],
      );
  }

  /**
   * What the members did from 1 January to `asOf`, and which rules bind which roster (a unit's
   * rule binds the rosters of that unit and below).
   */
  private async tallies(year: number, asOf: string, members: readonly JudgedMember[]) {
    const from = `${year}-01-01`;
    const conn = this.orm.em.fork().getConnection();
    // What the members did, counted in one statement of four aggregates. The members are given as
    // lists, so the planner knows how many: lookups by person for a district, one pass over the
    // year's briefings for a province (counted per member inside the roster statement, the planner
    // took the derived roster for one row and looked each member up three times).
    const countsRead =
      members.length === 0
        ? Promise.resolve([])
        : conn.execute<
            { kind: 'b' | 'o' | 'a' | 'h'; person_id: string | null; roster_id: string | null; n: number }[]
          >(
            `WITH who AS (SELECT DISTINCT unnest(?::uuid[]) AS id), their AS (SELECT DISTINCT unnest(?::uuid[]) AS id),
             convened AS (
               SELECT c.id, c.roster_id FROM conference c
                WHERE c.roster_id IN (SELECT id FROM their) AND c.date BETWEEN ?::date AND ?::date
             )
             SELECT 'b' AS kind, bp.person_id, NULL::uuid AS roster_id, count(*)::int AS n
               FROM briefing_person bp JOIN briefing b ON b.id = bp.briefing_id
              WHERE bp.person_id IN (SELECT id FROM who) AND b.date BETWEEN ?::date AND ?::date GROUP BY bp.person_id
             UNION ALL
             SELECT 'o', op.person_id, NULL, count(*)::int
               FROM opinion_report_person op JOIN opinion_report o ON o.id = op.report_id
              WHERE op.person_id IN (SELECT id FROM who) AND o.date BETWEEN ?::date AND ?::date GROUP BY op.person_id
             UNION ALL
             SELECT 'a', a.person_id, c.roster_id, count(*)::int
               FROM convened c
               -- Each conference's own attendance by its key (OFFSET 0 keeps the lookup per conference:
               -- joined, the planner read the attendance of every conference in the database).
               CROSS JOIN LATERAL (
                 SELECT x.person_id FROM conference_attendance x WHERE x.conference_id = c.id AND x.status = 'present' OFFSET 0
               ) a
              WHERE a.person_id IN (SELECT id FROM who) GROUP BY a.person_id, c.roster_id
             UNION ALL
             SELECT 'h', NULL, roster_id, count(*)::int FROM convened GROUP BY roster_id`,
            [
              pgArray([...new Set(members.map((m) => m.person_id))]),
              pgArray([...new Set(members.map((m) => m.roster_id))]),
              from,
              asOf,
              from,
              asOf,
              from,
              asOf,
            ],
          );
    // Which units each roster's rules may come from: its owner and the units above it, by parent.
    const linesRead = conn.execute<{ roster_id: string; unit_id: string }[]>(
      `WITH RECURSIVE up AS (
         SELECT r.id AS roster_id, r.owner_unit_id AS unit_id FROM roster r WHERE r.id = ANY(?::uuid[])
         UNION ALL SELECT up.roster_id, u.parent_id FROM up JOIN unit u ON u.id = up.unit_id WHERE u.parent_id IS NOT NULL
       ) SELECT roster_id, unit_id FROM up`,
      [pgArray([...new Set(members.map((m) => m.roster_id))])],
    );
    const [counts, lines] = await Promise.all([countsRead, linesRead]);
    const count = new Map(counts.map((c) => [`${c.kind}|${c.person_id ?? ''}|${c.roster_id ?? ''}`, c.n]));
    const rows: TallyRow[] = members.map((m) => ({
      roster_id: m.roster_id,
      level: m.level,
      person_id: m.person_id,
      full_name: m.full_name,
      briefings: count.get(`b|${m.person_id}|`) ?? 0,
      opinion_reports: count.get(`o|${m.person_id}|`) ?? 0,
      attended: count.get(`a|${m.person_id}|${m.roster_id}`) ?? 0,
      held: count.get(`h||${m.roster_id}`) ?? 0,
    }));
    const lineOf = new Map<string, Set<string>>();
    for (const l of lines) lineOf.set(l.roster_id, (lineOf.get(l.roster_id) ?? new Set()).add(l.unit_id));
    const binds = (rule: ObligationView, rosterId: string) =>
      rule.ownerUnitId === null || (lineOf.get(rosterId)?.has(rule.ownerUnitId) ?? false);
    return { rows, binds };
  }
}

/** A member of a judged roster on the day counted up to: `membersOf`'s rows. */
export interface JudgedMember {
  readonly roster_id: string;
  readonly level: string;
  readonly person_id: string;
  readonly full_name: string;
}

/**
 * The order members are judged in: someone on two rosters of a rule is judged once, on the first
 * (lowest level code, then roster id); a report deriving its own members orders them the same way.
 */
export const JUDGED_MEMBER_ORDER = 'r.level, m.roster_id, m.person_id';

interface TallyRow {
  roster_id: string;
  level: string;
  person_id: string;
  full_name: string;
  briefings: number;
  opinion_reports: number;
  attended: number;
  held: number;
}

/** Activities are counted up to today in the current year, to its end in a past one. */
function countUpTo(year: number): string {
  const yearEnd = `${year}-12-31`;
  return today() < yearEnd ? today() : yearEnd;
}

/**
 * The tallies a rule judges: members of the rosters it binds, of its level. Counts of one's own
 * activities are per person, so someone on two rosters is judged once; conference attendance is
 * per roster.
 */
function boundTallies(
  rule: ObligationView,
  rows: readonly TallyRow[],
  binds: (rule: ObligationView, rosterId: string) => boolean,
): (MemberTally & { row: TallyRow })[] {
  const bound = rows.filter((r) => binds(rule, r.roster_id) && (!rule.rosterLevel || r.level === rule.rosterLevel));
  const perPerson = rule.kind !== 'conference_attendance';
  const seen = new Set<string>();
  const tallies: (MemberTally & { row: TallyRow })[] = [];
  for (const row of bound) {
    if (perPerson && seen.has(row.person_id)) continue;
    seen.add(row.person_id);
    tallies.push({
      personId: `${row.person_id}|${row.roster_id}`,
      done: { briefings: row.briefings, opinion_reports: row.opinion_reports, conference_attendance: row.attended },
      held: { conference_attendance: row.held },
      row,
    });
  }
  return tallies;
}
