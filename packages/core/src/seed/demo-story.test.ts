import { dayOffReason, type ExpertiseField, formatDate } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTestPolCenter } from '../testing/index.js';

// The demo tells the 2022 story of Chợ Đồn (DEMO.md): each rule a reader of the article would
// take for granted, checked over everything the seed wrote, through the product's own reads.
const polcenter = await createTestPolCenter({ demo: true });
const sql = <T>(query: string, params: unknown[] = []) => polcenter.orm.em.fork().execute<T[]>(query, params);
test.after(() => polcenter.close());

/** Every day a roster changes (its decisions' dates), and a day in each half of 2022. */
async function rosterDays(): Promise<{ rosterId: string; name: string; date: string }[]> {
  return sql(
    `SELECT r.id AS "rosterId", coalesce(r.name, r.level || ' ' || u.name) AS name, d.date
       FROM roster r JOIN unit u ON u.id = r.owner_unit_id
       CROSS JOIN LATERAL (
         SELECT to_char(dd.date, 'YYYY-MM-DD') FROM roster_decision dd
           LEFT JOIN roster_decision_item it ON it.decision_id = dd.id
          WHERE dd.roster_id = r.id OR it.to_roster_id = r.id
         UNION VALUES ('2022-05-16'), ('2022-10-15')
       ) d (date)
      ORDER BY 1, 3`,
  );
}

test('one person per position on every roster, on every day it changed', async () => {
  const days = await rosterDays();
  assert.ok(days.length >= 10, `${days.length} roster days`);
  const clashes: string[] = [];
  for (const { rosterId, name, date } of days) {
    const { members } = await polcenter.rosters.rosterAt({ rosterId, date });
    const holders = new Map<string, string[]>();
    for (const m of members) {
      if (!m.position) continue;
      holders.set(m.position, [...(holders.get(m.position) ?? []), m.fullName]);
    }
    for (const [position, names] of holders) {
      if (names.length > 1) clashes.push(`${name} ${formatDate(date)}: ${position} — ${names.join(', ')}`);
    }
    assert.ok(
      members.every((m) => m.position),
      `${name} ${date}: a member without a position`,
    );
  }
  assert.equal(clashes, []);
});

/**
 * What a post speaks on, read from its title (independently of the seed's own table): a police
 * chief on defence and security, a justice office on law, a party committee on party building…
 */
const POSTS: readonly [RegExp, readonly ExpertiseField[]][] = [
  [/Công an|Quân sự/, ['defence_security']],
  [/Tư pháp/, ['law']],
  [/Nông nghiệp|UBND/, ['economy']],
  [/Dân tộc|Dân vận|MTTQ/, ['ethnic_religious']],
  [/Văn hóa|Phụ nữ/, ['culture_society']],
  [/Tuyên giáo|Huyện đoàn/, ['politics_ideology']],
  [/Tổ chức|Văn phòng Huyện ủy|Đảng ủy|chi bộ/, ['party_building']],
];

test('fields of expertise fit each member’s post', async () => {
  const misfits: string[] = [];
  for (const { rosterId, date } of await rosterDays()) {
    for (const m of (await polcenter.rosters.rosterAt({ rosterId, date })).members) {
      const rules = POSTS.filter(([pattern]) => pattern.test(m.position ?? ''));
      if (rules.length === 0) misfits.push(`${m.position}: no rule knows this post`);
      // Each rule the title matches must show in the fields: a post's main field is never missing.
      for (const [pattern, fields] of rules) {
        if (!fields.some((f) => m.fields.includes(f))) misfits.push(`${m.position} (${m.fields}) lacks ${pattern}`);
      }
    }
  }
  assert.equal([...new Set(misfits)], []);
});

