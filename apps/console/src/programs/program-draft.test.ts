import { parseInput, programInput } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptyDraft, toInput } from './program-draft.js';
import { programChanges } from './program-rules.js';

test('a new program’s form holds the usual rules, and turns into what the API accepts', () => {
  const draft = emptyDraft();
  draft.code = 'bdtt';
  draft.name.vi = 'Bồi dưỡng tuyên truyền miệng';
  draft.topics[0] = { number: '1', title: { vi: 'Kỹ năng nói', en: '' }, periods: '4', sessions: 0 };
  const input = toInput(draft);
  assert.equal(input.maxAbsenceRatio, 0.2);
  assert.equal(input.topics, [{ number: 1, title: { vi: 'Kỹ năng nói' }, periods: 4 }]);
  assert.not.ok('days' in input, 'blank days: computed from the periods');
  const parsed = parseInput(programInput, input);
  assert.is(parsed.code, 'BDTT');
  assert.equal(parsed.name, { vi: 'Bồi dưỡng tuyên truyền miệng', en: 'Bồi dưỡng tuyên truyền miệng' });
});

test('numbers as people type them: a decimal comma, percent for the absence limit, blanks left to the API', () => {
  const draft = emptyDraft();
  draft.passRule = { by: 'score', minimum: '6,5', eachAtLeast: '' };
  draft.absencePercent = '12,5';
  draft.days = { min: '3', max: '' };
  const input = toInput(draft);
  assert.equal(input.passRule, { by: 'score', minimum: 6.5 });
  assert.is(input.maxAbsenceRatio, 0.125);
  assert.equal(input.days, { min: 3, max: 3 });
  draft.absencePercent = '';
  assert.not.ok('maxAbsenceRatio' in toInput(draft));
  draft.passRule = { by: 'attendance', minimum: '6,5', eachAtLeast: '4' };
  assert.equal(toInput(draft).passRule, { by: 'attendance' });
});

test('an audited edit reads as the rules that changed, before → after where it fits on a line', () => {
  const rules = { maxAbsenceRatio: 0.2, passRule: { by: 'score', minimum: 5 }, gradingScale: [1] };
  const before = { code: 'SC', name: { vi: 'A', en: 'A' }, rules, topics: [1, 2] };
  const after = {
    ...before,
    rules: { ...rules, maxAbsenceRatio: 0.1, gradingScale: [2] },
    topics: [1, 3],
    draftClassesFollowing: 2,
  };
  assert.equal(programChanges(before, after, 'vi'), [
    { field: 'maxAbsenceRatio', from: '20%', to: '10%' },
    { field: 'gradingScale' },
    { field: 'topics' },
    { field: 'draftClassesFollowing', from: '0', to: '2' },
  ]);
  assert.equal(programChanges(null, after, 'vi'), [], 'a creation lists no change');
});

test.run();
