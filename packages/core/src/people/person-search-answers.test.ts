import { randomUUID } from 'node:crypto';
import { foldDiacritics } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { createTestPolCenter } from '../testing/index.js';

// People search answers exactly what its rule says, whichever index serves it (ADR 0046): every
// page, across pages, is compared with a plain reference written another way (the folded name split
// into words, each query word the start of one of them, sorted by the list's order), over names
// whose words share prefixes ("van", "vang", "vanh"), with two words starting with one query word,
// in unit scopes and reaches, and again after renames, moves, merges and deletes.

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  polcenter.orm.em.fork().execute<T[]>(text, params);

const staff = { id: null, label: 'Hoàng Thị Mai (Trung tâm)' };
const create = (fullName: string, unitId: string, birthDate = '01/02/1990', allowDuplicateOfId?: string) =>
  polcenter.people.create(
    staff,
    { fullName, birthDate, gender: 'male', ethnicity: 'kinh', unitId },
    allowDuplicateOfId ? { allowDuplicateOfId } : {},
  );

// A province, a district with a commune below it, and another district.
const [PROVINCE, DISTRICT, COMMUNE, OTHER] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

const FAMILIES = ['Nguyễn', 'Trần', 'Lê', 'Vàng', 'Vũ', 'Đặng', 'Lò', 'Văn', 'Nguyên'];
const MIDDLES = ['Văn', 'Thị', 'Vân', 'Đức', 'Ngọc'];
const GIVENS = ['An', 'Anh', 'Ân', 'Vân', 'Vanh', 'Vang', 'Bình', 'Nguyệt', 'Đạt'];
const UNITS = [PROVINCE, DISTRICT, COMMUNE, OTHER, null];

test.before(async () => {
  await sql(
    `INSERT INTO unit_level (code, rank, name_vi, name_en) VALUES ('fixture', 1, 'Cấp thử', 'Test level')
     ON CONFLICT DO NOTHING`,
  );
  for (const [id, parent, code] of [
    [PROVINCE, null, 'SA-P'],
    [DISTRICT, PROVINCE, 'SA-D'],
    [COMMUNE, DISTRICT, 'SA-C'],
    [OTHER, PROVINCE, 'SA-O'],
  ] as const) {
    await sql(
      `INSERT INTO unit (id, code, name, level_code, kind, parent_id) VALUES (?, ?, ?, 'fixture', 'administrative', ?)`,
      [id, code, code, parent],
    );
  }
  // Every family × middle × given name, twice for some (namesakes: the id orders them), in one
  // INSERT as imports write; a few through the service, as a clerk types them.
  const rows: unknown[] = [];
  let n = 0;
  for (const family of FAMILIES) {
    for (const middle of MIDDLES) {
      for (const given of GIVENS) {
        for (let copy = 0; copy < (n % 7 === 0 ? 2 : 1); copy++) {
          const fullName = `${family} ${middle} ${given}`;
          rows.push({
            id: randomUUID(),
            full_name: fullName,
            given_name: given,
            search_name: foldDiacritics(fullName),
            unit_id: UNITS[n % UNITS.length],
          });
          n++;
        }
      }
    }
  }
  // Spaces as a script might leave them: the words are still what LIKE '% word%' sees.
  rows.push({
    id: randomUUID(),
    full_name: 'Hoàng  Thị   Ngọc',
    given_name: 'Ngọc',
    search_name: ' hoang  thi   ngoc',
  });
  // LIKE's wildcards in a name: a query word holding them means themselves.
  rows.push({ id: randomUUID(), full_name: 'Lò Văn 50% Tự_Do', given_name: 'Tự_Do', search_name: 'lo van 50% tu_do' });
  rows.push({ id: randomUUID(), full_name: 'Lò Văn 500 Tựa', given_name: 'Tựa', search_name: 'lo van 500 tua' });
  await sql(
    `INSERT INTO person (id, full_name, given_name, search_name, unit_id)
     SELECT id, full_name, given_name, search_name, unit_id FROM jsonb_populate_recordset(NULL::person, ?::jsonb)`,
    [JSON.stringify(rows)],
  );
  for (const fullName of ['Nguyễn Văn Vang Vanh', 'Sùng A Páo']) await create(fullName, COMMUNE);
  await sql('ANALYZE person');
});

