import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { deterministicId } from '../seed/demo.js';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

/** What the propaganda pages record: audiences by people and gender, corrections, sites' headcounts, juries. */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const count = (table: string) => countRows(polcenter.orm, table);
const staff = { id: null, label: 'Ban Tuyên giáo (test)' };
const village = await unitIdByCode(polcenter.orm, '02050-01');
const presenter = deterministicId('rapporteur:02050-1');
const briefing = {
  date: '12/03/2023',
  unitId: village,
  place: 'Nhà văn hoá thôn',
  topic: 'Phòng chống cháy rừng mùa khô',
  directive: 'Chỉ thị 17-CT/TW',
  audience: [
    { ethnicity: 'tay' as const, gender: 'female' as const, count: 21 },
    { ethnicity: 'tay' as const, gender: 'male' as const, count: 18 },
    { ethnicity: 'dao' as const, gender: 'female' as const, count: 7 },
    { ethnicity: 'hmong' as const, gender: 'male' as const, count: 4 },
  ],
  presenterIds: [presenter],
};

test('a briefing by people and gender: the total is their sum, kept with the directive and place', async () => {
  const made = await polcenter.activities.recordBriefing(staff, briefing);
  assert.is(made.audienceSize, 50);
  assert.is(made.directive, 'Chỉ thị 17-CT/TW');
  assert.is(made.place, 'Nhà văn hoá thôn');
  assert.equal(
    made.audience.map((g) => `${g.ethnicity}/${g.gender}=${g.count}`),
    ['dao/female=7', 'hmong/male=4', 'tay/female=21', 'tay/male=18'],
  );
  assert.is(made.version, 1);
});

test('an audience that does not add up, a group twice, or no audience at all: refused by field, nothing written', async () => {
  const before = [await count('briefing'), await count('briefing_audience'), await count('audit_log')];
  const mismatch = await expectDomainError(
    polcenter.activities.recordBriefing(staff, { ...briefing, audienceSize: 60 }),
  );
  assert.is(mismatch.code, 'INPUT.INVALID');
  assert.is(mismatch.fields[0]?.field, 'audienceSize');
  assert.match(mismatch.fields[0]?.message.vi ?? '', 'khác tổng theo dân tộc và giới tính (50)');
  const twice = await expectDomainError(
    polcenter.activities.recordBriefing(staff, {
      ...briefing,
      audience: [...briefing.audience, { ethnicity: 'tay', gender: 'male', count: 1 }],
    }),
  );
  assert.is(twice.fields[0]?.field, 'audience.4.ethnicity');
  const none = await expectDomainError(polcenter.activities.recordBriefing(staff, { ...briefing, audience: [] }));
  assert.is(none.fields[0]?.field, 'audienceSize');
  assert.equal([await count('briefing'), await count('briefing_audience'), await count('audit_log')], before);
});

test('a correction replaces the audience on the version read; a stale one is refused', async () => {
  const made = await polcenter.activities.recordBriefing(staff, { ...briefing, topic: 'Bầu cử đại biểu' });
  const { id, version, audience, ...rest } = made;
  const edit = {
    ...briefing,
    id,
    version,
    topic: 'Bầu cử đại biểu Quốc hội',
    audience: [{ ethnicity: 'nung' as const, gender: 'female' as const, count: 30 }],
  };
  void rest;
  void audience;
  const saved = await polcenter.activities.updateBriefing(staff, edit);
  assert.is(saved.version, 2);
  assert.is(saved.audienceSize, 30);
  assert.equal(saved.audience, [{ ethnicity: 'nung', gender: 'female', count: 30 }]);
  const stale = await expectDomainError(polcenter.activities.updateBriefing(staff, { ...edit, topic: 'Cũ' }));
  assert.is(stale.code, 'ACTIVITY.STALE');
  assert.is((await polcenter.activities.briefing(id)).topic, 'Bầu cử đại biểu Quốc hội');
});

test('briefings are found without diacritics, by topic, place or presenter', async () => {
  const range = { from: '2023-01-01', to: '2023-12-31' };
  const found = await polcenter.activities.briefings({ ...range, search: 'chay rung' });
  assert.equal(
    found.items.map((b) => b.topic),
    ['Phòng chống cháy rừng mùa khô'],
  );
  assert.is((await polcenter.activities.briefings({ ...range, search: 'van hoa' })).items.length, 2);
  assert.is((await polcenter.activities.briefings({ ...range, search: 'quoc hoi' })).items.length, 1);
  assert.is((await polcenter.activities.briefings({ ...range, search: 'ung' })).items.length, 0);
});

