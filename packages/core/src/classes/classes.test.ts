import { type ClassInput, type DomainError, foldDiacritics, vietnameseFold } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing/index.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const staff = { id: null, label: 'Hoàng Thị Mai (Trung tâm)' };
const head = { id: null, label: 'Giám đốc Trung tâm' };

const count = (table: string) => countRows(polcenter.orm, table);

const district = await unitIdByCode(polcenter.orm, '064');
const phuongVien = await unitIdByCode(polcenter.orm, '02050');
const namCuong = await unitIdByCode(polcenter.orm, '02026');
const ntd = await polcenter.programs.getByCode('NTĐ');
const nq = await polcenter.programs.getByCode('NQ');
const lecturer = await polcenter.people.create(staff, {
  fullName: 'Lý Văn Thắng',
  birthDate: '1975-04-04',
  gender: 'male',
  ethnicity: 'tay',
  unitId: district,
});

/** One lecturer can teach one class at a time: only the first test's class names them. */
const timetable = (lecturerId?: string): ClassInput['sessions'] => [
  { date: '2022-03-15', part: 'afternoon', topicNumber: 2, periods: 4 },
  { date: '2022-03-14', part: 'morning', topicNumber: 1, periods: 4, ...(lecturerId ? { lecturerId } : {}) },
  { date: '2022-03-14', startTime: '13:00', endTime: '15:00', topicNumber: 1, periods: 2 },
];

const awarenessClass = (overrides: Partial<ClassInput> = {}): ClassInput => ({
  code: 'NTĐ-03/2022',
  programId: ntd.id,
  organiserUnitId: district,
  mode: 'in_person',
  venue: 'Hội trường Trung tâm Chính trị huyện Chợ Đồn',
  capacity: 80,
  startDate: '14/03/2022',
  endDate: '18/03/2022',
  enrolmentOpensOn: '2022-02-15',
  enrolmentClosesOn: '2022-03-10',
  sessions: timetable(),
  ...overrides,
});

test('create: a draft class whose timetable comes back by date and time, half-days given their hours', async () => {
  const created = await polcenter.classes.create(staff, awarenessClass({ sessions: timetable(lecturer.id) }));
  assert.is(created.status, 'draft');
  assert.is(created.statusName.vi, 'Dự kiến');
  assert.is(created.seatsLeft, 80);
  assert.is(created.program.code, 'NTĐ');
  assert.equal(
    created.sessions.map((s) => `${s.date} ${s.startTime}-${s.endTime}`),
    ['2022-03-14 07:30-11:30', '2022-03-14 13:00-15:00', '2022-03-15 13:30-17:00'],
  );
  assert.is(created.sessions[0]?.lecturerId, lecturer.id);
  assert.equal(await polcenter.classes.get(created.id), created);
});

test('create refuses a missing program or organiser, a taken code, a topic the program lacks — writing nothing', async () => {
  const tables = ['training_class', 'class_session', 'class_site', 'audit_log'];
  const before = await Promise.all(tables.map(count));
  const nobody = '00000000-0000-4000-8000-000000000000';
  const cases: [Partial<ClassInput>, string, string][] = [
    [{ code: 'NTĐ-04/2022', programId: nobody }, 'PROGRAM.NOT_FOUND', 'programId'],
    [{ code: 'NTĐ-04/2022', organiserUnitId: nobody }, 'UNIT.NOT_FOUND', 'organiserUnitId'],
    [{}, 'CLASS.CODE_TAKEN', 'code'],
    [
      { code: 'NTĐ-04/2022', sessions: [{ date: '2022-03-14', part: 'morning', topicNumber: 9, periods: 4 }] },
      'INPUT.INVALID',
      'sessions.0.topicNumber',
    ],
    [
      { code: 'NTĐ-04/2022', sessions: [{ date: '2022-03-14', part: 'morning', periods: 4, lecturerId: nobody }] },
      'PERSON.NOT_FOUND',
      'sessions.0.lecturerId',
    ],
    [
      { code: 'NTĐ-04/2022', sessions: [{ date: '2022-03-14', part: 'morning', periods: 4, site: 'Xã Nam Cường' }] },
      'INPUT.INVALID',
      'sessions.0.site',
    ],
    [{ code: 'NTĐ-04/2022', endDate: '2022-03-13' }, 'INPUT.INVALID', 'endDate'],
    [{ code: 'NTĐ-04/2022', startDate: '31/02/2022' }, 'INPUT.INVALID', 'startDate'],
    [{ code: 'NTĐ-04/2022', capacity: -5 }, 'INPUT.INVALID', 'capacity'],
    [{ code: 'NTĐ-04/2022', venue: null }, 'INPUT.INVALID', 'venue'],
    [{ code: 'lop 4' }, 'INPUT.INVALID', 'code'],
  ];
  for (const [overrides, code, field] of cases) {
    const error = await expectDomainError(polcenter.classes.create(staff, awarenessClass(overrides)));
    assert.is(error.code, code, field);
    assert.ok(
      error.fields.some((f) => f.field === field),
      `${field}: ${JSON.stringify(error.fields)}`,
    );
    assert.ok(error.text.vi && error.text.en);
  }
  assert.equal(await Promise.all(tables.map(count)), before);
});

