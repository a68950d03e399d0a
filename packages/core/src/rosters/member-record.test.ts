import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deterministicId } from '../seed/demo.js';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const staff = { id: null, label: 'Ban Tuyên giáo (sửa danh sách)' };
const district = await unitIdByCode(polcenter.orm, '064');
const sql = <T>(query: string, params: unknown[] = []) =>
  polcenter.orm.em.fork().getConnection().execute<T[]>(query, params);
const audits = () => countRows(polcenter.orm, 'audit_log', "action = 'roster.update'");

test('a roster’s term and name are corrected on the version read, audited before and after', async () => {
  const roster = await polcenter.rosters
    .create(staff, {
      level: 'district',
      ownerUnitId: district,
      termStartYear: 2052,
      termEndYear: 2025,
    })
    .catch(() => null);
  assert.is(roster, null, 'a term ending before it starts is refused at creation');
  const typo = await polcenter.rosters.create(staff, {
    level: 'district',
    ownerUnitId: district,
    termStartYear: 2002,
    termEndYear: 2030,
    name: 'Báo cáo viên nhiệm kỳ sau',
  });
  assert.is(typo.version, 1);
  const fixed = await polcenter.rosters.update(staff, {
    id: typo.id,
    expectedVersion: 1,
    level: 'district',
    termStartYear: 2026,
    termEndYear: 2030,
    name: 'Báo cáo viên Huyện ủy nhiệm kỳ 2026–2030',
  });
  assert.equal(
    [fixed.termStartYear, fixed.termEndYear, fixed.name, fixed.version],
    [2026, 2030, 'Báo cáo viên Huyện ủy nhiệm kỳ 2026–2030', 2],
  );
  const [entry] = await sql<{ before: object; after: object; actor_label: string }>(
    "SELECT before, after, actor_label FROM audit_log WHERE action = 'roster.update' AND entity_id = ?",
    [typo.id],
  );
  assert.equal(entry?.before, {
    level: 'district',
    termStartYear: 2002,
    termEndYear: 2030,
    name: 'Báo cáo viên nhiệm kỳ sau',
  });
  assert.equal(entry?.after, {
    level: 'district',
    termStartYear: 2026,
    termEndYear: 2030,
    name: 'Báo cáo viên Huyện ủy nhiệm kỳ 2026–2030',
  });
  assert.is(entry?.actor_label, staff.label);
});

test('a correction that does not fit is refused, naming the field, and changes nothing', async () => {
  const roster = await polcenter.rosters.create(staff, {
    level: 'district',
    ownerUnitId: district,
    termStartYear: 2031,
    termEndYear: 2035,
  });
  const before = await audits();
  const edit = { id: roster.id, expectedVersion: 1, level: 'district', termStartYear: 2031, termEndYear: 2035 };
  const cases: [string, () => Promise<unknown>, string, string][] = [
    [
      'the term of the demo roster, taken',
      () => polcenter.rosters.update(staff, { ...edit, termStartYear: 2020, termEndYear: 2025 }),
      'ROSTER.TERM_TAKEN',
      'termStartYear',
    ],
    [
      'an end before the start',
      () => polcenter.rosters.update(staff, { ...edit, termEndYear: 2030 }),
      'INPUT.INVALID',
      'termEndYear',
    ],
    [
      'a stale version',
      () => polcenter.rosters.update(staff, { ...edit, expectedVersion: 7 }),
      'ROSTER.STALE',
      'version',
    ],
    [
      'a level code with spaces',
      () => polcenter.rosters.update(staff, { ...edit, level: 'cấp xã' }),
      'INPUT.INVALID',
      'level',
    ],
    [
      'no such roster',
      () => polcenter.rosters.update(staff, { ...edit, id: '00000000-0000-4000-8000-000000000000' }),
      'ROSTER.NOT_FOUND',
      '',
    ],
  ];
  for (const [label, attempt, code, field] of cases) {
    const error = await expectDomainError(attempt());
    assert.is(error.code, code, label);
    if (field)
      assert.ok(
        error.fields.some((f) => f.field === field && f.message.vi),
        `${label}: ${field}`,
      );
    assert.ok(error.text.vi && error.text.en, label);
  }
  assert.is(await audits(), before);
  assert.equal(await polcenter.rosters.get(roster.id), roster);
});

