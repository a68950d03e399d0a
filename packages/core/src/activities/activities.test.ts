import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { deterministicId } from '../seed/demo.js';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  polcenter.orm.em.getConnection().execute<T[]>(query, params);
const count = (table: string) => countRows(polcenter.orm, table);
const staff = { id: null, label: 'Ban Tuyên giáo (test)' };
const districtId = await unitIdByCode(polcenter.orm, '064');

test('demo: the district roster on 15/10/2022, after two consolidations and an annulment', async () => {
  const at = await polcenter.rosters.rosterAt({ ownerUnitId: districtId, level: 'district', date: '15/10/2022' });
  assert.is(at.roster.termStartYear, 2020);
  assert.is(at.members.length, 14);
  const history = await polcenter.rosters.decisions(at.roster.id);
  assert.equal(
    history.map((d) => [d.number, d.kind, d.annulledBy?.number ?? null]),
    [
      ['412-QĐ/HU', 'establish', null],
      ['156-QĐ/HU', 'add', null],
      ['287-QĐ/HU', 'add', null],
      ['301-QĐ/HU', 'add', '315-QĐ/HU'],
      ['315-QĐ/HU', 'annul', null],
    ],
  );
  const asRecorded = await polcenter.rosters.rosterAt({
    rosterId: at.roster.id,
    date: '2022-04-10',
    knownOn: '2022-04-10',
  });
  assert.is(asRecorded.members.length, 15);
});

test('briefings: recorded with presenters and audit; bad input leaves nothing', async () => {
  const village = await unitIdByCode(polcenter.orm, '02050-01');
  const presenter = deterministicId('rapporteur:02050-1');
  const before = [await count('briefing'), await count('audit_log')];
  const bad = await expectDomainError(
    polcenter.activities.recordBriefing(SYSTEM_ACTOR, {
      date: '2022-05-05',
      unitId: village,
      topic: 'x',
      audienceSize: -3,
      presenterIds: [presenter],
    }),
  );
  assert.is(bad.code, 'INPUT.INVALID');
  assert.is(bad.fields[0]?.field, 'audienceSize');
  const unknown = await expectDomainError(
    polcenter.activities.recordBriefing(SYSTEM_ACTOR, {
      date: '2022-05-05',
      unitId: village,
      topic: 'Nghị quyết',
      audienceSize: 40,
      presenterIds: [presenter, '00000000-0000-4000-8000-000000000000'],
    }),
  );
  assert.is(unknown.code, 'ACTIVITY.UNKNOWN_REFERENCE');
  assert.is(unknown.fields[0]?.field, 'presenterIds.1');
  assert.equal([await count('briefing'), await count('audit_log')], before);
  const made = await polcenter.activities.recordBriefing(staff, {
    date: '05/05/2022',
    unitId: village,
    topic: 'Nghị quyết Đại hội XIII',
    audienceSize: 64,
    presenterIds: [presenter],
  });
  assert.is(made.date, '2022-05-05');
  assert.is(made.presenters[0]?.personId, presenter);
  assert.equal(
    [await count('briefing'), await count('audit_log')],
    [(before[0] as number) + 1, (before[1] as number) + 1],
  );
});

test('opinion reports: sensitive ones only for the propaganda department', async () => {
  const range = { from: '2022-01-01', to: '2022-12-31' };
  const all = (await polcenter.activities.opinionReports({ ...range, limit: 100, viewer: 'propaganda' })).items;
  const forStaff = (await polcenter.activities.opinionReports({ ...range, limit: 100, viewer: 'staff' })).items;
  assert.is(all.length, 15);
  assert.ok(forStaff.length < all.length && forStaff.length > 0);
  assert.ok(forStaff.every((r) => r.sensitivity === 'routine' && r.visibleTo === 'staff'));
  assert.ok(all.filter((r) => r.sensitivity !== 'routine').every((r) => r.visibleTo === 'propaganda'));
  const updated = await polcenter.activities.updateOpinionReport(staff, { id: all[0]?.id as string, status: 'closed' });
  assert.is(updated.status, 'closed');
});