test('transition: legal moves are applied and recorded with who and when; illegal ones are refused', async () => {
  const cls = await polcenter.classes.create(staff, awarenessClass({ code: 'NTĐ-05/2022' }));
  const opened = await polcenter.classes.transition(staff, cls.id, 'open', cls.version);
  assert.is(opened.status, 'open');
  assert.is(opened.version, cls.version + 1);
  const stale = await expectDomainError(polcenter.classes.transition(head, cls.id, 'running', cls.version));
  assert.is(stale.code, 'CLASS.STALE');
  await polcenter.classes.transition(head, cls.id, 'running');
  const back = await expectDomainError(polcenter.classes.transition(head, cls.id, 'draft'));
  assert.is(back.code, 'CLASS.ILLEGAL_TRANSITION');
  assert.equal(back.details.from, 'running');
  // Nobody enrolled: finishing it anyway is said explicitly (class-update.test.ts has the refusal).
  await polcenter.classes.transition(head, cls.id, 'finished', undefined, { confirmEmpty: true });
  const cancel = await expectDomainError(polcenter.classes.transition(head, cls.id, 'cancelled'));
  assert.is(cancel.code, 'CLASS.ILLEGAL_TRANSITION');

  const history = await polcenter.classes.history(cls.id);
  assert.equal(
    history.map((h) => [h.from, h.to, h.actor.label]),
    [
      [null, 'draft', staff.label],
      ['draft', 'open', staff.label],
      ['open', 'running', head.label],
      ['running', 'finished', head.label],
    ],
  );
  assert.ok(history.every((h) => /^\d{4}-\d{2}-\d{2}T/.test(h.at)));
  assert.is(
    (await expectDomainError(polcenter.classes.transition(head, '00000000-0000-4000-8000-000000000000', 'open'))).code,
    'CLASS.NOT_FOUND',
  );
  assert.is(
    (await expectDomainError(polcenter.classes.transition(head, cls.id, 'archived' as never))).fields[0]?.field,
    'to',
  );
});

test('ten staff opening one class at once: one move applies, nine are refused, one audit row', async () => {
  const cls = await polcenter.classes.create(staff, awarenessClass({ code: 'NTĐ-06/2022' }));
  const results = await Promise.allSettled(
    Array.from({ length: 10 }, () => polcenter.classes.transition(staff, cls.id, 'open')),
  );
  assert.is(results.filter((r) => r.status === 'fulfilled').length, 1);
  assert.ok(
    results.every((r) => r.status === 'fulfilled' || (r.reason as DomainError).code === 'CLASS.ILLEGAL_TRANSITION'),
  );
  // Open and cancel racing: whichever comes second is judged against the first's result.
  const raced = await Promise.allSettled([
    polcenter.classes.transition(staff, cls.id, 'running'),
    polcenter.classes.transition(head, cls.id, 'cancelled'),
  ]);
  const history = await polcenter.classes.history(cls.id);
  assert.is(history.filter((h) => h.to === 'open').length, 1);
  assert.is(history.length, 2 + raced.filter((r) => r.status === 'fulfilled').length);
  const final = await polcenter.classes.get(cls.id);
  assert.is(final.version, history.length);
});

