import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_CONTEST_RULES, type JudgeScore, rankContest } from './contests.js';
import type { ContestRound } from './contests-terms.js';

/** Each entrant: [outline, talk, questions] per judge (three judges). */
function scores(table: Record<string, [number, number, number][]>): JudgeScore[] {
  const rounds: ContestRound[] = ['outline', 'talk', 'questions'];
  return Object.entries(table).flatMap(([entrantId, byJudge]) =>
    byJudge.flatMap((marks, j) =>
      marks.map((score, r) => ({ entrantId, judgeId: `j${j}`, round: rounds[r] as ContestRound, score })),
    ),
  );
}

test('averages per round, totals, ranking and prizes', () => {
  const s = scores({
    a: [
      [18, 45, 27],
      [17, 44, 26],
      [18, 46, 28],
    ], // 17.67 + 45 + 27 = 89.67
    b: [
      [16, 40, 25],
      [16, 41, 25],
      [17, 40, 24],
    ], // 16.33 + 40.33 + 24.67 = 81.33
    c: [
      [10, 20, 10],
      [10, 20, 10],
      [10, 20, 10],
    ], // 40: below half of 100, no prize
  });
  const results = rankContest(['c', 'b', 'a'], s);
  assert.equal(
    results.map((r) => [r.entrantId, r.total, r.rank, r.award]),
    [
      ['a', 89.67, 1, 'first'],
      ['b', 81.33, 2, 'second'],
      ['c', 40, 3, null],
    ],
  );
  assert.equal(results[0]?.averages, { outline: 17.67, talk: 45, questions: 27 });
  assert.is(results[0]?.note, null);
});

test('a tie on the total is broken by the talk, then the answers; a full tie shares the rank', () => {
  const s = scores({
    talker: [[15, 48, 22]], // 85, talk 48
    writer: [[20, 43, 22]], // 85, talk 43
    twinA: [[18, 40, 20]], // 78
    twinB: [[18, 40, 20]], // 78, same in every round: shared
    after: [[10, 40, 20]], // 70
  });
  const results = rankContest(['writer', 'twinB', 'after', 'talker', 'twinA'], s);
  assert.equal(
    results.map((r) => [r.entrantId, r.rank, r.award]),
    [
      ['talker', 1, 'first'],
      ['writer', 2, 'second'],
      ['twinA', 3, 'second'],
      ['twinB', 3, 'second'], // sharers of a rank share the prize
      ['after', 5, 'third'], // rank 4 is skipped
    ],
  );
  assert.match(results[0]?.note?.en ?? '', 'decided by the talk');
  assert.match(results[1]?.note?.vi ?? '', 'trình bày');
  assert.match(results[2]?.note?.en ?? '', 'rank shared');
});

test('an entrant missing a round is listed last, unranked, and the rules are data', () => {
  const s = scores({ a: [[18, 45, 27]], b: [[18, 45, 27]] }).filter(
    (x) => !(x.entrantId === 'b' && x.round === 'questions'),
  );
  const results = rankContest(['b', 'a'], s);
  assert.equal(
    results.map((r) => [r.entrantId, r.rank, r.total]),
    [
      ['a', 1, 90],
      ['b', null, null],
    ],
  );
  const strict = { ...DEFAULT_CONTEST_RULES, awards: [{ award: 'first' as const, count: 1 }], minShareForAward: 0.95 };
  assert.is(rankContest(['a'], s, strict)[0]?.award, null);
});

test.run();
