import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import type { Role } from '@polcenter/domain';
import { TRPCError } from '@trpc/server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextInner } from './context';
import { appRouter, createCaller } from './root';

/**
 * The authorization matrix: every procedure that takes the id of something that belongs to a unit,
 * called by every kind of caller, on an object of their own unit and of another. A coordinator of
 * Phương Viên may touch Phương Viên's records and nothing of Đồng Lạc; the district center's staff
 * everything in Chợ Đồn and nothing outside it; the public nothing at all.
 */
const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const unit = async (code: string) => (await polcenter.units.findByCode(code))?.id as string;
const [district, phuongVien, dongLac, outside] = await Promise.all([
  unit('064'),
  unit('02050'),
  unit('02029'),
  unit('TN-CHODON'),
]);

type Caller = 'admin' | 'center' | 'coordinator' | 'lecturer' | 'propaganda' | 'public';
const grants: Record<Exclude<Caller, 'public'>, { role: Role; unitId: string | null }> = {
  admin: { role: 'admin', unitId: null },
  center: { role: 'center_staff', unitId: district },
  coordinator: { role: 'unit_coordinator', unitId: phuongVien },
  lecturer: { role: 'lecturer', unitId: district },
  propaganda: { role: 'propaganda_staff', unitId: district },
};
const callers = {} as Record<Caller, ReturnType<typeof createCaller>>;
for (const [name, grant] of Object.entries(grants)) {
  const principal = await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: name,
    displayName: name,
    password: 'a long test password',
    roles: [grant],
  });
  callers[name as Caller] = createCaller(createContextInner({ polcenter, principal }));
}
callers.public = createCaller(createContextInner({ polcenter }));

/** The objects each test acts on: one per unit, so "own" and "other" are concrete rows. */
type Where = 'phuongVien' | 'dongLac' | 'outside';
const unitOf: Record<Where, string> = { phuongVien, dongLac, outside };
const person = {} as Record<Where, string>;
const klass = {} as Record<Where, string>;
const session = {} as Record<Where, string>;
const briefing = {} as Record<Where, string>;
const opinion = {} as Record<Where, string>;
const sensitive = {} as Record<Where, string>;
const roster = {} as Record<Where, string>;
const decision = {} as Record<Where, string[]>;
const enrolment = {} as Record<Where, string>;
const certificate = {} as Record<Where, string>;
const program = await polcenter.programs.getByCode('CNKT');
let sequence = 0;
for (const where of Object.keys(unitOf) as Where[]) {
  person[where] = (
    await polcenter.people.create(SYSTEM_ACTOR, {
      fullName: `Hoàng Văn ${where}`,
      birthDate: '1990-05-01',
      gender: 'male',
      ethnicity: 'tay',
      unitId: unitOf[where],
    })
  ).id;
  klass[where] = (
    await polcenter.classes.create(SYSTEM_ACTOR, {
      code: `CNKT-${String(++sequence).padStart(2, '0')}/2030`,
      programId: program.id,
      organiserUnitId: unitOf[where],
      mode: 'in_person',
      venue: 'Hội trường',
      capacity: 40,
      startDate: '2022-09-12',
      endDate: '2022-09-13',
      sessions: [{ date: '2022-09-12', part: 'morning', periods: 4 }],
    })
  ).id;
  session[where] = (await polcenter.classes.get(klass[where])).sessions[0]?.id as string;
  await polcenter.classes.transition(SYSTEM_ACTOR, klass[where], 'open');
  enrolment[where] = (
    await polcenter.enrolment.request(SYSTEM_ACTOR, { classId: klass[where], personId: person[where] })
  ).id;
  // A certificate row as a fixture: issuing needs a finished class and a pass, which is not what this test is about.
  certificate[where] = (
    await polcenter.orm.em.fork().execute<{ id: string }[]>(
      `INSERT INTO certificate (id, enrolment_id, issuer_unit_id, year, number, number_text, verification_code, issued_on)
       VALUES (gen_random_uuid(), ?, ?, 2030, ?, ?, ?, '2030-01-01') RETURNING id`,
      [enrolment[where], unitOf[where], sequence, `${sequence}/GCN-TEST`, `TEST${String(sequence).padStart(8, '0')}`],
    )
  )[0]?.id as string;
  briefing[where] = (
    await polcenter.activities.recordBriefing(SYSTEM_ACTOR, {
      date: '2022-09-20',
      unitId: unitOf[where],
      topic: 'Phòng chống thiên tai',
      audienceSize: 45,
      presenterIds: [person[where]],
    })
  ).id;
  const report = (sensitivity: 'routine' | 'sensitive') =>
    polcenter.activities.recordOpinionReport(SYSTEM_ACTOR, {
      date: '2022-09-21',
      unitId: unitOf[where],
      topic: 'Giá phân bón',
      summary: 'Bà con phản ánh giá phân bón tăng.',
      sensitivity,
      reporterIds: [person[where]],
    });
  opinion[where] = (await report('routine')).id;
  sensitive[where] = (await report('sensitive')).id;
  roster[where] = (
    await polcenter.rosters.create(SYSTEM_ACTOR, {
      level: 'grassroots',
      ownerUnitId: unitOf[where],
      termStartYear: 2030,
      termEndYear: 2035,
    })
  ).id;
  decision[where] = [];
  for (let n = 0; n < 8; n++) {
    decision[where].push(
      (
        await polcenter.rosters.recordDecision(SYSTEM_ACTOR, {
          rosterId: roster[where],
          number: `${n + 1}-QĐ/${where}`,
          date: `2031-0${n + 1}-01`,
          signer: 'Bí thư Đảng uỷ',
          kind: n === 0 ? 'establish' : n % 2 ? 'remove' : 'add',
          items: [{ personId: person[where], fields: ['party_building'] }],
        })
      ).id,
    );
  }
}
/** Each annul in the matrix annuls a decision of its own (annulling one twice is a conflict). */
const annulled = { phuongVien: 0, dongLac: 0, outside: 0 };
/** Which units each caller's role reaches, for the records this matrix covers. */
const reach: Record<Caller, Where[]> = {
  admin: ['phuongVien', 'dongLac', 'outside'],
  center: ['phuongVien', 'dongLac'],
  coordinator: ['phuongVien'],
  lecturer: ['phuongVien', 'dongLac'],
  propaganda: ['phuongVien', 'dongLac'],
  public: [],
};

