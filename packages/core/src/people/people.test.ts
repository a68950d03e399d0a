import type { DomainError, PersonInput } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SYSTEM_ACTOR } from '../kernel/actor.js';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const staff = { id: null, label: 'Hoàng Thị Mai (Trung tâm)' };
// A commune and village of their own, so the demo's trainees do not show up in these searches.
const COMMUNE = (
  await polcenter.units.create(SYSTEM_ACTOR, {
    code: 'TEST-XA',
    name: 'Xã Thử Nghiệm',
    level: 'commune',
    parentId: await unitIdByCode(polcenter.orm, '064'),
  })
).id;
const VILLAGE = (
  await polcenter.units.create(SYSTEM_ACTOR, {
    code: 'TEST-THON',
    name: 'Thôn Thử Nghiệm',
    level: 'village',
    parentId: COMMUNE,
  })
).id;
const NAM_CUONG = await unitIdByCode(polcenter.orm, '02026');

const person = (overrides: Partial<PersonInput> = {}): PersonInput => ({
  fullName: 'Nguyễn Văn Đạt',
  birthDate: '12/05/1988',
  gender: 'male',
  ethnicity: 'kinh',
  unitId: COMMUNE,
  ...overrides,
});

const count = (table: string) => countRows(polcenter.orm, table);

test('create: the record is stored with its Vietnamese sort and search keys, audited, and returned masked', async () => {
  const dat = await polcenter.people.create(staff, person({ phone: '+84 912 345 678', nationalId: '001088012345' }));
  assert.is(dat.givenName, 'Đạt');
  assert.is(dat.birthDate, '1988');
  assert.is(dat.phone, '0912***678');
  assert.is(dat.nationalId, '********2345');
  assert.ok(dat.masked);
  const [row] = await polcenter.orm.em
    .fork()
    .execute('SELECT search_name, given_name FROM person WHERE id = ?', [dat.id]);
  assert.equal(row, { search_name: 'nguyen van dat', given_name: 'Đạt' });
  const [log = {}] = await polcenter.orm.em
    .fork()
    .execute("SELECT actor_label, after FROM audit_log WHERE action = 'person.create' AND entity_id = ?", [dat.id]);
  assert.is(log.actor_label, staff.label);
  assert.is(log.after.phone, '0912345678');
});

test('duplicates: the same national ID, or the same name and birth date, names the existing record', async () => {
  const [existing] = (await polcenter.people.search({ query: 'nguyen van dat' })).items;
  const byId = await expectDomainError(
    polcenter.people.create(staff, person({ fullName: 'Nông Văn Đạt', nationalId: '001088012345' })),
  );
  assert.is(byId.code, 'PERSON.DUPLICATE');
  assert.equal(byId.details, { existingId: existing?.id, reason: 'national_id' });
  // Typed without diacritics' composed forms (NFD, as some keyboards paste it): still the same person.
  const byName = await expectDomainError(
    polcenter.people.create(staff, person({ fullName: 'Nguyễn Văn Đạt'.normalize('NFD') })),
  );
  assert.equal(byName.details, { existingId: existing?.id, reason: 'name_birth' });
  assert.ok(byName.text.vi.length > 0 && byName.text.en.length > 0);
});

test('duplicates: staff may confirm a namesake, but never a shared national ID', async () => {
  const [existing] = (await polcenter.people.search({ query: 'nguyen van dat' })).items;
  const namesake = await polcenter.people.create(staff, person({ unitId: NAM_CUONG, nationalId: '001088099999' }), {
    allowDuplicateOfId: existing?.id,
  });
  assert.is.not(namesake.id, existing?.id);
  const shared = await expectDomainError(
    polcenter.people.create(staff, person({ fullName: 'Lý Thị Hoa', nationalId: '001088012345' }), {
      allowDuplicateOfId: existing?.id,
    }),
  );
  assert.is(shared.code, 'PERSON.DUPLICATE');
});

test('findDuplicates lists who a candidate probably is, strongest reason first', async () => {
  const hits = await polcenter.people.findDuplicates({ fullName: 'nguyễn văn đạt', birthDate: '1988-05-12' });
  assert.is(hits.length, 2);
  assert.ok(hits.every((h) => h.reason === 'name_birth' && h.person.masked));
  const byId = await polcenter.people.findDuplicates({
    fullName: 'Ai Đó',
    birthDate: '2000-01-01',
    nationalId: '001088099999',
  });
  assert.equal(
    byId.map((h) => h.reason),
    ['national_id'],
  );
});

test('ten clerks typing the same new trainee at once: one record, nine PERSON.DUPLICATE', async () => {
  const before = await count('person');
  const results = await Promise.allSettled(
    Array.from({ length: 10 }, () =>
      polcenter.people.create(staff, person({ fullName: 'Bàn Tài Quẩy', birthDate: '1990-02-03', ethnicity: 'dao' })),
    ),
  );
  assert.is(results.filter((r) => r.status === 'fulfilled').length, 1);
  const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
  assert.ok(refused.every((r) => (r.reason as DomainError).code === 'PERSON.DUPLICATE'));
  assert.is(await count('person'), before + 1);
});

