import { createHash } from 'node:crypto';
import { DEFAULT_PROGRAMS, verificationCodeFromBytes, vietnameseFold } from '@polcenter/domain';
import { testDatabase } from '@polcenter/testing/database';
import pg from 'pg';
import { migrate } from '../migrate.js';
import { createOrm } from '../orm.js';
import { createPolCenter, type PolCenter } from '../polcenter.js';
import { programDefinitionRules } from '../programs/programs.js';
import { seededRandom } from '../seed/random.js';

/**
 * The province every scale bench measures (docs/benchmarks.md): Thái Nguyên after the 2025 reform,
 * which absorbed Bắc Kạn. Sizes are the province; `scale` shrinks the volumes (people,
 * classes, enrolments, rosters, briefings) and keeps the shape — the same unit tree, the same
 * history per roster, the same classes per organiser — so a figure at 1 ÷ the same figure at 0.1
 * is a growth ratio, not a change of workload.
 */
export interface ProvinceSizes {
  readonly people: number;
  readonly classes: number;
  readonly enrolments: number;
  /** Roster decisions; rosters are `decisions / DECISIONS_PER_ROSTER`, each with the same kind of history. */
  readonly decisions: number;
  readonly briefings: number;
}

export const PROVINCE_SIZES: ProvinceSizes = {
  people: 115_000,
  classes: 1_010,
  enrolments: 90_000,
  decisions: 50_000,
  briefings: 20_000,
};

/** Every roster gets this many decisions (one establishing, then adds, removals, transfers, annulments). */
export const DECISIONS_PER_ROSTER = 100;
/** People each roster draws its members from (its own slice; transfers bring in others'). */
const POOL_PER_ROSTER = 60;
const FIRST_MEMBERS = 30;
/** Rosters transfer members only within their group of ten (neighbouring communes' rosters). */
const TRANSFER_GROUP = 10;

/** The day the districts ended and the communes merged. */
export const REFORM_DATE = '2025-07-01';
/** Roster terms of the dataset: every roster's term covers 2020–2025. */
export const ROSTER_TERM = { start: 2020, end: 2025 } as const;

/** The unit tree is the same at every scale: it is the province, only its volumes grow. */
const DISTRICTS: readonly (readonly [province: 'TN' | 'BK', name: string])[] = [
  ['TN', 'Huyện Đại Từ'],
  ['TN', 'Huyện Định Hóa'],
  ['TN', 'Huyện Phú Lương'],
  ['TN', 'Huyện Võ Nhai'],
  ['TN', 'Huyện Đồng Hỷ'],
  ['TN', 'Huyện Phú Bình'],
  ['TN', 'Thành phố Thái Nguyên'],
  ['TN', 'Thành phố Sông Công'],
  ['TN', 'Thành phố Phổ Yên'],
  ['BK', 'Huyện Chợ Đồn'],
  ['BK', 'Huyện Ba Bể'],
  ['BK', 'Huyện Bạch Thông'],
  ['BK', 'Huyện Chợ Mới'],
  ['BK', 'Huyện Na Rì'],
  ['BK', 'Huyện Ngân Sơn'],
  ['BK', 'Huyện Pác Nặm'],
  ['BK', 'Thành phố Bắc Kạn'],
];
const COMMUNES_PER_DISTRICT = 16;
const VILLAGES_PER_COMMUNE = 10;
/** Old communes merged into one new commune on the reform date (272 → 91, as the reform did). */
const COMMUNES_PER_MERGER = 3;

export interface ProvinceFacts {
  readonly scale: number;
  readonly sizes: ProvinceSizes;
  /** Tỉnh Thái Nguyên: carries on after the reform and succeeds Bắc Kạn. */
  readonly provinceId: string;
  /** Tỉnh Bắc Kạn, merged into Thái Nguyên on the reform date. */
  readonly mergedProvinceId: string;
  /** The 17 districts (valid to the day before the reform), in code order. */
  readonly districtIds: readonly string[];
  /** The communes before the reform (ended by merger), in code order. */
  readonly oldCommuneIds: readonly string[];
  /** The communes from the reform on (successors of the old ones), in code order. */
  readonly newCommuneIds: readonly string[];
  readonly villageCount: number;
  /** Rosters in creation order: roster i is owned by old commune ⌊i/2⌋, level commune or grassroots. */
  readonly rosterIds: readonly string[];
  /**
   * A district whose rosters are the same at every scale down to 0.1 (its communes own the first
   * rosters): the unit for per-unit figures (shortfalls).
   */
  readonly sampleDistrictId: string;
  readonly rosterCount: number;
}

export interface ProvinceDataset extends PolCenter {
  readonly url: string;
  readonly facts: ProvinceFacts;
}

export interface ProvinceOptions {
  /** 1 = the province of the issue; 0.1 = the same shape at a tenth of the volumes. */
  readonly scale?: number;
  /** Volumes at scale 1 (default PROVINCE_SIZES). */
  readonly sizes?: Partial<ProvinceSizes>;
  readonly seed?: number;
}

/** The volumes for a scale, rounded to whole rows (rosters to whole histories). */
export function provinceSizes(options: ProvinceOptions = {}): ProvinceSizes {
  const scale = options.scale ?? 1;
  const base = { ...PROVINCE_SIZES, ...options.sizes };
  const rosters = Math.max(1, Math.round((base.decisions * scale) / DECISIONS_PER_ROSTER));
  return {
    people: Math.round(base.people * scale),
    classes: Math.max(1, Math.round(base.classes * scale)),
    enrolments: Math.round(base.enrolments * scale),
    decisions: rosters * DECISIONS_PER_ROSTER,
    briefings: Math.round(base.briefings * scale),
  };
}

