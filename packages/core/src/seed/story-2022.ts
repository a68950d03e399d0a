import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AttendanceMark,
  computeResult,
  type DayPart,
  DEFAULT_DAY_PART_TIMES,
  DEFAULT_PROGRAMS,
  dayOffReason,
  foldDiacritics,
  formatCertificateNumber,
  type PartyStatus,
  type ProgramDefinition,
  splitFullName,
  summariseAttendance,
  verificationCodeFromBytes,
} from '@polcenter/domain';
import { PERSON_COLUMNS } from '../people/people.js';
import { insertRows } from './insert-rows.js';
import { generatePerson } from './people-generator.js';
import { seededRandom } from './random.js';

/**
 * The classes of the source article: Chợ Đồn's political center opened 4 classes for 211
 * trainees in the first half of 2022, and more in the second; a resolution-study conference went
 * online to commune sites. Then, after the 2025 reorganisation, the new commune of Chợ Đồn opens
 * classes of its own — open for enrolment now, so the public catalog has something to show.
 */
interface StoryClass {
  readonly code: string;
  /** Names the class's id when its code changes from one seed to another (the open classes). */
  readonly key?: string;
  readonly program: string;
  readonly title?: string;
  readonly organiser: string;
  readonly start: string;
  /** Teaching days (weekdays from `start`). */
  readonly days: number;
  readonly trainees: number;
  readonly capacity: number;
  readonly status: 'closed' | 'open';
  readonly opensOn: string;
  readonly closesOn: string;
  readonly mode?: 'in_person' | 'online' | 'hybrid';
}

const CENTER = '064';
const VENUE = 'Hội trường Trung tâm Chính trị huyện Chợ Đồn, thị trấn Bằng Lũng';

const CLASSES: readonly StoryClass[] = [
  {
    code: 'NTĐ-01/2022',
    program: 'NTĐ',
    organiser: CENTER,
    start: '2022-03-14',
    days: 5,
    trainees: 58,
    capacity: 70,
    status: 'closed',
    opensOn: '2022-02-14',
    closesOn: '2022-03-07',
  },
  {
    code: 'ĐVM-01/2022',
    program: 'ĐVM',
    organiser: CENTER,
    start: '2022-04-12',
    days: 7,
    trainees: 52,
    capacity: 70,
    status: 'closed',
    opensOn: '2022-03-14',
    closesOn: '2022-04-04',
  },
  {
    code: 'CNKT-01/2022',
    program: 'CNKT',
    title: 'Cập nhật kiến thức cho cán bộ chủ chốt cơ sở',
    organiser: CENTER,
    start: '2022-05-23',
    days: 3,
    trainees: 55,
    capacity: 60,
    status: 'closed',
    opensOn: '2022-04-25',
    closesOn: '2022-05-16',
  },
  {
    code: 'BDNV-01/2022',
    program: 'BDNV',
    title: 'Bồi dưỡng nghiệp vụ công tác Đảng cho bí thư chi bộ',
    organiser: CENTER,
    start: '2022-06-13',
    days: 4,
    trainees: 46,
    capacity: 60,
    status: 'closed',
    opensOn: '2022-05-16',
    closesOn: '2022-06-06',
  },
  {
    code: 'NQ-01/2022',
    program: 'NQ',
    title: 'Học tập, quán triệt Nghị quyết Trung ương 5 khoá XIII',
    organiser: CENTER,
    start: '2022-07-20',
    days: 1,
    trainees: 0,
    capacity: 1500,
    status: 'closed',
    opensOn: '2022-07-01',
    closesOn: '2022-07-15',
    mode: 'hybrid',
  },
  {
    code: 'NTĐ-02/2022',
    program: 'NTĐ',
    organiser: CENTER,
    start: '2022-08-15',
    days: 5,
    trainees: 72,
    capacity: 80,
    status: 'closed',
    opensOn: '2022-07-18',
    closesOn: '2022-08-08',
  },
  {
    code: 'ĐVM-02/2022',
    program: 'ĐVM',
    organiser: CENTER,
    start: '2022-09-19',
    days: 7,
    trainees: 64,
    capacity: 80,
    status: 'closed',
    opensOn: '2022-08-22',
    closesOn: '2022-09-12',
  },
  {
    code: 'SC-01/2022',
    program: 'SC',
    organiser: CENTER,
    start: '2022-10-10',
    days: 20,
    trainees: 45,
    capacity: 50,
    status: 'closed',
    opensOn: '2022-09-05',
    closesOn: '2022-10-03',
  },
];

