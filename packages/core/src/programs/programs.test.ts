import type { ProgramInput, ProgramUpdateInput } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixtureClass, fixtureEnrolments, fixturePeople, fixtureUnit, setClassStatus } from '../testing/fixtures.js';
import { countRows, createTestPolCenter, expectDomainError } from '../testing/index.js';
import type { ProgramView } from './programs.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const staff = { id: null, label: 'Trung tâm Chính trị huyện' };

const count = (table: string) => countRows(polcenter.orm, table);

test('the demo holds the six default programs, with topics adding up to their periods and rules as data', async () => {
  const programs = await polcenter.programs.list();
  assert.equal(programs.map((p) => p.code).sort(), ['BDNV', 'CNKT', 'NQ', 'NTĐ', 'SC', 'ĐVM'].sort());
  const sc = await polcenter.programs.getByCode('sc');
  assert.is(sc.topics.length, 18);
  assert.is(sc.totalPeriods, 295);
  assert.equal(sc.rules.eligibility, { minEducation: 'lower_secondary' });
  assert.equal(sc.rules.passRule, { by: 'score', minimum: 5, eachAtLeast: 5 });
  const dvm = await polcenter.programs.getByCode('ĐVM');
  assert.equal(dvm.rules.eligibility.partyStatuses, ['probationary']);
  assert.is(dvm.rules.maxAbsenceRatio, 0.2);
  assert.equal(await polcenter.programs.get(dvm.id), dvm);
});

test('seeding the defaults again adds nothing and keeps what staff changed', async () => {
  await polcenter.orm.em.fork().execute("UPDATE program SET name_vi = 'Nhận thức về Đảng (sửa)' WHERE code = 'NTĐ'");
  const topics = await count('program_topic');
  assert.equal(await polcenter.programs.seedDefaults(), { created: 0 });
  assert.is(await count('program_topic'), topics);
  assert.is((await polcenter.programs.getByCode('NTĐ')).name.vi, 'Nhận thức về Đảng (sửa)');
});

const program = (overrides: Partial<ProgramInput> = {}): ProgramInput => ({
  code: 'TC',
  kind: 'elementary_theory',
  name: { vi: 'Trung cấp lý luận chính trị', en: 'Intermediate political theory' },
  topics: [
    { number: 1, title: 'Triết học Mác - Lênin', periods: 60 },
    { number: 2, title: 'Kinh tế chính trị', periods: 40 },
  ],
  endsWith: 'exams_and_paper',
  eligibility: { prerequisites: ['SC'], minEducation: 'upper_secondary' },
  passRule: { by: 'score', minimum: 5 },
  certificateKind: 'completion',
  ...overrides,
});

test('create: a program of the province’s own, with a prerequisite, audited', async () => {
  const created = await polcenter.programs.create(staff, program({ code: 'tc' }));
  assert.is(created.code, 'TC');
  assert.is(created.totalPeriods, 100);
  assert.equal(created.topics[1], {
    number: 2,
    title: { vi: 'Kinh tế chính trị', en: 'Kinh tế chính trị' },
    periods: 40,
    sessions: 0,
  });
  assert.is(created.rules.certificateNumberTemplate, '{n}/GCN-TTCT');
  assert.equal(created.rules.days, { min: 13, max: 13 });
  assert.is(created.rules.gradingScale.length, 4);
  const [log] = await polcenter.orm.em
    .fork()
    .execute("SELECT actor_label FROM audit_log WHERE action = 'program.create' AND entity_id = ?", [created.id]);
  assert.equal(log, { actor_label: staff.label });
});

