import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { deterministicId } from '../seed/demo.js';
import { createTestPolCenter, unitIdByCode } from '../testing/index.js';

/** The period report of propaganda output: what a six-month or annual report quotes. */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const staff = { id: null, label: 'Ban Tuyên giáo (test)' };
const commune = await unitIdByCode(polcenter.orm, '02050');
const village = await unitIdByCode(polcenter.orm, '02050-01');
const elsewhere = await unitIdByCode(polcenter.orm, '02029');
const presenter = deterministicId('rapporteur:02050-1');
const period = { from: '2024-01-01', to: '2024-06-30' };

test('briefings of the period: counted, their audience by people and by gender, a total-only one unclassified', async () => {
  const empty = await polcenter.reports.propaganda({ ...period, unitId: commune }, 'staff');
  assert.is(empty.briefings.count, 0);
  await polcenter.activities.recordBriefing(staff, {
    date: '2024-03-02',
    unitId: village,
    topic: 'Chuyển đổi số',
    audience: [
      { ethnicity: 'tay', gender: 'female', count: 30 },
      { ethnicity: 'tay', gender: 'male', count: 25 },
      { ethnicity: 'dao', gender: 'male', count: 12 },
    ],
    presenterIds: [presenter],
  });
  await polcenter.activities.recordBriefing(staff, {
    date: '2024-05-20',
    unitId: village,
    topic: 'An toàn giao thông',
    audience: [{ ethnicity: 'dao', gender: 'female', count: 8 }],
    presenterIds: [presenter],
  });
  await polcenter.activities.recordBriefing(staff, {
    date: '2024-06-10',
    unitId: village,
    topic: 'Phòng chống ma tuý',
    audienceSize: 40,
    presenterIds: [presenter],
  });
  // Outside the period, and outside the unit: not counted.
  await polcenter.activities.recordBriefing(staff, {
    date: '2024-07-01',
    unitId: village,
    topic: 'Ngoài kỳ',
    audienceSize: 99,
    presenterIds: [presenter],
  });
  await polcenter.activities.recordBriefing(staff, {
    date: '2024-03-03',
    unitId: elsewhere,
    topic: 'Xã khác',
    audience: [{ ethnicity: 'kinh', gender: 'male', count: 70 }],
    presenterIds: [presenter],
  });
  const report = await polcenter.reports.propaganda({ ...period, unitId: commune }, 'staff');
  assert.is(report.briefings.count, 3);
  assert.is(report.briefings.audience, 115);
  assert.equal(report.briefings.byEthnicity, [
    { ethnicity: 'tay', audience: 55 },
    { ethnicity: 'dao', audience: 20 },
  ]);
  assert.equal(report.briefings.byGender, [
    { gender: 'female', audience: 38 },
    { gender: 'male', audience: 37 },
  ]);
  assert.is(report.briefings.unclassified, 40);
  assert.ok(
    report.sentence.vi.startsWith(
      '06 tháng đầu năm 2024, đã tổ chức 03 buổi tuyên truyền miệng cho 115 lượt người nghe',
    ),
  );
  const everywhere = await polcenter.reports.propaganda(period, 'staff');
  assert.is(everywhere.briefings.audience, 185);
});

test('conferences by site: a headcount where counted, the named attendees present elsewhere', async () => {
  const district = await unitIdByCode(polcenter.orm, '064');
  const made = await polcenter.activities.createConference(staff, {
    date: '2024-04-15',
    title: 'Hội nghị học tập Nghị quyết Trung ương',
    ownerUnitId: district,
    mode: 'online',
    sites: [
      { name: 'Hội trường Huyện ủy', unitId: district, headcount: 150 },
      { name: 'Điểm cầu xã Phương Viên', unitId: commune },
    ],
  });
  await polcenter.activities.recordAttendance(staff, {
    conferenceId: made.id,
    entries: [
      { personId: presenter, status: 'present', site: 'Điểm cầu xã Phương Viên' },
      { personId: deterministicId('rapporteur:02050-2'), status: 'present', site: 'Điểm cầu xã Phương Viên' },
      { personId: deterministicId('rapporteur:02050-3'), status: 'absent', site: 'Điểm cầu xã Phương Viên' },
    ],
  });
  const all = await polcenter.reports.propaganda(period, 'staff');
  assert.is(all.conferences.count, 1);
  assert.equal(
    all.conferences.sites.map((s) => [s.site, s.headcount, s.named, s.attendees]),
    [
      ['Hội trường Huyện ủy', 150, 0, 150],
      ['Điểm cầu xã Phương Viên', null, 2, 2],
    ],
  );
  assert.is(all.conferences.attendees, 152);
  // The commune's report counts the conference its site reached, with its own site only.
  const mine = await polcenter.reports.propaganda({ ...period, unitId: commune }, 'staff');
  assert.equal(
    mine.conferences.sites.map((s) => s.site),
    ['Điểm cầu xã Phương Viên'],
  );
});

test('opinion reports by topic; sensitive ones counted as withheld for staff, shown to propaganda', async () => {
  const report = (topic: string, sensitivity: 'routine' | 'sensitive') =>
    polcenter.activities.recordOpinionReport(staff, {
      date: '2024-02-10',
      unitId: village,
      topic,
      summary: 'Bà con phản ánh.',
      sensitivity,
      reporterIds: [presenter],
    });
  await report('Giá phân bón', 'routine');
  await report('Giá phân bón', 'routine');
  await report('Tranh chấp đất rừng', 'sensitive');
  const forStaff = await polcenter.reports.propaganda({ ...period, unitId: commune }, 'staff');
  assert.equal(forStaff.opinionReports.byTopic, [{ topic: 'Giá phân bón', reports: 2 }]);
  assert.is(forStaff.opinionReports.withheld, 1);
  assert.not.match(JSON.stringify(forStaff), 'Tranh chấp');
  const forPropaganda = await polcenter.reports.propaganda({ ...period, unitId: commune }, 'propaganda');
  assert.equal(forPropaganda.opinionReports.byTopic, [
    { topic: 'Giá phân bón', reports: 2 },
    { topic: 'Tranh chấp đất rừng', reports: 1 },
  ]);
  assert.is(forPropaganda.opinionReports.withheld, 0);
});

test.run();