interface Ask {
  readonly query: string;
  readonly unitId?: string;
  readonly withinUnits?: readonly string[];
}

/** The units in a unit's scope: itself and those below it (this fixture has no mergers). */
async function scopeOf(unitId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `WITH RECURSIVE down AS (SELECT id FROM unit WHERE id = ? UNION ALL SELECT u.id FROM unit u JOIN down d ON u.parent_id = d.id)
     SELECT id FROM down`,
    [unitId],
  );
  return rows.map((r) => r.id);
}

/** Every match, in list order, by the rule read plainly: each query word starts a word of the folded name. */
async function reference(ask: Ask): Promise<string[]> {
  const words = foldDiacritics(ask.query).split(' ').filter(Boolean);
  const units = ask.unitId ? await scopeOf(ask.unitId) : null;
  const rows = await sql<{ id: string }>(
    `SELECT p.id FROM person p
      WHERE (SELECT bool_and(EXISTS (SELECT 1 FROM unnest(string_to_array(p.search_name, ' ')) name_word
                                      WHERE starts_with(name_word, q)))
               FROM unnest(?::text[]) q) IS NOT FALSE
        AND (?::uuid[] IS NULL OR p.unit_id = ANY(?::uuid[]))
        AND (?::uuid[] IS NULL OR p.unit_id = ANY(?::uuid[]))
      ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", p.id`,
    [
      `{${words.map((w) => `"${w.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`,
      units && `{${units.join(',')}}`,
      units && `{${units.join(',')}}`,
      ask.withinUnits ? `{${ask.withinUnits.join(',')}}` : null,
      ask.withinUnits ? `{${ask.withinUnits.join(',')}}` : null,
    ],
  );
  return rows.map((r) => r.id);
}