test('the head of the propaganda department, who directs the political center, is on the district roster', async () => {
  const [district] = await sql<{ id: string }>(`SELECT id FROM unit WHERE code = '064'`);
  for (const date of ['2021-01-04', '2022-06-30', '2022-12-30']) {
    const { members } = await polcenter.rosters.rosterAt({ ownerUnitId: district?.id, level: 'district', date });
    const heads = members.filter((m) => /(^|, )Trưởng Ban Tuyên giáo Huyện ủy/.test(m.position ?? ''));
    assert.is(heads.length, 1, date);
    assert.match(heads[0]?.position ?? '', 'Giám đốc Trung tâm Chính trị huyện');
  }
});

test('no briefing, conference, class session, contest or opinion report on a Sunday or in the Tết break', async () => {
  const dated = await sql<{ what: string; date: string }>(
    `SELECT 'briefing ' || topic AS what, to_char(date, 'YYYY-MM-DD') AS date FROM briefing
     UNION ALL SELECT 'conference ' || title, to_char(date, 'YYYY-MM-DD') FROM conference
     UNION ALL SELECT 'session of ' || c.code, to_char(s.date, 'YYYY-MM-DD')
       FROM class_session s JOIN training_class c ON c.id = s.class_id
     UNION ALL SELECT 'contest ' || title, to_char(held_on, 'YYYY-MM-DD') FROM contest
     UNION ALL SELECT 'opinion report ' || topic, to_char(date, 'YYYY-MM-DD') FROM opinion_report`,
  );
  assert.ok(dated.filter((d) => d.what.startsWith('briefing')).length >= 90);
  assert.ok(
    dated.some((d) => d.date.startsWith('2022-02')),
    'February 2022 still has its work, after Tết',
  );
  const offDays = dated.flatMap(({ what, date }) => {
    const reason = dayOffReason(date);
    return reason ? [`${what}: ${formatDate(date)} (${reason.vi})`] : [];
  });
  assert.equal(offDays, []);
});