interface Row {
  readonly procedure: string;
  /** Roles allowed at all (admins always are). */
  readonly roles: readonly Caller[];
  call(api: ReturnType<typeof createCaller>, where: Where): Promise<unknown>;
}

const MATRIX: Row[] = [
  {
    procedure: 'people.get',
    roles: ['center', 'coordinator', 'propaganda'],
    call: (api, w) => api.people.get({ id: person[w] }),
  },
  {
    procedure: 'people.getFull',
    roles: ['center', 'coordinator', 'propaganda'],
    call: (api, w) => api.people.getFull({ id: person[w] }),
  },
  {
    procedure: 'people.update',
    roles: ['center', 'coordinator', 'propaganda'],
    call: async (api, w) => {
      const current = await polcenter.people.get(person[w]);
      return api.people.update({ id: person[w], version: current.version, patch: { position: 'Bí thư chi bộ' } });
    },
  },
  {
    procedure: 'people.search',
    roles: ['center', 'coordinator', 'propaganda'],
    call: (api, w) => api.people.search({ unitId: unitOf[w] }),
  },
  {
    procedure: 'people.create',
    roles: ['center', 'coordinator', 'propaganda'],
    call: (api, w) =>
      api.people.create({
        fullName: `Triệu Thị ${w} ${++sequence}`.replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)] ?? ''),
        birthDate: '1992-02-02',
        gender: 'female',
        ethnicity: 'dao',
        unitId: unitOf[w],
      }),
  },
  {
    procedure: 'classes.create',
    roles: ['center'],
    call: (api, w) =>
      api.classes.create({
        code: `CNKT-${String(++sequence).padStart(2, '0')}/2030`,
        programId: program.id,
        organiserUnitId: unitOf[w],
        mode: 'in_person',
        venue: 'Hội trường',
        capacity: 40,
        startDate: '2022-10-03',
        endDate: '2022-10-04',
      }),
  },
  {
    procedure: 'classes.transition',
    roles: ['center'],
    call: (api, w) => api.classes.transition({ classId: klass[w], to: 'open' }),
  },
  {
    procedure: 'classes.addSessions',
    roles: ['center'],
    call: (api, w) =>
      api.classes.addSessions({
        classId: klass[w],
        sessions: [{ date: '2022-09-12', part: 'morning', periods: 4 }],
      }),
  },
  {
    procedure: 'activities.recordBriefing',
    roles: ['coordinator', 'lecturer', 'propaganda'],
    call: (api, w) =>
      api.activities.recordBriefing({
        date: '2022-10-01',
        unitId: unitOf[w],
        topic: 'Chuyển đổi số',
        audienceSize: 30,
        presenterIds: [person[w]],
      }),
  },
  {
    procedure: 'activities.briefings',
    roles: ['center', 'coordinator', 'lecturer', 'propaganda'],
    call: (api, w) => api.activities.briefings({ from: '2022-01-01', to: '2022-12-31', unitId: unitOf[w] }),
  },
  {
    procedure: 'activities.recordOpinionReport',
    roles: ['coordinator', 'lecturer', 'propaganda'],
    call: (api, w) =>
      api.activities.recordOpinionReport({
        date: '2022-10-02',
        unitId: unitOf[w],
        topic: 'Đường giao thông',
        summary: 'Đề nghị sửa đường.',
        reporterIds: [person[w]],
      }),
  },
  {
    procedure: 'activities.opinionReports',
    roles: ['center', 'coordinator', 'lecturer', 'propaganda'],
    call: (api, w) => api.activities.opinionReports({ from: '2022-01-01', to: '2022-12-31', unitId: unitOf[w] }),
  },
  {
    procedure: 'activities.opinionReport',
    roles: ['center', 'coordinator', 'lecturer', 'propaganda'],
    call: (api, w) => api.activities.opinionReport({ id: opinion[w] }),
  },
  {
    procedure: 'activities.updateOpinionReport',
    roles: ['propaganda'],
    call: (api, w) => api.activities.updateOpinionReport({ id: opinion[w], status: 'closed' }),
  },
  {
    procedure: 'assignments.assign',
    roles: ['center'],
    call: (api, w) => api.assignments.assign({ sessionId: session[w], personId: person[w] }),
  },
  {
    procedure: 'assignments.unassign',
    roles: ['center'],
    call: async (api, w) => {
      const [assignment] = await polcenter.assignments.ofSession(session[w]);
      return api.assignments.unassign({ id: assignment?.id ?? unitOf[w], sessionId: session[w] });
    },
  },
  {
    procedure: 'rosters.create',
    roles: ['propaganda'],
    call: (api, w) =>
      api.rosters.create({
        level: 'commune',
        ownerUnitId: unitOf[w],
        termStartYear: 2026,
        termEndYear: 2030 + ++sequence,
      }),
  },
  {
    procedure: 'rosters.at',
    roles: ['center', 'coordinator', 'propaganda'],
    call: (api, w) => api.rosters.at({ rosterId: roster[w], date: '2031-06-01' }),
  },
  {
    procedure: 'rosters.rostersOf',
    roles: ['center', 'coordinator', 'propaganda'],
    call: (api, w) => api.rosters.rostersOf({ personId: person[w], date: '2022-06-01' }),
  },
  {
    procedure: 'rosters.decisions',
    roles: ['center', 'coordinator', 'propaganda'],
    call: (api, w) => api.rosters.decisions({ id: roster[w] }),
  },
  {
    procedure: 'rosters.recordDecision',
    roles: ['propaganda'],
    call: (api, w) =>
      api.rosters.recordDecision({
        rosterId: roster[w],
        number: `${++sequence}-QĐ/TT`,
        date: '2031-12-01',
        signer: 'Bí thư',
        kind: 'add',
        items: [{ personId: person[w], fields: ['law'] }],
      }),
  },
  {
    procedure: 'rosters.annul',
    roles: ['propaganda'],
    call: (api, w) =>
      api.rosters.annul({
        decisionId: decision[w][1 + (annulled[w]++ % 7)] as string,
        number: `${++sequence}-QĐ/HUY`,
        date: '2031-12-15',
        signer: 'Bí thư',
      }),
  },
  {
    procedure: 'enrolment.nominate',
    roles: ['center', 'coordinator'],
    call: (api, w) => api.enrolment.nominate({ classId: klass[w], unitId: unitOf[w], personIds: [person[w]] }),
  },
  {
    procedure: 'enrolment.request',
    roles: ['center', 'coordinator'],
    call: (api, w) => api.enrolment.request({ classId: klass[w], personId: person[w] }),
  },
  {
    procedure: 'enrolment.approve',
    roles: ['center'],
    call: (api, w) => api.enrolment.approve({ enrolmentId: enrolment[w] }),
  },
  {
    procedure: 'enrolment.waitlist',
    roles: ['center'],
    call: (api, w) => api.enrolment.waitlist({ enrolmentId: enrolment[w] }),
  },
  {
    procedure: 'enrolment.promote',
    roles: ['center'],
    call: (api, w) => api.enrolment.promote({ classId: klass[w] }),
  },
  {
    procedure: 'enrolment.reject',
    roles: ['center'],
    call: (api, w) => api.enrolment.reject({ enrolmentId: enrolment[w], reason: 'Không đủ điều kiện' }),
  },
  {
    procedure: 'enrolment.withdraw',
    roles: ['center', 'coordinator'],
    call: (api, w) => api.enrolment.withdraw({ enrolmentId: enrolment[w] }),
  },
  {
    procedure: 'enrolment.get',
    roles: ['center', 'coordinator'],
    call: (api, w) => api.enrolment.get({ id: enrolment[w] }),
  },
  {
    procedure: 'enrolment.listForClass',
    roles: ['center'],
    call: (api, w) => api.enrolment.listForClass({ classId: klass[w] }),
  },
  {
    procedure: 'enrolment.listForPerson',
    roles: ['center', 'coordinator'],
    call: (api, w) => api.enrolment.listForPerson({ personId: person[w] }),
  },
  {
    procedure: 'attendance.recordSheet',
    roles: ['center'],
    call: (api, w) =>
      api.attendance.recordSheet({ sessionId: session[w], marks: [{ enrolmentId: enrolment[w], mark: 'present' }] }),
  },
  {
    procedure: 'attendance.recordMark',
    roles: ['center'],
    call: (api, w) => api.attendance.recordMark({ sessionId: session[w], enrolmentId: enrolment[w], mark: 'excused' }),
  },
  {
    procedure: 'attendance.sheet',
    roles: ['center'],
    call: (api, w) => api.attendance.sheet({ sessionId: session[w] }),
  },
  {
    procedure: 'results.recordScores',
    roles: ['center'],
    call: (api, w) =>
      api.results.recordScores({ enrolmentId: enrolment[w], scores: [{ label: 'Bài thu hoạch', value: 8 }] }),
  },
  {
    procedure: 'results.scores',
    roles: ['center'],
    call: (api, w) => api.results.scores({ enrolmentId: enrolment[w] }),
  },
  {
    procedure: 'results.computeForClass',
    roles: ['center'],
    call: (api, w) => api.results.computeForClass({ classId: klass[w] }),
  },
  {
    procedure: 'certificates.issue',
    roles: ['center'],
    call: (api, w) => api.certificates.issue({ enrolmentId: enrolment[w] }),
  },
  {
    procedure: 'certificates.issueForClass',
    roles: ['center'],
    call: (api, w) => api.certificates.issueForClass({ classId: klass[w] }),
  },
  {
    procedure: 'certificates.revoke',
    roles: ['center'],
    call: (api, w) => api.certificates.revoke({ certificateId: certificate[w], reason: 'Cấp nhầm người' }),
  },
  { procedure: 'certificates.get', roles: ['center'], call: (api, w) => api.certificates.get({ id: certificate[w] }) },
  {
    procedure: 'certificates.printable',
    roles: ['center'],
    call: (api, w) => api.certificates.printable({ id: certificate[w] }),
  },
  {
    procedure: 'certificates.printPage',
    roles: ['center'],
    call: (api, w) => api.certificates.printPage({ id: certificate[w] }),
  },
  {
    procedure: 'certificates.listForClass',
    roles: ['center'],
    call: (api, w) => api.certificates.listForClass({ classId: klass[w] }),
  },
  {
    procedure: 'obligations.shortfalls',
    roles: ['center', 'coordinator', 'propaganda'],
    call: (api, w) => api.obligations.shortfalls({ year: 2022, unitId: unitOf[w] }),
  },
];

