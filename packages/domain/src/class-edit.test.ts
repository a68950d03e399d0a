import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { capacityBelowTakenError, classPatch, classUpdateInput, finishEmptyError } from './class-edit.js';
import { isClassEditable } from './class-edit-terms.js';
import { classListInput, searchWords } from './class-list.js';
import { classRuleProblems } from './classes.js';
import { isDomainError, parseInput } from './errors.js';

const id = '0b7d8f0e-3c1a-4e7a-9d2b-5f6a7b8c9d01';

test('a patch changes only what it names; null clears an optional field; dates are read as people type them', () => {
  assert.equal(parseInput(classPatch, { capacity: 30 }), { capacity: 30 });
  assert.equal(parseInput(classPatch, { title: null, startDate: '14/03/2026' }), {
    title: null,
    startDate: '2026-03-14',
  });
  const fields = (input: unknown) => {
    try {
      parseInput(classUpdateInput, input);
      return [];
    } catch (error) {
      return isDomainError(error) ? error.fields.map((f) => f.field) : ['?'];
    }
  };
  // The program and the organiser are not edited: naming them is a mistake, said as such. The code
  // and the mode are (until the first enrolment, which the service checks), in their own format.
  assert.equal(fields({ classId: id, expectedVersion: 1, programId: id }), ['(input)']);
  assert.equal(fields({ classId: id, expectedVersion: 1, organiserUnitId: id }), ['(input)']);
  assert.equal(fields({ classId: id, expectedVersion: 1, code: 'NTĐ-01/2026', mode: 'hybrid' }), []);
  assert.equal(fields({ classId: id, expectedVersion: 1, code: 'lớp 1' }), ['code']);
  assert.equal(fields({ classId: id, expectedVersion: 1, mode: 'by post' }), ['mode']);
  assert.equal(fields({ classId: id, capacity: 5 }), ['expectedVersion']);
  assert.equal(fields({ classId: id, expectedVersion: 1, capacity: 0 }), ['capacity']);
  assert.equal(fields({ classId: id, expectedVersion: 1, sites: [{ id: 'x', name: 'Điểm cầu' }] }), ['sites.0.id']);
});

test('the rules of a whole class, named by field: the same for a new class and an edited one', () => {
  const fine = {
    mode: 'in_person' as const,
    venue: 'Hội trường',
    sites: [],
    startDate: '2026-03-09',
    endDate: '2026-03-13',
  };
  assert.equal(classRuleProblems(fine), []);
  assert.equal(
    classRuleProblems({ ...fine, venue: null, endDate: '2026-03-01', enrolmentClosesOn: '2026-03-10' }).map((p) =>
      p.path.join('.'),
    ),
    ['endDate', 'venue', 'enrolmentClosesOn'],
  );
  assert.equal(
    classRuleProblems({ ...fine, mode: 'online', venue: null }).map((p) => p.path.join('.')),
    ['sites'],
  );
});

test('refusals carry their count and field in both languages', () => {
  const cut = capacityBelowTakenError(5, 6);
  assert.is(cut.code, 'CLASS.CAPACITY_BELOW_TAKEN');
  assert.is(cut.kind, 'conflict');
  assert.equal(cut.fields[0]?.message, {
    vi: 'Lớp đã duyệt 6 học viên; sức chứa không được nhỏ hơn 6.',
    en: '6 trainees are already approved; the capacity cannot be below 6.',
  });
  assert.is(finishEmptyError().fields[0]?.field, 'confirmEmpty');
  assert.ok(isClassEditable('running'));
  assert.not.ok(isClassEditable('finished'));
});

test('searching the list: diacritics, case and the code’s punctuation ignored', () => {
  assert.equal(searchWords('Bồi  Dưỡng'), ['boi', 'duong']);
  assert.equal(searchWords('NTĐ-03/2026'), ['ntd', '03', '2026']);
  assert.equal(searchWords(undefined), []);
  assert.equal(parseInput(classListInput, undefined), { limit: 20 });
  assert.is(parseInput(classListInput, { year: 2026, search: 'đảng' }).year, 2026);
});

test.run();
