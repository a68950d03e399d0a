import { type ExpertiseField, type RosterDecisionInput, rosterAt } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  polcenter.orm.em.getConnection().execute<T[]>(query, params);
const staff = { id: null, label: 'Ban Tuyên giáo (test)' };

const unitId = (code: string) => unitIdByCode(polcenter.orm, code);

async function person(fullName: string): Promise<string> {
  const given = fullName.split(' ').at(-1) as string;
  const [row] = await sql<{ id: string }>(
    `INSERT INTO person (id, full_name, given_name, search_name) VALUES (gen_random_uuid(), ?, ?, lower(?)) RETURNING id`,
    [fullName, given, fullName],
  );
  return (row as { id: string }).id;
}

const auditCount = () => countRows(polcenter.orm, 'audit_log');

const commune = await unitId('02050'); // Phương Viên
const other = await unitId('02041'); // Bằng Phúc
const [an, binh, chi, dung] = (await Promise.all(
  ['Hoàng Văn An', 'Bàn Thị Bình', 'Nông Văn Chi', 'Ma Thị Dung'].map(person),
)) as [string, string, string, string];
const roster = await polcenter.rosters.create(staff, {
  level: 'commune',
  ownerUnitId: commune,
  termStartYear: 2020,
  termEndYear: 2025,
});
const otherRoster = await polcenter.rosters.create(staff, {
  level: 'grassroots',
  ownerUnitId: other,
  termStartYear: 2020,
  termEndYear: 2025,
});

type Line = NonNullable<RosterDecisionInput['items']>[number];
const d = (number: string, date: string, kind: string, items: Line[] = [], extra: object = {}) =>
  polcenter.rosters.recordDecision(staff, {
    rosterId: roster.id,
    number,
    date,
    signer: 'Bí thư Đảng ủy',
    kind: kind as 'add',
    items,
    ...extra,
  });
const line = (personId: string, extra: Partial<Line> = {}): Line => ({
  personId,
  fields: ['party_building'] as ExpertiseField[],
  ...extra,
});
const names = async (date: string, knownOn?: string) =>
  (await polcenter.rosters.rosterAt({ rosterId: roster.id, date, ...(knownOn && { knownOn }) })).members
    .map((m) => m.fullName)
    .join(', ');

const d1 = await d('01-QĐ/ĐU', '2020-10-05', 'establish', [line(an), line(binh, { position: 'Phó Bí thư' })]);
await d('07-QĐ/ĐU', '2021-04-01', 'add', [line(chi, { fields: ['economy', 'law'] })]);
await d('12-QĐ/ĐU', '2021-09-01', 'transfer', [{ personId: binh, change: 'transfer', toRosterId: otherRoster.id }]);
const d4 = await d('20-QĐ/ĐU', '2022-03-01', 'add', [line(dung)]);
await polcenter.rosters.annul(staff, {
  decisionId: d4.id,
  number: '25-QĐ/ĐU',
  date: '2022-06-01',
  signer: 'Bí thư Đảng ủy',
});

test('the roster at a date, one call, in Vietnamese order, with fields and stays', async () => {
  assert.is(await names('2020-10-04'), '');
  assert.is(await names('2020-10-05'), 'Hoàng Văn An, Bàn Thị Bình');
  assert.is(await names('2021-06-01'), 'Hoàng Văn An, Bàn Thị Bình, Nông Văn Chi');
  assert.is(await names('2021-09-01'), 'Hoàng Văn An, Nông Văn Chi');
  assert.is(await names('2022-04-01'), 'Hoàng Văn An, Nông Văn Chi', 'annulled decision ignored (as known now)');
  assert.is(await names('2022-04-01', '2022-04-01'), 'Hoàng Văn An, Nông Văn Chi, Ma Thị Dung', 'as recorded then');
  const at = await polcenter.rosters.rosterAt({ ownerUnitId: commune, level: 'commune', date: '15/10/2022' });
  assert.is(at.roster.id, roster.id);
  const chiRow = at.members.find((m) => m.personId === chi);
  assert.equal(chiRow?.fields, ['economy', 'law']);
  assert.is(chiRow?.since, '2021-04-01');
  assert.is(chiRow?.decisionNumber, '07-QĐ/ĐU');
  const moved = await polcenter.rosters.rosterAt({ rosterId: otherRoster.id, date: '2022-01-01' });
  assert.equal(
    moved.members.map((m) => [m.fullName, m.since]),
    [['Bàn Thị Bình', '2021-09-01']],
  );
});