/** Procedures that take an id but are public by design (reference data, the open catalog). */
const PUBLIC_BY_DESIGN = new Set([
  'units.get',
  'units.links',
  'units.successors',
  'units.rollUp',
  'units.list',
  'programs.get',
  'classes.timetable',
  'classes.catalog',
  'enrolment.register',
  'certificates.verify',
]);
/** Procedures on records with no unit (signed-in staff read the class itself, a roster's header). */
const ANY_SIGNED_IN = new Set(['classes.get', 'classes.history', 'rosters.get', 'assignments.ofSession']);
/**
 * The district propaganda department's own business, not a unit's: conferences, contests,
 * workload. Role-checked (staff read, the department writes), tested below.
 */
const DEPARTMENT_WIDE: Record<
  string,
  { roles: readonly Caller[]; call: (api: ReturnType<typeof createCaller>) => Promise<unknown> }
> = {
  'activities.createConference': {
    roles: ['propaganda'],
    call: (api) =>
      api.activities.createConference({ date: '2022-11-10', title: 'Hội nghị báo cáo viên tháng 11' } as never),
  },
  'activities.recordAttendance': {
    roles: ['propaganda'],
    call: (api) => api.activities.recordAttendance({ conferenceId: unitOf.outside, attendance: [] } as never),
  },
  'activities.conferences': {
    roles: ['center', 'coordinator', 'lecturer', 'propaganda'],
    call: (api) => api.activities.conferences({ from: '2022-01-01', to: '2022-12-31' }),
  },
  'activities.conference': {
    roles: ['center', 'coordinator', 'lecturer', 'propaganda'],
    call: (api) => api.activities.conference({ id: unitOf.outside }),
  },
  'activities.addEntrant': { roles: ['propaganda'], call: (api) => api.activities.addEntrant({} as never) },
  'activities.recordScores': { roles: ['propaganda'], call: (api) => api.activities.recordScores({} as never) },
  'activities.finaliseContest': {
    roles: ['propaganda'],
    call: (api) => api.activities.finaliseContest({ id: unitOf.outside }),
  },
  'activities.contest': {
    roles: ['center', 'coordinator', 'lecturer', 'propaganda'],
    call: (api) => api.activities.contest({ id: unitOf.outside }),
  },
  'activities.workload': {
    roles: ['center', 'propaganda'],
    call: (api) => api.activities.workload({ from: '2022-01-01', to: '2022-12-31' }),
  },
  'audit.list': { roles: [], call: (api) => api.audit.list({ entity: 'person' }) },
};
/**
 * Staff-wide by design: a duplicate check must find the person whichever unit holds them, or the
 * district ends up with two records of one person. It answers with masked records only.
 */