/**
 * A PolCenter on its own database holding the province at `scale`: migrated, then filled by
 * set-based SQL (generate_series) and one seeded roster history. The first call of a process
 * builds a template database per scale (seconds to a minute at scale 1); later calls clone it.
 * Deterministic: the same options give the same rows, ids included.
 */
export async function createProvinceDataset(options: ProvinceOptions = {}): Promise<ProvinceDataset> {
  const seed = options.seed ?? 2025;
  const sizes = provinceSizes(options);
  const db = await testDatabase({
    template: {
      key: `core-province-${seed}-${Object.values(sizes).join('-')}`,
      async prepare(url) {
        const orm = await createOrm({ databaseUrl: url });
        try {
          await migrate(orm);
        } finally {
          await orm.close();
        }
        await fillProvince(url, sizes, seed);
      },
    },
  });
  // The template was vacuumed when filled, yet a clone can come with pages not marked all-visible
  // (measured: 2,190 of 2,365 of person's), and then an index-only scan visits rows (8 ms instead
  // of 1.4 ms for a name search). A settled database has them marked: autovacuum sees to it.
  await settle(db.url);
  const polcenter = await createPolCenter({ databaseUrl: db.url, migrate: false });
  const facts = await readFacts(db.url, options.scale ?? 1, sizes);
  return {
    ...polcenter,
    url: db.url,
    facts,
    async close() {
      await polcenter.close();
      await db.drop();
    },
  };
}

async function settle(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM');
  } finally {
    await client.end();
  }
}

