import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import type { Orm } from '../orm.js';
import type { PolCenter } from '../polcenter.js';
import { seedDefaultPrograms } from '../programs/programs.js';
import { type Unit, UnitSchema } from '../units/entities.js';
import { CHO_DON_LINKS, REFORM_2025, THAI_NGUYEN_2025 } from './chodon-links.js';
import { CHO_DON_UNITS } from './chodon-units.js';
import { seedRosters } from './rosters.js';
import { type StoryReport, seedStory2022 } from './story-2022.js';
import { seedVillageWork2025 } from './story-2025.js';
import { seedPlanAndOutput2022 } from './story-output.js';

export interface SeedOptions {
  /** The day the open classes' dates follow (ISO date; default the day it runs, UTC). */
  readonly today?: string;
}

export interface SeedReport {
  /** False when the database already held data and nothing was written. */
  readonly seeded: boolean;
  readonly units: number;
  readonly story?: StoryReport;
  /** Everyone the seed recorded: trainees, rapporteurs and lecturers. */
  readonly people?: number;
}

/**
 * Loads the demo story of Chợ Đồn (DEMO.md) into an empty database, in one transaction.
 * Deterministic: the same seed always writes the same rows, except the dates (and codes' years) of
 * the classes open for enrolment, which follow `today` (UTC date, default the day it runs) so the
 * catalog never goes stale. A database that already holds units is left alone, so
 * `polcenter start` can call this on every start.
 */
export async function seedDemo(polcenter: PolCenter, options?: SeedOptions): Promise<SeedReport>;
/** @internal On the ORM itself, for the workspace's tests and benches (ADR 0032). */
export async function seedDemo(orm: Orm, options?: SeedOptions): Promise<SeedReport>;
export async function seedDemo(target: PolCenter | Orm, options: SeedOptions = {}): Promise<SeedReport> {
  const orm = 'units' in target ? target.orm : target;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const em = orm.em.fork();
  return em.transactional(async (tx) => {
    // Serialise concurrent seeders (two starts at once): the second sees the first's rows.
    await tx.getConnection().execute('select pg_advisory_xact_lock(?)', [0x5eed]);
    if ((await tx.count(UnitSchema)) > 0) return { seeded: false, units: 0 };
    const byCode = new Map<string, Unit>();
    for (const seed of [...CHO_DON_UNITS, ...THAI_NGUYEN_2025]) {
      const unit = tx.create(UnitSchema, {
        id: deterministicId(seed.code),
        code: seed.code,
        name: seed.name,
        level: seed.level,
        kind: 'administrative',
        parent: seed.parent ? byCode.get(seed.parent) : null,
        validFrom: seed.validFrom ?? null,
        validTo: seed.validTo ?? null,
      });
      byCode.set(seed.code, unit);
    }
    await tx.flush();
    for (const link of CHO_DON_LINKS) {
      for (const from of link.from) {
        await tx.execute(
          'INSERT INTO unit_link (id, predecessor_id, successor_id, kind, effective_on, decision) VALUES (?, ?, ?, ?, ?, ?)',
          [
            deterministicId(`link:${from}>${link.to}`),
            byCode.get(from)?.id,
            byCode.get(link.to)?.id,
            link.kind,
            link.effectiveOn,
            link.decision,
          ],
          'run',
        );
      }
    }
    await seedDefaultPrograms(tx, SYSTEM_ACTOR, (code) => deterministicId(`program:${code}`));
    const communes2022 = CHO_DON_UNITS.filter((u) => u.level === 'commune' && (u.validTo ?? '9999') >= '2022-12-31');
    // Rosters first: the story's lecturers are the district's rapporteurs.
    await seedRosters(tx, (code) => byCode.get(code)?.id ?? deterministicId(code), deterministicId);
    const story = await seedStory2022(
      tx,
      (code) => byCode.get(code)?.id ?? deterministicId(code),
      deterministicId,
      communes2022.map((u) => u.code),
      today,
    );
    await seedPlanAndOutput2022(tx, (code) => byCode.get(code)?.id ?? deterministicId(code), deterministicId);
    await seedVillageWork2025(tx, (code) => byCode.get(code)?.id ?? deterministicId(code), deterministicId);
    // Last: the rosters' briefings found the villages by the commune they had in 2022. Reports walk
    // the tree of their period (ADR 0040), so the move leaves the district's 2022 as it was.
    await moveVillagesWithTheirCommunes(tx, byCode);
    const [counted] = await tx.execute<{ n: number }[]>('SELECT count(*)::int AS n FROM person');
    return { seeded: true, units: CHO_DON_UNITS.length + THAI_NGUYEN_2025.length, story, people: counted?.n ?? 0 };
  });
}

/**
 * On 1 July 2025 each village went on under the commune that absorbed its own (ADR 0029): its
 * parent is the new commune, and a dated move keeps it under the old one in the tree of 2022.
 * @internal Takes MikroORM's EntityManager: stays out of the published types (ADR 0032).
 */
export async function moveVillagesWithTheirCommunes(
  tx: EntityManager,
  byCode: ReadonlyMap<string, Unit>,
): Promise<void> {
  const successor = new Map(
    CHO_DON_LINKS.filter((link) => link.effectiveOn === REFORM_2025).flatMap((link) =>
      link.from.map((from) => [from, link.to] as const),
    ),
  );
  for (const village of CHO_DON_UNITS.filter((u) => u.level === 'village')) {
    const from = byCode.get(village.parent ?? '');
    const to = byCode.get(successor.get(village.parent ?? '') ?? '');
    const unit = byCode.get(village.code);
    if (!from || !to || !unit) continue;
    await tx.execute(
      'INSERT INTO unit_move (id, unit_id, from_parent_id, to_parent_id, effective_on) VALUES (?, ?, ?, ?, ?)',
      [deterministicId(`move:${village.code}:${REFORM_2025}`), unit.id, from.id, to.id, REFORM_2025],
      'run',
    );
    await tx.execute('UPDATE unit SET parent_id = ? WHERE id = ?', [to.id, unit.id], 'run');
  }
}

/** What a seed wrote, for the person at the terminal. */
export function describeSeed(report: SeedReport): { vi: string; en: string } {
  const story = report.story;
  const vi = story
    ? `${report.units} đơn vị, ${report.people ?? story.people} người, ${story.classes} lớp, ${story.enrolments} lượt học viên, ${story.certificates} giấy chứng nhận`
    : `${report.units} đơn vị`;
  const en = story
    ? `${report.units} units, ${report.people ?? story.people} people, ${story.classes} classes, ${story.enrolments} enrolments, ${story.certificates} certificates`
    : `${report.units} units`;
  return { vi: `Đã nạp dữ liệu mẫu: ${vi}.`, en: `Demo data loaded: ${en}.` };
}

/** Same seed, same ids: a UUID (version 8, RFC 9562 custom) derived from a stable key. */
export function deterministicId(key: string): string {
  const hex = createHash('sha256').update(`polcenter-demo:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
