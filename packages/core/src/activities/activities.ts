import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ActivityRangeInput,
  type Award,
  activityNotFoundError,
  activityRangeInput,
  aggregateWorkload,
  type BriefingInput,
  type BriefingMode,
  briefingInput,
  type ConferenceAttendanceInput,
  type ConferenceInput,
  type ContestEntrantInput,
  type ContestInput,
  type ContestResult,
  type ContestRound,
  type ContestRules,
  type ContestScoresInput,
  conferenceAttendanceInput,
  conferenceInput,
  contestEntrantInput,
  contestInput,
  contestLevelAboveOwnerError,
  contestScoresInput,
  DEFAULT_CONTEST_CATEGORIES,
  DEFAULT_CONTEST_RULES,
  DomainError,
  idInput,
  type OpinionAudience,
  type OpinionReportInput,
  type OpinionReportUpdateInput,
  type OpinionStatus,
  opinionAudience,
  opinionReportInput,
  opinionReportUpdateInput,
  type Page,
  parseInput,
  rankContest,
  type Sensitivity,
  scoreOutOfRangeError,
  unknownReferenceError,
  type ValidActivityRange,
  type WorkloadInput,
  type WorkloadRow,
  workloadInput,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { decodeCursor, encodeCursor } from '../kernel/cursor.js';
import { assertUnit, isoCol, peopleNamed, pgArray } from '../kernel/sql-helpers.js';
import type { Orm } from '../orm.js';

export interface BriefingView {
  readonly id: string;
  readonly date: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly topic: string;
  readonly resolution: string | null;
  readonly audienceSize: number;
  readonly mode: BriefingMode;
  readonly presenters: readonly { readonly personId: string; readonly fullName: string }[];
}

export interface OpinionReportView {
  readonly id: string;
  readonly date: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly topic: string;
  readonly summary: string;
  readonly sensitivity: Sensitivity;
  /** Who may read it: `staff` (routine) or only the `propaganda` department. The API filters on it. */
  readonly visibleTo: OpinionAudience;
  readonly followUp: string | null;
  readonly status: OpinionStatus;
  readonly reporters: readonly { readonly personId: string; readonly fullName: string }[];
}

export interface ConferenceView {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly rosterId: string | null;
  readonly mode: string;
  readonly sites: readonly string[];
  readonly present: number;
  readonly excused: number;
  readonly absent: number;
}

export interface ContestStanding extends ContestResult {
  readonly personId: string;
  readonly fullName: string;
  readonly category: string;
  readonly topic: string;
}

export interface ContestView {
  readonly id: string;
  readonly title: string;
  /** The unit whose contest it is (the district, for a district contest). */
  readonly ownerUnitId: string;
  readonly heldOn: string;
  readonly level: string;
  readonly rules: ContestRules;
  readonly finalised: boolean;
  readonly categories: readonly { readonly code: string; readonly name: string }[];
  /** Per category, in ranking order; computed by the domain's `rankContest`. */
  readonly standings: readonly ContestStanding[];
}

/** The viewer of opinion reports: `propaganda` sees all, `staff` only routine ones. */
export interface OpinionFilter extends ActivityRangeInput {
  readonly viewer: OpinionAudience;
}

/**
 * What rapporteurs do: briefings, public-opinion reports, conferences with attendance, contests
 * (scored, ranked and awarded by the domain), and the workload of each person.
 */
export class ActivityService {
  constructor(private readonly orm: Orm) {}

  // ---- briefings ----------------------------------------------------------------------------