/** A stable uuid from the seed and a name: the same rows get the same ids on every build. */
function uuidOf(seed: number, name: string): string {
  const h = createHash('md5').update(`${seed}:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The same uuid in SQL (md5 of the seed and a name), for rows generated by the database. */
const sqlUuid = (seed: number, name: string) =>
  `(overlay(overlay(md5('${seed}:' || ${name}) placing '4' from 13) placing '8' from 17))::uuid`;

/** Fills a migrated, empty database with the province (the template's `prepare`). */
export async function fillProvince(url: string, sizes: ProvinceSizes, seed: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await units(client, seed);
    await people(client, sizes, seed);
    await classes(client, sizes, seed);
    await rosters(client, sizes, seed);
    await briefings(client, sizes, seed);
    await propagandaRecords(client, sizes, seed);
    await client.query('COMMIT');
    // Frozen and all-visible, as a settled database is: index-only scans need not visit rows.
    await client.query('VACUUM (FREEZE, ANALYZE)');
  } finally {
    await client.end();
  }
}

async function units(client: pg.Client, seed: number): Promise<void> {
  const rows: unknown[][] = [];
  const links: unknown[][] = [];
  const moves: unknown[][] = [];
  const id = (code: string) => uuidOf(seed, `unit:${code}`);
  const dayBefore = '2025-06-30';
  rows.push([id('PX-TN'), 'PX-TN', 'Tỉnh Thái Nguyên', 'province', null, null, null]);
  rows.push([id('PX-BK'), 'PX-BK', 'Tỉnh Bắc Kạn', 'province', null, null, dayBefore]);
  links.push([uuidOf(seed, 'link:BK'), id('PX-BK'), id('PX-TN'), 'merge', REFORM_DATE, 'Nghị quyết 202/2025/QH15']);
  let commune = 0;
  let village = 0;
  DISTRICTS.forEach(([province, name], d) => {
    const dcode = `PX-D${String(d + 1).padStart(2, '0')}`;
    rows.push([id(dcode), dcode, name, 'district', id(`PX-${province}`), null, dayBefore]);
    for (let c = 0; c < COMMUNES_PER_DISTRICT; c++, commune++) {
      const ccode = `PX-C${String(commune + 1).padStart(3, '0')}`;
      const merged = Math.floor(commune / COMMUNES_PER_MERGER);
      const ncode = `PX-N${String(merged + 1).padStart(3, '0')}`;
      rows.push([
        id(ccode),
        ccode,
        `Xã ${name.replace(/^(Huyện|Thành phố) /, '')} ${c + 1}`,
        'commune',
        id(dcode),
        null,
        dayBefore,
      ]);
      if (commune % COMMUNES_PER_MERGER === 0) {
        rows.push([id(ncode), ncode, `Xã mới số ${merged + 1}`, 'commune', id('PX-TN'), REFORM_DATE, null]);
      }
      links.push([
        uuidOf(seed, `link:${ccode}`),
        id(ccode),
        id(ncode),
        'merge',
        REFORM_DATE,
        'Nghị quyết 1683/NQ-UBTVQH15',
      ]);
      for (let v = 0; v < VILLAGES_PER_COMMUNE; v++, village++) {
        const vcode = `PX-V${String(village + 1).padStart(4, '0')}`;
        // Villages carry on: they move under the new commune on the reform date.
        rows.push([id(vcode), vcode, `Thôn ${v + 1} (${ccode})`, 'village', id(ncode), null, null]);
        moves.push([uuidOf(seed, `move:${vcode}`), id(vcode), id(ccode), id(ncode), REFORM_DATE]);
      }
    }
  });
  // Parents first: a new commune is referenced by villages listed before the next new commune.
  await client.query(
    `INSERT INTO unit (id, code, name, level_code, kind, parent_id, valid_from, valid_to)
     SELECT id, code, name, level, 'administrative', NULL, valid_from, valid_to
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[]) AS t(id, code, name, level, valid_from, valid_to)`,
    [0, 1, 2, 3, 5, 6].map((c) => rows.map((r) => r[c])),
  );
  await client.query(
    'UPDATE unit u SET parent_id = t.parent FROM unnest($1::uuid[], $2::uuid[]) AS t(id, parent) WHERE u.id = t.id',
    [rows.map((r) => r[0]), rows.map((r) => r[4])],
  );
  await client.query(
    `INSERT INTO unit_link (id, predecessor_id, successor_id, kind, effective_on, decision)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::text[])`,
    [0, 1, 2, 3, 4, 5].map((c) => links.map((r) => r[c])),
  );
  await client.query(
    `INSERT INTO unit_move (id, unit_id, from_parent_id, to_parent_id, effective_on)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[])`,
    [0, 1, 2, 3, 4].map((c) => moves.map((r) => r[c])),
  );
}

/**
 * People named as Thái Nguyên's are: mostly Kinh (Nguyễn the commonest family name, Văn and Thị
 * the commonest middle names), Tày, Nùng, Dao. Person g lives in village g mod villages.
 */
async function people(client: pg.Client, sizes: ProvinceSizes, seed: number): Promise<void> {
  const family = [
    ...Array(14).fill('Nguyễn'),
    ...['Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Hoàng', 'Vũ', 'Đỗ', 'Dương', 'Ma', 'Nông', 'Lục'],
    ...['Hà', 'Triệu', 'Lý', 'Bế', 'Đàm', 'Vi', 'Bàn', 'Đặng', 'Lương', 'Chu'],
  ];
  const manMiddle = ['Văn', 'Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Thành'];
  const womanMiddle = ['Thị', 'Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Kim'];
  const men = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Khánh', 'Long', 'Mạnh', 'Nam', 'Phúc'];
  const women = ['Anh', 'Bích', 'Dung', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Liên', 'Mai', 'Nga', 'Yến'];
  const ethnicities = [
    'kinh',
    'kinh',
    'kinh',
    'kinh',
    'kinh',
    'kinh',
    'tay',
    'tay',
    'nung',
    'dao',
    'san_chay',
    'hmong',
  ];
  const { from, to } = vietnameseFold();
  // h(k): a deterministic pseudo-random integer per person and attribute.
  const h = (k: number) => `abs(hashint8(g::bigint * 131 + ${k + seed * 17}))`;
  await client.query(
    `CREATE TEMP TABLE village_no ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, id FROM unit WHERE level_code = 'village'`,
  );
  await client.query(
    `INSERT INTO person (id, full_name, given_name, search_name, birth_date, gender, ethnicity, unit_id, party_status,
                         national_id, created_at, updated_at)
     SELECT p.id, n.full_name, gv.given, lower(translate(n.full_name, $8, $9)), p.birth, p.gender, p.eth, v.id, p.party, p.nid, now(), now()
       FROM (
         SELECT g, ${sqlUuid(seed, "'person:' || g")} AS id,
                $3::text[] AS family, CASE WHEN male THEN $4::text[] ELSE $5::text[] END AS middles,
                CASE WHEN male THEN $6::text[] ELSE $7::text[] END AS givens, male,
                (DATE '1960-01-01' + (${h(3)} % 16000)::int) AS birth,
                CASE WHEN male THEN 'male' ELSE 'female' END AS gender,
                ($10::text[])[1 + ${h(4)} % ${ethnicities.length}] AS eth,
                CASE ${h(5)} % 5 WHEN 0 THEN 'full_member' WHEN 1 THEN 'probationary' ELSE 'non_member' END AS party,
                CASE WHEN ${h(6)} % 3 = 0 THEN '019' || lpad(g::text, 9, '0') END AS nid
           FROM generate_series(0, $1::int - 1) g, LATERAL (SELECT ${h(0)} % 2 = 0 AS male) s
       ) p,
       LATERAL (SELECT (p.family)[1 + ${h(1).replaceAll('g::', 'p.g::')} % ${family.length}] || ' ' ||
                       (p.middles)[1 + ${h(2).replaceAll('g::', 'p.g::')} % 10] || ' ' ||
                       (p.givens)[1 + ${h(7).replaceAll('g::', 'p.g::')} % 12] AS full_name) n,
       LATERAL (SELECT split_part(n.full_name, ' ', 3) AS given) gv,
       village_no v
      WHERE v.n = p.g % $2`,
    [
      sizes.people,
      DISTRICTS.length * COMMUNES_PER_DISTRICT * VILLAGES_PER_COMMUNE,
      family,
      manMiddle,
      womanMiddle,
      men,
      women,
      from,
      to,
      ethnicities,
    ],
  );
}

/**
 * Classes of the default programs, organised by the districts' centers before the reform and by
 * the province after it, 2022 to now; about a tenth still open for enrolment around today.
 * Enrolments spread evenly over classes; finished classes have results and certificates.
 */
async function classes(client: pg.Client, sizes: ProvinceSizes, seed: number): Promise<void> {
  const programs = DEFAULT_PROGRAMS.map((p) => ({ ...p, id: uuidOf(seed, `program:${p.code}`) }));
  await client.query(
    `INSERT INTO program (id, code, kind, name_vi, name_en, rules)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
    [
      programs.map((p) => p.id),
      programs.map((p) => p.code),
      programs.map((p) => p.kind),
      programs.map((p) => p.name.vi),
      programs.map((p) => p.name.en),
      programs.map((p) => JSON.stringify(programDefinitionRules(p))),
    ],
  );
  await client.query(
    `CREATE TEMP TABLE class_no ON COMMIT DROP AS
     SELECT c AS n, ${sqlUuid(seed, "'class:' || c")} AS id,
            ($2::uuid[])[1 + c % $3] AS program_id, ($4::text[])[1 + c % $3] AS program_code,
            c % 10 = 9 AS open,
            CASE WHEN c % 10 = 9 THEN current_date + 20 + c % 30
                 ELSE DATE '2022-01-10' + ((c * 997) % (current_date - 60 - DATE '2022-01-10')) END AS start_date
       FROM generate_series(0, $1::int - 1) c`,
    [sizes.classes, programs.map((p) => p.id), programs.length, programs.map((p) => p.code)],
  );
  await client.query(
    `INSERT INTO training_class (id, code, program_id, organiser_unit_id, title, mode, venue, start_date, end_date,
                                 capacity, enrolment_opens_on, enrolment_closes_on, status)
     SELECT k.id, k.program_code || '-' || (k.n + 1) || '/' || extract(year FROM k.start_date), k.program_id,
            CASE WHEN k.start_date < $1::date THEN d.id ELSE $2::uuid END,
            NULL, 'in_person', 'Hội trường Trung tâm Chính trị', k.start_date, k.start_date + 4, 120,
            CASE WHEN k.open THEN current_date - 10 END, CASE WHEN k.open THEN k.start_date - 5 END,
            CASE WHEN k.open THEN 'open' ELSE 'finished' END
       FROM class_no k
       JOIN (SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, id FROM unit WHERE level_code = 'district') d
         ON d.n = k.n % $3`,
    [REFORM_DATE, uuidOf(seed, 'unit:PX-TN'), DISTRICTS.length],
  );
  // Enrolment e is the (e / classes)-th of class e mod classes: people step by 13 within a class.
  await client.query(
    `INSERT INTO enrolment (id, class_id, person_id, state, origin, requested_at, decided_at, final_score, classification,
                            created_at, updated_at)
     SELECT ${sqlUuid(seed, "'enrolment:' || e")}, k.id, ${sqlUuid(seed, "'person:' || ((k.n * 7919 + (e / $2) * 13) % $3)")},
            st.state, CASE WHEN e % 4 = 0 THEN 'requested' ELSE 'nominated' END,
            k.start_date - 20, k.start_date - 10,
            CASE WHEN st.state IN ('passed', 'failed') THEN sc.score END,
            CASE WHEN st.state = 'failed' THEN 'fail' WHEN st.state = 'passed' THEN
              CASE WHEN sc.score >= 8 THEN 'excellent' WHEN sc.score >= 7 THEN 'good' ELSE 'pass' END END,
            now(), now()
       FROM generate_series(0, $1::int - 1) e
       JOIN class_no k ON k.n = e % $2,
       LATERAL (SELECT CASE
                  WHEN k.open THEN CASE WHEN e % 3 = 0 THEN 'requested' ELSE 'approved' END
                  WHEN e % 10 = 0 THEN 'withdrawn' WHEN e % 10 = 1 THEN 'failed' ELSE 'passed' END AS state) st,
       LATERAL (SELECT CASE WHEN st.state = 'failed' THEN 3 + (e % 20) / 10.0 ELSE 5 + (e % 50) / 10.0 END AS score) sc`,
    [sizes.enrolments, sizes.classes, sizes.people],
  );
  await client.query(
    `UPDATE training_class c SET seats_taken = s.n
       FROM (SELECT class_id, count(*)::int AS n FROM enrolment
              WHERE state IN ('approved', 'attending', 'passed', 'failed', 'incomplete') GROUP BY class_id) s
      WHERE s.class_id = c.id`,
  );
  // Certificates of passed trainees, numbered per issuer and year; codes as the product draws them
  // (from md5 bytes instead of random ones, so builds repeat).
  const passed = (
    await client.query<{ id: string }>(
      `SELECT e.id FROM enrolment e JOIN training_class c ON c.id = e.class_id WHERE e.state = 'passed' ORDER BY e.id`,
    )
  ).rows.map((r) => r.id);
  const codes = passed.map((id) =>
    verificationCodeFromBytes(createHash('md5').update(`${seed}:code:${id}`).digest()).replaceAll('-', ''),
  );
  await client.query(
    `INSERT INTO certificate (id, enrolment_id, issuer_unit_id, year, number, number_text, verification_code, issued_on)
     SELECT ${sqlUuid(seed, "'certificate:' || x.enrolment_id")}, x.enrolment_id, x.issuer, x.year, x.number,
            x.number || '/GCN-TTCT', x.code, x.issued_on
       FROM (SELECT e.id AS enrolment_id, t.code, c.organiser_unit_id AS issuer, extract(year FROM c.end_date)::int AS year,
                    c.end_date AS issued_on,
                    row_number() OVER (PARTITION BY c.organiser_unit_id, extract(year FROM c.end_date) ORDER BY c.end_date, e.id)::int AS number
               FROM unnest($1::uuid[], $2::text[]) AS t(id, code)
               JOIN enrolment e ON e.id = t.id JOIN training_class c ON c.id = e.class_id) x`,
    [passed, codes],
  );
  await client.query(
    `INSERT INTO certificate_counter (issuer_unit_id, year, last_number)
     SELECT issuer_unit_id, year, max(number) FROM certificate GROUP BY issuer_unit_id, year`,
  );
}

