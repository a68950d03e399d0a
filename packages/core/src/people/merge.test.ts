import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import {
  countRows,
  createTestPolCenter,
  expectDomainError,
  fixtureClass,
  fixtureEnrolments,
  fixtureProgram,
  fixtureUnit,
} from '../testing/index.js';
import { PERSON_REFERENCES } from './merge.js';

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());

const { orm } = polcenter;
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  orm.em.fork().execute<T[]>(text, params);
const staff = { id: null, label: 'Hoàng Thị Mai (Trung tâm)' };
const unit = await fixtureUnit(orm);
const ntd = await fixtureProgram(orm, 'NTĐ');

let serial = 0;
/** Two records of one person, as two clerks typed them: the second without a birth date or phone. */
async function twoRecords(): Promise<{ survivor: string; merged: string }> {
  serial += 1;
  const name = `Lục Văn Thử ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[serial % 26]}${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(serial / 26)]}`;
  const survivor = await polcenter.people.create(staff, {
    fullName: name,
    birthDate: `0${(serial % 9) + 1}/03/1980`,
    gender: 'male',
    ethnicity: 'tay',
    unitId: unit,
  });
  const [row] = await sql<{ id: string }>(
    `INSERT INTO person (id, full_name, given_name, search_name, party_status, unit_id, phone, national_id)
     VALUES (gen_random_uuid(), ?, 'Thử', lower(?), 'non_member', ?, '0912345678', ?) RETURNING id`,
    [name, name, unit, `0010800${String(serial).padStart(5, '0')}`],
  );
  return { survivor: survivor.id, merged: row?.id as string };
}

const version = async (id: string) => (await polcenter.people.get(id)).version;
const mergeInput = async (survivorId: string, mergedId: string) => ({
  survivorId,
  survivorVersion: await version(survivorId),
  mergedId,
  mergedVersion: await version(mergedId),
});

test('every column that references a person is one the merge moves', async () => {
  const keys = await sql<{ table: string; column: string }>(
    `SELECT c.conrelid::regclass::text AS table, a.attname AS column
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'person'::regclass
      ORDER BY 1, 2`,
  );
  const listed = PERSON_REFERENCES.map((r) => `${r.table}.${r.column}`).sort();
  assert.equal(
    keys.map((k) => `${k.table}.${k.column}`),
    listed,
  );
});

test('merge: references move to the survivor, which takes what it lacked; the other record is gone and both are in the audit', async () => {
  const { survivor, merged } = await twoRecords();
  const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit });
  const [enrolment] = await fixtureEnrolments(orm, cls.id, [merged], 'approved');
  // Both went to one briefing (one fact once merged), the merged one alone to another.
  const [shared, own] = await sql<{ id: string }>(
    `INSERT INTO briefing (id, date, unit_id, topic, audience_size, mode)
     VALUES (gen_random_uuid(), '2026-01-10', ?, 'Nghị quyết', 30, 'in_person'),
            (gen_random_uuid(), '2026-01-11', ?, 'Nghị quyết', 30, 'in_person') RETURNING id`,
    [unit, unit],
  );
  await sql('INSERT INTO briefing_person (briefing_id, person_id) VALUES (?, ?), (?, ?), (?, ?)', [
    shared?.id,
    survivor,
    shared?.id,
    merged,
    own?.id,
    merged,
  ]);
  const account = await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: `thu.${serial}`,
    displayName: 'Lục Văn Thử',
    password: 'mat-khau-rat-dai',
    roles: [{ role: 'lecturer', unitId: unit }],
    personId: merged,
  });

  const result = await polcenter.people.merge(staff, await mergeInput(survivor, merged));
  assert.is(result.id, survivor);
  assert.is(result.phone, '0912***678', 'the phone the survivor lacked, masked');
  assert.is(result.birthDate, '1980', 'its own birth date kept');

  assert.is(await countRows(orm, 'person', 'id = ?', [merged]), 0);
  const [moved] = await sql<{ person_id: string }>('SELECT person_id FROM enrolment WHERE id = ?', [enrolment]);
  assert.is(moved?.person_id, survivor);
  assert.equal(
    (
      await sql<{ briefing_id: string }>('SELECT briefing_id FROM briefing_person WHERE person_id = ? ORDER BY 1', [
        survivor,
      ])
    )
      .map((r) => r.briefing_id)
      .sort(),
    [shared?.id, own?.id].sort(),
  );
  const [user] = await sql<{ person_id: string }>('SELECT person_id FROM app_user WHERE id = ?', [account.userId]);
  assert.is(user?.person_id, survivor);

  const [log] = await sql<{
    before: { survivor: { id: string }; merged: { id: string; nationalId: string } };
    after: { moved: Record<string, number> };
  }>("SELECT before, after FROM audit_log WHERE action = 'person.merge' AND entity_id = ?", [survivor]);
  assert.is(log?.before.survivor.id, survivor);
  assert.is(log?.before.merged.id, merged);
  assert.equal(log?.after.moved, { enrolment: 1, briefing_person: 2, app_user: 1 });

  // The survivor's trail holds the merged record's history too, personal fields masked.
  const trail = await polcenter.people.history({ id: survivor });
  const actions = trail.items.map((e) => e.action);
  assert.ok(actions.includes('person.merge'));
  assert.ok(actions.includes('person.merged_into'));
  const entry = trail.items.find((e) => e.action === 'person.merge');
  const before = entry?.before as { merged: { nationalId: string; phone: string } };
  assert.match(before.merged.nationalId, /^\*{8}\d{4}$/);
  assert.is(before.merged.phone, '0912***678');
});

