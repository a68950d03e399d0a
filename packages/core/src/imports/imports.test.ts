import type { ImportRow, PersonImportField } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { countRows, createTestPolCenter, demoOpenClass, readableTest as it } from '../testing/index.js';
import { ImportService } from './imports.js';

const polcenter = await createTestPolCenter({ demo: true });
const { orm } = polcenter;
// The demo's open classes take enrolments on the day it was seeded, which is today.
const imports = new ImportService(orm);
const NTD = (await demoOpenClass(orm, 'NTĐ')).code;
const DVM = (await demoOpenClass(orm, 'ĐVM')).code;
const actor = { id: null, label: 'import' };

const person = (line: number, values: Partial<Record<PersonImportField, string>>): ImportRow<PersonImportField> => ({
  line,
  values: { gender: 'Nữ', ethnicity: 'Tày', unitCode: '02020', ...values },
});

it('imports people with Vietnamese values and dd/mm/yyyy dates, deriving the given and search names', async () => {
  const before = await countRows(orm, 'person');
  const report = await imports.people(actor, [
    person(2, { fullName: 'Hà Thị Nhập', birthDate: '05/03/1990', nationalId: '006190000001', phone: '0912 345 678' }),
    person(3, {
      fullName: 'Lý Văn Một',
      birthDate: '1985-12-31',
      gender: 'Nam',
      ethnicity: 'Dao',
      partyStatus: 'Đảng viên dự bị',
      partyAdmittedOn: '01/06/2026',
    }),
  ]);
  assert.equal(report.errors, []);
  assert.is(report.created, 2);
  assert.ok(report.written);
  assert.is(await countRows(orm, 'person'), before + 2);
  const [row] = await orm.em
    .fork()
    .execute(
      "SELECT given_name, search_name, birth_date::text AS b, gender, ethnicity, phone FROM person WHERE national_id = '006190000001'",
    );
  assert.equal(row, {
    given_name: 'Nhập',
    search_name: 'ha thi nhap',
    b: '1990-03-05',
    gender: 'female',
    ethnicity: 'tay',
    phone: '0912345678',
  });
  assert.is(await countRows(orm, 'audit_log', "action = 'person.create' AND actor_label = 'import'"), 2);
  assert.is(await countRows(orm, 'audit_log', "action = 'import.people'"), 1);
});

it('reports every bad row by line, field and reason, and writes nothing', async () => {
  const before = await countRows(orm, 'person');
  const audits = await countRows(orm, 'audit_log');
  const report = await imports.people(actor, [
    person(2, { fullName: 'Đúng Người', birthDate: '01/01/1990' }),
    person(3, { fullName: 'Sai Ngày', birthDate: '31/02/1990' }),
    person(4, { fullName: 'Sai Đơn Vị', birthDate: '01/01/1990', unitCode: '99999' }),
    person(5, { fullName: 'Sai Giới', birthDate: '01/01/1990', gender: 'không rõ', nationalId: '123' }),
    person(6, { birthDate: '01/01/1990' }),
  ]);
  assert.not.ok(report.written);
  assert.equal(
    report.errors.map((e) => `${e.line}:${e.field}`),
    ['3:birthDate', '4:unitCode', '5:gender', '5:nationalId', '6:fullName'],
  );
  assert.match(report.errors[0]?.message.vi ?? '', '31/02/1990');
  assert.match(report.errors[1]?.message.en ?? '', 'No unit with code "99999"');
  assert.is(await countRows(orm, 'person'), before);
  assert.is(await countRows(orm, 'audit_log'), audits);
});

it('a dry run checks and counts but writes nothing', async () => {
  const before = await countRows(orm, 'person');
  const report = await imports.people(actor, [person(2, { fullName: 'Thử Khô', birthDate: '02/02/1992' })], {
    dryRun: true,
  });
  assert.equal([report.created, report.written, report.dryRun, report.errors.length], [1, false, true, 0]);
  assert.is(await countRows(orm, 'person'), before);
});

