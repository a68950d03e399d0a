import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import type { Role } from '@polcenter/domain';
import { TRPCError } from '@trpc/server';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createContextInner } from './context.js';
import { appRouter, createCaller } from './root.js';

/**
 * The authorization matrix: every id a procedure takes, called by every kind of caller, on an
 * object of their own unit and of another. A coordinator of Phương Viên may touch Phương Viên's
 * records and nothing of Đồng Lạc; the district's staff everything in Chợ Đồn and nothing outside
 * it; a commune's propaganda officer or center staff their commune, never the district's own
 * business; the public nothing at all. Every id-bearing field of every input is listed in
 * `ID_FIELDS` with how it is covered, and the matrix exercises each checked one — the second ids
 * (a transfer's target roster, a briefing's presenters…) one at a time against another unit.
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

type Caller =
  | 'admin'
  | 'center'
  | 'coordinator'
  | 'lecturer'
  | 'propaganda'
  | 'communeCenter'
  | 'communePropaganda'
  | 'public';
type Staff = Exclude<Caller, 'public'>;
const grants: Record<Staff, { role: Role; unitId: string | null }> = {
  admin: { role: 'admin', unitId: null },
  center: { role: 'center_staff', unitId: district },
  coordinator: { role: 'unit_coordinator', unitId: phuongVien },
  lecturer: { role: 'lecturer', unitId: district },
  propaganda: { role: 'propaganda_staff', unitId: district },
  communeCenter: { role: 'center_staff', unitId: phuongVien },
  communePropaganda: { role: 'propaganda_staff', unitId: phuongVien },
};
type Api = ReturnType<typeof createCaller>;
const callers = {} as Record<Caller, Api>;
for (const [name, grant] of Object.entries(grants)) {
  const principal = await polcenter.auth.createUser(SYSTEM_ACTOR, {
    username: name.toLowerCase(),
    displayName: name,
    password: 'a long test password',
    roles: [grant],
  });
  callers[name as Caller] = createCaller(createContextInner({ polcenter, principal }));
}
callers.public = createCaller(createContextInner({ polcenter }));
const CALLERS = Object.keys(callers) as Caller[];

/** The objects each test acts on: one per unit, so "own" and "other" are concrete rows. */
type Where = 'district' | 'phuongVien' | 'dongLac' | 'outside';
const unitOf: Record<Where, string> = { district, phuongVien, dongLac, outside };
const WHERES = Object.keys(unitOf) as Where[];
/** Which units each caller may act on: their role's unit and those below it. */
const reach: Record<Caller, Where[]> = {
  admin: WHERES,
  center: ['district', 'phuongVien', 'dongLac'],
  coordinator: ['phuongVien'],
  lecturer: ['district', 'phuongVien', 'dongLac'],
  propaganda: ['district', 'phuongVien', 'dongLac'],
  communeCenter: ['phuongVien'],
  communePropaganda: ['phuongVien'],
  public: [],
};
/** Whose conferences and contests each caller may read: their units', and the units' above them. */
const line: Record<Caller, Where[]> = {
  ...reach,
  coordinator: ['district', 'phuongVien'],
  communeCenter: ['district', 'phuongVien'],
  communePropaganda: ['district', 'phuongVien'],
};

type Ids = Record<Where, string>;
const ids = (): Ids => ({}) as Ids;
const person = ids();
/** A second person of each unit, moved to another unit and back by the `patch.unitId` rows. */
const mover = ids();
/** A member of each unit's roster, for transfers out of it. */
const member = ids();
const klass = ids();
const session = ids();
const briefing = ids();
const opinion = ids();
const sensitive = ids();
const roster = ids();
const decision = {} as Record<Where, string[]>;
const enrolment = ids();
const certificate = ids();
const conference = ids();
const contest = ids();
/** A rule of each unit's own, which its propaganda staff (and those above) may correct. */
const obligation = ids();
/** A plan target and a propaganda output tally of each unit's own, which its center and propaganda staff correct. */
const planTarget = ids();
const outputTally = ids();
const entrant = ids();
/** A program of each unit's own, which its center staff (and those above) may edit. */
const ownProgram = ids();
const program = await polcenter.programs.getByCode('CNKT');
const sessionVersion = async (id: string) =>
  (
    await polcenter.orm.em.fork().execute<{ version: number }[]>('SELECT version FROM class_session WHERE id = ?', [id])
  )[0]?.version ?? 1;
let sequence = 0;
const newPerson = async (name: string, unitId: string) =>
  (
    await polcenter.people.create(SYSTEM_ACTOR, {
      fullName: name,
      birthDate: '1990-05-01',
      gender: 'male',
      ethnicity: 'tay',
      unitId,
    })
  ).id;
const letters = (n: number) => String(n).replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)] ?? '');
for (const where of WHERES) {
  person[where] = await newPerson(`Hoàng Văn ${where}`, unitOf[where]);
  mover[where] = await newPerson(`Nông Văn ${where}`, unitOf[where]);
  member[where] = await newPerson(`Lường Văn ${where}`, unitOf[where]);
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
          items: [
            { personId: person[where], fields: ['party_building'] },
            ...(n === 0 ? [{ personId: member[where], fields: ['law' as const] }] : []),
          ],
        })
      ).id,
    );
  }
  conference[where] = (
    await polcenter.activities.createConference(SYSTEM_ACTOR, {
      date: '2022-11-10',
      title: `Hội nghị báo cáo viên ${where}`,
      ownerUnitId: unitOf[where],
      rosterId: roster[where],
    })
  ).id;
  obligation[where] = (
    await polcenter.obligations.define(SYSTEM_ACTOR, {
      code: `RULE-${where}`,
      ownerUnitId: unitOf[where],
      kind: 'opinion_reports',
      minimum: 2,
      name: { vi: 'Ít nhất 2 báo cáo dư luận', en: 'At least 2 opinion reports' },
    })
  ).id;
  planTarget[where] = (
    await polcenter.plans.set(SYSTEM_ACTOR, { unitId: unitOf[where], year: 2022, measure: 'classes', target: 4 })
  ).id;
  outputTally[where] = (
    await polcenter.propagandaOutput.record(SYSTEM_ACTOR, {
      unitId: unitOf[where],
      from: '2022-01-01',
      to: '2022-12-31',
      kind: 'news',
      count: 10,
    })
  ).id;
  contest[where] = (
    await polcenter.activities.createContest(SYSTEM_ACTOR, {
      title: `Hội thi báo cáo viên giỏi ${where}`,
      ownerUnitId: unitOf[where],
      heldOn: '2022-08-18',
    })
  ).id;
  await polcenter.activities.setJudges(SYSTEM_ACTOR, { contestId: contest[where], judgeIds: [person[where]] });
  entrant[where] = (
    await polcenter.activities.addEntrant(SYSTEM_ACTOR, {
      contestId: contest[where],
      personId: person[where],
      category: 'thematic',
      topic: 'Chuyển đổi số',
    })
  ).id;
}
for (const where of WHERES)
  ownProgram[where] = (await polcenter.programs.create(SYSTEM_ACTOR, programOf(unitOf[where]))).id;
/** Each annul in the matrix annuls a decision of its own (annulling one twice is a conflict). */
const annulled = { district: 0, phuongVien: 0, dongLac: 0, outside: 0 };

const STAFF: Role[] = ['center_staff', 'unit_coordinator', 'propaganda_staff'];
const ACTIVITY_STAFF: Role[] = ['center_staff', 'unit_coordinator', 'lecturer', 'propaganda_staff'];
const LOGGERS: Role[] = ['unit_coordinator', 'lecturer', 'propaganda_staff'];
const ALL_STAFF: Role[] = ['center_staff', 'unit_coordinator', 'lecturer', 'propaganda_staff'];

