import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError, parseInput } from './errors.js';
import { checkDecisionAgainstRoster, type RosterDecision, rosterAt, rosterDecisionInput } from './rosters.js';
import type { RosterChange, RosterDecisionKind } from './rosters-terms.js';

/**
 * Decisions written as table rows: [id, roster, date, kind, lines…], a line being
 * "+person" (add), "-person" (remove), "~person" (reappoint), "person>roster" (transfer);
 * an annulment's only line is the annulled decision's id.
 */
type Row = [id: string, roster: string, date: string, kind: RosterDecisionKind, ...lines: string[]];

function decisions(rows: readonly Row[]): RosterDecision[] {
  return rows.map(([id, rosterId, date, kind, ...lines], seq) => ({
    id,
    rosterId,
    number: `${id}-QĐ/HU`,
    date,
    seq,
    kind,
    annulsDecisionId: kind === 'annul' ? (lines[0] ?? null) : null,
    items:
      kind === 'annul'
        ? []
        : lines.map((line) => {
            const transfer = /^(\w+)>(\w+)$/.exec(line);
            const change: RosterChange = transfer
              ? 'transfer'
              : line[0] === '-'
                ? 'remove'
                : line[0] === '~'
                  ? 'reappoint'
                  : 'add';
            return {
              personId: transfer ? (transfer[1] as string) : line.replace(/^[+~-]/, ''),
              change,
              fields: ['party_building' as const],
              position: change === 'reappoint' ? 'reappointed' : null,
              toRosterId: transfer ? (transfer[2] as string) : null,
            };
          }),
  }));
}

const who = (list: RosterDecision[], roster: string, date: string, knownOn?: string) =>
  rosterAt(list, roster, date, knownOn ? { knownOn } : {})
    .map((m) => m.personId)
    .join(' ');

const HISTORY: Row[] = [
  ['d1', 'R', '2020-10-01', 'establish', '+an', '+binh', '+chi'],
  ['d2', 'R', '2021-03-01', 'add', '+dung'],
  ['d3', 'R', '2021-06-01', 'remove', '-binh'],
  ['d4', 'R', '2022-01-10', 'transfer', 'chi>C'],
  ['d5', 'R', '2022-04-01', 'add', '+em', '-an'],
  ['d6', 'R', '2022-09-01', 'annul', 'd5'],
  ['d7', 'R', '2023-02-01', 'reappoint', '~binh'],
  ['c1', 'C', '2020-11-01', 'establish', '+giang'],
];

test('the roster at a date, across add / remove / transfer / annul / reappoint', () => {
  const list = decisions(HISTORY);
  const table: [date: string, roster: string, expected: string][] = [
    ['2020-09-30', 'R', ''],
    ['2020-10-01', 'R', 'an binh chi'],
    ['2021-03-01', 'R', 'an binh chi dung'],
    ['2021-12-31', 'R', 'an chi dung'],
    ['2022-01-10', 'R', 'an dung'],
    ['2022-01-10', 'C', 'chi giang'],
    // d5 is annulled (as known now): em never joined and an never left, even before 01/09.
    ['2022-05-01', 'R', 'an dung'],
    ['2022-10-01', 'R', 'an dung'],
    ['2023-02-01', 'R', 'an binh dung'],
  ];
  for (const [date, roster, expected] of table) assert.is(who(list, roster, date), expected, `${roster} on ${date}`);
});

test('as recorded then: an annulment counts only from its own date on', () => {
  const list = decisions(HISTORY);
  const table: [date: string, knownOn: string, expected: string][] = [
    ['2022-05-01', '2022-05-01', 'dung em'], // what the register said in May
    ['2022-05-01', '2022-08-31', 'dung em'],
    ['2022-05-01', '2022-09-01', 'an dung'], // once d6 is known, d5 never applied
    ['2022-10-01', '2022-10-01', 'an dung'],
  ];
  for (const [date, knownOn, expected] of table)
    assert.is(who(list, 'R', date, knownOn), expected, `${date}/${knownOn}`);
});

