import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createProvinceDataset } from '../testing/index.js';

// Nominations check that every person belongs to the nominating unit in one statement: who is not
// within it, whatever the number of people and units.

const province = await createProvinceDataset({ scale: 0.01 });
test.after(() => province.close());

async function peopleOf(villageCode: string): Promise<string[]> {
  const rows = await province.orm.em
    .fork()
    .execute<{ id: string }[]>(
      'SELECT p.id FROM person p JOIN unit v ON v.id = p.unit_id WHERE v.code = ? ORDER BY p.id',
      [villageCode],
    );
  return rows.map((r) => r.id);
}

test('people of the unit and of units below it are within; others are named', async () => {
  const { facts } = province;
  // PX-V0001 is a village of the first old commune; since the reform it lies under the first new
  // commune. Someone still recorded under the old commune itself is not the new commune's to send
  // (the check walks today's parents, as `units.isWithin` does).
  const ours = await peopleOf('PX-V0001');
  const elsewhere = await peopleOf('PX-V1000');
  const [ofOldCommune] = await province.orm.em.fork().execute<{ id: string }[]>(
    `INSERT INTO person (id, full_name, given_name, search_name, unit_id)
       VALUES (gen_random_uuid(), 'Ma Thị Hằng', 'Hằng', 'ma thi hang', ?) RETURNING id`,
    [facts.oldCommuneIds[0]],
  );
  const merged = ofOldCommune?.id as string;
  assert.ok(ours.length > 0 && elsewhere.length > 0);
  const newCommune = facts.newCommuneIds[0] as string;
  assert.equal(await province.people.notWithin(ours, newCommune), []);
  assert.equal(await province.people.notWithin([merged], newCommune), [merged]);
  assert.equal(await province.people.notWithin([...ours, ...elsewhere], facts.provinceId), []);
  assert.equal(
    (await province.people.notWithin([...ours, ...elsewhere, merged], newCommune)).sort(),
    [...elsewhere, merged].sort(),
  );
  assert.equal((await province.people.notWithin(ours, facts.newCommuneIds[1] as string)).sort(), [...ours].sort());
});

test('a person of no unit is never within; unknown ids are left to the service that reads them', async () => {
  const [row] = await province.orm.em
    .fork()
    .execute<{ id: string }[]>(
      "INSERT INTO person (id, full_name, given_name, search_name) VALUES (gen_random_uuid(), 'Lý Văn Tự', 'Tự', 'ly van tu') RETURNING id",
    );
  const unknown = '00000000-0000-4000-8000-00000000abcd';
  assert.equal(await province.people.notWithin([row?.id as string, unknown], province.facts.provinceId), [row?.id]);
  assert.equal(await province.people.notWithin([], province.facts.provinceId), []);
});

test.run();