interface Row {
  readonly procedure: string;
  /** Roles allowed at all (admins always are). */
  readonly roles: readonly Role[];
  /** The input fields `call` points at the unit under test. */
  readonly ids: readonly string[];
  /** A read of a unit's own business: allowed on the caller's line (their units and those above). */
  readonly line?: boolean;
  /**
   * Everything of one class (`assertClassAccess`): off the caller's line the class is hidden, and
   * the answer is the not-found of an id of no class (404), never a 403 that tells it exists.
   */
  readonly classScoped?: boolean;
  call(api: Api, where: Where): Promise<unknown>;
  /**
   * Per further id field: a call whose other ids stay in the caller's unit (`own`) while this one
   * field points at `other`. Allowed only when the caller may act on both.
   */
  readonly second?: Readonly<Record<string, (api: Api, own: Where, other: Where) => Promise<unknown>>>;
  /** Whether a `second` call is allowed, when not simply "the caller may act on `other` too". */
  readonly secondAllowed?: (caller: Caller, own: Where, other: Where) => boolean;
}

/** Whether `inner`'s unit lies within `outer`'s (Phương Viên and Đồng Lạc are communes of the district). */
const within = (inner: Where, outer: Where) =>
  inner === outer || (outer === 'district' && (inner === 'phuongVien' || inner === 'dongLac'));

const briefingOf = (w: Where, presenter: Where) => ({
  date: '2022-10-01',
  unitId: unitOf[w],
  topic: 'Chuyển đổi số',
  audienceSize: 30,
  presenterIds: [person[presenter]],
});
const briefingVersion = async (id: string) => (await polcenter.activities.briefing(id)).version;
/**
 * An edit of `w`'s briefing. Moving it to another unit is sent on a version it never has: the
 * allowed get ACTIVITY.STALE, so the briefing stays where the other rows expect it.
 */
const briefingEdit = async (w: Where, to: Where, presenter: Where) => ({
  ...briefingOf(to, presenter),
  id: briefing[w],
  version: to === w && presenter === w ? await briefingVersion(briefing[w]) : 999_999,
});
const opinionOf = (w: Where, reporter: Where) => ({
  date: '2022-10-02',
  unitId: unitOf[w],
  topic: 'Đường giao thông',
  summary: 'Đề nghị sửa đường.',
  reporterIds: [person[reporter]],
});
const classOf = (w: Where, extra: { sites?: Where; lecturer?: Where } = {}) => ({
  code: `CNKT-${String(++sequence).padStart(2, '0')}/2030`,
  programId: program.id,
  organiserUnitId: unitOf[w],
  mode: extra.sites ? ('hybrid' as const) : ('in_person' as const),
  venue: 'Hội trường',
  capacity: 40,
  startDate: '2022-10-03',
  endDate: '2022-10-04',
  ...(extra.sites ? { sites: [{ name: 'Điểm cầu xã', unitId: unitOf[extra.sites] }] } : {}),
  ...(extra.lecturer
    ? { sessions: [{ date: '2022-10-03', part: 'afternoon' as const, periods: 4, lecturerId: person[extra.lecturer] }] }
    : {}),
});
const conferenceOf = (w: Where, extra: { roster?: Where; site?: Where } = {}) => ({
  date: '2022-12-10',
  title: `Hội nghị ${++sequence}`,
  ownerUnitId: unitOf[w],
  rosterId: roster[extra.roster ?? w],
  mode: 'hybrid' as const,
  sites: [{ name: 'Điểm cầu', unitId: unitOf[extra.site ?? w] }],
});
const decisionOf = (w: Where, items: { personId: string; change?: 'add' | 'transfer'; toRosterId?: string }[]) => ({
  rosterId: roster[w],
  number: `${++sequence}-QĐ/TT`,
  date: '2032-01-01',
  signer: 'Bí thư',
  kind: 'add' as const,
  items: items.map((item) => ({ ...item, fields: ['law' as const] })),
});