test('refusals: a taken code, an unknown prerequisite, bad input — and nothing written', async () => {
  const programs = await count('program');
  const topics = await count('program_topic');
  const taken = await expectDomainError(polcenter.programs.create(staff, program({ code: 'SC', eligibility: {} })));
  assert.is(taken.code, 'PROGRAM.CODE_TAKEN');
  assert.is(taken.fields[0]?.field, 'code');
  const prerequisite = await expectDomainError(
    polcenter.programs.create(staff, program({ code: 'CC', eligibility: { prerequisites: ['SC', 'XYZ'] } })),
  );
  assert.is(prerequisite.code, 'PROGRAM.NOT_FOUND');
  assert.is(prerequisite.fields[0]?.field, 'eligibility.prerequisites.1');
  const duplicateTopic = await expectDomainError(
    polcenter.programs.create(
      staff,
      program({
        code: 'CC',
        topics: [
          { number: 1, title: 'A', periods: 4 },
          { number: 1, title: 'B', periods: 4 },
        ],
      }),
    ),
  );
  assert.is(duplicateTopic.code, 'INPUT.INVALID');
  assert.is(duplicateTopic.fields[0]?.field, 'topics.1.number');
  const empty = await expectDomainError(polcenter.programs.create(staff, program({ code: '', topics: [] })));
  assert.equal([...new Set(empty.fields.map((f) => f.field))].sort(), ['code', 'topics']);
  assert.is(await count('program'), programs);
  assert.is(await count('program_topic'), topics);
  assert.is(
    (await expectDomainError(polcenter.programs.get('00000000-0000-4000-8000-000000000000'))).code,
    'PROGRAM.NOT_FOUND',
  );
  assert.is((await expectDomainError(polcenter.programs.getByCode('NOPE'))).code, 'PROGRAM.NOT_FOUND');
});

/** The whole of a program as the edit form sends it back, changed as asked. */
const edited = (p: ProgramView, changes: Partial<ProgramUpdateInput> = {}): ProgramUpdateInput => ({
  id: p.id,
  expectedVersion: p.version,
  code: p.code,
  kind: p.kind,
  name: p.name,
  audience: p.rules.audience,
  topics: p.topics.map((t) => ({ number: t.number, title: t.title, periods: t.periods })),
  days: p.rules.days,
  endsWith: p.rules.endsWith,
  eligibility: structuredClone(p.rules.eligibility) as ProgramUpdateInput['eligibility'],
  passRule: p.rules.passRule,
  certificateKind: p.rules.certificateKind,
  certificateNumberTemplate: p.rules.certificateNumberTemplate,
  maxAbsenceRatio: p.rules.maxAbsenceRatio,
  gradingScale: structuredClone(p.rules.gradingScale) as ProgramUpdateInput['gradingScale'],
  ...changes,
});

const rowOf = async (id: string) =>
  (await polcenter.orm.em.fork().execute('SELECT rules, version FROM program WHERE id = ?', [id]))[0];

test('update: every configurable rule changes at once, the version moves on, audited before and after', async () => {
  const before = await polcenter.programs.create(staff, program({ code: 'CNX' }));
  const after = await polcenter.programs.update(
    staff,
    edited(before, {
      name: { vi: 'Trung cấp lý luận chính trị (mới)', en: 'Intermediate political theory (new)' },
      audience: 'Cán bộ diện quy hoạch',
      days: { min: 10, max: 14 },
      endsWith: 'paper',
      eligibility: { partyStatuses: ['full_member'], minEducation: 'upper_secondary', prerequisites: ['SC'] },
      passRule: { by: 'score', minimum: 6, eachAtLeast: 4 },
      certificateKind: 'elementary_theory',
      certificateNumberTemplate: '{n:3}/{yyyy}/GCN-TTCT',
      maxAbsenceRatio: 0.1,
      gradingScale: [
        { code: 'pass', min: 6, name: { vi: 'Đạt', en: 'Pass' } },
        { code: 'excellent', min: 9, name: { vi: 'Xuất sắc', en: 'Outstanding' } },
        { code: 'fail', min: 0, name: { vi: 'Không đạt', en: 'Fail' } },
      ],
      topics: [
        { number: 1, title: { vi: 'Triết học Mác - Lênin', en: 'Marxist-Leninist philosophy' }, periods: 60 },
        { number: 2, title: 'Kinh tế chính trị Mác - Lênin', periods: 45 },
        { number: 3, title: 'Chủ nghĩa xã hội khoa học', periods: 30 },
      ],
    }),
  );
  assert.is(after.version, before.version + 1);
  assert.is(after.name.vi, 'Trung cấp lý luận chính trị (mới)');
  assert.equal(after.rules.audience, { vi: 'Cán bộ diện quy hoạch', en: 'Cán bộ diện quy hoạch' });
  assert.equal(after.rules.days, { min: 10, max: 14 });
  assert.equal(after.rules.passRule, { by: 'score', minimum: 6, eachAtLeast: 4 });
  assert.is(after.rules.maxAbsenceRatio, 0.1);
  assert.is(after.rules.certificateNumberTemplate, '{n:3}/{yyyy}/GCN-TTCT');
  assert.equal(
    after.rules.gradingScale.map((b) => b.min),
    [9, 6, 0],
    'bands kept highest first',
  );
  assert.equal(
    after.topics.map((t) => [t.number, t.title.vi, t.periods]),
    [
      [1, 'Triết học Mác - Lênin', 60],
      [2, 'Kinh tế chính trị Mác - Lênin', 45],
      [3, 'Chủ nghĩa xã hội khoa học', 30],
    ],
  );
  assert.is(after.totalPeriods, 135);
  assert.equal(await polcenter.programs.get(before.id), after);
  const history = await polcenter.programs.history({ programId: before.id });
  assert.equal(
    history.items.map((e) => e.action),
    ['program.update', 'program.create'],
  );
  type Audited = { rules: ProgramView['rules']; topics: { title: { vi: string } }[] };
  const entry = history.items[0] as { before: Audited; after: Audited; actorLabel: string };
  assert.is(entry.actorLabel, staff.label);
  assert.is(entry.before.rules.maxAbsenceRatio, 0.2);
  assert.is(entry.after.rules.maxAbsenceRatio, 0.1);
  assert.is(entry.before.topics.length, 2);
  assert.is(entry.after.topics[1]?.title.vi, 'Kinh tế chính trị Mác - Lênin');
});