test('two people correcting one roster at once: one correction stands, the other is ROSTER.STALE', async () => {
  const roster = await polcenter.rosters.create(staff, {
    level: 'commune',
    ownerUnitId: district,
    termStartYear: 2036,
    termEndYear: 2040,
  });
  const edit = (name: string) =>
    polcenter.rosters.update(staff, {
      id: roster.id,
      expectedVersion: 1,
      level: 'commune',
      termStartYear: 2036,
      termEndYear: 2040,
      name,
    });
  const outcomes = await Promise.allSettled([edit('Một'), edit('Hai')]);
  const codes = outcomes.map((o) => (o.status === 'fulfilled' ? 'saved' : (o.reason as { code: string }).code)).sort();
  assert.equal(codes, ['ROSTER.STALE', 'saved']);
  const saved = outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<{ name: string }>;
  assert.is((await polcenter.rosters.get(roster.id)).name, saved.value.name);
  assert.is((await polcenter.rosters.get(roster.id)).version, 2);
});

test('a member’s page: rosters at a date, the decisions that named them, their briefings of a year', async () => {
  const personId = deterministicId('rapporteur:district-0');
  const record = await polcenter.rosters.member({ personId, date: '2022-10-15', year: 2022 });
  assert.is(record.person.id, personId);
  assert.equal(
    record.memberships.map((m) => m.roster.level),
    ['district'],
  );
  assert.ok((record.memberships[0]?.fields.length ?? 0) > 0, 'fields of expertise');
  assert.is(record.decisions[0]?.kind, 'establish');
  assert.is(record.decisions[0]?.roster.level, 'district');
  const [counted] = await sql<{ n: number; audience: number }>(
    `SELECT count(*)::int AS n, coalesce(sum(b.audience_size), 0)::int AS audience
       FROM briefing_person bp JOIN briefing b ON b.id = bp.briefing_id
      WHERE bp.person_id = ? AND b.date BETWEEN '2022-01-01' AND '2022-12-31'`,
    [personId],
  );
  assert.ok((counted?.n ?? 0) > 0, 'the demo has briefings to show');
  assert.is(record.briefings.length, counted?.n);
  assert.is(record.audience, counted?.audience);
  assert.ok(record.briefings.every((b, i, all) => i === 0 || (all[i - 1] as { date: string }).date <= b.date));
  assert.equal(
    (await polcenter.rosters.member({ personId, date: '2019-01-01', year: 2019 })).memberships,
    [],
    'before the roster was set',
  );
  const nobody = await expectDomainError(
    polcenter.rosters.member({ personId: '00000000-0000-4000-8000-000000000000', date: '2022-10-15', year: 2022 }),
  );
  assert.is(nobody.code, 'PERSON.NOT_FOUND');
});

test('a member’s standing against every rule: the shortfall list holds exactly their lines short of one', async () => {
  const report = await polcenter.obligations.shortfalls({ year: 2022, unitId: district });
  const short = report.shortfalls[0];
  assert.ok(short, 'someone falls short in the demo');
  const standing = await polcenter.obligations.standing({ personId: short.personId, year: 2022 });
  assert.is(standing.asOf, '2022-12-31');
  const codes = standing.lines.map((l) => l.code).sort();
  assert.ok(codes.includes('BRIEFINGS-6') && codes.includes('CONFERENCES-80'), codes.join());
  assert.ok(standing.lines.every((l) => l.shortBy === Math.max(0, l.required - l.done)));
  const key = (l: { code: string; rosterId: string; required: number; done: number }) =>
    `${l.code}|${l.rosterId}|${l.required}|${l.done}`;
  assert.equal(
    standing.lines
      .filter((l) => l.shortBy > 0)
      .map(key)
      .sort(),
    report.shortfalls
      .filter((s) => s.personId === short.personId)
      .map(key)
      .sort(),
  );
  const outsider = await polcenter.obligations.standing({ personId: short.personId, year: 2030 });
  assert.equal(outsider.lines, [], 'no roster of 2030: nothing binds them');
});

test.run();