const MATRIX: Row[] = [
  {
    procedure: 'people.get',
    roles: STAFF,
    ids: ['id'],
    call: (api, w) => api.people.get({ id: person[w] }),
  },
  {
    procedure: 'people.getFull',
    roles: STAFF,
    ids: ['id'],
    call: (api, w) => api.people.getFull({ id: person[w] }),
  },
  {
    procedure: 'people.reveal',
    roles: STAFF,
    ids: ['id'],
    call: (api, w) => api.people.reveal({ id: person[w], reason: 'Đối chiếu hồ sơ' }),
  },
  {
    procedure: 'people.history',
    roles: STAFF,
    ids: ['id'],
    call: (api, w) => api.people.history({ id: person[w] }),
  },
  {
    // Versions no record has: every call that gets through is refused as stale, so nobody is merged.
    procedure: 'people.merge',
    roles: STAFF,
    ids: ['survivorId', 'mergedId'],
    call: (api, w) =>
      api.people.merge({ survivorId: person[w], survivorVersion: 999, mergedId: member[w], mergedVersion: 999 }),
    second: {
      mergedId: (api, own, other) =>
        api.people.merge({
          survivorId: person[own],
          survivorVersion: 999,
          mergedId: member[other],
          mergedVersion: 999,
        }),
    },
  },
  {
    procedure: 'people.update',
    roles: STAFF,
    ids: ['id'],
    call: async (api, w) => {
      const current = await polcenter.people.get(person[w]);
      return api.people.update({ id: person[w], version: current.version, patch: { position: 'Bí thư chi bộ' } });
    },
    second: {
      // Moving one's own person to another unit; moved back after, so the next caller finds them home.
      'patch.unitId': async (api, own, other) => {
        const moved = await api.people.update({
          id: mover[own],
          version: (await polcenter.people.get(mover[own])).version,
          patch: { unitId: unitOf[other] },
        });
        await polcenter.people.update(SYSTEM_ACTOR, mover[own], moved.version, { unitId: unitOf[own] });
        return moved;
      },
    },
  },
  {
    procedure: 'people.search',
    roles: STAFF,
    ids: ['unitId'],
    call: (api, w) => api.people.search({ unitId: unitOf[w] }),
  },
  {
    procedure: 'people.create',
    roles: STAFF,
    ids: ['unitId'],
    call: (api, w) =>
      api.people.create({
        fullName: `Triệu Thị ${w} ${letters(++sequence)}`,
        birthDate: '1992-02-02',
        gender: 'female',
        ethnicity: 'dao',
        unitId: unitOf[w],
      }),
  },
  {
    procedure: 'classes.get',
    roles: ALL_STAFF,
    ids: ['id'],
    line: true,
    classScoped: true,
    call: (api, w) => api.classes.get({ id: klass[w] }),
  },
  {
    procedure: 'classes.history',
    roles: ALL_STAFF,
    ids: ['id'],
    line: true,
    classScoped: true,
    call: (api, w) => api.classes.history({ id: klass[w] }),
  },
  {
    procedure: 'assignments.ofSession',
    roles: ALL_STAFF,
    ids: ['sessionId'],
    line: true,
    classScoped: true,
    call: (api, w) => api.assignments.ofSession({ sessionId: session[w] }),
  },
  {
    procedure: 'classes.create',
    roles: ['center_staff'],
    ids: ['organiserUnitId'],
    call: (api, w) => api.classes.create(classOf(w)),
    second: {
      'sites[].unitId': (api, own, other) => api.classes.create(classOf(own, { sites: other })),
      'sessions[].lecturerId': (api, own, other) => api.classes.create(classOf(own, { lecturer: other })),
    },
  },
  {
    procedure: 'classes.update',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: async (api, w) =>
      api.classes.update({
        classId: klass[w],
        expectedVersion: (await polcenter.classes.get(klass[w])).version,
        title: `Lớp ${++sequence}`,
      }),
    second: {
      'sites[].unitId': async (api, own, other) => {
        const hybrid = await polcenter.classes.create(SYSTEM_ACTOR, classOf(own, { sites: own }));
        return api.classes.update({
          classId: hybrid.id,
          expectedVersion: hybrid.version,
          sites: [{ name: 'Điểm cầu khác', unitId: unitOf[other] }],
        });
      },
    },
  },
  {
    procedure: 'classes.transition',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: (api, w) => api.classes.transition({ classId: klass[w], to: 'open' }),
  },
  {
    procedure: 'classes.addSessions',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: (api, w) =>
      api.classes.addSessions({
        classId: klass[w],
        sessions: [{ date: '2022-09-12', part: 'morning', periods: 4 }],
      }),
    second: {
      'sessions[].lecturerId': (api, own, other) =>
        api.classes.addSessions({
          classId: klass[own],
          sessions: [{ date: '2022-09-13', part: 'afternoon', periods: 4, lecturerId: person[other] }],
        }),
    },
  },
  {
    procedure: 'classes.sessions',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['id'],
    call: (api, w) => api.classes.sessions({ id: klass[w] }),
  },
  {
    procedure: 'classes.updateSession',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['sessionId'],
    call: async (api, w) =>
      api.classes.updateSession({
        sessionId: session[w],
        version: await sessionVersion(session[w]),
        session: { date: '2022-09-12', part: 'morning', periods: 4 },
      }),
    second: {
      'session.lecturerId': async (api, own, other) =>
        api.classes.updateSession({
          sessionId: session[own],
          version: await sessionVersion(session[own]),
          session: { date: '2022-09-12', part: 'morning', periods: 4, lecturerId: person[other] },
        }),
    },
  },
  {
    procedure: 'classes.removeSession',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['sessionId'],
    // A version no session has: the allowed get TIMETABLE.SESSION_STALE and the fixtures stay.
    call: (api, w) => api.classes.removeSession({ sessionId: session[w], version: 999_999 }),
  },
  {
    procedure: 'activities.recordBriefing',
    roles: LOGGERS,
    ids: ['unitId'],
    call: (api, w) => api.activities.recordBriefing(briefingOf(w, w)),
    second: { presenterIds: (api, own, other) => api.activities.recordBriefing(briefingOf(own, other)) },
  },
  {
    procedure: 'activities.updateBriefing',
    roles: LOGGERS,
    ids: ['id'],
    call: async (api, w) => api.activities.updateBriefing(await briefingEdit(w, w, w)),
    second: {
      unitId: async (api, own, other) => api.activities.updateBriefing(await briefingEdit(own, other, own)),
      presenterIds: async (api, own, other) => api.activities.updateBriefing(await briefingEdit(own, own, other)),
    },
  },
  {
    procedure: 'activities.briefing',
    roles: ACTIVITY_STAFF,
    ids: ['id'],
    call: (api, w) => api.activities.briefing({ id: briefing[w] }),
  },
  {
    procedure: 'activities.report',
    roles: ACTIVITY_STAFF,
    ids: ['unitId'],
    call: (api, w) => api.activities.report({ from: '2022-01-01', to: '2022-12-31', unitId: unitOf[w] }),
  },
  {
    procedure: 'activities.briefings',
    roles: ACTIVITY_STAFF,
    ids: ['unitId'],
    call: (api, w) => api.activities.briefings({ from: '2022-01-01', to: '2022-12-31', unitId: unitOf[w] }),
  },
  {
    procedure: 'activities.recordOpinionReport',
    roles: LOGGERS,
    ids: ['unitId'],
    call: (api, w) => api.activities.recordOpinionReport(opinionOf(w, w)),
    second: { reporterIds: (api, own, other) => api.activities.recordOpinionReport(opinionOf(own, other)) },
  },
  {
    procedure: 'activities.opinionReports',
    roles: ACTIVITY_STAFF,
    ids: ['unitId'],
    call: (api, w) => api.activities.opinionReports({ from: '2022-01-01', to: '2022-12-31', unitId: unitOf[w] }),
  },
  {
    procedure: 'activities.opinionReport',
    roles: ACTIVITY_STAFF,
    ids: ['id'],
    call: (api, w) => api.activities.opinionReport({ id: opinion[w] }),
  },
  {
    procedure: 'activities.updateOpinionReport',
    roles: ['propaganda_staff'],
    ids: ['id'],
    call: (api, w) => api.activities.updateOpinionReport({ id: opinion[w], status: 'closed' }),
  },
  {
    procedure: 'activities.createConference',
    roles: ['propaganda_staff'],
    ids: ['ownerUnitId'],
    call: (api, w) => api.activities.createConference(conferenceOf(w)),
    second: {
      rosterId: (api, own, other) => api.activities.createConference(conferenceOf(own, { roster: other })),
      'sites[].unitId': (api, own, other) => api.activities.createConference(conferenceOf(own, { site: other })),
    },
  },
  {
    procedure: 'activities.updateConferenceSites',
    roles: ['propaganda_staff'],
    ids: ['conferenceId'],
    call: (api, w) =>
      api.activities.updateConferenceSites({
        conferenceId: conference[w],
        sites: [{ name: 'Điểm cầu', unitId: unitOf[w], headcount: 30 }],
      }),
    second: {
      'sites[].unitId': (api, own, other) =>
        api.activities.updateConferenceSites({
          conferenceId: conference[own],
          sites: [{ name: 'Điểm cầu', unitId: unitOf[other], headcount: 30 }],
        }),
    },
  },
  {
    procedure: 'activities.recordAttendance',
    roles: ['propaganda_staff'],
    ids: ['conferenceId'],
    call: (api, w) =>
      api.activities.recordAttendance({
        conferenceId: conference[w],
        entries: [{ personId: person[w], status: 'present' }],
      }),
    second: {
      'entries[].personId': (api, own, other) =>
        api.activities.recordAttendance({
          conferenceId: conference[own],
          entries: [{ personId: person[other], status: 'excused' }],
        }),
    },
  },
  {
    procedure: 'activities.conferences',
    roles: ACTIVITY_STAFF,
    ids: ['unitId'],
    line: true,
    call: async (api, w) => {
      const seen = await api.activities.conferences({ from: '2022-01-01', to: '2022-12-31', unitId: unitOf[w] });
      assert.ok(seen.some((c) => c.id === conference[w]));
    },
  },
  {
    procedure: 'activities.conference',
    roles: ACTIVITY_STAFF,
    ids: ['id'],
    line: true,
    call: (api, w) => api.activities.conference({ id: conference[w] }),
  },
  {
    procedure: 'activities.createContest',
    roles: ['propaganda_staff'],
    ids: ['ownerUnitId'],
    call: (api, w) =>
      api.activities.createContest({ title: `Hội thi ${++sequence}`, ownerUnitId: unitOf[w], heldOn: '2022-09-01' }),
  },
  {
    procedure: 'activities.addEntrant',
    roles: ['propaganda_staff'],
    ids: ['contestId'],
    call: (api, w) =>
      api.activities.addEntrant({ contestId: contest[w], personId: person[w], category: 'thematic', topic: 'Luật' }),
    second: {
      personId: (api, own, other) =>
        api.activities.addEntrant({
          contestId: contest[own],
          personId: person[other],
          category: 'resolution',
          topic: 'Nghị quyết',
        }),
    },
  },
  {
    procedure: 'activities.setJudges',
    roles: ['propaganda_staff'],
    ids: ['contestId'],
    call: (api, w) => api.activities.setJudges({ contestId: contest[w], judgeIds: [person[w]] }),
    second: {
      judgeIds: (api, own, other) =>
        api.activities.setJudges({ contestId: contest[own], judgeIds: [person[own], person[other]] }),
    },
  },
  {
    procedure: 'activities.contests',
    roles: ACTIVITY_STAFF,
    ids: ['unitId'],
    line: true,
    call: async (api, w) => {
      const seen = await api.activities.contests({ from: '2022-01-01', to: '2022-12-31', unitId: unitOf[w] });
      assert.ok(seen.some((c) => c.id === contest[w]));
    },
  },
  {
    procedure: 'activities.recordScores',
    roles: ['propaganda_staff'],
    ids: ['contestId'],
    call: (api, w) =>
      api.activities.recordScores({
        contestId: contest[w],
        scores: [{ entrantId: entrant[w], judgeId: person[w], round: 'outline', score: 15 }],
      }),
    second: {
      'scores[].judgeId': (api, own, other) =>
        api.activities.recordScores({
          contestId: contest[own],
          scores: [{ entrantId: entrant[own], judgeId: person[other], round: 'talk', score: 40 }],
        }),
    },
  },
  {
    procedure: 'activities.finaliseContest',
    roles: ['propaganda_staff'],
    ids: ['id'],
    call: async (api, w) => {
      const contestId = (
        await polcenter.activities.createContest(SYSTEM_ACTOR, {
          title: `Hội thi ${++sequence}`,
          ownerUnitId: unitOf[w],
          heldOn: '2022-09-01',
        })
      ).id;
      return api.activities.finaliseContest({ id: contestId });
    },
  },
  {
    procedure: 'activities.contest',
    roles: ACTIVITY_STAFF,
    ids: ['id'],
    line: true,
    call: (api, w) => api.activities.contest({ id: contest[w] }),
  },
  {
    procedure: 'activities.workload',
    roles: ['center_staff', 'propaganda_staff'],
    ids: ['unitId'],
    call: (api, w) => api.activities.workload({ from: '2022-01-01', to: '2022-12-31', unitId: unitOf[w] }),
    second: {
      personIds: (api, own, other) =>
        api.activities.workload({
          from: '2022-01-01',
          to: '2022-12-31',
          unitId: unitOf[own],
          personIds: [person[other]],
        }),
    },
  },
  {
    procedure: 'activities.workload',
    roles: ['center_staff', 'propaganda_staff'],
    ids: ['personIds'],
    call: (api, w) => api.activities.workload({ from: '2022-01-01', to: '2022-12-31', personIds: [person[w]] }),
  },
  {
    procedure: 'assignments.assign',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['sessionId', 'personId'],
    call: (api, w) => api.assignments.assign({ sessionId: session[w], personId: person[w] }),
    second: {
      personId: (api, own, other) => api.assignments.assign({ sessionId: session[own], personId: person[other] }),
    },
  },
  {
    procedure: 'assignments.unassign',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['sessionId'],
    call: async (api, w) => {
      const [assignment] = await polcenter.assignments.ofSession(session[w]);
      return api.assignments.unassign({ id: assignment?.id ?? unitOf[w], sessionId: session[w] });
    },
  },
  {
    procedure: 'rosters.create',
    roles: ['propaganda_staff'],
    ids: ['ownerUnitId'],
    call: (api, w) =>
      api.rosters.create({
        level: 'commune',
        ownerUnitId: unitOf[w],
        termStartYear: 2026,
        termEndYear: 2031 + (++sequence % 150),
      }),
  },
  {
    procedure: 'rosters.at',
    roles: STAFF,
    ids: ['rosterId'],
    call: (api, w) => api.rosters.at({ rosterId: roster[w], date: '2031-06-01' }),
  },
  {
    procedure: 'rosters.at',
    roles: STAFF,
    ids: ['ownerUnitId'],
    call: (api, w) => api.rosters.at({ ownerUnitId: unitOf[w], level: 'grassroots', date: '2031-06-01' }),
  },
  {
    procedure: 'rosters.rostersOf',
    roles: STAFF,
    ids: ['personId'],
    call: (api, w) => api.rosters.rostersOf({ personId: person[w], date: '2022-06-01' }),
  },
  {
    procedure: 'rosters.member',
    roles: STAFF,
    ids: ['personId'],
    call: (api, w) => api.rosters.member({ personId: person[w], date: '2031-06-01', year: 2031 }),
  },
  {
    procedure: 'rosters.update',
    roles: ['propaganda_staff'],
    ids: ['id'],
    // The first call saves; the rest are ROSTER.STALE, which still got past authorization.
    call: (api, w) =>
      api.rosters.update({
        id: roster[w],
        expectedVersion: 1,
        level: 'grassroots',
        termStartYear: 2030,
        termEndYear: 2035,
        name: `Tuyên truyền viên ${w}`,
      }),
  },
  {
    procedure: 'rosters.decisions',
    roles: STAFF,
    ids: ['id'],
    call: (api, w) => api.rosters.decisions({ id: roster[w] }),
  },
  {
    procedure: 'rosters.recordDecision',
    roles: ['propaganda_staff'],
    ids: ['rosterId'],
    call: (api, w) => api.rosters.recordDecision(decisionOf(w, [{ personId: person[w] }])),
    second: {
      // Someone of another unit onto one's own roster.
      'items[].personId': (api, own, other) =>
        api.rosters.recordDecision(decisionOf(own, [{ personId: person[other] }])),
      // One's own member moved to another unit's roster: that roster would gain someone it never decided on.
      'items[].toRosterId': (api, own, other) =>
        api.rosters.recordDecision({
          ...decisionOf(own, [{ personId: member[own], change: 'transfer', toRosterId: roster[other] }]),
          kind: 'transfer',
        }),
    },
  },
  {
    procedure: 'rosters.annul',
    roles: ['propaganda_staff'],
    ids: ['decisionId'],
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
    roles: ['center_staff', 'unit_coordinator'],
    ids: ['unitId'],
    call: (api, w) => api.enrolment.nominate({ classId: klass[w], unitId: unitOf[w], personIds: [person[w]] }),
    second: {
      personIds: (api, own, other) =>
        api.enrolment.nominate({ classId: klass[own], unitId: unitOf[own], personIds: [person[other]] }),
    },
    // A unit nominates its own people, whoever asks: even an admin names people of the unit named.
    secondAllowed: (_caller, own, other) => within(other, own),
  },
  {
    procedure: 'enrolment.request',
    roles: ['center_staff', 'unit_coordinator'],
    ids: ['personId'],
    call: (api, w) => api.enrolment.request({ classId: klass[w], personId: person[w] }),
    // One's own class, someone of another unit.
    second: { personId: (api, own, other) => api.enrolment.request({ classId: klass[own], personId: person[other] }) },
  },
  {
    procedure: 'enrolment.approve',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['enrolmentId'],
    call: (api, w) => api.enrolment.approve({ enrolmentId: enrolment[w] }),
  },
  {
    procedure: 'enrolment.waitlist',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['enrolmentId'],
    call: (api, w) => api.enrolment.waitlist({ enrolmentId: enrolment[w] }),
  },
  {
    procedure: 'enrolment.promote',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: (api, w) => api.enrolment.promote({ classId: klass[w] }),
  },
  {
    procedure: 'enrolment.reject',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['enrolmentId'],
    call: (api, w) => api.enrolment.reject({ enrolmentId: enrolment[w], reason: 'Không đủ điều kiện' }),
  },
  {
    procedure: 'enrolment.withdraw',
    roles: ['center_staff', 'unit_coordinator'],
    ids: ['enrolmentId'],
    call: (api, w) => api.enrolment.withdraw({ enrolmentId: enrolment[w] }),
  },
  {
    procedure: 'enrolment.get',
    roles: ['center_staff', 'unit_coordinator'],
    ids: ['id'],
    call: (api, w) => api.enrolment.get({ id: enrolment[w] }),
  },
  {
    procedure: 'enrolment.listForClass',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: (api, w) => api.enrolment.listForClass({ classId: klass[w] }),
  },
  {
    procedure: 'enrolment.reviews',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: (api, w) => api.enrolment.reviews({ classId: klass[w] }),
  },
  {
    procedure: 'enrolment.listForPerson',
    roles: ['center_staff', 'unit_coordinator'],
    ids: ['personId'],
    call: (api, w) => api.enrolment.listForPerson({ personId: person[w] }),
  },
  {
    procedure: 'attendance.recordSheet',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['sessionId'],
    call: (api, w) =>
      api.attendance.recordSheet({ sessionId: session[w], marks: [{ enrolmentId: enrolment[w], mark: 'present' }] }),
  },
  {
    procedure: 'attendance.recordMark',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['sessionId'],
    call: (api, w) => api.attendance.recordMark({ sessionId: session[w], enrolmentId: enrolment[w], mark: 'excused' }),
  },
  {
    procedure: 'attendance.sheet',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['sessionId'],
    call: (api, w) => api.attendance.sheet({ sessionId: session[w] }),
  },
  {
    procedure: 'results.recordScores',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['enrolmentId'],
    call: (api, w) =>
      api.results.recordScores({ enrolmentId: enrolment[w], scores: [{ label: 'Bài thu hoạch', value: 8 }] }),
  },
  {
    procedure: 'results.scores',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['enrolmentId'],
    call: (api, w) => api.results.scores({ enrolmentId: enrolment[w] }),
  },
  {
    procedure: 'results.grid',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: (api, w) => api.results.grid({ classId: klass[w] }),
  },
  {
    procedure: 'audit.forClass',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: (api, w) => api.audit.forClass({ classId: klass[w] }),
  },
  {
    procedure: 'results.computeForClass',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: (api, w) => api.results.computeForClass({ classId: klass[w] }),
  },
  {
    procedure: 'certificates.issue',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['enrolmentId'],
    call: (api, w) => api.certificates.issue({ enrolmentId: enrolment[w] }),
  },
  {
    procedure: 'certificates.issueForClass',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: (api, w) => api.certificates.issueForClass({ classId: klass[w] }),
  },
  {
    procedure: 'certificates.revoke',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['certificateId'],
    call: (api, w) => api.certificates.revoke({ certificateId: certificate[w], reason: 'Cấp nhầm người' }),
  },
  {
    procedure: 'certificates.get',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['id'],
    call: (api, w) => api.certificates.get({ id: certificate[w] }),
  },
  {
    procedure: 'certificates.printable',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['id'],
    call: (api, w) => api.certificates.printable({ id: certificate[w] }),
  },
  {
    procedure: 'certificates.printPage',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['id'],
    call: (api, w) => api.certificates.printPage({ id: certificate[w] }),
  },
  {
    procedure: 'certificates.listForClass',
    classScoped: true,
    roles: ['center_staff'],
    ids: ['classId'],
    call: (api, w) => api.certificates.listForClass({ classId: klass[w] }),
  },
  {
    procedure: 'obligations.define',
    roles: ['propaganda_staff'],
    ids: ['ownerUnitId'],
    call: (api, w) =>
      api.obligations.define({
        code: `BRIEFINGS-${++sequence}`,
        ownerUnitId: unitOf[w],
        kind: 'briefings',
        minimum: 4,
        name: { vi: 'Ít nhất 4 buổi tuyên truyền miệng', en: 'At least 4 briefings' },
      }),
  },
  {
    procedure: 'obligations.update',
    roles: ['propaganda_staff'],
    ids: ['id'],
    // The first call saves; the rest are OBLIGATION.STALE, which still got past authorization.
    call: (api, w) =>
      api.obligations.update({
        id: obligation[w],
        expectedVersion: 1,
        code: `RULE-${w}`,
        kind: 'opinion_reports',
        minimum: 3,
        name: { vi: 'Ít nhất 3 báo cáo dư luận', en: 'At least 3 opinion reports' },
      }),
  },
  {
    procedure: 'reports.period',
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
    ids: ['unitId'],
    call: (api, w) => api.reports.period({ from: '2022-01-01', to: '2022-12-31', unitId: unitOf[w] }),
  },
  {
    procedure: 'reports.file',
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
    ids: ['unitId'],
    call: (api, w) => api.reports.file({ from: '2022-01-01', to: '2022-03-31', unitId: unitOf[w], format: 'csv' }),
  },
  {
    procedure: 'reports.plan',
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
    ids: ['unitId'],
    call: (api, w) => api.reports.plan({ year: 2022, unitId: unitOf[w] }),
  },
  {
    procedure: 'reports.setTarget',
    roles: ['center_staff', 'propaganda_staff'],
    ids: ['unitId'],
    // The first call saves; the rest are PLAN.EXISTS, which still got past authorization.
    call: (api, w) => api.reports.setTarget({ unitId: unitOf[w], year: 2023, measure: 'trainees', target: 100 }),
  },
  {
    procedure: 'reports.updateTarget',
    roles: ['center_staff', 'propaganda_staff'],
    ids: ['id'],
    call: (api, w) => api.reports.updateTarget({ id: planTarget[w], expectedVersion: 1, target: 5 }),
  },
  {
    procedure: 'reports.outputs',
    roles: ['center_staff', 'propaganda_staff', 'unit_coordinator'],
    ids: ['unitId'],
    call: (api, w) => api.reports.outputs({ unitId: unitOf[w], from: '2022-01-01', to: '2022-12-31' }),
  },
  {
    procedure: 'reports.recordOutput',
    roles: ['center_staff', 'propaganda_staff'],
    ids: ['unitId'],
    call: (api, w) =>
      api.reports.recordOutput({ unitId: unitOf[w], from: '2022-03-01', to: '2022-03-31', kind: 'radio', count: 3 }),
  },
  {
    procedure: 'reports.updateOutput',
    roles: ['center_staff', 'propaganda_staff'],
    ids: ['id'],
    call: (api, w) => api.reports.updateOutput({ id: outputTally[w], expectedVersion: 1, count: 11 }),
  },
  {
    procedure: 'obligations.list',
    roles: STAFF,
    ids: ['unitId'],
    call: (api, w) => api.obligations.list({ year: 2022, unitId: unitOf[w] }),
  },
  {
    procedure: 'obligations.shortfalls',
    roles: STAFF,
    ids: ['unitId'],
    call: (api, w) => api.obligations.shortfalls({ year: 2022, unitId: unitOf[w] }),
  },
  {
    procedure: 'obligations.standing',
    roles: STAFF,
    ids: ['personId'],
    call: (api, w) => api.obligations.standing({ personId: person[w], year: 2031 }),
  },
  {
    procedure: 'programs.create',
    roles: ['center_staff'],
    ids: ['ownerUnitId'],
    call: (api, w) => api.programs.create(programOf(unitOf[w])),
  },
  {
    procedure: 'programs.update',
    roles: ['center_staff'],
    ids: ['id'],
    call: async (api, w) => api.programs.update(await renamed(ownProgram[w])),
  },
];

