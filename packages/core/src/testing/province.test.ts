import { foldDiacritics, splitFullName } from '@polcenter/domain';
import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createProvinceDataset, provinceSizes } from './province.js';

// The dataset the scale benches share, built small: the shape must not depend on the scale.

async function rows<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

test('the sizes asked for, a 4-level tree merged on 1 July 2025, names stored as the product stores them', async () => {
  const province = await createProvinceDataset({ scale: 0.01 });
  try {
    const sizes = provinceSizes({ scale: 0.01 });
    assert.equal(sizes, { people: 1150, classes: 10, enrolments: 900, decisions: 500, briefings: 200 });
    const [counts] = await rows<Record<string, number>>(
      province.url,
      `SELECT (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM training_class) AS classes,
              (SELECT count(*)::int FROM enrolment) AS enrolments, (SELECT count(*)::int FROM roster_decision) AS decisions,
              (SELECT count(*)::int FROM briefing) AS briefings, (SELECT count(*)::int FROM roster) AS rosters`,
    );
    assert.equal(counts, { ...sizes, rosters: 5 });

    // Every level, and the reform: districts end, villages move to the commune that merged theirs.
    const { facts } = province;
    const before = await province.units.list({ at: '2025-06-30', under: facts.provinceId });
    const after = await province.units.list({ at: '2025-07-01', under: facts.provinceId });
    const levels = (units: { level: string }[]) => [...new Set(units.map((u) => u.level))].sort();
    assert.equal(levels(before), ['commune', 'district', 'village']);
    assert.equal(levels(after), ['commune', 'village']);
    const [village] = await rows<{ id: string }>(province.url, "SELECT id FROM unit WHERE code = 'PX-V0001'");
    const oldCommune = (await province.units.list({ at: '2025-06-30', under: facts.oldCommuneIds[0] })).map(
      (u) => u.id,
    );
    const newCommune = (await province.units.list({ at: '2025-07-01', under: facts.newCommuneIds[0] })).map(
      (u) => u.id,
    );
    assert.ok(oldCommune.includes(village?.id as string), 'under its old commune the day before');
    assert.ok(newCommune.includes(village?.id as string), 'under the merged commune from the reform');
    assert.is(facts.newCommuneIds.length, 91);

    const people = await rows<{ full_name: string; given_name: string; search_name: string }>(
      province.url,
      'SELECT full_name, given_name, search_name FROM person',
    );
    for (const p of people) {
      assert.is(p.search_name, foldDiacritics(p.full_name));
      assert.is(p.given_name, splitFullName(p.full_name).given);
    }
    assert.ok(people.filter((p) => p.search_name.startsWith('nguyen van ')).length > people.length / 20);
  } finally {
    await province.close();
  }
});

test('each roster has the same history at every scale, and it derives to a plausible roster', async () => {
  // Ten rosters (one transfer group) and twenty.
  const small = await createProvinceDataset({ scale: 0.01, sizes: { people: 200_000, decisions: 100_000 } });
  const larger = await createProvinceDataset({ scale: 0.01, sizes: { people: 200_000, decisions: 200_000 } });
  try {
    const history = (url: string, rosterId: string) =>
      rows(
        url,
        `SELECT d.number, d.date::text, d.kind, i.change, i.person_id, i.to_roster_id
           FROM roster_decision d LEFT JOIN roster_decision_item i ON i.decision_id = d.id
          WHERE d.roster_id = $1 ORDER BY d.seq, i.item_no`,
        [rosterId],
      );
    assert.is(larger.facts.rosterCount, 20);
    for (const [i, rosterId] of small.facts.rosterIds.entries()) {
      assert.equal(await history(small.url, rosterId), await history(larger.url, larger.facts.rosterIds[i] as string));
      const members = (await small.rosters.rosterAt({ rosterId, date: '2024-12-31' })).members;
      assert.ok(members.length >= 10 && members.length <= 60, `${members.length} members`);
    }
    const kinds = await rows<{ kind: string }>(small.url, 'SELECT DISTINCT kind FROM roster_decision ORDER BY kind');
    assert.equal(
      kinds.map((k) => k.kind),
      ['add', 'annul', 'establish', 'reappoint', 'remove', 'transfer'],
    );
  } finally {
    await small.close();
    await larger.close();
  }
});

test.run();