test('update refuses bad rules field by field, in both languages, and writes nothing', async () => {
  const p = await polcenter.programs.create(staff, program({ code: 'CNY' }));
  const cases: [Partial<ProgramUpdateInput>, string, RegExp][] = [
    [
      {
        gradingScale: [
          { code: 'good', min: 7, name: { vi: 'Khá', en: 'Good' } },
          { code: 'fair', min: 7, name: { vi: 'Trung bình', en: 'Fair' } },
          { code: 'fail', min: 0, name: { vi: 'Không đạt', en: 'Fail' } },
        ],
      },
      'gradingScale.1.min',
      /trùng điểm sàn 7/,
    ],
    [
      {
        gradingScale: [
          { code: 'good', min: 7, name: { vi: 'Khá', en: 'Good' } },
          { code: 'pass', min: 5, name: { vi: 'Đạt', en: 'Pass' } },
        ],
      },
      'gradingScale.1.min',
      /bắt đầu từ 0 điểm/,
    ],
    [{ maxAbsenceRatio: 1.5 }, 'maxAbsenceRatio', /từ 0% đến 100%/],
    [{ maxAbsenceRatio: -0.1 }, 'maxAbsenceRatio', /từ 0% đến 100%/],
    [{ certificateNumberTemplate: '/GCN-TTCT' }, 'certificateNumberTemplate', /phải chứa \{n\}/],
    [{ days: { min: 5, max: 3 } }, 'days.max', /không được nhỏ hơn/],
    [{ passRule: { by: 'score', minimum: 11 } }, 'passRule.minimum', /lớn hơn 10/],
    [{ eligibility: { prerequisites: ['CNY'] } }, 'eligibility.prerequisites', /chính nó/],
    [{ eligibility: { prerequisites: ['KHONGCO'] } }, 'eligibility.prerequisites.0', /Không tìm thấy/],
    [
      {
        topics: [
          { number: 1, title: 'A', periods: 4 },
          { number: 1, title: 'B', periods: 4 },
        ],
      },
      'topics.1.number',
      /bị trùng/,
    ],
    [{ topics: [] }, 'topics', /ít nhất 1/],
  ];
  for (const [changes, field, message] of cases) {
    const error = await expectDomainError(polcenter.programs.update(staff, edited(p, changes)));
    const found = error.fields.find((f) => f.field === field);
    assert.ok(found, `${field}: got ${JSON.stringify(error.fields)}`);
    assert.match(found?.message.vi ?? '', message, field);
    assert.ok(found?.message.en, field);
  }
  assert.equal(await rowOf(p.id), { rules: p.rules, version: p.version });
  assert.is((await polcenter.programs.history({ programId: p.id })).items.length, 1);
});

test('update on a stale version is PROGRAM.STALE: the first edit stands', async () => {
  const p = await polcenter.programs.create(staff, program({ code: 'CNZ' }));
  await polcenter.programs.update(staff, edited(p, { maxAbsenceRatio: 0.3 }));
  const stale = await expectDomainError(polcenter.programs.update(staff, edited(p, { maxAbsenceRatio: 0.1 })));
  assert.is(stale.code, 'PROGRAM.STALE');
  assert.is((await polcenter.programs.get(p.id)).rules.maxAbsenceRatio, 0.3);
  const missing = await expectDomainError(
    polcenter.programs.update(staff, edited(p, { id: '00000000-0000-4000-8000-000000000000' })),
  );
  assert.is(missing.code, 'PROGRAM.NOT_FOUND');
});