  async recordBriefing(actor: Actor, input: BriefingInput): Promise<BriefingView> {
    const data = parseInput(briefingInput, input);
    const id = await this.orm.em.fork().transactional(async (tx) => {
      await assertUnit(tx, data.unitId, 'unitId');
      await peopleNamed(tx, data.presenterIds, (i) => `presenterIds.${i}`);
      const [row] = await tx.execute<{ id: string }[]>(
        `INSERT INTO briefing (id, date, unit_id, topic, resolution, audience_size, mode, note)
         VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [data.date, data.unitId, data.topic, data.resolution ?? null, data.audienceSize, data.mode, data.note ?? null],
      );
      const briefingId = (row as { id: string }).id;
      await linkPeople(tx, 'briefing_person', 'briefing_id', briefingId, data.presenterIds);
      await audit(tx, actor, { action: 'briefing.record', entity: 'briefing', entityId: briefingId, after: data });
      return briefingId;
    });
    const [view] = await this.briefingRows(
      parseInput(activityRangeInput, { from: '1900-01-01', to: '9999-12-31' }),
      id,
    );
    return view as BriefingView;
  }

  /** Briefings in a period (and unit), oldest first, a page at a time. */
  async briefings(input: ActivityRangeInput): Promise<Page<BriefingView>> {
    const q = parseInput(activityRangeInput, input);
    return toPage(await this.briefingRows(q, undefined, q.cursor), q.limit);
  }

  private async briefingRows(q: ValidActivityRange, onlyId?: string, cursor?: string): Promise<BriefingView[]> {
    const after = cursor ? decodeCursor(cursor, ['date', 'uuid']) : null;
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<(Omit<BriefingView, 'date'> & { date: string })[]>(
        `${scopeCte(q.unitId)}
         SELECT b.id, ${isoCol('b.date', 'date')}, b.unit_id AS "unitId", u.name AS "unitName", b.topic, b.resolution,
                b.audience_size AS "audienceSize", b.mode,
                (SELECT json_agg(json_build_object('personId', p.id, 'fullName', p.full_name) ORDER BY p.given_name COLLATE "vi-x-icu")
                   FROM briefing_person bp JOIN person p ON p.id = bp.person_id WHERE bp.briefing_id = b.id) AS presenters
           FROM briefing b JOIN unit u ON u.id = b.unit_id
          WHERE b.date BETWEEN ?::date AND ?::date ${q.unitId ? 'AND b.unit_id IN (SELECT id FROM scope)' : ''}
            ${onlyId ? 'AND b.id = ?' : ''} ${after ? 'AND (b.date, b.id) > (?::date, ?::uuid)' : ''}
          ORDER BY b.date, b.id
          LIMIT ${q.limit + 1}`,
        [...(q.unitId ? [q.unitId] : []), q.from, q.to, ...(onlyId ? [onlyId] : []), ...(after ?? [])],
      );
    return rows;
  }

  // ---- public-opinion reports ---------------------------------------------------------------

  async recordOpinionReport(actor: Actor, input: OpinionReportInput): Promise<OpinionReportView> {
    const data = parseInput(opinionReportInput, input);
    const id = await this.orm.em.fork().transactional(async (tx) => {
      await assertUnit(tx, data.unitId, 'unitId');
      await peopleNamed(tx, data.reporterIds, (i) => `reporterIds.${i}`);
      const [row] = await tx.execute<{ id: string }[]>(
        `INSERT INTO opinion_report (id, date, unit_id, topic, summary, sensitivity, follow_up, status)
         VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [data.date, data.unitId, data.topic, data.summary, data.sensitivity, data.followUp ?? null, data.status],
      );
      const reportId = (row as { id: string }).id;
      await linkPeople(tx, 'opinion_report_person', 'report_id', reportId, data.reporterIds);
      await audit(tx, actor, { action: 'opinion.record', entity: 'opinion_report', entityId: reportId, after: data });
      return reportId;
    });
    return this.opinionReport(id);
  }

  async updateOpinionReport(actor: Actor, input: OpinionReportUpdateInput): Promise<OpinionReportView> {
    const data = parseInput(opinionReportUpdateInput, input);
    await this.orm.em.fork().transactional(async (tx) => {
      const [before] = await tx.execute<{ status: string; follow_up: string | null; sensitivity: string }[]>(
        'SELECT status, follow_up, sensitivity FROM opinion_report WHERE id = ? FOR UPDATE',
        [data.id],
      );
      if (!before) throw activityNotFoundError({ vi: 'báo cáo dư luận', en: 'Opinion report' }, data.id);
      await tx.execute(
        `UPDATE opinion_report SET status = coalesce(?, status), sensitivity = coalesce(?, sensitivity),
                follow_up = CASE WHEN ? THEN ? ELSE follow_up END, updated_at = now(), version = version + 1
          WHERE id = ?`,
        [data.status ?? null, data.sensitivity ?? null, data.followUp !== undefined, data.followUp ?? null, data.id],
        'run',
      );
      await audit(tx, actor, {
        action: 'opinion.update',
        entity: 'opinion_report',
        entityId: data.id,
        before,
        after: data,
      });
    });
    return this.opinionReport(data.id);
  }