/** The program as the edit form sends it back, renamed, on the version it has now. */
async function renamed(id: string) {
  const p = await polcenter.programs.get(id);
  return {
    id,
    expectedVersion: p.version,
    code: p.code,
    kind: p.kind,
    name: { vi: `${p.name.vi.replace(/ \(\d+\)$/, '')} (${++sequence})`, en: p.name.en },
    topics: p.topics.map((t) => ({ number: t.number, title: t.title, periods: t.periods })),
    endsWith: p.rules.endsWith,
    passRule: p.rules.passRule,
    certificateKind: p.rules.certificateKind,
  };
}

function programOf(ownerUnitId: string | null) {
  return {
    code: `TEST${letters(++sequence)}`,
    ...(ownerUnitId ? { ownerUnitId } : {}),
    kind: 'skills' as const,
    name: { vi: 'Bồi dưỡng nghiệp vụ trưởng thôn', en: 'Skills for village heads' },
    topics: [{ number: 1, title: 'Kỹ năng vận động quần chúng', periods: 8 }],
    endsWith: 'attendance' as const,
    passRule: { by: 'attendance' as const },
    certificateKind: null,
  };
}

/**
 * How each id-bearing field of each procedure's input is covered. `checked`: the matrix varies it
 * (a row's `ids` or `second`). Anything else says why no unit check applies.
 */