test('addSessions: within the class dates, clashing with nothing; the class row serialises two clerks', async () => {
  const cls = await polcenter.classes.create(staff, awarenessClass({ code: 'NTĐ-07/2022', sessions: [] }));
  const withMorning = await polcenter.classes.addSessions(staff, cls.id, [
    { date: '2022-03-16', part: 'morning', periods: 4 },
  ]);
  assert.is(withMorning.sessions.length, 1);
  const outside = await expectDomainError(
    polcenter.classes.addSessions(staff, cls.id, [
      { date: '2022-03-16', part: 'afternoon', periods: 4 },
      { date: '2022-03-20', part: 'morning', periods: 4 },
    ]),
  );
  assert.is(outside.code, 'INPUT.INVALID');
  assert.is(outside.fields[0]?.field, 'sessions.1.date');
  const clash = await expectDomainError(
    polcenter.classes.addSessions(staff, cls.id, [
      { date: '2022-03-16', startTime: '09:00', endTime: '10:00', periods: 1 },
    ]),
  );
  assert.is(clash.code, 'TIMETABLE.CLASH');
  const selfClash = await expectDomainError(
    polcenter.classes.addSessions(staff, cls.id, [
      { date: '2022-03-17', part: 'morning', periods: 4 },
      { date: '2022-03-17', startTime: '10:00', endTime: '12:00', periods: 2 },
    ]),
  );
  assert.is(selfClash.code, 'TIMETABLE.CLASH');

  const raced = await Promise.allSettled([
    polcenter.classes.addSessions(staff, cls.id, [{ date: '2022-03-18', part: 'morning', periods: 4 }]),
    polcenter.classes.addSessions(head, cls.id, [
      { date: '2022-03-18', startTime: '08:00', endTime: '09:30', periods: 2 },
    ]),
  ]);
  assert.is(raced.filter((r) => r.status === 'fulfilled').length, 1);
  assert.is((await polcenter.classes.get(cls.id)).sessions.length, 2);

  await polcenter.classes.transition(staff, cls.id, 'cancelled');
  const frozen = await expectDomainError(
    polcenter.classes.addSessions(staff, cls.id, [{ date: '2022-03-17', part: 'morning', periods: 4 }]),
  );
  assert.is(frozen.code, 'CLASS.NOT_EDITABLE');
});