  async opinionReport(id: string): Promise<OpinionReportView> {
    parseInput(idInput, id);
    const [view] = await this.opinionQuery({ from: '1900-01-01', to: '9999-12-31', viewer: 'propaganda' }, id);
    if (!view) throw activityNotFoundError({ vi: 'báo cáo dư luận', en: 'Opinion report' }, id);
    return view;
  }

  /** Reports in a period; a `staff` viewer gets only routine ones (sensitive ones stay with propaganda). */
  /** Opinion reports in a period (and unit) the viewer may read, oldest first, a page at a time. */
  async opinionReports(filter: OpinionFilter): Promise<Page<OpinionReportView>> {
    const { viewer, ...range } = filter;
    const q = parseInput(activityRangeInput, range);
    return toPage(await this.opinionQuery({ ...q, viewer }, undefined, q.cursor), q.limit);
  }

  private async opinionQuery(filter: OpinionFilter, onlyId?: string, cursor?: string): Promise<OpinionReportView[]> {
    const { viewer, ...range } = filter;
    const q = parseInput(activityRangeInput, range);
    const after = cursor ? decodeCursor(cursor, ['date', 'uuid']) : null;
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<Omit<OpinionReportView, 'visibleTo'>[]>(
        `${scopeCte(q.unitId)}
         SELECT r.id, ${isoCol('r.date', 'date')}, r.unit_id AS "unitId", u.name AS "unitName", r.topic, r.summary,
                r.sensitivity, r.follow_up AS "followUp", r.status,
                (SELECT json_agg(json_build_object('personId', p.id, 'fullName', p.full_name) ORDER BY p.given_name COLLATE "vi-x-icu")
                   FROM opinion_report_person rp JOIN person p ON p.id = rp.person_id WHERE rp.report_id = r.id) AS reporters
           FROM opinion_report r JOIN unit u ON u.id = r.unit_id
          WHERE r.date BETWEEN ?::date AND ?::date ${q.unitId ? 'AND r.unit_id IN (SELECT id FROM scope)' : ''}
            ${viewer === 'propaganda' ? '' : "AND r.sensitivity = 'routine'"} ${onlyId ? 'AND r.id = ?' : ''}
            ${after ? 'AND (r.date, r.id) > (?::date, ?::uuid)' : ''}
          ORDER BY r.date, r.id
          LIMIT ${q.limit + 1}`,
        [...(q.unitId ? [q.unitId] : []), q.from, q.to, ...(onlyId ? [onlyId] : []), ...(after ?? [])],
      );
    return rows.map((r) => ({ ...r, visibleTo: opinionAudience(r.sensitivity) }));
  }

  // ---- conferences --------------------------------------------------------------------------

  async createConference(actor: Actor, input: ConferenceInput): Promise<ConferenceView> {
    const data = parseInput(conferenceInput, input);
    const id = await this.orm.em.fork().transactional(async (tx) => {
      await assertUnit(tx, data.ownerUnitId, 'ownerUnitId');
      if (data.rosterId) {
        const [r] = await tx.execute('SELECT 1 FROM roster WHERE id = ?', [data.rosterId]);
        if (!r) throw unknownReferenceError('rosterId', data.rosterId);
      }
      const [row] = await tx.execute<{ id: string }[]>(
        `INSERT INTO conference (id, date, title, owner_unit_id, roster_id, mode) VALUES (gen_random_uuid(), ?, ?, ?, ?, ?) RETURNING id`,
        [data.date, data.title, data.ownerUnitId, data.rosterId ?? null, data.mode],
      );
      const conferenceId = (row as { id: string }).id;
      for (const [i, site] of data.sites.entries()) {
        if (site.unitId) await assertUnit(tx, site.unitId, `sites.${i}.unitId`);
        await tx.execute(
          'INSERT INTO conference_site (id, conference_id, name, unit_id) VALUES (gen_random_uuid(), ?, ?, ?) ON CONFLICT DO NOTHING',
          [conferenceId, site.name, site.unitId ?? null],
          'run',
        );
      }
      await audit(tx, actor, {
        action: 'conference.create',
        entity: 'conference',
        entityId: conferenceId,
        after: data,
      });
      return conferenceId;
    });
    return this.conference(id);
  }