test("a conference's sites: headcounts set, a site renamed and one added; one with named attendees stays", async () => {
  const conferenceId = deterministicId('conference:2022:3');
  const view = await polcenter.activities.conference(conferenceId);
  assert.is(view.sites.length, 5);
  assert.ok(view.attendees.length > 10);
  const hall = view.sites.find((s) => s.name === 'Hội trường Huyện ủy');
  assert.ok(hall && hall.present > 0);
  const others = view.sites.filter((s) => s !== hall);
  const updated = await polcenter.activities.updateConferenceSites(staff, {
    conferenceId,
    sites: [
      { id: hall?.id as string, name: 'Hội trường Huyện ủy', headcount: 120 },
      ...others.slice(1).map((s, i) => ({ id: s.id, name: s.name, unitId: s.unitId, headcount: 40 + i })),
      { name: 'Điểm cầu Trường THPT Chợ Đồn', headcount: 35 },
    ],
  });
  assert.is(updated.sites.length, 5);
  assert.is(updated.headcount, 120 + 40 + 41 + 42 + 35);
  const gone = await expectDomainError(polcenter.activities.updateConferenceSites(staff, { conferenceId, sites: [] }));
  assert.is(gone.code, 'CONFERENCE.SITE_IN_USE');
  assert.is((await polcenter.activities.conference(conferenceId)).sites.length, 5);
  const twice = await expectDomainError(
    polcenter.activities.updateConferenceSites(staff, {
      conferenceId,
      sites: [
        { name: 'Điểm A', headcount: 1 },
        { name: 'điểm a', headcount: 2 },
      ],
    }),
  );
  assert.is(twice.fields[0]?.field, 'sites.1.name');
});

test("a contest's jury: only its judges score, and a judge who scored stays on it", async () => {
  const contest = await polcenter.activities.createContest(staff, {
    title: 'Hội thi báo cáo viên giỏi 2023',
    ownerUnitId: await unitIdByCode(polcenter.orm, '064'),
    heldOn: '2023-08-10',
  });
  const [a, b, c] = [0, 1, 2].map((i) => deterministicId(`rapporteur:judge-${i}`)) as [string, string, string];
  const { id: entrantId } = await polcenter.activities.addEntrant(staff, {
    contestId: contest.id,
    personId: presenter,
    category: 'resolution',
    topic: 'Nghị quyết Đại hội XIII',
  });
  const stranger = await expectDomainError(
    polcenter.activities.recordScores(staff, {
      contestId: contest.id,
      scores: [{ entrantId, judgeId: a, round: 'outline', score: 15 }],
    }),
  );
  assert.is(stranger.code, 'CONTEST.NOT_A_JUDGE');
  assert.is(stranger.fields[0]?.field, 'scores.0.judgeId');
  const juried = await polcenter.activities.setJudges(staff, { contestId: contest.id, judgeIds: [a, b, c] });
  assert.is(juried.judges.length, 3);
  const scored = await polcenter.activities.recordScores(staff, {
    contestId: contest.id,
    scores: [{ entrantId, judgeId: a, round: 'outline', score: 15 }],
  });
  assert.equal(scored.scores, [{ entrantId, judgeId: a, round: 'outline', score: 15 }]);
  const leaving = await expectDomainError(
    polcenter.activities.setJudges(staff, { contestId: contest.id, judgeIds: [b] }),
  );
  assert.is(leaving.code, 'CONTEST.JUDGE_HAS_SCORES');
  assert.is(
    (await polcenter.activities.setJudges(staff, { contestId: contest.id, judgeIds: [a, b] })).judges.length,
    2,
  );
  const listed = await polcenter.activities.contests({
    from: '2023-01-01',
    to: '2023-12-31',
    search: 'bao cao vien gioi',
  });
  assert.equal(
    listed.map((x) => [x.title, x.entrants, x.finalised]),
    [['Hội thi báo cáo viên giỏi 2023', 1, false]],
  );
  await polcenter.activities.finaliseContest(staff, contest.id);
  const late = await expectDomainError(
    polcenter.activities.setJudges(staff, { contestId: contest.id, judgeIds: [a, b, c] }),
  );
  assert.is(late.code, 'CONTEST.ALREADY_FINALISED');
});

test('the demo contest keeps its jury of three after the migration', async () => {
  const view = await polcenter.activities.contest(deterministicId('contest:2022'));
  assert.is(view.judges.length, 3);
  void SYSTEM_ACTOR;
});

test.run();