type Coverage =
  | 'checked'
  | { readonly public: string }
  | { readonly signedIn: string }
  | { readonly staffWide: string }
  | { readonly service: string }
  | { readonly admin: string }
  | { readonly notAReference: string };

const UNITS_ARE_PUBLIC = { public: 'units are public reference data' };
const NATIONAL_ID = { notAReference: 'a national ID number, personal data, not the id of a record' };
const ID_FIELDS: Record<string, Record<string, Coverage>> = {
  'activities.recordBriefing': { unitId: 'checked', presenterIds: 'checked' },
  'activities.updateBriefing': { id: 'checked', unitId: 'checked', presenterIds: 'checked' },
  'activities.briefing': { id: 'checked' },
  'activities.report': { unitId: 'checked' },
  'activities.briefings': { unitId: 'checked' },
  'activities.recordOpinionReport': { unitId: 'checked', reporterIds: 'checked' },
  'activities.opinionReports': { unitId: 'checked' },
  'activities.opinionReport': { id: 'checked' },
  'activities.updateOpinionReport': { id: 'checked' },
  'activities.createConference': { ownerUnitId: 'checked', rosterId: 'checked', 'sites[].unitId': 'checked' },
  'activities.updateConferenceSites': {
    conferenceId: 'checked',
    'sites[].id': { service: 'only sites of the conference named (checked above) are kept' },
    'sites[].unitId': 'checked',
  },
  'activities.recordAttendance': { conferenceId: 'checked', 'entries[].personId': 'checked' },
  'activities.conferences': { unitId: 'checked' },
  'activities.conference': { id: 'checked' },
  'activities.createContest': { ownerUnitId: 'checked' },
  'activities.addEntrant': { contestId: 'checked', personId: 'checked' },
  'activities.setJudges': { contestId: 'checked', judgeIds: 'checked' },
  'activities.contests': { unitId: 'checked' },
  'activities.recordScores': {
    contestId: 'checked',
    'scores[].entrantId': { service: 'only entrants of the contest named (checked above) are taken' },
    'scores[].judgeId': 'checked',
  },
  'activities.finaliseContest': { id: 'checked' },
  'activities.contest': { id: 'checked' },
  'activities.workload': { unitId: 'checked', personIds: 'checked' },
  'assignments.assign': { sessionId: 'checked', personId: 'checked' },
  'assignments.unassign': {
    sessionId: 'checked',
    id: { service: 'the router refuses an assignment that is not of the session checked' },
  },
  'assignments.ofSession': { sessionId: 'checked' },
  'attendance.recordSheet': {
    sessionId: 'checked',
    'marks[].enrolmentId': { service: "only enrolments in the checked session's class are taken" },
  },
  'attendance.recordMark': {
    sessionId: 'checked',
    enrolmentId: { service: "only enrolments in the checked session's class are taken" },
  },
  'attendance.sheet': { sessionId: 'checked' },
  'audit.list': { entityId: { admin: 'the audit log' }, actorId: { admin: 'the audit log' } },
  'audit.forClass': { classId: 'checked' },
  'exports.list': {
    'filter.programId': { public: 'programs are reference data' },
    'filter.organiserUnitId': { service: 'the classes list’s own function (listClasses), kept to the caller’s units' },
    'filter.classId': { service: 'the enrolment list’s own function and check (enrolmentsOfClass → assertOrganiser)' },
    // The other lists are read by calling their own procedure with the caller's context (list-exports.ts).
    'filter.unitId': { service: 'people.search / obligations.* / activities.* check it as the list does' },
    'filter.ownerUnitId': { service: 'rosters.list (public headers) / rosters.at (assertUnitAccess)' },
    'filter.rosterId': { service: 'rosters.at checks the roster’s owner unit (assertUnitAccess)' },
    'filter.under': { public: 'units.list: the unit tree is public' },
    'filter.underCode': { public: 'units.list: the unit tree is public' },
    'filter.entityId': { service: 'audit.list, administrators only (list-exports.test.ts refuses staff)' },
    'filter.actorId': { service: 'audit.list, administrators only (list-exports.test.ts refuses staff)' },
  },
  'imports.start': {
    jobId: { signedIn: 'a job is its uploader’s alone: another account is answered IMPORT.NOT_FOUND (import-jobs.ts)' },
  },
  'imports.job': {
    jobId: { signedIn: 'a job is its uploader’s alone: another account is answered IMPORT.NOT_FOUND (import-jobs.ts)' },
  },
  'auth.revokeToken': {
    id: { signedIn: 'an API token is its owner’s, not a unit’s: one’s own, any for an admin (token-scope.test.ts)' },
  },
  'certificates.issue': { enrolmentId: 'checked' },
  'certificates.issueForClass': { classId: 'checked' },
  'certificates.revoke': { certificateId: 'checked' },
  'certificates.get': { id: 'checked' },
  'certificates.printable': { id: 'checked' },
  'certificates.printPage': { id: 'checked' },
  'certificates.listForClass': { classId: 'checked' },
  'results.grid': { classId: 'checked' },
  'classes.catalog': {
    programId: { public: 'the open catalog' },
    organiserUnitId: { public: 'the open catalog' },
    organiserCode: { public: 'the open catalog' },
    programCode: { public: 'the open catalog' },
  },
  'classes.timetable': { id: { public: 'the public timetable of a class, without lecturers or links' } },
  'classes.get': { id: 'checked' },
  'classes.history': { id: 'checked' },
  'classes.create': {
    programId: { public: 'programs are reference data: any unit runs classes of any program' },
    organiserUnitId: 'checked',
    'sites[].unitId': 'checked',
    'sessions[].lecturerId': 'checked',
  },
  'classes.list': {
    programId: { public: 'programs are reference data' },
    organiserUnitId: { service: 'narrows a list the router already keeps to the caller’s units' },
  },
  'classes.update': {
    classId: 'checked',
    'sites[].unitId': 'checked',
    'sites[].id': { service: 'only sites of the class checked are kept or renamed' },
  },
  'classes.transition': { classId: 'checked' },
  'classes.addSessions': { classId: 'checked', 'sessions[].lecturerId': 'checked' },
  'classes.sessions': { id: 'checked' },
  'classes.updateSession': { sessionId: 'checked', 'session.lecturerId': 'checked' },
  'classes.removeSession': { sessionId: 'checked' },
  'enrolment.register': {
    classId: { public: 'self-registration for any open class of the catalog' },
    'person.unitId': { public: 'the unit a registrant says they belong to; the organiser approves' },
    'person.nationalId': NATIONAL_ID,
  },
  'enrolment.nominate': {
    classId: { public: 'any unit may send people to any class of the catalog; the organiser decides' },
    unitId: 'checked',
    personIds: 'checked',
  },
  'enrolment.request': {
    classId: { public: 'any class of the catalog, as for nominate; autoAdmit checks the organiser' },
    personId: 'checked',
  },
  'enrolment.approve': { enrolmentId: 'checked' },
  'enrolment.waitlist': { enrolmentId: 'checked' },
  'enrolment.promote': { classId: 'checked' },
  'enrolment.reject': { enrolmentId: 'checked' },
  'enrolment.withdraw': { enrolmentId: 'checked' },
  'enrolment.get': { id: 'checked' },
  'enrolment.listForClass': { classId: 'checked' },
  'enrolment.reviews': { classId: 'checked' },
  'enrolment.listForPerson': { personId: 'checked' },
  'obligations.define': { ownerUnitId: 'checked' },
  'obligations.list': { unitId: 'checked' },
  'obligations.shortfalls': { unitId: 'checked' },
  'obligations.standing': { personId: 'checked' },
  'obligations.update': { id: 'checked' },
  'people.search': { unitId: 'checked' },
  'people.get': { id: 'checked' },
  'people.getFull': { id: 'checked' },
  'people.reveal': { id: 'checked' },
  'people.history': { id: 'checked' },
  'people.merge': { survivorId: 'checked', mergedId: 'checked' },
  'accounts.get': { userId: { admin: 'staff accounts' } },
  'accounts.create': { personId: { admin: 'staff accounts' }, 'roles[].unitId': { admin: 'staff accounts' } },
  'accounts.setRoles': { userId: { admin: 'staff accounts' }, 'roles[].unitId': { admin: 'staff accounts' } },
  'accounts.setActive': { userId: { admin: 'staff accounts' } },
  'accounts.resetPassword': { userId: { admin: 'staff accounts' } },
  'accounts.sessions': { userId: { admin: 'staff accounts' } },
  'accounts.revoke': { userId: { admin: 'staff accounts' }, tokenId: { admin: 'staff accounts' } },
  'people.findDuplicates': { nationalId: NATIONAL_ID },
  'people.create': {
    unitId: 'checked',
    nationalId: NATIONAL_ID,
    allowDuplicateOfId: {
      staffWide: 'acknowledges a look-alike findDuplicates showed (masked); reads and changes nothing of them',
    },
  },
  'people.update': { id: 'checked', 'patch.unitId': 'checked', 'patch.nationalId': NATIONAL_ID },
  'programs.get': { id: { public: 'programs are public' } },
  'programs.create': { ownerUnitId: 'checked' },
  'programs.update': { id: 'checked' },
  'programs.history': {
    programId: { staffWide: 'programs are everyone’s reference data; the trail names staff by display name only' },
  },
  'reports.training': { organiserCode: { public: 'published aggregates' } },
  'reports.published': { unitCode: { public: 'published aggregates: no person, no opinion topic' } },
  'reports.period': { unitId: 'checked' },
  'reports.plan': { unitId: 'checked' },
  'reports.file': { unitId: 'checked' },
  'reports.setTarget': { unitId: 'checked', programId: { public: 'programs are reference data' } },
  'reports.updateTarget': { id: 'checked' },
  'reports.outputs': { unitId: 'checked' },
  'reports.recordOutput': { unitId: 'checked' },
  'reports.updateOutput': { id: 'checked' },
  'results.recordScores': { enrolmentId: 'checked' },
  'results.scores': { enrolmentId: 'checked' },
  'results.computeForClass': { classId: 'checked' },
  'rosters.public': { ownerUnitCode: { public: 'the public roster: names, fields, positions' } },
  'rosters.list': { ownerUnitId: { signedIn: 'roster headers, no more than the public roster shows' } },
  'rosters.get': { id: { signedIn: 'a roster header, as rosters.list' } },
  'rosters.at': { rosterId: 'checked', ownerUnitId: 'checked' },
  'rosters.rostersOf': { personId: 'checked' },
  'rosters.decisions': { id: 'checked' },
  'rosters.member': { personId: 'checked' },
  'rosters.update': { id: 'checked' },
  'rosters.create': { ownerUnitId: 'checked' },
  'rosters.recordDecision': {
    rosterId: 'checked',
    annulsDecisionId: { service: 'must be a decision of the roster checked' },
    // Added and re-appointed people are checked; removed and transferred ones must sit on the roster.
    'items[].personId': 'checked',
    'items[].toRosterId': 'checked',
  },
  'rosters.annul': { decisionId: 'checked' },
  'units.list': { under: UNITS_ARE_PUBLIC, underCode: UNITS_ARE_PUBLIC },
  'units.get': { id: UNITS_ARE_PUBLIC },
  'units.links': { id: UNITS_ARE_PUBLIC },
  'units.successors': { id: UNITS_ARE_PUBLIC },
  'units.rollUp': { unitIds: UNITS_ARE_PUBLIC },
  'units.create': { parentId: { admin: 'the unit tree' } },
  'units.link': { predecessorIds: { admin: 'the unit tree' }, successorIds: { admin: 'the unit tree' } },
  'units.history': { id: { admin: 'the unit tree' } },
  'units.rename': { id: { admin: 'the unit tree' } },
  'units.move': { id: { admin: 'the unit tree' }, parentId: { admin: 'the unit tree' } },
  'units.close': { id: { admin: 'the unit tree' } },
  'units.merge': { 'units[].id': { admin: 'the unit tree' }, 'successor.parentId': { admin: 'the unit tree' } },
  'units.split': { 'unit.id': { admin: 'the unit tree' }, 'successors[].childIds': { admin: 'the unit tree' } },
};