test('lists that grow are read a page at a time, oldest first', async () => {
  const range = { from: '2022-01-01', to: '2022-12-31' };
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await polcenter.activities.briefings({ ...range, limit: 25, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((b) => `${b.date} ${b.id}`));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  assert.ok(pages > 1, 'the demo year has more briefings than one page');
  assert.equal(seen, [...seen].sort());
  assert.is(new Set(seen).size, seen.length);
  const all = await polcenter.activities.briefings({ ...range, limit: 100 });
  assert.is(all.items.length, Math.min(100, seen.length));
});

test('conferences with sites and attendance', async () => {
  const list = await polcenter.activities.conferences({ from: '2022-01-01', to: '2022-12-31' });
  assert.is(list.length, 12);
  assert.is(list[0]?.sites.length, 5);
  assert.ok((list[0]?.present ?? 0) > 5);
});

test('the contest: ranking per category, awards, then published and closed', async () => {
  const contestId = deterministicId('contest:2022');
  const view = await polcenter.activities.contest(contestId);
  assert.is(view.standings.length, 9);
  for (const code of ['resolution', 'current_affairs', 'thematic']) {
    const mine = view.standings.filter((s) => s.category === code);
    assert.is(mine[0]?.rank, 1, code);
    assert.ok(
      mine.every((s, i) => i === 0 || (s.total ?? 0) <= (mine[i - 1]?.total ?? 0)),
      code,
    );
  }
  const badScore = await expectDomainError(
    polcenter.activities.recordScores(SYSTEM_ACTOR, {
      contestId,
      scores: [
        {
          entrantId: view.standings[0]?.entrantId as string,
          judgeId: deterministicId('rapporteur:judge-0'),
          round: 'outline',
          score: 25,
        },
      ],
    }),
  );
  assert.is(badScore.code, 'CONTEST.SCORE_OUT_OF_RANGE');
  const final = await polcenter.activities.finaliseContest(staff, contestId);
  assert.ok(final.finalised);
  const [first] = await sql<{ award: string }>('SELECT award FROM contest_entrant WHERE id = ?', [
    final.standings[0]?.entrantId,
  ]);
  assert.is(first?.award, final.standings[0]?.award);
  const late = await expectDomainError(
    polcenter.activities.recordScores(SYSTEM_ACTOR, {
      contestId,
      scores: [
        {
          entrantId: view.standings[0]?.entrantId as string,
          judgeId: deterministicId('rapporteur:judge-0'),
          round: 'outline',
          score: 10,
        },
      ],
    }),
  );
  assert.is(late.code, 'CONTEST.ALREADY_FINALISED');
});

test("a contest is held at its owner's level: a commune's contest is never a district one", async () => {
  const commune = await unitIdByCode(polcenter.orm, '02050');
  const own = { title: 'Hội thi tuyên truyền viên giỏi xã Phương Viên', ownerUnitId: commune, heldOn: '2022-06-10' };
  assert.is((await polcenter.activities.createContest(staff, own)).level, 'commune');
  const before = await count('contest');
  const above = await expectDomainError(polcenter.activities.createContest(staff, { ...own, level: 'district' }));
  assert.is(above.code, 'CONTEST.LEVEL_ABOVE_OWNER');
  assert.equal(
    above.fields.map((f) => f.field),
    ['level'],
  );
  assert.is(await count('contest'), before);
  // A level that is not a unit level (a regional round) is the organisers' label, as before.
  assert.is((await polcenter.activities.createContest(staff, { ...own, level: 'region' })).level, 'region');
});

test('obligations: who falls short in 2022 and by how much, in one call', async () => {
  const report = await polcenter.obligations.shortfalls({ year: 2022 });
  assert.is(report.asOf, '2022-12-31');
  assert.ok(report.members >= 30, `${report.members} members`);
  assert.ok(report.shortfalls.length > 0);
  assert.ok(report.shortfalls.every((s) => s.shortBy === s.required - s.done && s.shortBy > 0));
  assert.ok(report.shortfalls.some((s) => s.code === 'BRIEFINGS-6'));
  const duplicate = await expectDomainError(
    polcenter.obligations.define(SYSTEM_ACTOR, {
      code: 'BRIEFINGS-6',
      ownerUnitId: districtId,
      kind: 'briefings',
      minimum: 2,
      name: { vi: 'x', en: 'x' },
    }),
  );
  assert.is(duplicate.code, 'OBLIGATION.CODE_TAKEN');
});

test("obligations are their unit's: a district's rules bind its rosters, not another district's", async () => {
  const [demo] = await polcenter.obligations.list({ year: 2022, unitId: districtId });
  assert.is(demo?.ownerUnitId, districtId);
  // A commune of the 2025 map lies outside Chợ Đồn district: the district's rules do not concern it.
  const after2025 = await unitIdByCode(polcenter.orm, 'TN-CHODON');
  assert.equal(await polcenter.obligations.list({ year: 2022, unitId: after2025 }), []);
  const roster = await polcenter.rosters.create(SYSTEM_ACTOR, {
    level: 'commune',
    ownerUnitId: after2025,
    termStartYear: 2022,
    termEndYear: 2026,
  });
  const member = deterministicId('rapporteur:02050-1');
  await polcenter.rosters.recordDecision(SYSTEM_ACTOR, {
    rosterId: roster.id,
    number: '1-QĐ/ĐU-TN',
    date: '2022-01-05',
    signer: 'Bí thư Đảng uỷ',
    kind: 'establish',
    items: [{ personId: member, fields: ['law'] }],
  });
  const shortOf = async (unitId: string) =>
    (await polcenter.obligations.shortfalls({ year: 2022, unitId })).shortfalls.filter((s) => s.rosterId === roster.id);
  assert.equal(await shortOf(after2025), []);
  // The same code, now the commune's own rule: two units may both call theirs BRIEFINGS-6.
  const own = await polcenter.obligations.define(SYSTEM_ACTOR, {
    code: 'BRIEFINGS-6',
    ownerUnitId: after2025,
    kind: 'briefings',
    minimum: 100,
    name: { vi: 'Ít nhất 100 buổi', en: 'At least 100 briefings' },
  });
  assert.equal(
    (await shortOf(after2025)).map((s) => [s.obligationId, s.personId]),
    [[own.id, member]],
  );
});

test('workload: periods taught and briefings given per person per half-year', async () => {
  const rows = await polcenter.activities.workload({ from: '2022-01-01', to: '2022-12-31', period: 'half' });
  assert.ok(rows.some((r) => r.briefings > 0 && r.audience > 0));
  assert.ok(rows.every((r) => r.period === '2022-H1' || r.period === '2022-H2'));
});

test.run();