test('merge is refused when both records are enrolled in one class, naming the class; nothing changes', async () => {
  const { survivor, merged } = await twoRecords();
  const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit });
  await fixtureEnrolments(orm, cls.id, [survivor, merged], 'approved');
  const error = await expectDomainError(polcenter.people.merge(staff, await mergeInput(survivor, merged)));
  assert.is(error.code, 'PERSON.MERGE_CONFLICT');
  assert.match(error.text.vi, `cả hai đang ghi danh vào lớp ${cls.code}`);
  assert.match(error.text.en, `both are enrolled in class ${cls.code}`);
  assert.is(await countRows(orm, 'person', 'id = ?', [merged]), 1);
  assert.is(await countRows(orm, 'enrolment', 'person_id = ?', [merged]), 1);
  // Once one of them withdraws, they merge.
  await sql("UPDATE enrolment SET state = 'withdrawn' WHERE person_id = ?", [merged]);
  await polcenter.people.merge(staff, await mergeInput(survivor, merged));
  assert.is(await countRows(orm, 'enrolment', 'person_id = ?', [survivor]), 2);
});

test('merge made on a record changed since it was shown is refused as stale; the same record twice is refused', async () => {
  const { survivor, merged } = await twoRecords();
  const input = await mergeInput(survivor, merged);
  await polcenter.people.update(staff, merged, input.mergedVersion, { position: 'Trưởng thôn' });
  assert.is((await expectDomainError(polcenter.people.merge(staff, input))).code, 'PERSON.STALE');
  const same = await expectDomainError(polcenter.people.merge(staff, { ...input, mergedId: survivor }));
  assert.is(same.code, 'INPUT.INVALID');
  assert.is(same.fields[0]?.field, 'mergedId');
});

test('merge against an enrolment of the merged record made at the same moment: the survivor never ends up enrolled twice', async () => {
  for (let round = 0; round < 6; round++) {
    const { survivor, merged } = await twoRecords();
    const cls = await fixtureClass(orm, { programId: ntd.id, unitId: unit });
    await fixtureEnrolments(orm, cls.id, [survivor], 'approved');
    const input = await mergeInput(survivor, merged);
    const [enrolled, merging] = await Promise.allSettled([
      polcenter.enrolment.request(staff, { classId: cls.id, personId: merged }),
      polcenter.people.merge(staff, input),
    ]);
    const codes = [enrolled, merging].map((r) =>
      r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok',
    );
    // Exactly one wins: the enrolment (the merge then sees two enrolments in the class) or the merge
    // (the enrolment then finds no such person).
    assert.ok(
      (codes[0] === 'ok' && codes[1] === 'PERSON.MERGE_CONFLICT') ||
        (codes[0] === 'PERSON.NOT_FOUND' && codes[1] === 'ok'),
      `round ${round}: ${codes.join(', ')}`,
    );
    const active = await countRows(
      orm,
      'enrolment',
      "class_id = ? AND person_id = ? AND state NOT IN ('withdrawn', 'rejected')",
      [cls.id, survivor],
    );
    assert.is(active, 1, `round ${round}`);
  }
});

test.run();