/** A field that names a record: `id`, `…Id`, `…Ids`, `under`, or a code standing for one (`…Code`). */
const ID_FIELD = /^(id|under|.+Ids?|.+Code)$/;

/** The field paths of a zod input (`items[].toRosterId`), through objects, arrays, unions, pipes, defaults. */
function fieldPaths(schema: unknown, prefix = '', depth = 0): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def || depth > 12) return [];
  if (def.type === 'object') {
    return Object.entries((schema as { shape: Record<string, unknown> }).shape).flatMap(([key, inner]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [path, ...fieldPaths(inner, path, depth + 1)];
    });
  }
  if (def.type === 'array') return fieldPaths(def.element, `${prefix}[]`, depth + 1);
  return [
    ...['left', 'right', 'in', 'out', 'innerType', 'schema'].flatMap((key) => fieldPaths(def[key], prefix, depth + 1)),
    ...((def.options as unknown[] | undefined) ?? []).flatMap((option) => fieldPaths(option, prefix, depth + 1)),
  ];
}

const idFields = (): Record<string, string[]> => {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>;
  return Object.fromEntries(
    Object.entries(procedures).map(([name, procedure]) => [
      name,
      [...new Set(procedure._def.inputs.flatMap((input) => fieldPaths(input)))].filter((path) =>
        ID_FIELD.test(path.split('.').at(-1)?.replace('[]', '') ?? ''),
      ),
    ]),
  );
};