it('people already on file are skipped and reported; the same person twice in a file is an error', async () => {
  const skip = await imports.people(actor, [
    person(2, { fullName: 'Hà Thị Nhập', birthDate: '05/03/1990', nationalId: '006190000001' }),
    person(3, { fullName: 'LÝ VĂN MỘT', birthDate: '31/12/1985', gender: 'Nam' }),
    person(4, { fullName: 'Người Mới', birthDate: '03/03/1993' }),
  ]);
  assert.equal(skip.errors, []);
  assert.equal(
    skip.skipped.map((s) => s.line),
    [2, 3],
  );
  assert.is(skip.created, 1);
  const twice = await imports.people(actor, [
    person(2, { fullName: 'Song Sinh', birthDate: '04/04/1994', nationalId: '006194000001' }),
    person(3, { fullName: 'Song Sinh', birthDate: '04/04/1994', nationalId: '006194000001' }),
    // Same name and day, different IDs: two people, as the domain rule says.
    person(4, { fullName: 'Song Sinh', birthDate: '04/04/1994', nationalId: '006194000002' }),
  ]);
  assert.equal(
    twice.errors.map((e) => `${e.line}:${e.field}`),
    ['3:nationalId'],
  );
  assert.match(twice.errors[0]?.message.vi ?? '', 'dòng 2');
});

it('is all-or-nothing: a failure while writing the second batch leaves nothing of the first', async () => {
  const em = orm.em.fork();
  await em.execute(`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.full_name = 'Nổ Tung' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`);
  await em.execute('CREATE TRIGGER refuse_boom BEFORE INSERT ON person FOR EACH ROW EXECUTE FUNCTION refuse_boom()');
  try {
    const before = await countRows(orm, 'person');
    const audits = await countRows(orm, 'audit_log');
    let seen = 0;
    const run = imports.people(
      actor,
      [
        person(2, { fullName: 'Một Lô', birthDate: '01/01/1991' }),
        person(3, { fullName: 'Hai Lô', birthDate: '01/01/1991' }),
        person(4, { fullName: 'Nổ Tung', birthDate: '01/01/1991' }),
      ],
      { batchSize: 2, onProgress: (done) => (seen = done) },
    );
    await run.then(
      () => assert.unreachable('the import should have failed'),
      (error) => assert.match(String(error), 'boom'),
    );
    assert.is(seen, 2, 'the first batch was written before the failure');
    assert.is(await countRows(orm, 'person'), before);
    assert.is(await countRows(orm, 'audit_log'), audits);
  } finally {
    await em.execute('DROP TRIGGER refuse_boom ON person; DROP FUNCTION refuse_boom()');
  }
});

it('imports enrolments by national ID or by name and birth date, with the rules of a nomination', async () => {
  await imports.people(actor, [
    person(2, { fullName: 'Quần Chúng A', birthDate: '01/05/1995', nationalId: '006195000001' }),
    person(3, { fullName: 'Quần Chúng B', birthDate: '02/05/1995' }),
    person(4, {
      fullName: 'Dự Bị C',
      birthDate: '03/05/1995',
      partyStatus: 'probationary',
      partyAdmittedOn: '01/01/2026',
    }),
  ]);
  const rows = [
    { line: 2, values: { classCode: NTD, nationalId: '006195000001' } },
    { line: 3, values: { classCode: NTD, fullName: 'quần chúng b', birthDate: '02/05/1995', note: 'đợt 1' } },
    { line: 4, values: { classCode: DVM, fullName: 'Dự Bị C', birthDate: '03/05/1995', unitCode: '064' } },
  ];
  const bad = await imports.enrolments(actor, [
    ...rows,
    { line: 5, values: { classCode: 'KHÔNG-CÓ', nationalId: '006195000001' } },
    { line: 6, values: { classCode: DVM, nationalId: '006195000001' } },
    { line: 7, values: { classCode: NTD, nationalId: '006199999999' } },
    { line: 8, values: { classCode: NTD, fullName: 'Quần Chúng A' } },
    { line: 9, values: { classCode: NTD, nationalId: '006195000001' } },
    { line: 10, values: { classCode: 'NTĐ-01/2022', nationalId: '006195000001' } },
  ]);
  assert.equal(
    bad.errors.map((e) => `${e.line}:${e.field}`),
    ['5:classCode', '6:nationalId', '7:nationalId', '8:birthDate', '9:nationalId', '10:classCode'],
  );
  assert.match(bad.errors[1]?.message.en ?? '', /eligib|probationary/i);
  const before = await countRows(orm, 'enrolment');
  assert.is(await countRows(orm, 'enrolment'), before);

  const good = await imports.enrolments(actor, rows);
  assert.equal(good.errors, []);
  assert.is(good.created, 3);
  assert.is(await countRows(orm, 'enrolment'), before + 3);
  assert.is(await countRows(orm, 'audit_log', "action = 'enrolment.nominate' AND actor_label = 'import'"), 3);
  const again = await imports.enrolments(actor, rows);
  assert.equal([again.created, again.skipped.length, again.errors.length], [0, 3, 0]);
});