const STAFF_WIDE = new Set(['people.findDuplicates']);
/** Reference data only administrators change. */
const ADMIN_ONLY: Record<string, (api: ReturnType<typeof createCaller>) => Promise<unknown>> = {
  'units.create': (api) =>
    api.units.create({ code: 'TEST-01', name: 'Thôn Thử', level: 'village', parentId: phuongVien }),
  'units.link': (api) =>
    api.units.link({
      kind: 'rename',
      predecessorIds: [phuongVien],
      successorIds: [dongLac],
      effectiveOn: '2030-01-01',
    }),
};

const outcome = async (row: Row, caller: Caller, where: Where): Promise<string> => {
  try {
    await row.call(callers[caller], where);
    return 'allowed';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    // Any refusal other than authorization (a conflict, a stale version) means the call got through.
    return error.code === 'FORBIDDEN' || error.code === 'UNAUTHORIZED' ? error.code : 'allowed';
  }
};

for (const row of MATRIX) {
  test(`${row.procedure}: role × own/other unit`, async () => {
    const problems: string[] = [];
    for (const caller of Object.keys(callers) as Caller[]) {
      for (const where of Object.keys(unitOf) as Where[]) {
        const expected =
          caller === 'public'
            ? 'UNAUTHORIZED'
            : (caller === 'admin' || row.roles.includes(caller)) && reach[caller].includes(where)
              ? 'allowed'
              : 'FORBIDDEN';
        const actual = await outcome(row, caller, where);
        if (actual !== expected) problems.push(`${caller} on ${where}: expected ${expected}, got ${actual}`);
      }
    }
    assert.equal(problems, []);
  });
}

