import type { ProgramInput } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { countRows, createTestPolCenter, expectDomainError } from '../testing/index.js';

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
  });
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

test.run();