/**
 * Rosters of rapporteurs, owned by the old communes (commune and grassroots level, term 2020–2025),
 * each with the same kind of history of DECISIONS_PER_ROSTER decisions: established with 30
 * members from its own pool of 60 people, then additions, removals, re-appointments, transfers to
 * other rosters and annulments, one decision per roster every fortnight from November 2020.
 * Valid by construction: the generator tracks who sits where.
 */
async function rosters(client: pg.Client, sizes: ProvinceSizes, seed: number): Promise<void> {
  const count = sizes.decisions / DECISIONS_PER_ROSTER;
  const communes = DISTRICTS.length * COMMUNES_PER_DISTRICT;
  if (count > communes * 2) throw new Error(`at most ${communes * 2 * DECISIONS_PER_ROSTER} decisions`);
  if (count * POOL_PER_ROSTER > sizes.people) throw new Error('too few people for the rosters');
  // Rosters come in groups of ten that transfer only among themselves, each roster drawing from its
  // own seeded generator: roster i has the same history whatever the number of rosters.
  const randoms = Array.from({ length: count }, (_, r) => seededRandom(seed * 100_003 + r));
  const rosterIds = Array.from({ length: count }, (_, i) => uuidOf(seed, `roster:${i}`));
  const personId = (n: number) => uuidOf(seed, `person:${n}`);
  await client.query(
    `INSERT INTO roster (id, level, owner_unit_id, term_start_year, term_end_year, name)
     SELECT t.id, CASE WHEN n.i % 2 = 0 THEN 'commune' ELSE 'grassroots' END, u.id, $2, $3, NULL
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, o), LATERAL (SELECT (o - 1)::int AS i) n
       JOIN unit u ON u.code = 'PX-C' || lpad((n.i / 2 + 1)::text, 3, '0')`,
    [rosterIds, ROSTER_TERM.start, ROSTER_TERM.end],
  );
  const members = rosterIds.map(() => new Set<string>());
  const groupOf = (r: number) => {
    const first = r - (r % TRANSFER_GROUP);
    return { first, size: Math.min(TRANSFER_GROUP, count - first) };
  };
  const decisions: unknown[][] = [];
  const items: unknown[][] = [];
  const lastAdd: ({ id: string; person: string } | undefined)[] = rosterIds.map(() => undefined);
  for (let step = 0; step < DECISIONS_PER_ROSTER; step++) {
    const date = new Date(Date.UTC(2020, 10, 1) + step * 14 * 86_400_000).toISOString().slice(0, 10);
    for (const [r, rosterId] of rosterIds.entries()) {
      const on = members[r] as Set<string>;
      const id = uuidOf(seed, `decision:${r}:${step}`);
      const number = `${step + 1}/QĐ-BCV`;
      const pool = (k: number) => personId(r * POOL_PER_ROSTER + k);
      if (step === 0) {
        decisions.push([id, rosterId, number, date, 'establish', null]);
        for (let k = 0; k < FIRST_MEMBERS; k++) {
          on.add(pool(k));
          items.push([uuidOf(seed, `item:${id}:${k}`), id, k + 1, pool(k), 'add', '{party_building}', null]);
        }
        continue;
      }
      const random = randoms[r] as () => number;
      const roll = random();
      const current = [...on];
      // Annul the roster's previous decision when it was an addition: nothing since touched that person here.
      const annullable = lastAdd[r];
      lastAdd[r] = undefined;
      if (roll < 0.05 && annullable && on.has(annullable.person)) {
        decisions.push([id, rosterId, number, date, 'annul', annullable.id]);
        on.delete(annullable.person);
        continue;
      }
      const item = (person: string, change: string, fields: string, to: string | null) =>
        items.push([uuidOf(seed, `item:${id}:0`), id, 1, person, change, fields, to]);
      if (roll < 0.45 || current.length < 15) {
        const p = pool(Math.floor(random() * POOL_PER_ROSTER));
        if (on.has(p)) {
          decisions.push([id, rosterId, number, date, 'reappoint', null]);
          item(p, 'reappoint', '{economy}', null);
        } else {
          decisions.push([id, rosterId, number, date, 'add', null]);
          item(p, 'add', '{law}', null);
          lastAdd[r] = { id, person: p };
          on.add(p);
        }
      } else if (roll < 0.85 || groupOf(r).size === 1) {
        const p = current[Math.floor(random() * current.length)] as string;
        decisions.push([id, rosterId, number, date, 'remove', null]);
        item(p, 'remove', '{}', null);
        on.delete(p);
      } else {
        const p = current[Math.floor(random() * current.length)] as string;
        const group = groupOf(r);
        const to = group.first + ((r - group.first + 1 + Math.floor(random() * (group.size - 1))) % group.size);
        if ((members[to] as Set<string>).has(p)) {
          decisions.push([id, rosterId, number, date, 'remove', null]);
          item(p, 'remove', '{}', null);
          on.delete(p);
          continue;
        }
        decisions.push([id, rosterId, number, date, 'transfer', null]);
        item(p, 'transfer', '{culture_society}', rosterIds[to] as string);
        on.delete(p);
        (members[to] as Set<string>).add(p);
      }
    }
  }
  for (let i = 0; i < decisions.length; i += 5000) {
    const slice = decisions.slice(i, i + 5000);
    await client.query(
      `INSERT INTO roster_decision (id, roster_id, number, date, signer, kind, annuls_decision_id)
       SELECT id, roster_id, number, date, 'Trưởng ban Tuyên giáo', kind, annuls
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::text[], $6::uuid[])
           AS t(id, roster_id, number, date, kind, annuls)`,
      [0, 1, 2, 3, 4, 5].map((c) => slice.map((row) => row[c])),
    );
  }
  for (let i = 0; i < items.length; i += 5000) {
    const slice = items.slice(i, i + 5000);
    await client.query(
      `INSERT INTO roster_decision_item (id, decision_id, item_no, person_id, change, fields, to_roster_id)
       SELECT id, d, n, p, c, f::text[], t
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::uuid[]) AS x(id, d, n, p, c, f, t)`,
      [0, 1, 2, 3, 4, 5, 6].map((c) => slice.map((row) => row[c])),
    );
  }
  // The rule shortfalls judge: every commune rapporteur gives at least four briefings a year.
  await client.query(
    `INSERT INTO obligation (id, code, kind, roster_level, minimum, name_vi, name_en, valid_from_year)
     VALUES ($1, 'BCV-4', 'briefings', 'commune', 4, 'Báo cáo viên cấp xã: ít nhất 4 buổi/năm',
             'Commune rapporteurs: at least 4 briefings a year', 2020)`,
    [uuidOf(seed, 'obligation:BCV-4')],
  );
}