test('every procedure whose input names a record is in the matrix or public by design', () => {
  const covered = new Set([
    ...MATRIX.map((r) => r.procedure),
    ...PUBLIC_BY_DESIGN,
    ...ANY_SIGNED_IN,
    ...STAFF_WIDE,
    ...Object.keys(ADMIN_ONLY),
    ...Object.keys(DEPARTMENT_WIDE),
  ]);
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>;
  const takingIds = Object.entries(procedures)
    .filter(([, procedure]) =>
      procedure._def.inputs.some((input) => inputKeys(input).some((k) => /^(id|[a-z]+Ids?)$/.test(k))),
    )
    .map(([name]) => name);
  assert.equal(
    takingIds.filter((name) => !covered.has(name)),
    [],
  );
});

/** The field names of a zod input, looking through objects, intersections, pipes and defaults. */
function inputKeys(schema: unknown, depth = 0): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  if (!def || depth > 6) return [];
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return [
    ...(shape ? Object.keys(shape) : []),
    ...['left', 'right', 'in', 'innerType', 'schema'].flatMap((key) => inputKeys(def[key], depth + 1)),
  ];
}

test('reference data: only administrators may change it', async () => {
  for (const [procedure, call] of Object.entries(ADMIN_ONLY)) {
    for (const caller of ['center', 'coordinator', 'lecturer', 'propaganda', 'public'] as const) {
      const error = await call(callers[caller]).catch((e: unknown) => e);
      assert.instance(error, TRPCError, `${procedure} by ${caller}`);
      assert.ok(['FORBIDDEN', 'UNAUTHORIZED'].includes((error as TRPCError).code), `${procedure} by ${caller}`);
    }
  }
});