/**
 * The new commune's classes open for enrolment, placed relative to the day the demo is seeded so
 * that a demo (and every test on it) always has an open class to show, whatever the year: the
 * first starts on the first Monday at least six weeks out, the second six weeks later; enrolment
 * opened 16 days before the seed and closes a week before each class. Codes carry the start's year.
 */
export function openStoryClasses(today: string): readonly StoryClass[] {
  const first = nextMonday(addDays(today, 42));
  const second = addDays(first, 42);
  const opensOn = addDays(today, -16);
  return [
    {
      code: `NTĐ-01/${first.slice(0, 4)}`,
      // The demo portal page embeds this class's registration form by id: the id must not follow the year.
      key: 'open:NTĐ',
      program: 'NTĐ',
      organiser: 'TN-CHODON',
      start: first,
      days: 5,
      trainees: 0,
      capacity: 80,
      status: 'open',
      opensOn,
      closesOn: addDays(first, -7),
    },
    {
      code: `ĐVM-01/${second.slice(0, 4)}`,
      key: 'open:ĐVM',
      program: 'ĐVM',
      organiser: 'TN-CHODON',
      start: second,
      days: 7,
      trainees: 0,
      capacity: 70,
      status: 'open',
      opensOn,
      closesOn: addDays(second, -7),
    },
  ];
}

function nextMonday(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, (8 - weekday) % 7);
}

/**
 * One certificate of 2022 was revoked, as happens: the number stays, the reason is kept, and the
 * public check and the printed page both say so.
 */
const REVOKED_NUMBER = 7;
const REVOCATION = [
  '2022-04-04T02:30:00Z',
  'Cấp nhầm: học viên chưa nộp bài thu hoạch; thu hồi theo đề nghị của Đảng ủy xã, sẽ cấp lại sau khi hoàn thành.',
];

export interface StoryReport {
  readonly people: number;
  readonly classes: number;
  readonly enrolments: number;
  readonly certificates: number;
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Weekdays from `start`, skipping the Tết break and public holidays (days-off.ts). */
function teachingDays(start: string, count: number): string[] {
  const days: string[] = [];
  for (let day = start; days.length < count; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 6 && !dayOffReason(day)) days.push(day);
  }
  return days;
}

/**
 * Who teaches each program's sessions, by the rapporteur's index on the district roster
 * (rosters.ts): the head of the propaganda department, who directs the center, teaches in every
 * program; the others teach what their posts know. Taken in turn, session by session.
 */
const DISTRICT_LECTURERS: Record<string, readonly number[]> = {
  NTĐ: [1, 0, 13, 12],
  ĐVM: [1, 13, 0, 14, 6],
  CNKT: [8, 7, 9, 4, 1],
  BDNV: [13, 14, 1, 12],
  NQ: [1],
  SC: [1, 0, 13, 12, 8, 4, 9, 10],
};

/** After 2025 the provincial political school teaches the communes' classes. */
const SCHOOL_LECTURERS: readonly (readonly [string, string, 'male' | 'female', 'tay' | 'kinh' | 'dao'])[] = [
  ['Hoàng Thị Thu Trang', 'Trưởng khoa Xây dựng Đảng, Trường Chính trị tỉnh Thái Nguyên', 'female', 'tay'],
  ['Lục Văn Kiên', 'Giảng viên chính, Khoa Lý luận cơ sở, Trường Chính trị tỉnh Thái Nguyên', 'male', 'tay'],
  ['Triệu Tài Minh', 'Giảng viên, Khoa Nhà nước và Pháp luật, Trường Chính trị tỉnh Thái Nguyên', 'male', 'dao'],
];

const digits = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

function partyStatusFor(program: ProgramDefinition): PartyStatus {
  const allowed = program.eligibility.partyStatuses;
  if (allowed?.includes('non_member')) return 'non_member';
  if (allowed?.includes('probationary') && allowed.length === 1) return 'probationary';
  return 'full_member';
}

/**
 * Writes the story in the seed's transaction: people, classes with timetables and sites,
 * enrolments with attendance, scores and results computed by the domain rules, and certificates
 * numbered without gaps. `idFor` gives the same ids on every run.
 * @internal Takes the ORM's session: stays out of the published types (ADR 0032).
 */