test('catalog: open classes only, seats left, filters by program, organiser subtree and dates, paged', async () => {
  const conference = await polcenter.classes.create(staff, {
    code: 'NQ-09/2022',
    programId: nq.id,
    organiserUnitId: phuongVien,
    title: 'Học tập Nghị quyết Đại hội XIII',
    mode: 'online',
    onlineLink: 'https://hop.example.vn/private-room',
    sites: [
      { name: 'Điểm cầu xã Phương Viên', unitId: phuongVien },
      { name: 'Điểm cầu xã Nam Cường', unitId: namCuong },
    ],
    capacity: 300,
    startDate: '2022-04-05',
    endDate: '2022-04-05',
    sessions: [
      { date: '2022-04-05', part: 'morning', periods: 4, site: 'Điểm cầu xã Nam Cường', lecturerId: lecturer.id },
    ],
  });
  await polcenter.classes.transition(staff, conference.id, 'open');
  await polcenter.orm.em.fork().execute('UPDATE training_class SET seats_taken = 120 WHERE id = ?', [conference.id]);
  for (const [code, start] of [
    ['NTĐ-10/2022', '2022-05-09'],
    ['NTĐ-11/2022', '2022-06-06'],
    ['NTĐ-12/2022', '2022-09-12'],
  ] as const) {
    const end = `${start.slice(0, 8)}${String(Number(start.slice(8)) + 4).padStart(2, '0')}`;
    const cls = await polcenter.classes.create(
      staff,
      awarenessClass({
        code,
        startDate: start,
        endDate: end,
        enrolmentOpensOn: null,
        enrolmentClosesOn: null,
        sessions: [],
      }),
    );
    await polcenter.classes.transition(staff, cls.id, 'open');
  }

  // The demo's own open classes run after the day it was seeded; this test looks at 2022.
  const in2022 = { to: '2022-12-31' };
  const all = await polcenter.classes.catalog(in2022);
  assert.equal(
    all.items.map((c) => c.code),
    ['NQ-09/2022', 'NTĐ-10/2022', 'NTĐ-11/2022', 'NTĐ-12/2022'],
  );
  const entry = all.items[0];
  assert.is(entry?.seatsLeft, 180);
  assert.equal(entry?.sites, ['Điểm cầu xã Nam Cường', 'Điểm cầu xã Phương Viên']);
  const json = JSON.stringify(all);
  assert.not.ok(json.includes(lecturer.id) || json.includes('private-room') || json.includes('Lý Văn Thắng'));

  assert.equal(
    (await polcenter.classes.catalog({ programId: nq.id })).items.map((c) => c.code),
    ['NQ-09/2022'],
  );
  assert.equal(
    (await polcenter.classes.catalog({ organiserUnitId: phuongVien })).items.map((c) => c.code),
    ['NQ-09/2022'],
  );
  assert.equal(
    (await polcenter.classes.catalog({ organiserCode: '02050' })).items.map((c) => c.code),
    ['NQ-09/2022'],
  );
  const province = await unitIdByCode(polcenter.orm, '06');
  assert.is((await polcenter.classes.catalog({ organiserUnitId: province })).items.length, 4);
  assert.equal(
    (await polcenter.classes.catalog({ from: '2022-05-12', to: '2022-06-30' })).items.map((c) => c.code),
    ['NTĐ-10/2022', 'NTĐ-11/2022'],
  );

  // Filters a visitor picks on the portal: program code, mode (hybrid counts as both) and words,
  // diacritics and case ignored, each starting a word of the code, title, program, venue or organiser.
  const codes = async (filter: Parameters<typeof polcenter.classes.catalog>[0]) =>
    (await polcenter.classes.catalog({ ...in2022, ...filter })).items.map((c) => c.code);
  assert.equal(await codes({ programCode: 'NQ' }), ['NQ-09/2022']);
  assert.equal(await codes({ mode: 'online' }), ['NQ-09/2022']);
  assert.equal(await codes({ mode: 'in_person' }), ['NTĐ-10/2022', 'NTĐ-11/2022', 'NTĐ-12/2022']);
  assert.equal(await codes({ search: 'nghi quyet XIII' }), ['NQ-09/2022']);
  assert.equal(await codes({ search: 'HỘI TRƯỜNG chợ don' }), ['NTĐ-10/2022', 'NTĐ-11/2022', 'NTĐ-12/2022']);
  assert.equal(await codes({ search: 'uong' }), [], 'words match from their start only');
  assert.equal(await codes({ search: '%' }), [], 'LIKE wildcards are plain characters');
  // A code that names nothing is a typo, said with the code, in its field.
  const unknownUnit = await expectDomainError(polcenter.classes.catalog({ organiserCode: 'XYZ' }));
  assert.is(unknownUnit.code, 'UNIT.NOT_FOUND');
  assert.equal(unknownUnit.fields[0], {
    field: 'organiserCode',
    message: { vi: 'Không tìm thấy đơn vị mã "XYZ".', en: 'No unit has the code "XYZ".' },
  });
  assert.is(
    (await expectDomainError(polcenter.classes.catalog({ programCode: 'ZZ' }))).fields[0]?.field,
    'programCode',
  );

  const first = await polcenter.classes.catalog({ ...in2022, limit: 3 });
  assert.is(first.items.length, 3);
  const rest = await polcenter.classes.catalog({ ...in2022, limit: 3, cursor: first.nextCursor ?? '' });
  assert.equal(
    rest.items.map((c) => c.code),
    ['NTĐ-12/2022'],
  );
  assert.is(rest.nextCursor, null);

  assert.is(
    (await expectDomainError(polcenter.classes.catalog({ from: '2022-06-01', to: '2022-05-01' }))).fields[0]?.field,
    'to',
  );
  assert.is((await expectDomainError(polcenter.classes.catalog({ limit: 101 }))).fields[0]?.field, 'limit');
  const doctored = Buffer.from(JSON.stringify(['2022-01-01', 'x', "'; DROP TABLE unit; --"])).toString('base64url');
  assert.is((await expectDomainError(polcenter.classes.catalog({ cursor: doctored }))).fields[0]?.field, 'cursor');
});

test('catalog search folds Vietnamese in SQL exactly as foldDiacritics does', async () => {
  const { from, to } = vietnameseFold();
  const [row] = await polcenter.orm.em
    .fork()
    .execute<{ folded: string }[]>('SELECT lower(translate(?, ?, ?)) AS folded', [from, from, to]);
  assert.is(row?.folded, foldDiacritics(from).replaceAll(' ', ''));
  assert.is(from.length, 134, 'every precomposed Vietnamese letter, both cases, and đ/Đ');
});

test.run();
