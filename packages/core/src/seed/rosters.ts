import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CONTEST_ROUNDS,
  DEFAULT_CONTEST_CATEGORIES,
  DEFAULT_CONTEST_RULES,
  DEFAULT_OBLIGATIONS,
  type ExpertiseField,
  foldDiacritics,
  nextMeetingDay,
} from '@polcenter/domain';
import { insertRows } from './insert-rows.js';
import { generatePerson } from './people-generator.js';
import { pick, seededRandom } from './random.js';

export interface RosterSeedReport {
  readonly rapporteurs: number;
  readonly decisions: number;
  readonly briefings: number;
  readonly conferences: number;
  readonly opinionReports: number;
  readonly contestEntrants: number;
}

const TOPICS: readonly [string, string | null][] = [
  ['Quán triệt Nghị quyết Đại hội XIII của Đảng', 'Nghị quyết Đại hội XIII'],
  ['Chương trình mục tiêu quốc gia xây dựng nông thôn mới', null],
  ['Phòng, chống dịch COVID-19 và tiêm vắc-xin', null],
  ['Kết luận 21-KL/TW về xây dựng, chỉnh đốn Đảng', 'Kết luận 21-KL/TW'],
  ['Phát triển rừng trồng và kinh tế đồi rừng', null],
  ['Phòng, chống tảo hôn và hôn nhân cận huyết thống', null],
  ['Chỉ thị 17-CT/TW: 15 năm tuyên truyền miệng', 'Chỉ thị 17-CT/TW'],
  ['Luật Đất đai và cấp giấy chứng nhận quyền sử dụng đất', null],
];

const OPINIONS: readonly [string, string, 'routine' | 'sensitive' | 'complex'][] = [
  ['Giá phân bón tăng', 'Bà con lo giá phân bón tăng cao, ảnh hưởng vụ lúa mùa.', 'routine'],
  ['Tiêm vắc-xin cho trẻ em', 'Một số phụ huynh còn băn khoăn về tiêm vắc-xin cho trẻ 5–11 tuổi.', 'routine'],
  ['Đền bù giải phóng mặt bằng', 'Một số hộ chưa đồng thuận mức đền bù đường tỉnh lộ.', 'sensitive'],
  ['Tranh chấp đất rừng giáp ranh', 'Hai thôn tranh chấp ranh giới đất rừng, có nguy cơ mâu thuẫn.', 'complex'],
  ['Giá thu mua mía', 'Người trồng mía phản ánh giá thu mua thấp.', 'routine'],
];

/**
 * The rapporteurs of Chợ Đồn (DEMO.md): the district roster for 2020–2025 set by a decision and
 * consolidated (*kiện toàn*) twice, grassroots propagandists in four communes, the briefings of
 * 2022 with audience counts, monthly conferences with attendance, public-opinion reports, a
 * district contest with judges' scores and awards, and the default obligations. People are
 * invented; ids and choices come from `id(key)` and a seeded PRNG, so every run writes the same rows.
 */