it('a past class with its results: a class of 2022 takes its trainees as they ended, in its own seats and scale', async () => {
  const people = ['Hà Thị Lớp Cũ', 'Lò Văn Lớp Cũ', 'Ma Thị Lớp Cũ', 'Nông Văn Lớp Cũ'];
  await imports.people(
    actor,
    people.map((fullName, i) => person(i + 2, { fullName, birthDate: '01/06/1990', nationalId: `00619000090${i}` })),
  );
  const [cls] = await orm.em
    .fork()
    .execute<{ id: string; seats_taken: number; capacity: number }[]>(
      "SELECT id, seats_taken, capacity FROM training_class WHERE code = 'NTĐ-01/2022'",
    );
  const rows = [
    {
      line: 3,
      values: { classCode: 'NTĐ-01/2022', nationalId: '006190000900', state: 'Hoàn thành', finalScore: '8,5' },
    },
    {
      line: 4,
      values: { classCode: 'NTĐ-01/2022', nationalId: '006190000901', state: 'Không đạt', classification: 'khong dat' },
    },
    { line: 5, values: { classCode: 'NTĐ-01/2022', nationalId: '006190000902', state: 'Đã rút' } },
  ];
  const bad = await imports.enrolments(actor, [
    ...rows,
    // Results only for a class that has ended; the state is needed; the class's own bands.
    { line: 6, values: { classCode: NTD, nationalId: '006190000903', state: 'Hoàn thành' } },
    { line: 7, values: { classCode: 'NTĐ-01/2022', nationalId: '006190000903', classification: 'Giỏi' } },
    {
      line: 8,
      values: { classCode: 'NTĐ-01/2022', nationalId: '006190000903', state: 'Hoàn thành', classification: 'Xuất sắc' },
    },
    { line: 9, values: { classCode: 'NTĐ-01/2022', nationalId: '006190000903', state: 'passed', finalScore: '10,25' } },
  ]);
  assert.equal(
    bad.errors.map((e) => `${e.line}:${e.field}`),
    ['6:state', '7:state', '8:classification', '9:finalScore'],
  );
  assert.match(bad.errors[2]?.message.vi ?? '', 'dùng một trong: Giỏi, Khá, Đạt (trung bình), Không đạt');
  assert.is(bad.written, false);

  const good = await imports.enrolments(actor, rows);
  assert.equal([good.errors, good.created], [[], 3]);
  const stored = await orm.em.fork().execute<{ state: string; classification: string | null; score: number | null }[]>(
    `SELECT e.state, e.classification, e.final_score::float8 AS score FROM enrolment e JOIN person p ON p.id = e.person_id
      WHERE e.class_id = ? AND p.national_id LIKE '00619000090%' ORDER BY p.national_id`,
    [cls?.id],
  );
  assert.equal(stored, [
    { state: 'passed', classification: 'excellent', score: 8.5 },
    { state: 'failed', classification: 'fail', score: null },
    { state: 'withdrawn', classification: null, score: null },
  ]);
  // Two results took seats; the withdrawal did not.
  assert.is(
    await countRows(orm, 'training_class', 'id = ? AND seats_taken = ?', [cls?.id, (cls?.seats_taken ?? 0) + 2]),
    1,
  );
  assert.is(await countRows(orm, 'audit_log', "action = 'enrolment.historical'"), 3);
  const again = await imports.enrolments(actor, rows);
  assert.equal([again.created, again.skipped.length, again.errors.length], [0, 3, 0]);

  // Beyond the class's capacity, the rows that do not fit are refused, and nothing is written.
  const free = (cls?.capacity ?? 0) - (cls?.seats_taken ?? 0) - 2;
  const many = Array.from(
    { length: free + 1 },
    (_, i) => `Triệu Văn Đủ ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}${'ABCDEFGHIJ'[Math.floor(i / 26)]}`,
  );
  await imports.people(
    actor,
    many.map((fullName, i) => person(i + 2, { fullName, birthDate: '02/06/1990' })),
  );
  const full = await imports.enrolments(
    actor,
    many.map((fullName, i) => ({
      line: i + 2,
      values: { classCode: 'NTĐ-01/2022', fullName, birthDate: '02/06/1990', state: 'Hoàn thành' },
    })),
  );
  assert.equal(
    full.errors.map((e) => `${e.line}:${e.field}`),
    [`${free + 2}:classCode`],
  );
  assert.is(full.written, false);
});

