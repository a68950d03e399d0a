import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { createTestPolCenter, unitIdByCode } from '../testing/index.js';

/**
 * Reports walk the tree of their period (ADR 0040). In the demo, Phương Viên's eight villages and
 * Bằng Lũng's seven moved to xã Chợ Đồn on 01/07/2025, when it absorbed their communes; each gave
 * its briefings of 2022 under its old commune (Bằng Lũng's 7 villages 5 each, Phương Viên's 8
 * villages 4 each), and three of Phương Viên's villages briefed again in 2025 (story-2025.ts).
 */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const unit = (code: string) => unitIdByCode(polcenter.orm, code);
const read = async (code: string, from: string, to: string) =>
  polcenter.reports.period({ unitId: await unit(code), from, to }, 'propaganda');

test('the villages moved with their commune on 01/07/2025: the tree of each day says where they were', async () => {
  const village = await unit('02050-01');
  assert.is((await polcenter.units.get(village)).parentId, await unit('TN-CHODON'));
  const under = async (code: string, at: string) =>
    (await polcenter.units.list({ underCode: code, at, level: 'village' })).map((u) => u.code);
  assert.is((await under('02050', '2025-06-30')).length, 8);
  assert.equal(await under('02050', '2025-07-01'), []);
  assert.is((await under('TN-CHODON', '2025-07-01')).length, 15);
});

test('the district’s 2022 is what it was before the move: 04 classes, 211 trainees, the village briefings', async () => {
  const half = await read('064', '2022-01-01', '2022-06-30');
  assert.is(half.training.classes.actual, 4);
  assert.is(half.training.trainees.actual, 211);
  assert.is(half.rapporteurs.briefings.count, 48);
  const year = await read('064', '2022-01-01', '2022-12-31');
  // 7 × 5 (Bằng Lũng) + 8 × 4 (Phương Viên) + 4 × 4 (Đồng Lạc) + 5 + 4 + 4 (Nam Cường) = 96.
  assert.is(year.rapporteurs.briefings.count, 96);
  assert.is(year.directive17.briefings, 96);
  // Broken down by the communes of 2022, each with its own villages' trainees.
  assert.ok(year.training.byUnit.every((u) => u.code?.startsWith('020')));
});

test('xã Chợ Đồn’s 2022 counts the village briefings of the communes it absorbed', async () => {
  const report = await read('TN-CHODON', '2022-01-01', '2022-12-31');
  assert.is(report.rapporteurs.briefings.count, 35 + 32);
  assert.equal(
    report.predecessors.map((p) => p.code),
    ['02020', '02050', '02053', '02065'],
  );
});

test('after the move the villages’ work is the new commune’s; before it, the old one’s', async () => {
  // 68 + 54 + 47 + 61 + 39 + 52, all given after 01/07/2025.
  const second = await read('TN-CHODON', '2025-07-01', '2025-12-31');
  assert.is(second.rapporteurs.briefings.count, 6);
  assert.is(second.rapporteurs.briefings.audience, 321);
  const first = await read('02050', '2025-01-01', '2025-06-30');
  assert.is(first.rapporteurs.briefings.count, 1);
  assert.is(first.rapporteurs.briefings.audience, 83);
  // The district ended on 30/06/2025: its 2025 is read on the tree of that day, villages included.
  assert.is((await read('064', '2025-01-01', '2025-12-31')).rapporteurs.briefings.count, 7);
  // The list of briefings walks the same tree: Phương Viên's list of the first half keeps its village.
  const list = await polcenter.activities.briefings({
    unitId: await unit('02050'),
    from: '2025-01-01',
    to: '2025-06-30',
  });
  assert.is(list.items.length, 1);
});