test('department-wide procedures: the right roles get through, others are refused', async () => {
  const problems: string[] = [];
  for (const [procedure, { roles, call }] of Object.entries(DEPARTMENT_WIDE)) {
    for (const caller of Object.keys(callers) as Caller[]) {
      const expected =
        caller === 'public' ? 'UNAUTHORIZED' : caller === 'admin' || roles.includes(caller) ? 'allowed' : 'FORBIDDEN';
      const actual = await call(callers[caller]).then(
        () => 'allowed',
        (error: unknown) =>
          error instanceof TRPCError && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHORIZED')
            ? error.code
            : 'allowed',
      );
      if (actual !== expected) problems.push(`${procedure} by ${caller}: expected ${expected}, got ${actual}`);
    }
  }
  assert.equal(problems, []);
});

test('sensitive opinion reports are for the propaganda department only', async () => {
  const own = { id: sensitive.phuongVien };
  assert.is((await callers.propaganda.activities.opinionReport(own)).sensitivity, 'sensitive');
  const refused = await callers.coordinator.activities.opinionReport(own).catch((e: unknown) => e);
  assert.is((refused as TRPCError).code, 'FORBIDDEN');
  const range = { from: '2022-01-01', to: '2022-12-31', unitId: phuongVien };
  const seen = (await callers.coordinator.activities.opinionReports(range)).items.map((r) => r.id);
  assert.ok(seen.includes(opinion.phuongVien));
  assert.not.ok(seen.includes(sensitive.phuongVien));
  assert.ok(
    (await callers.propaganda.activities.opinionReports(range)).items.some((r) => r.id === sensitive.phuongVien),
  );
});

test('the public roster shows names, fields and positions only', async () => {
  const district = await callers.public.rosters.public({ ownerUnitCode: '064', level: 'district', date: '2022-10-15' });
  assert.ok(district.members.length > 0);
  assert.equal(Object.keys(district.members[0] ?? {}).sort(), ['fields', 'fullName', 'position', 'unitName']);
});

test('the public sees no personal data anywhere it can reach', async () => {
  const catalog = JSON.stringify(await callers.public.classes.catalog({}));
  const timetable = JSON.stringify(await callers.public.classes.timetable({ id: klass.phuongVien }));
  const [demo] = await polcenter.orm.em
    .fork()
    .execute<{ verification_code: string }[]>(
      "SELECT verification_code FROM certificate WHERE number_text = '1/GCN-TTCT'",
    );
  const verified = await callers.public.certificates.verify({ code: demo?.verification_code as string });
  assert.ok(verified.valid);
  const roster = JSON.stringify(await callers.public.rosters.public({ ownerUnitCode: '064', level: 'district' }));
  const report = await callers.public.reports.training({ from: '2022-01-01', to: '2022-12-31', organiserCode: '064' });
  assert.ok(report.trainees > 0);
  for (const text of [catalog, timetable, JSON.stringify(verified), roster, JSON.stringify(report)]) {
    assert.not.match(text, /nationalId|phone|birthDate|lecturerId|onlineLink/);
  }
});

test.run();