test('two editors save the same version at once: one edit stands, the other is PROGRAM.STALE', async () => {
  const p = await polcenter.programs.create(staff, program({ code: 'DONG' }));
  const outcomes = await Promise.allSettled([
    polcenter.programs.update(staff, edited(p, { maxAbsenceRatio: 0.1 })),
    polcenter.programs.update(staff, edited(p, { maxAbsenceRatio: 0.3 })),
  ]);
  const saved = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code: string }] : []));
  assert.is(saved.length, 1);
  assert.equal(
    refused.map((e) => e.code),
    ['PROGRAM.STALE'],
  );
  const now = await polcenter.programs.get(p.id);
  assert.is(now.version, p.version + 1);
  assert.is(now.rules.maxAbsenceRatio, saved[0]?.rules.maxAbsenceRatio);
  assert.is(await countRows(polcenter.orm, 'audit_log', "action = 'program.update' AND entity_id = ?", [p.id]), 1);
});

test('topics keep their numbers: retitled and added freely, removed only while no session names them', async () => {
  const unit = await fixtureUnit(polcenter.orm);
  const p = await polcenter.programs.create(
    staff,
    program({
      code: 'TOPIC',
      topics: [
        { number: 1, title: 'Chuyên đề 1', periods: 4 },
        { number: 2, title: 'Chuyên đề 2', periods: 4 },
        { number: 3, title: 'Chuyên đề 3', periods: 4 },
      ],
    }),
  );
  const cls = await fixtureClass(polcenter.orm, { programId: p.id, unitId: unit });
  await polcenter.orm.em.fork().execute('UPDATE class_session SET topic_number = 2 WHERE id = ?', [cls.sessionIds[0]]);
  const used = await polcenter.programs.get(p.id);
  assert.equal(
    used.topics.map((t) => t.sessions),
    [0, 1, 0],
  );
  const refused = await expectDomainError(
    polcenter.programs.update(staff, edited(used, { topics: [{ number: 1, title: 'Chuyên đề 1', periods: 4 }] })),
  );
  assert.is(refused.code, 'PROGRAM.TOPIC_IN_USE');
  assert.is(refused.fields[0]?.field, 'topics');
  assert.match(refused.text.vi, /chuyên đề số 2/);
  const renumbered = await expectDomainError(
    polcenter.programs.update(
      staff,
      edited(used, {
        topics: [
          { number: 1, title: 'Chuyên đề 1', periods: 4 },
          { number: 3, title: 'Chuyên đề 2', periods: 4 },
        ],
      }),
    ),
  );
  assert.is(renumbered.code, 'PROGRAM.TOPIC_IN_USE');
  const after = await polcenter.programs.update(
    staff,
    edited(used, {
      topics: [
        { number: 2, title: 'Xây dựng Đảng về đạo đức', periods: 6 },
        { number: 4, title: 'Phòng, chống tham nhũng', periods: 4 },
      ],
    }),
  );
  assert.equal(
    after.topics.map((t) => [t.number, t.title.vi, t.periods, t.sessions]),
    [
      [2, 'Xây dựng Đảng về đạo đức', 6, 1],
      [4, 'Phòng, chống tham nhũng', 4, 0],
    ],
  );
});

test('the code changes only while no class and no other program carries it', async () => {
  const unit = await fixtureUnit(polcenter.orm);
  const free = await polcenter.programs.create(staff, program({ code: 'MOI' }));
  assert.is((await polcenter.programs.update(staff, edited(free, { code: 'moi2' }))).code, 'MOI2');
  const withClass = await polcenter.programs.create(staff, program({ code: 'COLOP' }));
  await fixtureClass(polcenter.orm, { programId: withClass.id, unitId: unit });
  const refused = await expectDomainError(polcenter.programs.update(staff, edited(withClass, { code: 'KHAC' })));
  assert.is(refused.code, 'PROGRAM.CODE_IN_USE');
  assert.is(refused.fields[0]?.field, 'code');
  assert.match(refused.text.vi, /1 lớp/);
  const required = await polcenter.programs.getByCode('SC');
  const asPrerequisite = await expectDomainError(polcenter.programs.update(staff, edited(required, { code: 'SC2' })));
  assert.is(asPrerequisite.code, 'PROGRAM.CODE_IN_USE');
  assert.match(asPrerequisite.text.vi, /điều kiện của/);
  const current = await polcenter.programs.get(free.id);
  const taken = await expectDomainError(polcenter.programs.update(staff, edited(current, { code: 'NQ' })));
  assert.is(taken.code, 'PROGRAM.CODE_TAKEN');
});

