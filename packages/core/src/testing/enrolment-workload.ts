import type { Orm } from '../orm.js';
import { seededRandom } from '../seed/random.js';
import { fixtureClass } from './fixtures.js';

/** The enrolment benches' shared workload: open classes and a reproducible plan of requests. */

export interface Ask {
  readonly classId: string;
  readonly personId: string;
}

/**
 * Classes open for enrolment, one teaching day each (`firstDay` + index), so a person asking for
 * several never meets a schedule clash; no enrolment window, so the service's real clock always
 * finds them open.
 */
export async function openClasses(
  orm: Orm,
  options: { programId: string; unitId: string; count: number; capacity: number; firstDay: string },
): Promise<string[]> {
  const ids: string[] = [];
  for (let c = 0; c < options.count; c++) {
    const day = new Date(`${options.firstDay}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + c);
    const date = day.toISOString().slice(0, 10);
    const cls = await fixtureClass(orm, {
      programId: options.programId,
      unitId: options.unitId,
      capacity: options.capacity,
      opensOn: null,
      closesOn: null,
      sessions: [{ date, start: '07:30', end: '11:30' }],
    });
    ids.push(cls.id);
  }
  return ids;
}

/**
 * `requests` asks spread evenly over the classes, a share of them repeating someone who already
 * asked for that class, shuffled — the same plan on every run (seeded).
 */
export function enrolmentPlan(
  classIds: readonly string[],
  people: readonly string[],
  options: { requests: number; repeatShare: number },
): Ask[] {
  const random = seededRandom(3);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const askers = classIds.map(() => [] as string[]);
  const asks: Ask[] = [];
  for (let i = 0; i < options.requests; i++) {
    const c = i % classIds.length;
    const earlier = askers[c] as string[];
    const personId = earlier.length > 0 && random() < options.repeatShare ? pick(earlier) : pick(people);
    earlier.push(personId);
    asks.push({ classId: classIds[c] as string, personId });
  }
  for (let i = asks.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [asks[i], asks[j]] = [asks[j] as Ask, asks[i] as Ask];
  }
  return asks;
}