test('every id-bearing field of every input is listed with how it is covered', () => {
  const problems: string[] = [];
  const fields = idFields();
  for (const [procedure, paths] of Object.entries(fields)) {
    for (const path of paths) {
      if (!ID_FIELDS[procedure]?.[path]) problems.push(`${procedure}: ${path} is not covered`);
    }
  }
  for (const [procedure, listed] of Object.entries(ID_FIELDS)) {
    for (const path of Object.keys(listed)) {
      if (!fields[procedure]?.includes(path)) problems.push(`${procedure}: ${path} is listed but not in the input`);
    }
  }
  assert.equal(problems, []);
});

test('every field listed as checked is exercised by the matrix, and only those', () => {
  const exercised = new Set(
    MATRIX.flatMap((row) => [...row.ids, ...Object.keys(row.second ?? {})].map((f) => `${row.procedure}: ${f}`)),
  );
  const checked = new Set(
    Object.entries(ID_FIELDS).flatMap(([procedure, listed]) =>
      Object.entries(listed)
        .filter(([, coverage]) => coverage === 'checked')
        .map(([path]) => `${procedure}: ${path}`),
    ),
  );
  assert.equal(
    [...checked].filter((f) => !exercised.has(f)),
    [],
    'checked but not exercised',
  );
  assert.equal(
    [...exercised].filter((f) => !checked.has(f)),
    [],
    'exercised but not listed as checked',
  );
  const adminOnly = Object.entries(ID_FIELDS).flatMap(([procedure, listed]) =>
    Object.values(listed).some((c) => typeof c === 'object' && 'admin' in c) ? [procedure] : [],
  );
  assert.equal(
    adminOnly.filter((p) => !ADMIN_ONLY[p]),
    [],
    'admin-only procedures missing from ADMIN_ONLY',
  );
});

const HIDDEN = ['CLASS.NOT_FOUND', 'ENROLMENT.NOT_FOUND', 'CERTIFICATE.NOT_FOUND'];
const outcomeOf = async (call: () => Promise<unknown>): Promise<string> => {
  try {
    await call();
    return 'allowed';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    // Input the matrix got wrong would pass for "allowed" below and hide a missing check.
    if ((error.cause as { code?: string } | undefined)?.code === 'INPUT.INVALID') return `invalid: ${error.message}`;
    // The classes, enrolments and certificates the matrix names all exist: "not found" is a hidden class.
    if (HIDDEN.includes((error.cause as { code?: string } | undefined)?.code ?? '')) return 'NOT_FOUND';
    // Any other refusal than authorization (a conflict, a stale version) means the call got through.
    return error.code === 'FORBIDDEN' || error.code === 'UNAUTHORIZED' ? error.code : 'allowed';
  }
};
const mayCall = (caller: Caller, roles: readonly Role[]) =>
  caller === 'admin' || (caller !== 'public' && roles.includes(grants[caller].role));