/**
 * Briefings from January 2024 to December 2025 by the communes' rapporteurs: the old communes
 * before the reform, the new ones after (units merged mid-period). Briefing b is given by person
 * b mod (rosters × 60): the rosters' pools.
 */
async function briefings(client: pg.Client, sizes: ProvinceSizes, seed: number): Promise<void> {
  const pools = (sizes.decisions / DECISIONS_PER_ROSTER) * POOL_PER_ROSTER;
  await client.query(
    `CREATE TEMP TABLE briefing_no ON COMMIT DROP AS
     SELECT b AS n, ${sqlUuid(seed, "'briefing:' || b")} AS id, DATE '2024-01-01' + (b * 7919) % 731 AS date
       FROM generate_series(0, $1::int - 1) b`,
    [sizes.briefings],
  );
  await client.query(
    `INSERT INTO briefing (id, date, unit_id, topic, audience_size, mode, created_at, updated_at)
     SELECT b.id, b.date, u.id, ($2::text[])[1 + b.n % 4], 20 + b.n % 80,
            CASE b.n % 5 WHEN 0 THEN 'loudspeaker' WHEN 1 THEN 'online' ELSE 'in_person' END, now(), now()
       FROM briefing_no b
       JOIN unit u ON u.code = CASE WHEN b.date < $1::date
                                    THEN 'PX-C' || lpad((1 + b.n % $3::int)::text, 3, '0')
                                    ELSE 'PX-N' || lpad((1 + (b.n % $3::int) / $4::int)::text, 3, '0') END`,
    [
      REFORM_DATE,
      ['Nghị quyết Đại hội Đảng', 'Phòng chống thiên tai', 'Chuyển đổi số', 'Sắp xếp đơn vị hành chính'],
      DISTRICTS.length * COMMUNES_PER_DISTRICT,
      COMMUNES_PER_MERGER,
    ],
  );
  await client.query(
    `INSERT INTO briefing_person (briefing_id, person_id)
     SELECT b.id, ${sqlUuid(seed, "'person:' || (b.n % $1::int)")} FROM briefing_no b`,
    [Math.max(1, pools)],
  );
  await client.query(
    `INSERT INTO briefing_audience (briefing_id, ethnicity, gender, count)
     SELECT b.id, e.eth, g.gender, 5 + (b.n + length(e.eth)) % 10
       FROM briefing_no b, (VALUES ('kinh'), ('tay')) e(eth), (VALUES ('male'), ('female')) g(gender)`,
  );
}

