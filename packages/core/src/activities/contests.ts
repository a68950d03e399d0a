import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ActivityRangeInput,
  type Award,
  activityRangeInput,
  type ContestEntrantInput,
  type ContestInput,
  type ContestJudgesInput,
  type ContestResult,
  type ContestRound,
  type ContestRules,
  type ContestScoresInput,
  contestEntrantInput,
  contestInput,
  contestJudgesInput,
  contestLevelAboveOwnerError,
  contestScoresInput,
  DEFAULT_CONTEST_CATEGORIES,
  DEFAULT_CONTEST_RULES,
  DomainError,
  idInput,
  judgeHasScoresError,
  notAJudgeError,
  parseInput,
  rankContest,
  scoreOutOfRangeError,
  searchWords,
  unknownReferenceError,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { assertUnit, isoCol, peopleNamed, pgArray } from '../kernel/sql-helpers.js';
import { wordsStartingWords } from '../kernel/word-search.js';
import type { Orm } from '../orm.js';
import { scopeCte } from './activity-sql.js';

/** A contest in a list: what it is, whose, when, how many entered, whether its results are out. */
export interface ContestSummary {
  readonly id: string;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly ownerUnitName: string;
  readonly level: string;
  readonly heldOn: string;
  readonly entrants: number;
  readonly finalised: boolean;
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
  /** The jury (*Ban Giám khảo*), in the Vietnamese order of names. */
  readonly judges: readonly { readonly personId: string; readonly fullName: string }[];
  /** Every judge's score for every entrant and round, so a scoresheet can be filled in again. */
  readonly scores: readonly {
    readonly entrantId: string;
    readonly judgeId: string;
    readonly round: ContestRound;
    readonly score: number;
  }[];
  /** Per category, in ranking order; computed by the domain's `rankContest`. */
  readonly standings: readonly ContestStanding[];
}

/** Contests of rapporteurs: categories, entrants, judges' scores, ranked and awarded by the domain. */
export class Contests {
  /** @internal Built by its service (its ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

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

  /**
   * Sets the jury as listed. A judge who has scored stays (their scores count); the contest is
   * locked, so a score and a change of jury never cross.
   */
  async setJudges(actor: Actor, input: ContestJudgesInput): Promise<ContestView> {
    const data = parseInput(contestJudgesInput, input);
    await this.orm.em.fork().transactional(async (tx) => {
      await this.lockOpenContest(tx, data.contestId);
      const judges = [...new Set(data.judgeIds)];
      await peopleNamed(tx, judges, (i) => `judgeIds.${i}`);
      const before = (
        await tx.execute<{ person_id: string }[]>('SELECT person_id FROM contest_judge WHERE contest_id = ?', [
          data.contestId,
        ])
      ).map((j) => j.person_id);
      const removed = before.filter((p) => !judges.includes(p));
      if (removed.length > 0) {
        const [scored] = await tx.execute<{ judge_id: string }[]>(
          `SELECT s.judge_id FROM contest_score s JOIN contest_entrant e ON e.id = s.entrant_id
            WHERE e.contest_id = ? AND s.judge_id = ANY(?::uuid[]) LIMIT 1`,
          [data.contestId, pgArray(removed)],
        );
        if (scored) throw judgeHasScoresError(before.indexOf(scored.judge_id));
        await tx.execute(
          'DELETE FROM contest_judge WHERE contest_id = ? AND person_id = ANY(?::uuid[])',
          [data.contestId, pgArray(removed)],
          'run',
        );
      }
      await tx.execute(
        `INSERT INTO contest_judge (contest_id, person_id) VALUES ${judges.map(() => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
        judges.flatMap((p) => [data.contestId, p]),
        'run',
      );
      await audit(tx, actor, {
        action: 'contest.judges',
        entity: 'contest',
        entityId: data.contestId,
        before,
        after: judges,
      });
    });
    return this.contest(data.contestId);
  }

  /** Contests held in a period, oldest first: of a unit and the units below it, with words of the title. */
  async contests(input: ActivityRangeInput): Promise<ContestSummary[]> {
    const q = parseInput(activityRangeInput, input);
    const search = wordsStartingWords("concat_ws(' ', c.title, u.name)", searchWords(q.search));
    return this.orm.em
      .fork()
      .getConnection()
      .execute<ContestSummary[]>(
        `${scopeCte(q.unitId)}
         SELECT c.id, c.title, c.owner_unit_id AS "ownerUnitId", u.name AS "ownerUnitName", c.level,
                ${isoCol('c.held_on', '"heldOn"')}, c.finalised_at IS NOT NULL AS finalised,
                (SELECT count(*)::int FROM contest_entrant e WHERE e.contest_id = c.id) AS entrants
           FROM contest c JOIN unit u ON u.id = c.owner_unit_id
          WHERE c.held_on BETWEEN ?::date AND ?::date ${q.unitId ? 'AND c.owner_unit_id IN (SELECT id FROM scope)' : ''}
            ${search.where.map((w) => `AND ${w}`).join(' ')}
          ORDER BY c.held_on, c.id`,
        [...(q.unitId ? [q.unitId] : []), q.from, q.to, ...search.params],
      );
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
      const jury = new Set(
        (
          await tx.execute<{ person_id: string }[]>('SELECT person_id FROM contest_judge WHERE contest_id = ?', [
            data.contestId,
          ])
        ).map((j) => j.person_id),
      );
      const stranger = data.scores.findIndex((s) => !jury.has(s.judgeId));
      if (stranger >= 0) throw notAJudgeError(stranger);
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
    const judges = await conn.execute<{ personId: string; fullName: string }[]>(
      `SELECT p.id AS "personId", p.full_name AS "fullName" FROM contest_judge j JOIN person p ON p.id = j.person_id
        WHERE j.contest_id = ? ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu"`,
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
      judges,
      scores: judged,
      standings,
    };
  }
}
