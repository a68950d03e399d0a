import {
  type LocalizedText,
  type OpinionAudience,
  organiserName,
  outputSentence,
  type PeriodReportInput,
  parseInput,
  periodLabel,
  periodReportInput,
  periodTitle,
  propagandaSentence,
  recordNotFoundError,
  trainingSentence,
} from '@polcenter/domain';
import type { ObligationService } from '../obligations/obligations.js';
import type { Orm } from '../orm.js';
import { outputSection } from './output-section.js';
import type { PeriodBasis, PeriodReport, RapporteurSection, ReportOrganiser } from './period-report.js';
import { planTargets } from './plan-targets-sql.js';
import { rapporteurBasis, rapporteurDetail, rapporteurSection } from './rapporteur-section.js';
import { type ReportScope, reportScope, SCOPE } from './report-scope.js';
import { rostersAtPeriodEnd } from './roster-section.js';
import { trainingSection } from './training-section.js';

interface UnitRow {
  id: string;
  code: string;
  name: string;
  level_code: string;
  level_vi: string;
  level_en: string;
}

type Query = { from: string; to: string; unitId: string | undefined; scope: ReportScope };

/**
 * The one report function (ADR 0033): every figure of a period for a unit and everything within
 * it, following successor links, each section an aggregate statement of its own module. Sensitive
 * opinion topics only for a `propaganda` viewer.
 */
export async function periodReport(
  orm: Orm,
  obligations: ObligationService,
  input: PeriodReportInput,
  viewer: OpinionAudience,
): Promise<PeriodReport> {
  const q = await scopedQuery(orm, queryOf(input));
  // The rosters on the period's last day, derived once for their size and for the shortfalls: the
  // same rosters, those owned in the period's tree (ADR 0048).
  const rosters = rostersAtPeriodEnd(orm.em.fork().getConnection(), q, Number(q.to.slice(0, 4)));
  rosters.catch(() => undefined); // awaited below, by both sections
  const [basis, detail, predecessors] = await Promise.all([
    basisOf(
      orm,
      q,
      viewer,
      rosters.then((r) => r.size),
    ),
    rapporteurDetail(
      orm,
      obligations,
      q,
      viewer,
      rosters.then((r) => r.judged),
    ),
    orm.em
      .fork()
      .getConnection()
      .execute<{ unitId: string; code: string; name: string }[]>(
        `WITH ${SCOPE}
       SELECT DISTINCT u.id AS "unitId", u.code, u.name FROM unit_link l JOIN unit u ON u.id = l.predecessor_id
        WHERE l.kind <> 'transfer' AND l.successor_id IN (SELECT id FROM units_in)
        ORDER BY u.code`,
        [q.scope.ids],
      ),
  ]);
  return { ...basis, predecessors, ...rapporteurSection(basis.rapporteurs, detail) };
}

/** The figures every path shows (`periodReport` without what only staff read): the public subset's source. */
export async function periodBasis(orm: Orm, input: PeriodReportInput, viewer: OpinionAudience): Promise<PeriodBasis> {
  const q = await scopedQuery(orm, queryOf(input));
  return basisOf(
    orm,
    q,
    viewer,
    rostersAtPeriodEnd(orm.em.fork().getConnection(), q, null).then((r) => r.size),
  );
}

function queryOf(input: PeriodReportInput): Omit<Query, 'scope'> {
  const parsed = parseInput(periodReportInput, input);
  return { from: parsed.from, to: parsed.to, unitId: parsed.unitId };
}

/** The query with the units it counts, walked once for every section (report-scope.ts). */
async function scopedQuery(orm: Orm, q: Omit<Query, 'scope'>): Promise<Query> {
  return { ...q, scope: await reportScope(orm.em.fork().getConnection(), q) };
}

async function basisOf(
  orm: Orm,
  q: Query,
  viewer: OpinionAudience,
  rosterSize: Promise<RapporteurSection['roster']>,
): Promise<PeriodBasis> {
  // Awaited below, after the plan; marked handled now so a failure is not reported as unhandled
  // before then (it still rejects where it is awaited).
  rosterSize.catch(() => undefined);
  const sql = orm.em.fork().getConnection();
  const [unit] = q.unitId
    ? await sql.execute<UnitRow[]>(
        `SELECT u.id, u.code, u.name, u.level_code, l.name_vi AS level_vi, l.name_en AS level_en
           FROM unit u JOIN unit_level l ON l.code = u.level_code WHERE u.id = ?`,
        [q.unitId],
      )
    : [];
  if (q.unitId && !unit) throw recordNotFoundError('UNIT.NOT_FOUND', { vi: 'đơn vị', en: 'unit' }, q.unitId, 'unitId');
  const organiser: ReportOrganiser | null = unit
    ? {
        unitId: unit.id,
        code: unit.code,
        name: unit.name,
        levelCode: unit.level_code,
        level: { vi: unit.level_vi, en: unit.level_en },
        training: organiserName({ name: unit.name, levelCode: unit.level_code }, 'training'),
        propaganda: organiserName({ name: unit.name, levelCode: unit.level_code }, 'propaganda'),
      }
    : null;

  const plan = await planTargets(sql, q);
  const [training, rapporteurs, output] = await Promise.all([
    trainingSection(orm.em.fork().getConnection(), q, plan),
    rapporteurBasis(orm, q, viewer, plan, rosterSize),
    outputSection(orm.em.fork().getConnection(), q, plan),
  ]);

  const period: LocalizedText = periodLabel(q.from, q.to);
  const outputs = Object.fromEntries(output.byKind.map((o) => [o.kind, o.count.actual])) as Record<
    'documents' | 'news' | 'radio' | 'banners',
    number
  >;
  const years: number[] = [];
  for (let y = Number(q.from.slice(0, 4)); y <= Number(q.to.slice(0, 4)); y++) years.push(y);
  return {
    from: q.from,
    to: q.to,
    periodTitle: periodTitle(q.from, q.to),
    period,
    organiser,
    planYears: years,
    sentences: {
      training: trainingSentence(
        period,
        {
          classes: training.classes.actual,
          trainees: training.trainees.actual,
          planPercent: training.trainees.percent,
        },
        organiser?.training,
      ),
      propaganda: propagandaSentence(
        period,
        {
          briefings: rapporteurs.briefings.count,
          audience: rapporteurs.briefings.audience,
          conferences: rapporteurs.conferences.count,
          attendees: rapporteurs.conferences.attendees,
          opinionReports: rapporteurs.opinionReports.count,
        },
        organiser?.propaganda,
      ),
      output: outputSentence(period, outputs, organiser?.propaganda),
    },
    training,
    rapporteurs,
    output,
  };
}