test('a class keeps the rules it opened with; one opened after the edit, and a draft, take the new ones', async () => {
  const unit = await fixtureUnit(polcenter.orm);
  const p = await polcenter.programs.create(
    staff,
    program({ code: 'SNAP', passRule: { by: 'score', minimum: 5 }, eligibility: {} }),
  );
  const opened = await fixtureClass(polcenter.orm, { programId: p.id, unitId: unit, status: 'running' });
  const draft = await fixtureClass(polcenter.orm, { programId: p.id, unitId: unit, status: 'draft' });
  await polcenter.programs.update(
    staff,
    edited(p, {
      passRule: { by: 'score', minimum: 7 },
      certificateNumberTemplate: '{n:3}/{yyyy}/GCN-SNAP',
      gradingScale: [
        { code: 'good', min: 7, name: { vi: 'Khá', en: 'Good' } },
        { code: 'fail', min: 0, name: { vi: 'Chưa đạt', en: 'Not yet' } },
      ],
    }),
  );
  const later = await fixtureClass(polcenter.orm, { programId: p.id, unitId: unit, status: 'running' });
  const rulesOf = async (id: string) =>
    (
      await polcenter.orm.em
        .fork()
        .execute<{ rules: ProgramView['rules'] }[]>('SELECT rules FROM training_class WHERE id = ?', [id])
    )[0]?.rules;
  assert.equal((await rulesOf(opened.id))?.passRule, { by: 'score', minimum: 5 });
  assert.equal((await rulesOf(draft.id))?.passRule, { by: 'score', minimum: 7 }, 'a draft follows its program');
  assert.equal((await rulesOf(later.id))?.passRule, { by: 'score', minimum: 7 });

  // The same trainee's 6 is a pass in the class opened before, a failure in the one opened after.
  const resultOf = async (cls: { id: string; sessionIds: string[] }) => {
    const [enrolment] = (await fixtureEnrolments(
      polcenter.orm,
      cls.id,
      await fixturePeople(polcenter.orm, 1),
      'approved',
    )) as [string];
    await polcenter.attendance.recordSheet(staff, {
      sessionId: cls.sessionIds[0] as string,
      marks: [{ enrolmentId: enrolment, mark: 'present' }],
    });
    await polcenter.results.recordScores(staff, {
      enrolmentId: enrolment,
      scores: [{ label: 'Bài thu hoạch', value: 6 }],
    });
    const [result] = await polcenter.results.computeForClass(staff, { classId: cls.id });
    return result;
  };
  const before = await resultOf(opened);
  assert.is(before?.outcome, 'passed');
  assert.is(before?.classification?.code, 'pass', "the old scale's band");
  const after = await resultOf(later);
  assert.is(after?.outcome, 'failed');
  assert.equal(after?.reason, { code: 'below_minimum', finalScore: 6, minimum: 7 });
  assert.is(after?.classification?.code, 'fail');

  // Certificates are numbered the way each class's rules say.
  for (const cls of [opened, later]) await setClassStatus(polcenter.orm, cls.id, 'finished');
  const [oldNumber] = await polcenter.certificates.issueForClass(staff, { classId: opened.id, issuedOn: '2026-12-01' });
  assert.match(oldNumber?.numberText ?? '', /^\d+\/GCN-TTCT$/);
  const winner = await polcenter.results.recordScores(staff, {
    enrolmentId: (after as { enrolmentId: string }).enrolmentId,
    scores: [{ label: 'Bài thu hoạch', value: 8 }],
  });
  assert.ok(winner);
  await setClassStatus(polcenter.orm, later.id, 'running');
  await polcenter.results.computeForClass(staff, { classId: later.id });
  await setClassStatus(polcenter.orm, later.id, 'finished');
  const [newNumber] = await polcenter.certificates.issueForClass(staff, { classId: later.id, issuedOn: '2026-12-01' });
  assert.match(newNumber?.numberText ?? '', /^\d{3}\/2026\/GCN-SNAP$/);
});

test.run();