test('update: applies a patch on the version read; an edit on an older version is PERSON.STALE', async () => {
  const created = await polcenter.people.create(
    staff,
    person({ fullName: 'Ma Thị Lan', gender: 'female', ethnicity: 'tay', birthDate: '1995-09-09' }),
  );
  const moved = await polcenter.people.update(staff, created.id, created.version, {
    partyStatus: 'probationary',
    partyAdmittedOn: '2022-03-03',
    position: 'Bí thư chi đoàn',
  });
  assert.is(moved.version, created.version + 1);
  assert.is(moved.partyStatus, 'probationary');

  const stale = await expectDomainError(
    polcenter.people.update(staff, created.id, created.version, { position: 'Khác' }),
  );
  assert.is(stale.code, 'PERSON.STALE');
  assert.is(stale.kind, 'conflict');
  assert.equal(stale.details, { expected: created.version, actual: moved.version });

  // The merged record is checked whole: a non-member cannot keep a date of admission.
  const incoherent = await expectDomainError(
    polcenter.people.update(staff, created.id, moved.version, { partyStatus: 'non_member' }),
  );
  assert.is(incoherent.code, 'INPUT.INVALID');
  assert.is(incoherent.fields[0]?.field, 'partyAdmittedOn');

  const [log = {}] = await polcenter.orm.em
    .fork()
    .execute("SELECT before, after FROM audit_log WHERE action = 'person.update' AND entity_id = ?", [created.id]);
  assert.is(log.before.partyStatus, 'non_member');
  assert.is(log.after.partyStatus, 'probationary');
  assert.is(log.after.position, 'Bí thư chi đoàn');
});

test('update: taking another person’s national ID is PERSON.DUPLICATE; an unknown id is PERSON.NOT_FOUND', async () => {
  const hoa = await polcenter.people.create(
    staff,
    person({ fullName: 'Triệu Thị Hoa', gender: 'female', birthDate: '1991-01-01' }),
  );
  const taken = await expectDomainError(
    polcenter.people.update(staff, hoa.id, hoa.version, { nationalId: '001088012345' }),
  );
  assert.is(taken.code, 'PERSON.DUPLICATE');
  const missing = await expectDomainError(
    polcenter.people.update(staff, '00000000-0000-4000-8000-000000000000', 1, { position: 'x' }),
  );
  assert.is(missing.code, 'PERSON.NOT_FOUND');
});

test('search ignores diacritics, matches word starts, and sorts the Vietnamese way (given name first)', async () => {
  for (const [fullName, birthDate] of [
    ['Hoàng Văn Hùng', '1980-01-01'],
    ['Nông Thị Ánh', '1981-01-01'],
    ['Lục Văn Bình', '1982-01-01'],
    ['Đàm Thị Dung', '1983-01-01'],
    ['Vi Văn Đức', '1984-01-01'],
  ] as const) {
    await polcenter.people.create(staff, person({ fullName, birthDate, unitId: VILLAGE, ethnicity: 'tay' }));
  }
  const names = async (query: string) =>
    (await polcenter.people.search({ query, unitId: COMMUNE, limit: 100 })).items.map((p) => p.fullName);
  // Byte order would put Ánh and Đức last; Vietnamese puts A before B and D before Đ.
  assert.equal(await names(''), [
    'Nông Thị Ánh',
    'Lục Văn Bình',
    'Đàm Thị Dung',
    'Nguyễn Văn Đạt',
    'Vi Văn Đức',
    'Triệu Thị Hoa',
    'Hoàng Văn Hùng',
    'Ma Thị Lan',
    'Bàn Tài Quẩy',
  ]);
  assert.equal(await names('nguyen van'), ['Nguyễn Văn Đạt']);
  assert.equal(await names('VAN d'), ['Nguyễn Văn Đạt', 'Vi Văn Đức']);
  assert.equal(await names('an'), ['Nông Thị Ánh']); // a word start, not "Lan" or "Văn"
  assert.equal(await names('50%'), []);
});