export async function seedRosters(
  tx: EntityManager,
  unitId: (code: string) => string,
  id: (key: string) => string,
): Promise<RosterSeedReport> {
  const random = seededRandom(0x0bc_2022);
  const district = unitId('064');

  const people: string[] = [];
  const newPerson = (key: string, unitCode: string, position: string) => {
    const p = generatePerson(random);
    const personId = id(`rapporteur:${key}`);
    people.push(personId);
    personRows.push([
      personId,
      p.fullName,
      p.fullName.split(' ').at(-1),
      foldDiacritics(p.fullName),
      p.gender,
      p.ethnicity,
      unitId(unitCode),
      position,
      'full_member',
    ]);
    return personId;
  };
  const personRows: unknown[][] = [];
  // One holder per position (the article's head of the propaganda department also directs the
  // political center), each with the fields a person in that post speaks on. Rapporteur 3 retires
  // in 2021 and rapporteur 14 takes the office over; 15 joins in 2022 in a post of their own.
  const DISTRICT: readonly (readonly [string, readonly ExpertiseField[]])[] = [
    ['Phó Trưởng Ban Tuyên giáo Huyện ủy', ['politics_ideology', 'culture_society']],
    [
      'Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Tuyên giáo Huyện ủy, Giám đốc Trung tâm Chính trị huyện',
      ['party_building', 'politics_ideology'],
    ],
    ['Trưởng phòng Văn hóa và Thông tin', ['culture_society']],
    ['Chánh Văn phòng Huyện ủy', ['party_building']],
    ['Trưởng Công an huyện', ['defence_security', 'law']],
    ['Chỉ huy trưởng Ban Chỉ huy Quân sự huyện', ['defence_security']],
    ['Chủ tịch Ủy ban MTTQ Việt Nam huyện', ['ethnic_religious', 'party_building']],
    ['Trưởng phòng Nông nghiệp và PTNT', ['economy']],
    ['Phó Chủ tịch UBND huyện', ['economy', 'party_building']],
    ['Trưởng phòng Tư pháp', ['law']],
    ['Bí thư Huyện đoàn', ['politics_ideology']],
    ['Chủ tịch Hội Liên hiệp Phụ nữ huyện', ['culture_society', 'party_building']],
    ['Trưởng Ban Dân vận Huyện ủy', ['ethnic_religious']],
    ['Trưởng Ban Tổ chức Huyện ủy', ['party_building']],
    ['Chánh Văn phòng Huyện ủy', ['party_building']],
    ['Trưởng phòng Dân tộc', ['ethnic_religious', 'culture_society']],
  ];
  // A person's record holds the post they hold now: the retired head of the office is a former one,
  // the commander who moved to Phương Viên is its party secretary.
  const NOW: Record<number, readonly [string, string]> = {
    3: ['064', 'Nguyên Chánh Văn phòng Huyện ủy'],
    5: ['02050', 'Bí thư Đảng ủy xã Phương Viên'],
  };
  const rapporteurs = DISTRICT.map(([position], i) =>
    newPerson(`district-${i}`, NOW[i]?.[0] ?? '064', NOW[i]?.[1] ?? position),
  );
  const GRASSROOTS = ['02050', '02029', '02026', '02020'];
  const VILLAGE_SECRETARIES: Record<string, readonly string[]> = {
    '02050': ['Nà Đon', 'Tổng Chiêu', 'Nà Càng'],
    '02029': ['Thôm Pả', 'Nà Áng', 'Bản Tràng'],
    '02026': ['Cốc Lùng', 'Phiêng Cà', 'Nà Liền'],
    '02020': ['Tổ 1', 'Tổ 2A', 'Duồng'],
  };
  const COMMUNE_NAMES: Record<string, string> = {
    '02050': 'xã Phương Viên',
    '02029': 'xã Đồng Lạc',
    '02026': 'xã Nam Cường',
    '02020': 'thị trấn Bằng Lũng',
  };
  /** A commune's propagandists: its deputy party secretary, its culture officer and three cell secretaries. */
  const grassrootsPosts = (commune: string): (readonly [string, readonly ExpertiseField[]])[] => [
    [`Phó Bí thư Thường trực Đảng ủy ${COMMUNE_NAMES[commune]}`, ['party_building', 'politics_ideology']],
    [`Công chức Văn hóa – Xã hội ${COMMUNE_NAMES[commune]}`, ['culture_society']],
    ...(VILLAGE_SECRETARIES[commune] ?? []).map(
      (village) =>
        [
          `Bí thư chi bộ ${village.startsWith('Tổ') ? `tổ dân phố số ${village.slice(3)}` : `thôn ${village}`}`,
          ['party_building'],
        ] as const,
    ),
  ];
  const propagandists = new Map(
    GRASSROOTS.map((commune) => [
      commune,
      grassrootsPosts(commune).map(([position], i) => newPerson(`${commune}-${i}`, commune, position)),
    ]),
  );
  const JUDGES = [
    'Phó Trưởng Ban Tuyên giáo Tỉnh ủy',
    'Trưởng phòng Lý luận chính trị, Ban Tuyên giáo Tỉnh ủy',
    'Phó Hiệu trưởng Trường Chính trị tỉnh',
  ];
  const judges = JUDGES.map((position, i) => newPerson(`judge-${i}`, '06', position));
  await insertRows(
    tx,
    'person',
    ['id', 'full_name', 'given_name', 'search_name', 'gender', 'ethnicity', 'unit_id', 'position', 'party_status'],
    personRows,
  );

  // Rosters and their decisions.
  const rosterRows: unknown[][] = [
    [id('roster:064:district:2020'), 'district', district, 2020, 2025, 'Báo cáo viên Huyện ủy Chợ Đồn'],
  ];
  for (const commune of GRASSROOTS) {
    rosterRows.push([id(`roster:${commune}:grassroots:2020`), 'grassroots', unitId(commune), 2020, 2025, null]);
  }
  await insertRows(
    tx,
    'roster',
    ['id', 'level', 'owner_unit_id', 'term_start_year', 'term_end_year', 'name'],
    rosterRows,
  );
  const districtRoster = rosterRows[0]?.[0] as string;

  const districtItem = (i: number) => ({
    person: rapporteurs[i] as string,
    change: 'add',
    fields: [...(DISTRICT[i]?.[1] ?? [])],
    position: DISTRICT[i]?.[0] ?? null,
  });
  let decisions = 0;
  const decision = async (
    key: string,
    rosterId: string,
    number: string,
    date: string,
    signer: string,
    kind: string,
    items: { person: string; change: string; fields?: ExpertiseField[]; position?: string | null; to?: string }[],
    annuls?: string,
  ) => {
    const decisionId = id(`decision:${key}`);
    await tx.execute(
      `INSERT INTO roster_decision (id, roster_id, number, date, signer, kind, annuls_decision_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [decisionId, rosterId, number, date, signer, kind, annuls ?? null],
      'run',
    );
    if (items.length > 0) {
      await insertRows(
        tx,
        'roster_decision_item',
        ['id', 'decision_id', 'item_no', 'person_id', 'change', 'fields', 'position', 'to_roster_id'],
        items.map((item, i) => [
          id(`decision:${key}:${i}`),
          decisionId,
          i + 1,
          item.person,
          item.change,
          `{${(item.fields ?? []).join(',')}}`,
          item.position ?? null,
          item.to ?? null,
        ]),
      );
    }
    decisions++;
    return decisionId;
  };
  const SIGNER = 'T/M Ban Thường vụ Huyện ủy — Phó Bí thư Thường trực';
  // 2020: the roster for the term, 14 of the 16.
  await decision(
    'district-establish',
    districtRoster,
    '412-QĐ/HU',
    '2020-11-16',
    SIGNER,
    'establish',
    rapporteurs.slice(0, 14).map((_, i) => districtItem(i)),
  );
  // 2021: kiện toàn — the office's head retired and his successor joined; the military commander
  // moved to lead Phương Viên's party committee (and sits with its propagandists).
  await decision('district-2021', districtRoster, '156-QĐ/HU', '2021-07-05', SIGNER, 'add', [
    { person: rapporteurs[3] as string, change: 'remove' },
    districtItem(14),
    {
      person: rapporteurs[5] as string,
      change: 'transfer',
      fields: ['party_building', 'defence_security'],
      position: 'Bí thư Đảng ủy xã Phương Viên',
      to: id('roster:02050:grassroots:2020'),
    },
  ]);
  // 2022: kiện toàn again; a mistaken addition annulled three weeks later.
  await decision('district-2022', districtRoster, '287-QĐ/HU', '2022-03-14', SIGNER, 'add', [districtItem(15)]);
  const mistaken = await decision('district-2022-mistake', districtRoster, '301-QĐ/HU', '2022-04-01', SIGNER, 'add', [
    { person: rapporteurs[3] as string, change: 'add', fields: ['law'], position: null },
  ]);
  await decision('district-2022-annul', districtRoster, '315-QĐ/HU', '2022-04-22', SIGNER, 'annul', [], mistaken);
  for (const [commune, list] of propagandists) {
    await decision(
      `${commune}-establish`,
      id(`roster:${commune}:grassroots:2020`),
      `${commune.slice(-2)}-QĐ/ĐU`,
      '2020-12-01',
      'T/M Ban Thường vụ Đảng ủy xã — Bí thư',
      'establish',
      list.map((person, i) => {
        const [position, fields] = grassrootsPosts(commune)[i] as (typeof DISTRICT)[number];
        return { person, change: 'add', fields: [...fields], position };
      }),
    );
  }

  // Briefings of 2022 in the villages, by propagandists and district rapporteurs.
  const villages = await tx.execute<{ id: string; commune: string }[]>(
    `SELECT u.id, p.code AS commune FROM unit u JOIN unit p ON p.id = u.parent_id
      WHERE u.level_code = 'village' AND p.code = ANY(?::text[]) ORDER BY u.code`,
    [`{${GRASSROOTS.join(',')}}`],
  );
  const briefingRows: unknown[][] = [];
  const presenterRows: unknown[][] = [];
  const activeDistrict = rapporteurs.filter((_, i) => i !== 3 && i !== 5);
  for (let i = 0; i < 96; i++) {
    const village = villages[i % villages.length] as { id: string; commune: string };
    const month = 1 + Math.floor(i / 8);
    // Never on a Sunday nor in the Tết break: the day drawn moves to the next day for a meeting.
    const date = nextMeetingDay(
      `2022-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`,
    );
    const [topic, resolution] = pick(random, TOPICS);
    const briefingId = id(`briefing:2022:${i}`);
    briefingRows.push([
      briefingId,
      date,
      village.id,
      topic,
      resolution,
      25 + Math.floor(random() * 90),
      random() < 0.85 ? 'in_person' : 'loudspeaker',
    ]);
    const local = propagandists.get(village.commune) as string[];
    // Some propagandists brief far less than others: the obligations report has someone to show.
    presenterRows.push([briefingId, local[Math.min(4, Math.floor(random() * random() * 6))]]);
    if (i % 3 === 0) presenterRows.push([briefingId, activeDistrict[(i / 3) % activeDistrict.length]]);
  }
  await insertRows(
    tx,
    'briefing',
    ['id', 'date', 'unit_id', 'topic', 'resolution', 'audience_size', 'mode'],
    briefingRows,
  );
  await insertRows(tx, 'briefing_person', ['briefing_id', 'person_id'], presenterRows);

  // Monthly rapporteur conferences of 2022, online to the commune sites, with attendance.
  const conferenceRows: unknown[][] = [];
  const siteRows: unknown[][] = [];
  const attendanceRows: unknown[][] = [];
  const onRoster2022 = rapporteurs.filter((_, i) => i !== 3 && i !== 5 && i !== 15);
  for (let month = 1; month <= 12; month++) {
    const conferenceId = id(`conference:2022:${month}`);
    conferenceRows.push([
      conferenceId,
      nextMeetingDay(`2022-${String(month).padStart(2, '0')}-05`),
      `Hội nghị báo cáo viên tháng ${month}/2022`,
      district,
      districtRoster,
      'hybrid',
    ]);
    const hall = id(`conference:2022:${month}:site:hall`);
    siteRows.push([hall, conferenceId, 'Hội trường Huyện ủy', district]);
    for (const commune of GRASSROOTS)
      siteRows.push([
        id(`conference:2022:${month}:site:${commune}`),
        conferenceId,
        `Điểm cầu xã ${commune}`,
        unitId(commune),
      ]);
    // Rapporteur 15 joined on 14/03/2022: the April conference is their first.
    const members = month >= 4 ? [...onRoster2022, rapporteurs[15] as string] : onRoster2022;
    for (const person of members) {
      const roll = random();
      attendanceRows.push([
        conferenceId,
        person,
        roll < 0.82 ? 'present' : roll < 0.94 ? 'excused' : 'absent',
        roll < 0.82 ? hall : null,
      ]);
    }
  }
  await insertRows(tx, 'conference', ['id', 'date', 'title', 'owner_unit_id', 'roster_id', 'mode'], conferenceRows);
  await insertRows(tx, 'conference_site', ['id', 'conference_id', 'name', 'unit_id'], siteRows);
  await insertRows(tx, 'conference_attendance', ['conference_id', 'person_id', 'status', 'site_id'], attendanceRows);

  // Public-opinion reports.
  const opinionRows: unknown[][] = [];
  const reporterRows: unknown[][] = [];
  for (let i = 0; i < 15; i++) {
    const [topic, summary, sensitivity] = OPINIONS[i % OPINIONS.length] as (typeof OPINIONS)[number];
    const village = villages[(i * 5) % villages.length] as { id: string; commune: string };
    const reportId = id(`opinion:2022:${i}`);
    opinionRows.push([
      reportId,
      nextMeetingDay(`2022-${String(1 + (i % 12)).padStart(2, '0')}-20`),
      village.id,
      topic,
      summary,
      sensitivity,
      sensitivity === 'routine' ? null : 'Báo cáo Thường trực Huyện ủy, phối hợp UBND xã giải quyết.',
      i < 10 ? 'resolved' : 'open',
    ]);
    reporterRows.push([reportId, (propagandists.get(village.commune) as string[])[0]]);
  }
  await insertRows(
    tx,
    'opinion_report',
    ['id', 'date', 'unit_id', 'topic', 'summary', 'sensitivity', 'follow_up', 'status'],
    opinionRows,
  );
  await insertRows(tx, 'opinion_report_person', ['report_id', 'person_id'], reporterRows);

  // The district contest of 2022: 9 entrants in three categories, three judges, three rounds.
  const contestId = id('contest:2022');
  await tx.execute(
    `INSERT INTO contest (id, title, owner_unit_id, level, held_on, rules) VALUES (?, ?, ?, 'district', '2022-08-18', ?::jsonb)`,
    [contestId, 'Hội thi Báo cáo viên giỏi huyện Chợ Đồn năm 2022', district, JSON.stringify(DEFAULT_CONTEST_RULES)],
    'run',
  );
  await insertRows(
    tx,
    'contest_category',
    ['id', 'contest_id', 'code', 'name'],
    DEFAULT_CONTEST_CATEGORIES.map((c) => [id(`contest:2022:${c.code}`), contestId, c.code, c.name.vi]),
  );
  const entrants = [...(propagandists.get('02050') as string[]).slice(0, 3), ...activeDistrict.slice(0, 6)];
  const entrantRows: unknown[][] = [];
  const scoreRows: unknown[][] = [];
  entrants.forEach((person, i) => {
    const category = DEFAULT_CONTEST_CATEGORIES[i % 3] as (typeof DEFAULT_CONTEST_CATEGORIES)[number];
    const entrantId = id(`contest:2022:entrant:${i}`);
    entrantRows.push([entrantId, contestId, id(`contest:2022:${category.code}`), person, pick(random, TOPICS)[0]]);
    const skill = 0.6 + random() * 0.35;
    judges.forEach((judge) => {
      for (const round of CONTEST_ROUNDS) {
        const max = DEFAULT_CONTEST_RULES.maxPoints[round];
        const score = Math.min(max, Math.round(max * (skill + (random() - 0.5) * 0.08) * 2) / 2);
        scoreRows.push([entrantId, judge, round, score]);
      }
    });
  });
  await insertRows(tx, 'contest_entrant', ['id', 'contest_id', 'category_id', 'person_id', 'topic'], entrantRows);
  await insertRows(
    tx,
    'contest_judge',
    ['contest_id', 'person_id'],
    judges.map((judge) => [contestId, judge]),
  );
  await insertRows(tx, 'contest_score', ['entrant_id', 'judge_id', 'round', 'score'], scoreRows);

  await insertRows(
    tx,
    'obligation',
    ['id', 'owner_unit_id', 'code', 'kind', 'roster_level', 'minimum', 'min_share', 'name_vi', 'name_en'],
    // The district's own rules: they bind its rosters and its communes', not those of other districts.
    DEFAULT_OBLIGATIONS.map((o) => [
      id(`obligation:${o.code}`),
      district,
      o.code,
      o.kind,
      o.rosterLevel ?? null,
      o.minimum ?? null,
      o.minShare ?? null,
      o.name.vi,
      o.name.en,
    ]),
  );

  return {
    rapporteurs: people.length,
    decisions,
    briefings: briefingRows.length,
    conferences: conferenceRows.length,
    opinionReports: opinionRows.length,
    contestEntrants: entrantRows.length,
  };
}