  /** Records (or corrects) attendance; each person once per conference. */
  async recordAttendance(actor: Actor, input: ConferenceAttendanceInput): Promise<ConferenceView> {
    const data = parseInput(conferenceAttendanceInput, input);
    await this.orm.em.fork().transactional(async (tx) => {
      const [c] = await tx.execute('SELECT 1 FROM conference WHERE id = ? FOR UPDATE', [data.conferenceId]);
      if (!c) throw activityNotFoundError({ vi: 'hội nghị', en: 'Conference' }, data.conferenceId);
      await peopleNamed(
        tx,
        data.entries.map((e) => e.personId),
        (i) => `entries.${i}.personId`,
      );
      for (const [i, entry] of data.entries.entries()) {
        let siteId: string | null = null;
        if (entry.site) {
          const [site] = await tx.execute<{ id: string }[]>(
            'SELECT id FROM conference_site WHERE conference_id = ? AND name = ?',
            [data.conferenceId, entry.site],
          );
          if (!site) throw unknownReferenceError(`entries.${i}.site`, entry.site);
          siteId = site.id;
        }
        await tx.execute(
          `INSERT INTO conference_attendance (conference_id, person_id, status, site_id) VALUES (?, ?, ?, ?)
           ON CONFLICT (conference_id, person_id) DO UPDATE SET status = excluded.status, site_id = excluded.site_id`,
          [data.conferenceId, entry.personId, entry.status, siteId],
          'run',
        );
      }
      await audit(tx, actor, {
        action: 'conference.attendance',
        entity: 'conference',
        entityId: data.conferenceId,
        after: data.entries,
      });
    });
    return this.conference(data.conferenceId);
  }

  async conference(id: string): Promise<ConferenceView> {
    parseInput(idInput, id);
    const [view] = await this.conferenceQuery('c.id = ?', [id]);
    if (!view) throw activityNotFoundError({ vi: 'hội nghị', en: 'Conference' }, id);
    return view;
  }

  async conferences(input: ActivityRangeInput): Promise<ConferenceView[]> {
    const q = parseInput(activityRangeInput, input);
    return this.conferenceQuery(`c.date BETWEEN ?::date AND ?::date ${q.unitId ? 'AND c.owner_unit_id = ?' : ''}`, [
      q.from,
      q.to,
      ...(q.unitId ? [q.unitId] : []),
    ]);
  }

  private conferenceQuery(where: string, params: unknown[]): Promise<ConferenceView[]> {
    return this.orm.em
      .fork()
      .getConnection()
      .execute<ConferenceView[]>(
        `SELECT c.id, ${isoCol('c.date', 'date')}, c.title, c.owner_unit_id AS "ownerUnitId", c.roster_id AS "rosterId", c.mode,
                coalesce((SELECT json_agg(s.name ORDER BY s.name) FROM conference_site s WHERE s.conference_id = c.id), '[]') AS sites,
                (SELECT count(*)::int FROM conference_attendance a WHERE a.conference_id = c.id AND a.status = 'present') AS present,
                (SELECT count(*)::int FROM conference_attendance a WHERE a.conference_id = c.id AND a.status = 'excused') AS excused,
                (SELECT count(*)::int FROM conference_attendance a WHERE a.conference_id = c.id AND a.status = 'absent') AS absent
           FROM conference c WHERE ${where} ORDER BY c.date, c.id`,
        params,
      );
  }

  // ---- contests -----------------------------------------------------------------------------