/** Every match by the search, page after page through its cursor. */
async function searched(ask: Ask, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await polcenter.people.search(
      { query: ask.query, limit, ...(ask.unitId ? { unitId: ask.unitId } : {}), ...(cursor ? { cursor } : {}) },
      ask.withinUnits ? { withinUnits: ask.withinUnits } : {},
    );
    ids.push(...page.items.map((p) => p.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('the search never ended');
}

const QUERIES = [
  'nguyen van',
  'van nguyen',
  'Nguyễn Văn',
  'nguyen',
  'nguye',
  'ngu',
  'van',
  'vang',
  'vanh',
  'van van',
  'van vang',
  'van va',
  'nguyen ng',
  'vang van anh',
  'va',
  'v',
  'an',
  'ân',
  'an an',
  'dat',
  'đạt',
  'dang van',
  'le thi an',
  'thi ngoc',
  'ngoc',
  '50%',
  '50',
  'tu_do',
  'tu_',
  'sung a pao',
  'a',
  'xyz',
  'nguyen xyz',
  '',
];

async function compare(asks: readonly Ask[], limits: readonly number[]): Promise<void> {
  for (const ask of asks) {
    const expected = await reference(ask);
    for (const limit of limits) {
      assert.equal(await searched(ask, limit), expected, `${JSON.stringify(ask)}, ${limit} a page`);
    }
  }
}

test('every query gives the reference answer, in order, across pages of every size', async () => {
  // Lengths that end pages inside a run of namesakes, inside one given name, and past the end.
  await compare(
    QUERIES.map((query) => ({ query })),
    [1, 7, 20, 100],
  );
});

test('within a unit and below it, and within the caller’s units, the answers are the reference’s too', async () => {
  const asks: Ask[] = [];
  for (const query of ['nguyen van', 'van', 'vang', 'an', 'a', 'le thi', 'ngoc']) {
    asks.push({ query, unitId: DISTRICT });
    asks.push({ query, unitId: COMMUNE });
    asks.push({ query, withinUnits: [COMMUNE, OTHER] });
    asks.push({ query, unitId: PROVINCE, withinUnits: [DISTRICT] });
    asks.push({ query, withinUnits: [] });
  }
  await compare(asks, [3, 20]);
});

test('a person with two words starting with one query word is listed once', async () => {
  const found = await searched({ query: 'van' }, 100);
  assert.is(new Set(found).size, found.length);
  const [twice] = await sql<{ id: string }>("SELECT id FROM person WHERE full_name = 'Nguyễn Văn Vang Vanh'");
  assert.is(found.filter((id) => id === twice?.id).length, 1);
});

test('renames, moves, merges and deletes are searched as they now are', async () => {
  const [dat] = (await polcenter.people.search({ query: 'tran van dat', limit: 1 })).items;
  assert.ok(dat);
  // A rename through the service: found by the new name only.
  await polcenter.people.update(staff, dat.id, dat.version, { fullName: 'Trần Văn Vành' });
  // A move to another unit, and a rename written straight into the table (as a script would).
  const [moved] = await sql<{ id: string }>(
    "UPDATE person SET unit_id = ? WHERE full_name = 'Lê Thị An' AND unit_id IS DISTINCT FROM ? RETURNING id",
    [OTHER, OTHER],
  );
  assert.ok(moved);
  await sql(
    "UPDATE person SET full_name = 'Vũ Ngọc Vân Anh', given_name = 'Anh', search_name = 'vu ngoc van anh' WHERE full_name = 'Vũ Ngọc Vân'",
  );
  // A merge: the survivor (no unit) takes the merged record's unit; the merged record is gone.
  const [survivor] = await sql<{ id: string }>(
    "INSERT INTO person (id, full_name, given_name, search_name) VALUES (gen_random_uuid(), 'Đặng Văn Hợp', 'Hợp', 'dang van hop') RETURNING id",
  );
  assert.ok(survivor);
  const merged = await create('Đặng Văn Hợp', COMMUNE, '02/03/1980');
  await polcenter.people.merge(SYSTEM_ACTOR, {
    survivorId: survivor.id,
    survivorVersion: 1,
    mergedId: merged.id,
    mergedVersion: merged.version,
  });
  // Deletes, one and many in a statement.
  await sql("DELETE FROM person WHERE full_name = 'Vàng Vân Vang'");
  await sql("DELETE FROM person WHERE full_name LIKE 'Lò Ngọc %'");

  const stillDat = (await polcenter.people.search({ query: 'tran van dat' })).items.map((p) => p.id);
  assert.ok(!stillDat.includes(dat.id));
  assert.ok((await polcenter.people.search({ query: 'tran vanh' })).items.some((p) => p.id === dat.id));
  assert.equal(
    (await polcenter.people.search({ query: 'hop', unitId: COMMUNE })).items.map((p) => p.id),
    [survivor.id],
  );
  const asks: Ask[] = [];
  for (const query of [
    'van',
    'vanh',
    'tran van',
    'le thi an',
    'vu ngoc',
    'van anh',
    'dang van hop',
    'lo ngoc',
    'vang',
  ]) {
    asks.push({ query }, { query, unitId: DISTRICT }, { query, withinUnits: [OTHER] });
  }
  await compare(asks, [4, 50]);
  // Nothing left of whom it was: every row of the derived words belongs to a person as they are now.
  const [stale] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM person_name_word w LEFT JOIN person p ON p.id = w.person_id
      WHERE p.id IS NULL OR w.search_name <> p.search_name OR w.full_name COLLATE "C" <> p.full_name COLLATE "C"
         OR w.given_name COLLATE "C" <> p.given_name COLLATE "C" OR w.unit_id IS DISTINCT FROM p.unit_id`,
  );
  assert.is(stale?.n, 0);
});

test.run();