test('every session has a lecturer, never two sessions at once nor a village briefing that day', async () => {
  const sessions = await sql<{ code: string; date: string; part: string; lecturer: string | null; unit: string }>(
    `SELECT c.code, to_char(s.date, 'YYYY-MM-DD') AS date, s.part, s.lecturer_id AS lecturer, o.code AS unit
       FROM class_session s JOIN training_class c ON c.id = s.class_id JOIN unit o ON o.id = c.organiser_unit_id`,
  );
  assert.ok(sessions.length > 100);
  assert.equal(
    sessions.filter((s) => !s.lecturer).map((s) => `${s.code} ${s.date} ${s.part}`),
    [],
  );
  const slots = new Set<string>();
  for (const s of sessions) {
    const slot = `${s.lecturer} ${s.date} ${s.part}`;
    assert.not.ok(slots.has(slot), `double-booked: ${slot}`);
    slots.add(slot);
  }
  const busy = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM class_session s
       JOIN briefing_person bp ON bp.person_id = s.lecturer_id JOIN briefing b ON b.id = bp.briefing_id AND b.date = s.date`,
  );
  assert.is(busy[0]?.n, 0);
  // The district center's lecturers are its rapporteurs, on the roster on the day they teach.
  const [district] = await sql<{ id: string }>(`SELECT id FROM unit WHERE code = '064'`);
  const offRoster: string[] = [];
  for (const date of [...new Set(sessions.filter((s) => s.unit === '064').map((s) => s.date))]) {
    const { members } = await polcenter.rosters.rosterAt({ ownerUnitId: district?.id, level: 'district', date });
    const on = new Set(members.map((m) => m.personId));
    for (const s of sessions.filter((x) => x.unit === '064' && x.date === date)) {
      if (!on.has(s.lecturer as string)) offRoster.push(`${s.code} ${s.date} ${s.part}`);
    }
  }
  assert.equal(offRoster, []);
});

test('2022 as the article tells it: output and plan recorded for the district, read in its report', async () => {
  const unit = async (code: string) =>
    ((await sql<{ id: string }>('SELECT id FROM unit WHERE code = ?', [code]))[0] as { id: string }).id;
  const district = await unit('064');
  const half = await polcenter.reports.period({ unitId: district, from: '2022-01-01', to: '2022-06-30' }, 'staff');
  const output = (r: typeof half) =>
    r.output.byKind.map((o) => [o.kind, o.count.actual, o.count.plan, o.count.percent]);
  // The article: 98 documents and nearly 200 news items on the portal, over 450 radio items; no banners counted.
  assert.equal(output(half), [
    ['documents', 98, 200, 49],
    ['news', 196, 400, 49],
    ['radio', 457, 900, 50.8],
    ['banners', 0, null, null],
  ]);
  assert.is(half.output.straddling, 0);
  assert.equal(half.training.classes, { actual: 4, plan: 12, percent: 33.3 });
  assert.equal(half.training.trainees, { actual: 211, plan: 610, percent: 34.6 });
  assert.is(
    half.sentences.output.vi,
    '06 tháng đầu năm 2022, Ban Tuyên giáo Huyện ủy Chợ Đồn đã ban hành 98 văn bản; đăng tải 196 tin, bài; phát 457 tin trên sóng phát thanh, loa truyền thanh.',
  );
  const year = await polcenter.reports.period({ unitId: district, from: '2022-01-01', to: '2022-12-31' }, 'staff');
  // The year: 8 classes (4 + NQ, NTĐ, ĐVM, SC), 392 trainees (211 + 72 + 64 + 45), against 12 and 610.
  assert.equal(year.training.trainees, { actual: 392, plan: 610, percent: 64.3 });
  assert.equal(year.training.classes, { actual: 8, plan: 12, percent: 66.7 });
  assert.equal(
    year.training.byProgram.map((p) => [p.code, p.classes.actual, p.classes.plan, p.trainees.actual, p.trainees.plan]),
    [
      ['BDNV', 1, 2, 46, 100],
      ['CNKT', 1, 2, 55, 120],
      ['ĐVM', 2, 2, 116, 140],
      ['NQ', 1, 2, 0, null],
      ['NTĐ', 2, 3, 130, 200],
      ['SC', 1, 1, 45, 50],
    ],
  );
  assert.equal(output(year), [
    ['documents', 205, 200, 102.5],
    ['news', 404, 400, 101],
    ['radio', 936, 900, 104],
    ['banners', 0, null, null],
  ]);
  // 96 village briefings of 2022 against 120 planned; the twelve monthly conferences, as planned.
  assert.equal(year.rapporteurs.briefings.planned, { actual: 96, plan: 120, percent: 80 });
  assert.equal(year.rapporteurs.conferences.planned, { actual: 12, plan: 12, percent: 100 });
  // Read in 2026 by the province that absorbed Bắc Kạn: the same figures, the same plan.
  const province = await polcenter.reports.period(
    { unitId: await unit('19'), from: '2022-01-01', to: '2022-06-30' },
    'staff',
  );
  assert.equal(output(province), output(half));
  assert.equal(province.training.trainees, half.training.trainees);
});

test('the plan and each month’s tally are dated on a working day, and belong to the district', async () => {
  const dated = await sql<{ what: string; date: string; unit: string }>(
    `SELECT 'plan ' || measure AS what, to_char(t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS date, u.code AS unit
       FROM plan_target t JOIN unit u ON u.id = t.unit_id
     UNION ALL
     SELECT 'output ' || o.kind || ' ' || to_char(o.period_from, 'MM/YYYY'), to_char(o.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD'), u.code
       FROM propaganda_output o JOIN unit u ON u.id = o.unit_id`,
  );
  assert.is(dated.length, 17 + 36);
  assert.equal([...new Set(dated.map((d) => d.unit))], ['064']);
  const off = dated.filter((d) => dayOffReason(d.date) || new Date(`${d.date}T00:00:00Z`).getUTCDay() === 6);
  assert.equal(off, []);
  // January's tally waited for the end of the Tết break (29/01–06/02/2022).
  assert.ok(dated.some((d) => d.what === 'output radio 01/2022' && d.date === '2022-02-07'));
});

test.run();