/**
 * The rest of what a period's report counts, so every figure of the province's report has rows
 * behind it: conferences of the commune rapporteurs' rosters (two a year, at the commune and for
 * every third one a village site with a head count, attendance of the roster's pool, some with no
 * site), opinion reports (one in five sensitive), the communes' propaganda output (quarterly, and
 * some over May–August, straddling the half-years), and 2024–2025 plan targets at the province, its
 * districts (below the province's own, so left out, except where the province set none) and Bắc
 * Kạn (merged into it, so added), and obligations beside the briefing rule: conference attendance,
 * and from 2025 a district's own rule, propagandists' opinion reports and a rule no longer in force.
 * Volumes follow the rosters and briefings, so `scale` shrinks them.
 */
async function propagandaRecords(client: pg.Client, sizes: ProvinceSizes, seed: number): Promise<void> {
  const rosterCount = sizes.decisions / DECISIONS_PER_ROSTER;
  const communes = DISTRICTS.length * COMMUNES_PER_DISTRICT;
  // Roster i belongs to old commune i/2 (level commune when i is even): see `rosters`.
  await client.query(
    `CREATE TEMP TABLE conf_no ON COMMIT DROP AS
     SELECT c.r, c.k, ${sqlUuid(seed, "'conference:' || c.r || ':' || c.k")} AS id,
            (ARRAY[DATE '2024-04-15', DATE '2024-10-15', DATE '2025-04-15', DATE '2025-10-15'])[1 + c.k] AS date,
            ${sqlUuid(seed, "'roster:' || c.r")} AS roster_id,
            1 + c.r / 2 AS commune
       FROM generate_series(0, $1::int - 1, 2) AS c0(r), LATERAL (SELECT c0.r AS r, k FROM generate_series(0, 3) k) c`,
    [rosterCount],
  );
  await client.query(
    `INSERT INTO conference (id, date, title, owner_unit_id, roster_id, mode)
     SELECT c.id, c.date, 'Hội nghị báo cáo viên ' || to_char(c.date, 'MM/YYYY'), u.id, c.roster_id,
            CASE WHEN c.k % 2 = 0 THEN 'in_person' ELSE 'hybrid' END
       FROM conf_no c JOIN unit u ON u.code = CASE WHEN c.date < $1::date
                                             THEN 'PX-C' || lpad(c.commune::text, 3, '0')
                                             ELSE 'PX-N' || lpad((1 + (c.commune - 1) / $2::int)::text, 3, '0') END`,
    [REFORM_DATE, COMMUNES_PER_MERGER],
  );
  await client.query(
    `INSERT INTO conference_site (id, conference_id, name, unit_id, headcount)
     SELECT ${sqlUuid(seed, "'site:' || c.r || ':' || c.k || ':0'")}, c.id, 'Hội trường xã', c2.owner_unit_id, NULL
       FROM conf_no c JOIN conference c2 ON c2.id = c.id
     UNION ALL
     SELECT ${sqlUuid(seed, "'site:' || c.r || ':' || c.k || ':1'")}, c.id, 'Nhà văn hóa thôn', v.id, 40 + c.r % 20
       FROM conf_no c JOIN unit v ON v.code = 'PX-V' || lpad((1 + (c.commune - 1) * $1::int)::text, 4, '0')
      WHERE (c.r / 2 + c.k) % 3 = 0`,
    [VILLAGES_PER_COMMUNE],
  );
  // The roster's first 30 people of its pool are asked; a fifth of the conferences took some
  // attendance with no site.
  await client.query(
    `INSERT INTO conference_attendance (conference_id, person_id, status, site_id)
     SELECT c.id, ${sqlUuid(seed, "'person:' || (c.r * $1::int + p)")},
            CASE WHEN (p + c.k + c.r) % 5 = 0 THEN 'absent' WHEN (p + c.k) % 11 = 0 THEN 'excused' ELSE 'present' END,
            CASE WHEN (c.r + c.k) % 5 = 0 AND p % 2 = 0 THEN NULL
                 ELSE ${sqlUuid(seed, "'site:' || c.r || ':' || c.k || ':0'")} END
       FROM conf_no c, generate_series(0, $2::int - 1) p`,
    [POOL_PER_ROSTER, FIRST_MEMBERS],
  );
  const pools = rosterCount * POOL_PER_ROSTER;
  const reports = Math.max(1, Math.round(sizes.briefings / 10));
  await client.query(
    `CREATE TEMP TABLE opinion_no ON COMMIT DROP AS
     SELECT n, ${sqlUuid(seed, "'opinion:' || n")} AS id, DATE '2024-01-01' + (n * 3119) % 731 AS date
       FROM generate_series(0, $1::int - 1) n`,
    [reports],
  );
  await client.query(
    `INSERT INTO opinion_report (id, date, unit_id, topic, summary, sensitivity, status)
     SELECT o.id, o.date, u.id, ($2::text[])[1 + o.n % 6], 'Ý kiến của nhân dân',
            CASE WHEN o.n % 5 = 0 THEN 'sensitive' WHEN o.n % 13 = 0 THEN 'complex' ELSE 'routine' END,
            CASE WHEN o.n % 3 = 0 THEN 'resolved' ELSE 'open' END
       FROM opinion_no o
       JOIN unit u ON u.code = CASE WHEN o.date < $1::date
                                    THEN 'PX-C' || lpad((1 + o.n % $3::int)::text, 3, '0')
                                    ELSE 'PX-N' || lpad((1 + (o.n % $3::int) / $4::int)::text, 3, '0') END`,
    [
      REFORM_DATE,
      ['Đất đai', 'Giá cả thị trường', 'Sắp xếp đơn vị hành chính', 'Y tế', 'Giáo dục', 'Môi trường'],
      communes,
      COMMUNES_PER_MERGER,
    ],
  );
  await client.query(
    `INSERT INTO opinion_report_person (report_id, person_id)
     SELECT o.id, ${sqlUuid(seed, "'person:' || ((o.n * 7) % $1::int)")} FROM opinion_no o`,
    [Math.max(1, pools)],
  );
  // Output: each new commune's quarters of 2025 after the reform, each old commune's first half of
  // 2025 by quarter, and some old communes' May–August 2025 (straddling the half-years).
  await client.query(
    `INSERT INTO propaganda_output (id, unit_id, period_from, period_to, kind, count)
     SELECT ${sqlUuid(seed, "'output:' || u.code || ':' || q.f || ':' || k.kind")}, u.id, q.f, q.t, k.kind,
            1 + (length(u.code) * 7 + extract(month FROM q.f)::int * 3 + length(k.kind)) % 40
       FROM unit u
       JOIN (VALUES (DATE '2025-01-01', DATE '2025-03-31', 'PX-C'), (DATE '2025-04-01', DATE '2025-06-30', 'PX-C'),
                    (DATE '2025-07-01', DATE '2025-09-30', 'PX-N'), (DATE '2025-10-01', DATE '2025-12-31', 'PX-N'),
                    (DATE '2025-05-01', DATE '2025-08-31', 'PX-C0')) q(f, t, prefix)
         ON u.code LIKE q.prefix || '%'
       CROSS JOIN (VALUES ('documents'), ('news'), ('radio'), ('banners')) k(kind)`,
  );
  // Plan targets: the province's own by program and in all; its districts' trainees (inside the
  // province's, so not added) and conferences (the province set none: their sum is the plan);
  // Bắc Kạn's briefings (a predecessor's plan adds to its successor's).
  await client.query(
    `INSERT INTO plan_target (id, unit_id, year, measure, program_id, target)
     SELECT ${sqlUuid(seed, "'plan:TN:' || y || ':' || m.measure || ':' || coalesce(p.code, '')")},
            (SELECT id FROM unit WHERE code = 'PX-TN'), y, m.measure, p.id, m.target
       FROM generate_series(2024, 2025) y
       CROSS JOIN (VALUES ('classes', 30), ('trainees', 2700)) m(measure, target)
       CROSS JOIN program p
     UNION ALL
     SELECT ${sqlUuid(seed, "'plan:TN:' || y || ':' || m.measure")}, (SELECT id FROM unit WHERE code = 'PX-TN'), y,
            m.measure, NULL, m.target
       FROM generate_series(2024, 2025) y
       CROSS JOIN (VALUES ('trainees', 16000), ('briefings', 9000), ('audience', 500000), ('documents', 20000),
                          ('news', 18000), ('radio', 19000), ('banners', 20000)) m(measure, target)
     UNION ALL
     SELECT ${sqlUuid(seed, "'plan:' || u.code || ':' || y || ':' || m.measure")}, u.id, y, m.measure, NULL,
            m.target + length(u.name)
       FROM unit u CROSS JOIN generate_series(2024, 2025) y
       CROSS JOIN (VALUES ('trainees', 800), ('conferences', 20)) m(measure, target)
      WHERE u.code LIKE 'PX-D%'
     UNION ALL
     SELECT ${sqlUuid(seed, "'plan:BK:' || y")}, (SELECT id FROM unit WHERE code = 'PX-BK'), y, 'briefings', NULL, 4000
       FROM generate_series(2024, 2025) y`,
  );
  // The rule conference attendance is judged by: commune rapporteurs at three quarters of their roster's.
  await client.query(
    `INSERT INTO obligation (id, code, kind, roster_level, min_share, name_vi, name_en, valid_from_year)
     VALUES ($1, 'BCV-HN-75', 'conference_attendance', 'commune', 0.75,
             'Báo cáo viên cấp xã: dự ít nhất 75% hội nghị', 'Commune rapporteurs: attend 75% of conferences', 2020)`,
    [uuidOf(seed, 'obligation:BCV-HN-75')],
  );
  // Rules that bind only some rosters, from 2025 (the 2024 shortfalls the scale bench reads keep
  // theirs): the first district's own rule for every level of its rosters, grassroots propagandists'
  // opinion reports, and a rule that ended before either year.
  await client.query(
    `INSERT INTO obligation (id, owner_unit_id, code, kind, roster_level, minimum, name_vi, name_en, valid_from_year, valid_to_year)
     VALUES ($1, (SELECT id FROM unit WHERE code = 'PX-D01'), 'HUYEN-2', 'briefings', NULL, 2,
             'Đội ngũ của huyện: ít nhất 2 buổi/năm', 'The district''s rosters: at least 2 briefings a year', 2025, NULL),
            ($2, NULL, 'TTV-YK-1', 'opinion_reports', 'grassroots', 1,
             'Tuyên truyền viên: ít nhất 1 báo cáo dư luận/năm', 'Propagandists: at least 1 opinion report a year', 2025, NULL),
            ($3, NULL, 'BCV-8-CU', 'briefings', NULL, 8, 'Quy định cũ: 8 buổi/năm', 'Former rule: 8 briefings a year', 2020, 2023)`,
    [uuidOf(seed, 'obligation:HUYEN-2'), uuidOf(seed, 'obligation:TTV-YK-1'), uuidOf(seed, 'obligation:BCV-8-CU')],
  );
}