  async createContest(actor: Actor, input: ContestInput): Promise<ContestView> {
    const data = parseInput(contestInput, input);
    const id = await this.orm.em.fork().transactional(async (tx) => {
      await assertUnit(tx, data.ownerUnitId, 'ownerUnitId');
      // Levels are data: a level that is a unit level must not rank above the owner's own.
      const [owner] = await tx.execute<{ level_code: string; above: boolean }[]>(
        `SELECT u.level_code, coalesce(asked.rank < own.rank, false) AS above
           FROM unit u JOIN unit_level own ON own.code = u.level_code
           LEFT JOIN unit_level asked ON asked.code = ?
          WHERE u.id = ?`,
        [data.level ?? null, data.ownerUnitId],
      );
      if (owner?.above) throw contestLevelAboveOwnerError(data.level as string, owner.level_code);
      const [row] = await tx.execute<{ id: string }[]>(
        `INSERT INTO contest (id, title, owner_unit_id, level, held_on, rules) VALUES (gen_random_uuid(), ?, ?, ?, ?, ?::jsonb) RETURNING id`,
        [
          data.title,
          data.ownerUnitId,
          data.level ?? owner?.level_code,
          data.heldOn,
          JSON.stringify(data.rules ?? DEFAULT_CONTEST_RULES),
        ],
      );
      const contestId = (row as { id: string }).id;
      const categories = data.categories ?? DEFAULT_CONTEST_CATEGORIES.map((c) => ({ code: c.code, name: c.name.vi }));
      for (const category of categories) {
        await tx.execute(
          'INSERT INTO contest_category (id, contest_id, code, name) VALUES (gen_random_uuid(), ?, ?, ?) ON CONFLICT DO NOTHING',
          [contestId, category.code, category.name],
          'run',
        );
      }
      await audit(tx, actor, { action: 'contest.create', entity: 'contest', entityId: contestId, after: data });
      return contestId;
    });
    return this.contest(id);
  }

  async addEntrant(actor: Actor, input: ContestEntrantInput): Promise<{ id: string }> {
    const data = parseInput(contestEntrantInput, input);
    return this.orm.em.fork().transactional(async (tx) => {
      await this.lockOpenContest(tx, data.contestId);
      await peopleNamed(tx, [data.personId], () => 'personId');
      const [category] = await tx.execute<{ id: string }[]>(
        'SELECT id FROM contest_category WHERE contest_id = ? AND code = ?',
        [data.contestId, data.category],
      );
      if (!category) throw unknownReferenceError('category', data.category);
      const [row] = await tx.execute<{ id: string }[]>(
        `INSERT INTO contest_entrant (id, contest_id, category_id, person_id, topic) VALUES (gen_random_uuid(), ?, ?, ?, ?)
         ON CONFLICT (contest_id, person_id) DO UPDATE SET category_id = excluded.category_id, topic = excluded.topic RETURNING id`,
        [data.contestId, category.id, data.personId, data.topic],
      );
      const id = (row as { id: string }).id;
      await audit(tx, actor, { action: 'contest.entrant', entity: 'contest_entrant', entityId: id, after: data });
      return { id };
    });
  }

  /** Records judges' scores (a judge's later score for a round replaces the earlier one). */
  async recordScores(actor: Actor, input: ContestScoresInput): Promise<ContestView> {
    const data = parseInput(contestScoresInput, input);
    await this.orm.em.fork().transactional(async (tx) => {
      const rules = await this.lockOpenContest(tx, data.contestId);
      for (const [i, s] of data.scores.entries()) {
        const max = rules.maxPoints[s.round];
        if (s.score > max) throw scoreOutOfRangeError(s.round, max, i);
      }
      const entrants = await tx.execute<{ id: string }[]>(
        'SELECT id FROM contest_entrant WHERE contest_id = ? AND id = ANY(?::uuid[])',
        [data.contestId, pgArray([...new Set(data.scores.map((s) => s.entrantId))])],
      );
      const known = new Set(entrants.map((e) => e.id));
      const unknown = data.scores.findIndex((s) => !known.has(s.entrantId));
      if (unknown >= 0)
        throw unknownReferenceError(`scores.${unknown}.entrantId`, data.scores[unknown]?.entrantId ?? '');
      await peopleNamed(
        tx,
        data.scores.map((s) => s.judgeId),
        (i) => `scores.${i}.judgeId`,
      );
      const values: unknown[] = [];
      const rows = data.scores.map((s) => {
        values.push(s.entrantId, s.judgeId, s.round, s.score);
        return '(?, ?, ?, ?)';
      });
      await tx.execute(
        `INSERT INTO contest_score (entrant_id, judge_id, round, score) VALUES ${rows.join(', ')}
         ON CONFLICT (entrant_id, judge_id, round) DO UPDATE SET score = excluded.score, recorded_at = now()`,
        values,
        'run',
      );
      await audit(tx, actor, {
        action: 'contest.scores',
        entity: 'contest',
        entityId: data.contestId,
        after: data.scores,
      });
    });
    return this.contest(data.contestId);
  }