for (const row of MATRIX) {
  test(`${row.procedure} by ${row.ids.join(', ')}: role × own/other unit`, async () => {
    const problems: string[] = [];
    for (const caller of CALLERS) {
      for (const where of WHERES) {
        const expected =
          caller === 'public'
            ? 'UNAUTHORIZED'
            : !mayCall(caller, row.roles)
              ? 'FORBIDDEN'
              : (row.line ? line : reach)[caller].includes(where)
                ? 'allowed'
                : row.classScoped && !line[caller].includes(where)
                  ? 'NOT_FOUND'
                  : 'FORBIDDEN';
        const actual = await outcomeOf(() => row.call(callers[caller], where));
        if (actual !== expected) problems.push(`${caller} on ${where}: expected ${expected}, got ${actual}`);
      }
    }
    assert.equal(problems, []);
  });
  for (const [field, call] of Object.entries(row.second ?? {})) {
    test(`${row.procedure}: ${field} of another unit, the rest the caller's own`, async () => {
      const problems: string[] = [];
      for (const caller of CALLERS.filter((c) => mayCall(c, row.roles))) {
        for (const own of reach[caller]) {
          for (const other of WHERES.filter((w) => w !== own)) {
            const allowed = row.secondAllowed?.(caller, own, other) ?? reach[caller].includes(other);
            const expected = allowed ? 'allowed' : 'FORBIDDEN';
            const actual = await outcomeOf(() => call(callers[caller], own, other));
            if (actual !== expected)
              problems.push(`${caller}, own ${own}, ${field} of ${other}: expected ${expected}, got ${actual}`);
          }
        }
      }
      assert.equal(problems, []);
    });
  }
}

const NOBODY = '00000000-0000-4000-8000-000000000000';

/** Reference data and the audit log: only administrators. */
const ADMIN_ONLY: Record<string, (api: Api) => Promise<unknown>> = {
  'units.create': (api) =>
    api.units.create({ code: `TEST-${++sequence}`, name: 'Thôn Thử', level: 'village', parentId: phuongVien }),
  'units.link': (api) =>
    api.units.link({
      kind: 'rename',
      predecessorIds: [phuongVien],
      successorIds: [dongLac],
      effectiveOn: '2030-01-01',
    }),
  'audit.list': (api) => api.audit.list({ entity: 'person', entityId: person.phuongVien }),
  // Accounts: ids of no account, so an allowed call changes nobody (USER.NOT_FOUND passes as allowed).
  'accounts.get': (api) => api.accounts.get({ userId: NOBODY }),
  'accounts.create': (api) =>
    api.accounts.create({
      username: 'khong.ai',
      displayName: 'Không Ai',
      roles: [{ role: 'lecturer', unitId: NOBODY }],
      personId: NOBODY,
    }),
  'accounts.setRoles': (api) =>
    api.accounts.setRoles({ userId: NOBODY, roles: [{ role: 'lecturer', unitId: phuongVien }] }),
  'accounts.setActive': (api) => api.accounts.setActive({ userId: NOBODY, active: false }),
  'accounts.resetPassword': (api) => api.accounts.resetPassword({ userId: NOBODY }),
  'accounts.sessions': (api) => api.accounts.sessions({ userId: NOBODY }),
  'accounts.revoke': (api) => api.accounts.revoke({ userId: NOBODY, tokenId: NOBODY }),
  'units.history': (api) => api.units.history({ id: phuongVien }),
  'units.rename': async (api) => {
    const unit = await freshUnit();
    return api.units.rename({ id: unit.id, version: unit.version, name: 'Thôn Đổi Tên' });
  },
  'units.move': async (api) => {
    const unit = await freshUnit();
    return api.units.move({ id: unit.id, version: unit.version, parentId: phuongVien, effectiveOn: '2030-01-01' });
  },
  'units.close': async (api) => {
    const unit = await freshUnit();
    return api.units.close({ id: unit.id, version: unit.version, validTo: '2030-01-01' });
  },
  'units.merge': async (api) => {
    const [a, b] = [await freshUnit(), await freshUnit()];
    return api.units.merge({
      units: [
        { id: a.id, version: a.version },
        { id: b.id, version: b.version },
      ],
      successor: { code: `TEST-${++sequence}`, name: 'Thôn Sáp Nhập' },
      effectiveOn: '2030-01-01',
    });
  },
  'units.split': async (api) => {
    const unit = await freshUnit();
    return api.units.split({
      unit: { id: unit.id, version: unit.version },
      successors: [
        { code: `TEST-${++sequence}`, name: 'Thôn Bắc' },
        { code: `TEST-${++sequence}`, name: 'Thôn Nam' },
      ],
      effectiveOn: '2030-01-01',
    });
  },
  'reference.save': async (api) => {
    const [tay] = await polcenter.reference.list('ethnicity').then((l) => l.filter((v) => v.code === 'tay'));
    return api.reference.save({
      list: 'ethnicity',
      code: 'tay',
      rank: tay?.rank as number,
      nameVi: 'Tày',
      nameEn: 'Tày',
      version: tay?.version as number,
    });
  },
};

/** A village of its own for each call that changes one (the demo's tree stays as the other tests need it). */
async function freshUnit() {
  return polcenter.units.create(SYSTEM_ACTOR, {
    code: `FRESH-${++sequence}`,
    name: 'Thôn Mới',
    level: 'village',
    parentId: phuongVien,
    validFrom: '2020-01-01',
  });
}

test('reference data and the audit log: only administrators', async () => {
  const problems: string[] = [];
  for (const [procedure, call] of Object.entries(ADMIN_ONLY)) {
    for (const caller of CALLERS) {
      const expected = caller === 'admin' ? 'allowed' : caller === 'public' ? 'UNAUTHORIZED' : 'FORBIDDEN';
      const actual = await outcomeOf(() => call(callers[caller]));
      if (actual !== expected) problems.push(`${procedure} by ${caller}: expected ${expected}, got ${actual}`);
    }
  }
  assert.equal(problems, []);
});

test("everyone's business — programs and obligations with no owner unit — only administrators define", async () => {
  const everyones = await polcenter.programs.create(SYSTEM_ACTOR, programOf(null));
  const global = {
    'programs.create': (api: Api) => api.programs.create(programOf(null)),
    'programs.update': async (api: Api) => api.programs.update(await renamed(everyones.id)),
    'obligations.define': (api: Api) =>
      api.obligations.define({
        code: `EVERYONE-${++sequence}`,
        kind: 'opinion_reports',
        minimum: 1,
        name: { vi: 'Ít nhất 1 báo cáo dư luận', en: 'At least 1 opinion report' },
      }),
  };
  const problems: string[] = [];
  for (const [procedure, call] of Object.entries(global)) {
    for (const caller of CALLERS) {
      const expected = caller === 'admin' ? 'allowed' : caller === 'public' ? 'UNAUTHORIZED' : 'FORBIDDEN';
      const actual = await outcomeOf(() => call(callers[caller]));
      if (actual !== expected) problems.push(`${procedure} by ${caller}: expected ${expected}, got ${actual}`);
    }
  }
  assert.equal(problems, []);
});

test("the district's business: a commune's propaganda officer reads the district contest, may not run it", async () => {
  const [demo] = await polcenter.orm.em
    .fork()
    .execute<{ id: string }[]>("SELECT id FROM contest WHERE title LIKE 'Hội thi Báo cáo viên giỏi huyện%'");
  const id = demo?.id as string;
  assert.is((await callers.communePropaganda.activities.contest({ id })).ownerUnitId, district);
  const refused = await callers.communePropaganda.activities.finaliseContest({ id }).catch((e: unknown) => e);
  assert.is((refused as TRPCError).code, 'FORBIDDEN');
  const conferences = await callers.communePropaganda.activities.conferences({ from: '2022-01-01', to: '2022-12-31' });
  assert.ok(conferences.some((c) => c.ownerUnitId === district));
  assert.not.ok(conferences.some((c) => c.ownerUnitId === dongLac || c.ownerUnitId === outside));
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
  const published = await callers.public.reports.published({ from: '2022-01-01', to: '2022-12-31', unitCode: '064' });
  assert.is(published.training.trainees.actual, report.trainees);
  for (const text of [
    catalog,
    timetable,
    JSON.stringify(verified),
    roster,
    JSON.stringify(report),
    JSON.stringify(published),
  ]) {
    assert.not.match(text, /nationalId|phone|birthDate|lecturerId|onlineLink/);
  }
});

test.run();