it('imports 10,000 people in one transaction, holding at most 1,024 advisory locks', async () => {
  const rows = Array.from({ length: 10_000 }, (_, i) =>
    person(i + 2, {
      fullName: `Nguyễn Văn Số ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`,
      birthDate: `${(i % 28) + 1}/${(Math.floor(i / 28) % 12) + 1}/${1960 + Math.floor(i / 336)}`,
      nationalId: String(7_000_000_000_00 + i).padStart(12, '0'),
    }),
  );
  const before = await countRows(orm, 'person');
  // Inside the import's own transaction, how many advisory locks it holds (ADR 0012: striped, bounded).
  const em = orm.em.fork();
  await em.execute('CREATE TABLE lock_probe (held int)');
  await em.execute(`CREATE FUNCTION probe_locks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO lock_probe SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid();
    RETURN NULL; END $$`);
  await em.execute(
    'CREATE TRIGGER probe_locks AFTER INSERT ON person FOR EACH STATEMENT EXECUTE FUNCTION probe_locks()',
  );
  try {
    // Its speed is a benchmark's business (enrol.bulk.*), not a test's: shared machines make timings noise.
    const started = performance.now();
    let calls = 0;
    const report = await imports.people(actor, rows, {
      onProgress: (_done, _total, phase) => {
        if (phase === 'write') calls++;
      },
    });
    const ms = performance.now() - started;
    assert.equal(report.errors.slice(0, 3), []);
    assert.is(report.created, 10_000);
    assert.is(calls, 10);
    assert.is(await countRows(orm, 'person'), before + 10_000);
    const [probe] = await em.execute<{ held: number }[]>('SELECT max(held)::int AS held FROM lock_probe');
    // 20,000 identity keys, at most 1,024 lock stripes: the shared lock table holds a few thousand.
    assert.ok((probe?.held ?? 0) > 0 && (probe?.held ?? 0) <= 1024, `held ${probe?.held} advisory locks`);
    console.log(`  10,000 people imported in ${Math.round(ms)} ms`);
  } finally {
    await em.execute('DROP TRIGGER probe_locks ON person; DROP FUNCTION probe_locks(); DROP TABLE lock_probe');
  }
});

it('an import and a clerk typing one of its people at the same moment leave one record of them', async () => {
  const clash = { fullName: 'Bàn Văn Cùng Lúc', birthDate: '07/07/1977' };
  const rows = Array.from({ length: 2_000 }, (_, i) =>
    person(i + 2, {
      fullName: `Lục Thị Đồng ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`,
      birthDate: `${(i % 28) + 1}/${(Math.floor(i / 28) % 12) + 1}/1980`,
    }),
  );
  rows.push(person(rows.length + 2, clash));
  const [imported, typed] = await Promise.allSettled([
    imports.people(actor, rows),
    polcenter.people.create(actor, {
      fullName: clash.fullName,
      birthDate: '1977-07-07',
      gender: 'female',
      ethnicity: 'dao',
      unitId: (await polcenter.units.findByCode('02020'))?.id as string,
    }),
  ]);
  assert.is(imported.status, 'fulfilled');
  const report = (imported as PromiseFulfilledResult<Awaited<ReturnType<typeof imports.people>>>).value;
  // Whichever committed first, the other saw it: the import skipped the line or the clerk was told.
  if (typed.status === 'fulfilled') assert.equal(report.skipped.length, 1);
  else assert.is((typed.reason as { code?: string }).code, 'PERSON.DUPLICATE');
  assert.is(await countRows(orm, 'person', "search_name = 'ban van cung luc'"), 1);
});

test.after(() => polcenter.close());
test.run();