  /** Writes the computed ranks, totals and awards onto the entrants and closes the scoring. */
  async finaliseContest(actor: Actor, contestId: string): Promise<ContestView> {
    parseInput(idInput, contestId);
    await this.orm.em.fork().transactional(async (tx) => {
      await this.lockOpenContest(tx, contestId);
      const view = await this.contestIn(tx, contestId);
      for (const s of view.standings) {
        await tx.execute(
          'UPDATE contest_entrant SET rank = ?, total = ?, award = ? WHERE id = ?',
          [s.rank, s.total, s.award, s.entrantId],
          'run',
        );
      }
      await tx.execute('UPDATE contest SET finalised_at = now() WHERE id = ?', [contestId], 'run');
      await audit(tx, actor, {
        action: 'contest.finalise',
        entity: 'contest',
        entityId: contestId,
        after: view.standings.map((s) => ({ entrantId: s.entrantId, rank: s.rank, total: s.total, award: s.award })),
      });
    });
    return this.contest(contestId);
  }

  async contest(id: string): Promise<ContestView> {
    parseInput(idInput, id);
    return this.contestIn(this.orm.em.fork(), id);
  }

  private async lockOpenContest(tx: EntityManager, id: string): Promise<ContestRules> {
    const [row] = await tx.execute<{ rules: ContestRules; finalised_at: string | null }[]>(
      'SELECT rules, finalised_at FROM contest WHERE id = ? FOR UPDATE',
      [id],
    );
    if (!row)
      throw new DomainError('CONTEST.NOT_FOUND', {
        vi: `Không tìm thấy hội thi ${id}.`,
        en: `Contest ${id} not found.`,
      });
    if (row.finalised_at) {
      throw new DomainError('CONTEST.ALREADY_FINALISED', {
        vi: 'Hội thi đã công bố kết quả; không sửa được nữa.',
        en: 'The contest results are published; they can no longer change.',
      });
    }
    return row.rules;
  }

  private async contestIn(em: EntityManager, id: string): Promise<ContestView> {
    const conn = em.getConnection();
    const [contest] = await conn.execute<
      {
        id: string;
        title: string;
        owner_unit_id: string;
        held_on: string;
        level: string;
        rules: ContestRules;
        finalised: boolean;
      }[]
    >(
      `SELECT id, title, owner_unit_id, ${isoCol('held_on', 'held_on')}, level, rules, finalised_at IS NOT NULL AS finalised
         FROM contest WHERE id = ?`,
      [id],
    );
    if (!contest)
      throw new DomainError('CONTEST.NOT_FOUND', {
        vi: `Không tìm thấy hội thi ${id}.`,
        en: `Contest ${id} not found.`,
      });
    const categories = await conn.execute<{ id: string; code: string; name: string }[]>(
      'SELECT id, code, name FROM contest_category WHERE contest_id = ? ORDER BY code',
      [id],
    );
    const entrants = await conn.execute<
      { id: string; person_id: string; full_name: string; category_id: string; topic: string; award: Award | null }[]
    >(
      `SELECT e.id, e.person_id, p.full_name, e.category_id, e.topic, e.award
         FROM contest_entrant e JOIN person p ON p.id = e.person_id WHERE e.contest_id = ?`,
      [id],
    );
    const scores = await conn.execute<{ entrant_id: string; judge_id: string; round: ContestRound; score: string }[]>(
      'SELECT s.entrant_id, s.judge_id, s.round, s.score FROM contest_score s JOIN contest_entrant e ON e.id = s.entrant_id WHERE e.contest_id = ?',
      [id],
    );
    const judged = scores.map((s) => ({
      entrantId: s.entrant_id,
      judgeId: s.judge_id,
      round: s.round,
      score: Number(s.score),
    }));
    const standings: ContestStanding[] = [];
    for (const category of categories) {
      const mine = entrants.filter((e) => e.category_id === category.id);
      for (const result of rankContest(
        mine.map((e) => e.id),
        judged,
        contest.rules,
      )) {
        const e = mine.find((x) => x.id === result.entrantId) as (typeof mine)[number];
        standings.push({
          ...result,
          personId: e.person_id,
          fullName: e.full_name,
          category: category.code,
          topic: e.topic,
        });
      }
    }
    return {
      id: contest.id,
      title: contest.title,
      ownerUnitId: contest.owner_unit_id,
      heldOn: contest.held_on,
      level: contest.level,
      rules: contest.rules,
      finalised: contest.finalised,
      categories: categories.map((c) => ({ code: c.code, name: c.name })),
      standings,
    };
  }