export async function seedStory2022(
  tx: EntityManager,
  unitId: (code: string) => string,
  idFor: (key: string) => string,
  communeCodes: readonly string[],
  today: string,
): Promise<StoryReport> {
  const random = seededRandom(2022);
  const people: unknown[][] = [];
  const classes: unknown[][] = [];
  const sites: unknown[][] = [];
  const sessions: unknown[][] = [];
  const enrolments: unknown[][] = [];
  const attendance: unknown[][] = [];
  const scores: unknown[][] = [];
  const certificates: unknown[][] = [];
  const counters = new Map<string, number>();

  // Lecturers teach on days they brief no village (the rosters are seeded first).
  const briefingDays = new Set(
    (
      await tx.execute<{ key: string }[]>(
        `SELECT bp.person_id || ' ' || to_char(b.date, 'YYYY-MM-DD') AS key
           FROM briefing b JOIN briefing_person bp ON bp.briefing_id = b.id`,
      )
    ).map((row) => row.key),
  );
  const schoolLecturers = SCHOOL_LECTURERS.map(([fullName, position, gender, ethnicity], i) => {
    const personId = idFor(`lecturer:school:${i}`);
    people.push([
      personId,
      fullName,
      splitFullName(fullName).given,
      foldDiacritics(fullName),
      null,
      gender,
      ethnicity,
      unitId('19'),
      position,
      'full_member',
      null,
      null,
      null,
      null,
    ]);
    return personId;
  });
  const lecturersFor = (story: StoryClass): readonly string[] =>
    story.organiser === CENTER
      ? (DISTRICT_LECTURERS[story.program] ?? [1]).map((n) => idFor(`rapporteur:district-${n}`))
      : schoolLecturers;

  for (const story of [...CLASSES, ...openStoryClasses(today)]) {
    const program = DEFAULT_PROGRAMS.find((p) => p.code === story.program);
    if (!program) throw new Error(`No default program ${story.program}`);
    const classId = idFor(`class:${story.key ?? story.code}`);
    const days = teachingDays(story.start, story.days);
    const mode = story.mode ?? 'in_person';
    classes.push([
      classId,
      story.code,
      idFor(`program:${story.program}`),
      unitId(story.organiser),
      story.title ?? null,
      mode,
      mode === 'online' ? null : story.organiser === CENTER ? VENUE : 'Hội trường Đảng uỷ xã Chợ Đồn',
      days[0],
      days.at(-1),
      story.capacity,
      story.trainees,
      story.opensOn,
      story.closesOn,
      story.status,
    ]);
    const siteIds: string[] = [];
    if (mode !== 'in_person') {
      for (const commune of communeCodes) {
        const siteId = idFor(`site:${story.code}:${commune}`);
        siteIds.push(siteId);
        sites.push([siteId, classId, `Điểm cầu ${commune}`, unitId(commune)]);
      }
    }
    const classSessions: { id: string; periods: number }[] = [];
    let topic = 0;
    const lecturers = lecturersFor(story);
    let turn = 0;
    for (const day of days) {
      for (const part of ['morning', 'afternoon'] as DayPart[]) {
        const id = idFor(`session:${story.code}:${day}:${part}`);
        const periods = part === 'morning' ? 5 : 4;
        topic = (topic % program.topicCount) + 1;
        const times = DEFAULT_DAY_PART_TIMES[part];
        let lecturer = lecturers[turn++ % lecturers.length] as string;
        for (let tries = 1; briefingDays.has(`${lecturer} ${day}`) && tries < lecturers.length; tries++) {
          lecturer = lecturers[turn++ % lecturers.length] as string;
        }
        sessions.push([id, classId, day, part, times.start, times.end, topic, lecturer, periods]);
        classSessions.push({ id, periods });
      }
    }

    for (let n = 0; n < story.trainees; n++) {
      const generated = generatePerson(random);
      const personId = idFor(`person:${story.code}:${n}`);
      const commune = communeCodes[Math.floor(random() * communeCodes.length)] as string;
      const partyStatus = partyStatusFor(program);
      const young = partyStatus === 'non_member';
      const birthYear = (young ? 1990 : 1968) + Math.floor(random() * (young ? 13 : 24));
      const birthDate = `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const admitted = partyStatus === 'probationary' ? addDays(story.start, -30 - Math.floor(random() * 300)) : null;
      people.push([
        personId,
        generated.fullName,
        splitFullName(generated.fullName).given,
        foldDiacritics(generated.fullName),
        birthDate,
        generated.gender,
        generated.ethnicity,
        unitId(commune),
        partyStatus === 'full_member' && story.program === 'BDNV' ? 'Bí thư chi bộ' : null,
        partyStatus,
        admitted,
        random() < 0.7 ? 'upper_secondary' : 'lower_secondary',
        `09${digits(random, 8)}`,
        // CCCD: province of registration (006 Bắc Kạn), century-and-sex digit, year, six digits.
        `006${generated.gender === 'male' ? (birthYear < 2000 ? 0 : 2) : birthYear < 2000 ? 1 : 3}${String(birthYear % 100).padStart(2, '0')}${digits(random, 6)}`,
      ]);

      // Most trainees attend everything; a few miss sessions, and a handful too many.
      const marks = new Map<string, AttendanceMark>();
      const truant = random() < 0.04;
      for (const session of classSessions) {
        const roll = random();
        const mark: AttendanceMark = truant
          ? roll < 0.35
            ? 'absent'
            : roll < 0.5
              ? 'excused'
              : 'present'
          : roll < 0.03
            ? 'excused'
            : roll < 0.04
              ? 'absent'
              : 'present';
        marks.set(session.id, mark);
      }
      const enrolmentId = idFor(`enrolment:${story.code}:${n}`);
      const paper =
        Math.round(Math.min(9.8, Math.max(3.5, 7.4 + (random() + random() + random() - 1.5) * 2.2)) * 10) / 10;
      const result = computeResult({
        passRule: program.passRule,
        attendance: summariseAttendance(classSessions, marks),
        scores: program.passRule.by === 'score' ? [{ value: paper }] : [],
        maxAbsenceRatio: program.maxAbsenceRatio,
        scale: program.gradingScale,
      });
      const requestedAt = `${addDays(story.opensOn, Math.floor(random() * 10))}T08:00:00+07:00`;
      enrolments.push([
        enrolmentId,
        classId,
        personId,
        result.outcome,
        'nominated',
        unitId(commune),
        requestedAt,
        `${story.closesOn}T16:00:00+07:00`,
        result.finalScore,
        result.classification?.code ?? null,
      ]);
      for (const [sessionId, mark] of marks) attendance.push([enrolmentId, sessionId, mark]);
      if (program.passRule.by === 'score') scores.push([enrolmentId, 'paper', paper]);
      if (result.outcome === 'passed' && program.certificateKind) {
        const year = Number(story.start.slice(0, 4));
        const issuer = unitId(story.organiser);
        const number = (counters.get(`${issuer}:${year}`) ?? 0) + 1;
        counters.set(`${issuer}:${year}`, number);
        const bytes = Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256));
        certificates.push([
          idFor(`certificate:${enrolmentId}`),
          enrolmentId,
          issuer,
          year,
          number,
          formatCertificateNumber(number, year),
          verificationCodeFromBytes(bytes).replaceAll('-', ''),
          days.at(-1),
          ...(number === REVOKED_NUMBER && year === 2022 ? REVOCATION : [null, null]),
        ]);
      }
    }
  }

  await insertRows(tx, 'person', ['id', ...PERSON_COLUMNS], people);
  await insertRows(
    tx,
    'training_class',
    [
      'id',
      'code',
      'program_id',
      'organiser_unit_id',
      'title',
      'mode',
      'venue',
      'start_date',
      'end_date',
      'capacity',
      'seats_taken',
      'enrolment_opens_on',
      'enrolment_closes_on',
      'status',
    ],
    classes,
  );
  await insertRows(tx, 'class_site', ['id', 'class_id', 'name', 'unit_id'], sites);
  await insertRows(
    tx,
    'class_session',
    ['id', 'class_id', 'date', 'part', 'start_time', 'end_time', 'topic_number', 'lecturer_id', 'periods'],
    sessions,
  );
  await insertRows(
    tx,
    'enrolment',
    [
      'id',
      'class_id',
      'person_id',
      'state',
      'origin',
      'nominated_by_unit_id',
      'requested_at',
      'decided_at',
      'final_score',
      'classification',
    ],
    enrolments,
  );
  await insertRows(tx, 'attendance', ['enrolment_id', 'session_id', 'mark'], attendance, 2000);
  await insertRows(tx, 'score', ['enrolment_id', 'component', 'value'], scores);
  await insertRows(
    tx,
    'certificate',
    [
      'id',
      'enrolment_id',
      'issuer_unit_id',
      'year',
      'number',
      'number_text',
      'verification_code',
      'issued_on',
      'revoked_at',
      'revoke_reason',
    ],
    certificates,
  );
  await insertRows(
    tx,
    'certificate_counter',
    ['issuer_unit_id', 'year', 'last_number'],
    [...counters].map(([key, last]) => [...key.split(':'), last]),
  );
  return {
    people: people.length,
    classes: classes.length,
    enrolments: enrolments.length,
    certificates: certificates.length,
  };
}