test('a later establish replaces the roster; a re-appointment keeps the stay, a new establish starts it afresh', () => {
  const list = decisions([
    ['d1', 'R', '2015-10-01', 'establish', '+an', '+binh'],
    ['d2', 'R', '2018-01-01', 'reappoint', '~an'],
    ['d3', 'R', '2020-10-01', 'establish', '+binh', '+chi'],
    ['d4', 'R', '2021-01-01', 'remove', '-chi'],
    ['d5', 'R', '2021-06-01', 'add', '+chi'],
  ]);
  const at2019 = rosterAt(list, 'R', '2019-01-01');
  assert.equal(
    at2019.map((m) => [m.personId, m.since, m.position, m.decisionId]),
    [
      ['an', '2015-10-01', 'reappointed', 'd2'],
      ['binh', '2015-10-01', null, 'd1'],
    ],
  );
  const at2022 = rosterAt(list, 'R', '2022-01-01');
  assert.equal(
    at2022.map((m) => [m.personId, m.since]),
    [
      ['binh', '2020-10-01'], // a new establishing decision starts everyone's stay afresh
      ['chi', '2021-06-01'], // left and came back: the current stay counts
    ],
  );
});

test('same date: the later-recorded decision applies last; an annulled establish lets earlier members stand', () => {
  const list = decisions([
    ['d1', 'R', '2021-01-01', 'establish', '+an'],
    ['d2', 'R', '2021-05-01', 'add', '+binh'],
    ['d3', 'R', '2021-05-01', 'remove', '-binh'],
    ['d4', 'R', '2021-07-01', 'establish', '+chi'],
    ['d5', 'R', '2021-08-01', 'annul', 'd4'],
  ]);
  assert.is(who(list, 'R', '2021-05-01'), 'an');
  assert.is(who(list, 'R', '2021-07-15'), 'an');
  assert.is(who(list, 'R', '2021-07-15', '2021-07-15'), 'chi');
});

test('decision input: kinds, lines and bilingual field errors', () => {
  const base = {
    rosterId: '6f1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    number: '125-QĐ/HU',
    date: '15/10/2022',
    signer: 'Phó Bí thư Thường trực',
  };
  const person = '7a1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
  const ok = parseInput(rosterDecisionInput, {
    ...base,
    kind: 'add',
    items: [{ personId: person, fields: ['economy', 'economy'] }],
  });
  assert.is(ok.date, '2022-10-15');
  assert.equal(ok.items[0], { personId: person, change: 'add', fields: ['economy'], position: null, toRosterId: null });

  const cases: [string, object, string][] = [
    ['annul without target', { kind: 'annul' }, 'annulsDecisionId'],
    ['add without people', { kind: 'add', items: [] }, 'items'],
    ['add without field', { kind: 'add', items: [{ personId: person }] }, 'items.0.fields'],
    ['transfer without target', { kind: 'transfer', items: [{ personId: person }] }, 'items.0.toRosterId'],
    [
      'establish with a removal',
      { kind: 'establish', items: [{ personId: person, change: 'remove' }] },
      'items.0.change',
    ],
    ['unknown field', { kind: 'add', items: [{ personId: person, fields: ['astrology'] }] }, 'items.0.fields.0'],
  ];
  for (const [label, extra, field] of cases) {
    const error = (() => {
      try {
        parseInput(rosterDecisionInput, { ...base, ...extra });
      } catch (e) {
        return e as DomainError;
      }
    })();
    assert.instance(error, DomainError, label);
    assert.is(error?.code, 'INPUT.INVALID', label);
    assert.ok(
      error?.fields.some((f) => f.field === field && f.message.vi && f.message.en),
      `${label}: ${error?.fields.map((f) => f.field)}`,
    );
  }
});

test('a decision is checked against the roster on its date', () => {
  const members = [{ personId: 'an' }];
  const decision = (change: RosterChange, personId: string) => ({
    kind: change as RosterDecisionKind,
    date: '2022-03-01',
    items: [{ personId, change, fields: [], position: null, toRosterId: null }],
  });
  assert.is(checkDecisionAgainstRoster(members, decision('add', 'an'))?.code, 'ROSTER.DECISION_INVALID');
  assert.is(checkDecisionAgainstRoster(members, decision('remove', 'binh'))?.code, 'ROSTER.DECISION_INVALID');
  assert.is(checkDecisionAgainstRoster(members, decision('add', 'binh')), null);
  assert.is(checkDecisionAgainstRoster(members, decision('reappoint', 'an')), null);
  const error = checkDecisionAgainstRoster(members, decision('add', 'an'), new Map([['an', 'Hoàng Văn An']]));
  assert.match(error?.text.vi ?? '', 'Hoàng Văn An đã có trong danh sách ngày 01/03/2022');
});

test.run();