test('the new commune’s coordinator finds a person of an old commune’s village', async () => {
  const village = await unit('02050-03');
  const person = await polcenter.people.create(SYSTEM_ACTOR, {
    fullName: 'Hoàng Thị Nguyệt',
    birthDate: '1988-03-08',
    gender: 'female',
    ethnicity: 'tay',
    unitId: village,
  });
  await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: 'dinh.van.son',
    displayName: 'Đinh Văn Sơn',
    password: 'Xã Chợ Đồn 2025',
    roles: [{ role: 'unit_coordinator', unitId: await unit('TN-CHODON') }],
  });
  const { principal } = await polcenter.auth.signIn({ username: 'dinh.van.son', password: 'Xã Chợ Đồn 2025' });
  assert.ok(await polcenter.auth.canAccessUnit(principal, village));
  const withinUnits = (await polcenter.auth.reachOf(principal)).units().map((u) => u.unitId);
  const found = await polcenter.people.search({ query: 'hoang thi nguyet' }, { withinUnits });
  assert.equal(
    found.items.map((p) => p.id),
    [person.id],
  );
  // A village of a commune it did not absorb stays out of reach.
  assert.not.ok(await polcenter.auth.canAccessUnit(principal, await unit('02029-01')));
});

/**
 * The shortfalls judge the rosters the roster section counts (ADR 0048): the period's tree, with
 * successor links. Thái Nguyên's 2022 holds Bắc Kạn's district of Chợ Đồn by the merger; judged by
 * today's tree by parent, it judged none of the district's rosters while it counted their members.
 */
test('a province’s report of a year before the merger judges the rosters it counts: its former district’s', async () => {
  const year = { from: '2022-01-01', to: '2022-12-31' };
  const district = await polcenter.reports.period({ ...year, unitId: await unit('064') }, 'staff');
  const province = await polcenter.reports.period({ ...year, unitId: await unit('19') }, 'staff');
  assert.ok(district.rapporteurs.shortfalls.short.length > 0);
  // One set of rosters: every member the roster section counts is judged, no one else.
  assert.is(province.rapporteurs.shortfalls.members, province.rapporteurs.roster.members);
  assert.is(district.rapporteurs.shortfalls.members, district.rapporteurs.roster.members);
  const lines = (r: typeof district) =>
    r.rapporteurs.shortfalls.short.map((s) => `${s.fullName}|${s.code}|${s.shortBy}`);
  const provinceLines = new Set(lines(province));
  for (const line of lines(district)) assert.ok(provinceLines.has(line), line);
});

test('the obligations page follows the tree of its year: xã Chợ Đồn’s 2022 judges its predecessors’ rosters', async () => {
  const rostersOf = async (code: string) =>
    new Set(
      (await polcenter.obligations.shortfalls({ year: 2022, unitId: await unit(code) })).shortfalls.map(
        (s) => s.rosterId,
      ),
    );
  const predecessors = new Set<string>();
  for (const code of ['02020', '02050', '02053', '02065']) for (const id of await rostersOf(code)) predecessors.add(id);
  assert.ok(predecessors.size > 0);
  assert.equal([...(await rostersOf('TN-CHODON'))].sort(), [...predecessors].sort());
  const judged = await polcenter.obligations.shortfalls({ year: 2022, unitId: await unit('TN-CHODON') });
  const report = await polcenter.reports.period(
    { unitId: await unit('TN-CHODON'), from: '2022-01-01', to: '2022-12-31' },
    'staff',
  );
  assert.is(report.rapporteurs.shortfalls.members, judged.members);
  assert.is(report.rapporteurs.shortfalls.short.length, judged.shortfalls.length);
});

test('a plan target below another is left out by the tree of its year: a moved village’s 2024 under its old commune', async () => {
  // 02050-01 is under xã Chợ Đồn today, under Phương Viên (02050) in 2024.
  const set = async (code: string, target: number) =>
    polcenter.plans.set(SYSTEM_ACTOR, { unitId: await unit(code), year: 2024, measure: 'briefings', target });
  await set('02050', 12);
  await set('02050-01', 3);
  const commune = await read('02050', '2024-01-01', '2024-12-31');
  // The commune's target covers its villages: the village's is inside it, not added to it.
  assert.is(commune.rapporteurs.briefings.planned.plan, 12);
  const village = await read('02050-01', '2024-01-01', '2024-12-31');
  assert.is(village.rapporteurs.briefings.planned.plan, 3);
});

test.run();