test('a person on several rosters', async () => {
  await polcenter.rosters.recordDecision(staff, {
    rosterId: otherRoster.id,
    number: '03-QĐ/ĐU',
    date: '2022-01-10',
    signer: 'Bí thư',
    kind: 'add',
    items: [line(an, { fields: ['culture_society'] })],
  });
  const memberships = await polcenter.rosters.rostersOf(an, '2022-02-01');
  assert.equal(memberships.map((m) => m.roster.level).sort(), ['commune', 'grassroots']);
});

test('decisions that do not fit are refused, with typed errors, and leave nothing behind', async () => {
  const before = await auditCount();
  const decisionsBefore = (await polcenter.rosters.decisions(roster.id)).length;
  const cases: [string, () => Promise<unknown>, string][] = [
    ['adding a sitting member', () => d('30-QĐ/ĐU', '2022-07-01', 'add', [line(an)]), 'ROSTER.DECISION_INVALID'],
    [
      'removing a non-member',
      () => d('31-QĐ/ĐU', '2022-07-01', 'remove', [{ personId: dung }]),
      'ROSTER.DECISION_INVALID',
    ],
    ['a number used twice', () => d('07-QĐ/ĐU', '2022-07-01', 'add', [line(dung)]), 'ROSTER.DECISION_NUMBER_TAKEN'],
    [
      'annulling twice',
      () =>
        polcenter.rosters.annul(SYSTEM_ACTOR, {
          decisionId: d4.id,
          number: '32-QĐ/ĐU',
          date: '2022-07-01',
          signer: 'x',
        }),
      'ROSTER.DECISION_ALREADY_ANNULLED',
    ],
    [
      'an unknown person',
      () => d('33-QĐ/ĐU', '2022-07-01', 'add', [line('00000000-0000-4000-8000-000000000000')]),
      'ACTIVITY.UNKNOWN_REFERENCE',
    ],
    ['bad input', () => d('', '31/02/2022', 'add', []), 'INPUT.INVALID'],
  ];
  for (const [label, attempt, code] of cases) {
    const error = await expectDomainError(attempt());
    assert.is(error.code, code, label);
    assert.ok(error.text.vi && error.text.en, label);
  }
  assert.is(await auditCount(), before);
  assert.is((await polcenter.rosters.decisions(roster.id)).length, decisionsBefore);
  const history = await polcenter.rosters.decisions(roster.id);
  assert.is(history.find((x) => x.id === d4.id)?.annulledBy?.number, '25-QĐ/ĐU');
  assert.is(history[0]?.id, d1.id);
});

test('every change wrote its audit row', async () => {
  const rows = await sql<{ action: string; n: string }>(
    "SELECT action, count(*) AS n FROM audit_log WHERE action LIKE 'roster.%' AND actor_label = ? GROUP BY action ORDER BY action",
    [staff.label],
  );
  assert.equal(
    rows.map((r) => [r.action, Number(r.n)]),
    [
      ['roster.create', 2],
      ['roster.decision.annul', 1],
      ['roster.decision.record', 5],
    ],
  );
});