test('search within a unit includes the units below it, masks every row, and pages by cursor', async () => {
  const inVillage = await polcenter.people.search({ unitId: VILLAGE, limit: 100 });
  assert.is(inVillage.items.length, 5);
  const inCommune = await polcenter.people.search({ unitId: COMMUNE, limit: 100 });
  assert.ok(inCommune.items.length > inVillage.items.length);
  assert.not.ok(inCommune.items.some((p) => p.unitId === NAM_CUONG));
  assert.ok(inCommune.items.every((p) => p.masked && (p.birthDate ?? '').length === 4));

  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await polcenter.people.search({ unitId: COMMUNE, limit: 2, ...(cursor ? { cursor } : {}) });
    assert.ok(page.items.length <= 2);
    seen.push(...page.items.map((p) => p.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  assert.equal(
    seen,
    inCommune.items.map((p) => p.id),
  );

  assert.is((await expectDomainError(polcenter.people.search({ limit: 1000 }))).fields[0]?.field, 'limit');
  assert.is((await expectDomainError(polcenter.people.search({ cursor: 'not-a-cursor' }))).fields[0]?.field, 'cursor');
});

test('get masks personal data; getFull shows it and audits the read in the same transaction', async () => {
  const [dat] = (await polcenter.people.search({ query: 'nguyen van dat', unitId: COMMUNE })).items;
  const id = dat?.id as string;
  const listed = await polcenter.people.get(id);
  assert.is(listed.nationalId, '********2345');
  const reads = async () =>
    (
      await polcenter.orm.em
        .fork()
        .execute("SELECT actor_label FROM audit_log WHERE action = 'person.read_full' AND entity_id = ?", [id])
    ).length;
  const before = await reads();
  const full = await polcenter.people.getFull(staff, id);
  assert.is(full.nationalId, '001088012345');
  assert.is(full.birthDate, '1988-05-12');
  assert.not.ok(full.masked);
  assert.is(await reads(), before + 1);
  assert.is((await expectDomainError(polcenter.people.getFull(staff, 'nope'))).code, 'INPUT.INVALID');
  assert.is(await reads(), before + 1);
});

test('bad input names the field and leaves the database exactly as it was', async () => {
  const people = await count('person');
  const logs = await count('audit_log');
  const cases: [Partial<PersonInput> & Record<string, unknown>, string][] = [
    [{ fullName: '' }, 'fullName'],
    [{ fullName: 'x'.repeat(10_000) }, 'fullName'],
    [{ birthDate: '31/02/1990' }, 'birthDate'],
    [{ nationalId: '12345' }, 'nationalId'],
    [{ phone: '12' }, 'phone'],
    [{ gender: 'x' as never }, 'gender'],
    [{ partyStatus: 'probationary' }, 'partyAdmittedOn'],
    [{ unitId: 42 as never }, 'unitId'],
    [{ extra: true }, '(input)'],
  ];
  for (const [overrides, field] of cases) {
    const error = await expectDomainError(
      polcenter.people.create(staff, person({ fullName: 'Giàng A Páo', ...overrides })),
    );
    assert.is(error.code, 'INPUT.INVALID', field);
    assert.ok(
      error.fields.some((f) => f.field === field),
      `${field}: ${JSON.stringify(error.fields)}`,
    );
  }
  const unknownUnit = await expectDomainError(
    polcenter.people.create(staff, person({ fullName: 'Giàng A Páo', unitId: '00000000-0000-4000-8000-000000000000' })),
  );
  assert.is(unknownUnit.code, 'UNIT.NOT_FOUND');
  assert.is(unknownUnit.fields[0]?.field, 'unitId');
  assert.is(await count('person'), people);
  assert.is(await count('audit_log'), logs);
});

test('a person recorded without a birth date can still be corrected: any field, and the birth date itself', async () => {
  const [row] = await polcenter.orm.em.fork().execute<{ id: string }[]>(
    `INSERT INTO person (id, full_name, given_name, search_name, party_status, unit_id)
     VALUES (gen_random_uuid(), 'Hà Thị Nhập', 'Nhập', 'ha thi nhap', 'non_member', ?) RETURNING id`,
    [COMMUNE],
  );
  const id = row?.id as string;
  const phoned = await polcenter.people.update(staff, id, 1, { phone: '0987 654 321' });
  assert.is(phoned.phone, '0987***321');
  assert.is(phoned.birthDate, null);
  const dated = await polcenter.people.update(staff, id, phoned.version, { birthDate: '03/04/1975', gender: 'female' });
  assert.is(dated.birthDate, '1975');
  // Once given, a birth date cannot be emptied by an edit.
  const emptied = await expectDomainError(
    polcenter.people.update(staff, id, dated.version, { birthDate: null } as never),
  );
  assert.is(emptied.fields[0]?.field, 'birthDate');
});

test('reveal: personal fields for a reason, the read and its reason audited; the history masks them', async () => {
  const revealed = await polcenter.people.create(
    staff,
    person({ fullName: 'Đàm Văn Lộ', nationalId: '001075009999', phone: '0911222333' }),
  );
  const full = await polcenter.people.reveal(staff, { id: revealed.id, reason: 'Đối chiếu hồ sơ dự thi' });
  assert.is(full.nationalId, '001075009999');
  assert.is(full.masked, false);
  const short = await expectDomainError(polcenter.people.reveal(staff, { id: revealed.id, reason: 'x' }));
  assert.is(short.fields[0]?.field, 'reason');
  const trail = await polcenter.people.history({ id: revealed.id });
  assert.equal(
    trail.items.map((e) => e.action),
    ['person.read_full', 'person.create'],
  );
  assert.equal(trail.items[0]?.after, { reason: 'Đối chiếu hồ sơ dự thi' });
  const created = trail.items[1]?.after as { nationalId: string; phone: string; birthDate: string };
  assert.equal([created.nationalId, created.phone, created.birthDate], ['********9999', '0911***333', '1988']);
});

test.run();