async function readFacts(url: string, scale: number, sizes: ProvinceSizes): Promise<ProvinceFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = async (sql: string) => (await client.query<{ id: string }>(sql)).rows.map((r) => r.id);
    const [provinceId] = await ids("SELECT id FROM unit WHERE code = 'PX-TN'");
    const [mergedProvinceId] = await ids("SELECT id FROM unit WHERE code = 'PX-BK'");
    const districtIds = await ids("SELECT id FROM unit WHERE code LIKE 'PX-D%' ORDER BY code");
    const oldCommuneIds = await ids("SELECT id FROM unit WHERE code LIKE 'PX-C%' ORDER BY code");
    const newCommuneIds = await ids("SELECT id FROM unit WHERE code LIKE 'PX-N%' ORDER BY code");
    const rosterIds = await ids(
      "SELECT r.id FROM roster r JOIN unit u ON u.id = r.owner_unit_id ORDER BY u.code, r.level = 'grassroots'",
    );
    const [villages] = (
      await client.query<{ n: number }>("SELECT count(*)::int AS n FROM unit WHERE level_code = 'village'")
    ).rows;
    return {
      scale,
      sizes,
      provinceId: provinceId as string,
      mergedProvinceId: mergedProvinceId as string,
      districtIds,
      oldCommuneIds,
      newCommuneIds,
      villageCount: villages?.n ?? 0,
      rosterIds,
      sampleDistrictId: districtIds[0] as string,
      rosterCount: rosterIds.length,
    };
  } finally {
    await client.end();
  }
}