test('the SQL derivation agrees with the domain on a random history', async () => {
  // A seeded PRNG: the same history every run.
  let state = 7;
  const rand = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const people = await Promise.all(Array.from({ length: 8 }, (_, i) => person(`Triệu Văn Thử ${i}`)));
  const rosters = await Promise.all(
    ['02023', '02032'].map(async (code) =>
      polcenter.rosters.create(staff, {
        level: 'grassroots',
        ownerUnitId: await unitId(code),
        termStartYear: 2020,
        termEndYear: 2025,
      }),
    ),
  );
  const ids = rosters.map((r) => r.id);
  const recorded: string[] = [];
  for (let i = 0; i < 120; i++) {
    const rosterId = ids[rand(2)] as string;
    const date = `2021-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
    const base = { rosterId, number: `T${i}`, date, signer: 'x' };
    const pick = rand(10);
    const who = people[rand(people.length)] as string;
    const attempt =
      pick === 0 && recorded.length > 0
        ? polcenter.rosters.annul(SYSTEM_ACTOR, {
            ...base,
            decisionId: recorded[rand(recorded.length)] as string,
            date: '2021-12-31',
          })
        : pick === 1
          ? polcenter.rosters.recordDecision(SYSTEM_ACTOR, { ...base, kind: 'establish', items: [line(who)] })
          : pick < 5
            ? polcenter.rosters.recordDecision(SYSTEM_ACTOR, { ...base, kind: 'remove', items: [{ personId: who }] })
            : pick < 7
              ? polcenter.rosters.recordDecision(SYSTEM_ACTOR, {
                  ...base,
                  kind: 'transfer',
                  items: [{ personId: who, toRosterId: ids[rand(2)] as string, fields: ['law' as const] }],
                })
              : polcenter.rosters.recordDecision(SYSTEM_ACTOR, {
                  ...base,
                  kind: pick < 9 ? 'add' : 'reappoint',
                  items: [line(who)],
                });
    const done = await attempt.catch(() => null); // decisions that do not fit are refused: skip them
    if (done) recorded.push(done.id);
  }
  assert.ok(recorded.length > 30, `${recorded.length} decisions recorded`);
  const decisions = await polcenter.rosters.decisionsForDerivation(ids);
  for (const date of ['2021-01-15', '2021-04-01', '2021-07-20', '2021-10-10', '2021-12-30', '2022-01-01']) {
    for (const knownOn of [undefined, '2021-06-30']) {
      for (const rosterId of ids) {
        const fromSql = (await polcenter.rosters.rosterAt({ rosterId, date, ...(knownOn && { knownOn }) })).members;
        const fromDomain = rosterAt(decisions, rosterId, date, knownOn ? { knownOn } : {});
        const simplify = (m: { personId: string; since: string; decisionId: string; fields: readonly string[] }) =>
          [m.personId, m.since, m.decisionId, [...m.fields]].join('|');
        assert.equal(fromSql.map(simplify).sort(), fromDomain.map(simplify).sort(), `${rosterId} ${date} ${knownOn}`);
      }
    }
  }
});

test('a roster level is one of the reference data, named as an administrator renamed it', async () => {
  const before = await auditCount();
  const refused = await expectDomainError(
    polcenter.rosters.create(staff, { level: 'huyen', ownerUnitId: other, termStartYear: 2026, termEndYear: 2030 }),
  );
  assert.is(refused.fields[0]?.field, 'level');
  assert.match(
    refused.fields[0]?.message.vi ?? '',
    /Không có cấp báo cáo viên "huyen"; chỉ có: Báo cáo viên Trung ương \(central\), .*Báo cáo viên cấp xã \(commune\)/,
  );
  assert.match(
    refused.fields[0]?.message.en ?? '',
    /There is no roster level "huyen"; use one of: Central rapporteurs \(central\)/,
  );
  assert.is(await auditCount(), before, 'nothing written');
  const correction = await expectDomainError(
    polcenter.rosters.update(staff, {
      id: roster.id,
      expectedVersion: (await polcenter.rosters.get(roster.id)).version,
      level: 'xa',
      termStartYear: 2020,
      termEndYear: 2025,
    }),
  );
  assert.is(correction.fields[0]?.field, 'level');
  // A level an administrator adds is taken; a rename is what every roster of it is called from then on.
  await polcenter.reference.save(SYSTEM_ACTOR, {
    list: 'roster_level',
    code: 'hamlet_group',
    rank: 60,
    nameVi: 'Tổ tuyên truyền',
    nameEn: 'Propaganda groups',
  });
  const added = await polcenter.rosters.create(staff, {
    level: 'hamlet_group',
    ownerUnitId: other,
    termStartYear: 2026,
    termEndYear: 2030,
  });
  assert.equal(added.levelName, { vi: 'Tổ tuyên truyền', en: 'Propaganda groups' });
  const [commune] = (await polcenter.reference.list('roster_level')).filter((v) => v.code === 'commune');
  await polcenter.reference.save(SYSTEM_ACTOR, {
    list: 'roster_level',
    code: 'commune',
    rank: commune?.rank ?? 40,
    nameVi: 'Báo cáo viên cấp xã, phường',
    nameEn: 'Commune and ward rapporteurs',
    version: commune?.version,
  });
  assert.equal((await polcenter.rosters.get(roster.id)).levelName?.vi, 'Báo cáo viên cấp xã, phường');
});

test.run();