  // ---- workload -----------------------------------------------------------------------------

  /** Periods taught (sessions assigned or lectured) and briefings given, per person per period. */
  async workload(input: WorkloadInput): Promise<WorkloadRow[]> {
    const q = parseInput(workloadInput, input);
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<
        { person_id: string; date: string; periods: number; sessions: number; briefings: number; audience: number }[]
      >(
        `WITH taught AS (
           SELECT DISTINCT s.id, x.person_id, s.date, s.periods
             FROM class_session s
             JOIN training_class c ON c.id = s.class_id AND c.status <> 'cancelled'
             CROSS JOIN LATERAL (SELECT s.lecturer_id AS person_id WHERE s.lecturer_id IS NOT NULL
                                 UNION SELECT a.person_id FROM teaching_assignment a WHERE a.session_id = s.id) x
            WHERE s.date BETWEEN ?::date AND ?::date
         ), days AS (
           SELECT person_id, date, sum(periods)::int AS periods, count(*)::int AS sessions, 0 AS briefings, 0 AS audience
             FROM taught GROUP BY person_id, date
           UNION ALL
           SELECT bp.person_id, b.date, 0, 0, count(*)::int, sum(b.audience_size)::int
             FROM briefing b JOIN briefing_person bp ON bp.briefing_id = b.id
            WHERE b.date BETWEEN ?::date AND ?::date GROUP BY bp.person_id, b.date
         )
         SELECT person_id, ${isoCol('date', 'date')}, sum(periods)::int AS periods, sum(sessions)::int AS sessions,
                sum(briefings)::int AS briefings, sum(audience)::int AS audience
           FROM days WHERE true ${q.personIds ? 'AND person_id = ANY(?::uuid[])' : ''}
            ${q.unitId ? `AND person_id IN (SELECT p.id FROM person p WHERE p.unit_id IN (${SCOPE_UNITS}))` : ''}
          GROUP BY person_id, date`,
        [q.from, q.to, q.from, q.to, ...(q.personIds ? [pgArray(q.personIds)] : []), ...(q.unitId ? [q.unitId] : [])],
      );
    return aggregateWorkload(
      rows.map((r) => ({
        personId: r.person_id,
        date: r.date,
        periodsTaught: r.periods,
        sessionsTaught: r.sessions,
        briefings: r.briefings,
        audience: r.audience,
      })),
      q.period,
    );
  }
}

/** A unit and every unit below it, as a subquery (one parameter: the unit id). */
const SCOPE_UNITS = `WITH RECURSIVE down AS (SELECT id FROM unit WHERE id = ? UNION ALL SELECT u.id FROM unit u JOIN down ON u.parent_id = down.id) SELECT id FROM down`;

/** A `scope` CTE of a unit and every unit below it (first parameter: the unit id). */
function scopeCte(unitId: string | undefined): string {
  return unitId
    ? `WITH RECURSIVE scope AS (SELECT id FROM unit WHERE id = ? UNION ALL SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id)`
    : '';
}

async function linkPeople(tx: EntityManager, table: string, column: string, id: string, people: readonly string[]) {
  const unique = [...new Set(people)];
  await tx.execute(
    `INSERT INTO ${table} (${column}, person_id) VALUES ${unique.map(() => '(?, ?)').join(', ')}`,
    unique.flatMap((p) => [id, p]),
    'run',
  );
}

/** One more row than asked tells whether there is a next page; its key is the last row shown. */
function toPage<T extends { id: string; date: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.date, last.id]) : null };
}
