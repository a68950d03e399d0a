import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { type DomainError, parseInput } from './errors.js';
import { personInput } from './people.js';
import { MAX_INPUT_ITEMS, MAX_INPUT_STRING, screenInput, text } from './text.js';

const note = z
  .object({
    title: text(20),
    note: text(200, { min: 0, multiline: true }).nullish(),
  })
  .strict();

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

test('text is NFC and trimmed: a decomposed name equals the typed one', () => {
  const decomposed = 'Nguye\u0302\u0303n'; // e + combining circumflex + combining tilde
  assert.is(parseInput(note, { title: ` ${decomposed} ` }).title, 'Nguyễn');
});

test('NUL, other controls and lone surrogates are refused, naming the field and the character', () => {
  for (const [value, code] of [
    ['a\u0000b', 'U+0000'],
    ['a\u001bb', 'U+001B'],
    ['a\u0085b', 'U+0085'],
    ['a\ud800b', 'U+D800'],
  ] as const) {
    const error = refusal(() => parseInput(note, { title: value }));
    assert.is(error.code, 'INPUT.INVALID');
    assert.equal(
      error.fields.map((f) => f.field),
      ['title'],
    );
    assert.match(error.fields[0]?.message.en ?? '', code);
    assert.match(error.fields[0]?.message.vi ?? '', code);
  }
  // A well-formed pair (an emoji) is a character like any other.
  assert.is(parseInput(note, { title: 'Lớp 🇻🇳' }).title, 'Lớp 🇻🇳');
});

test('tab and newline: kept in multi-line fields (CR LF made LF), refused in one-line fields', () => {
  assert.is(parseInput(note, { title: 'x', note: 'dòng 1\r\n\tdòng 2' }).note, 'dòng 1\n\tdòng 2');
  const error = refusal(() => parseInput(note, { title: 'dòng 1\ndòng 2' }));
  assert.match(error.fields[0]?.message.vi ?? '', 'một dòng');
  // Names pasted from a sheet: runs of white space become one space instead.
  const person = personInput.parse({
    fullName: 'Hoàng\tThị\n Mai',
    birthDate: '1990-05-01',
    gender: 'female',
    ethnicity: 'tay',
    unitId: '0b4f1a8e-5c36-4f4b-9a1e-2f8d9c7b6a50',
  });
  assert.is(person.fullName, 'Hoàng Thị Mai');
});

test('every text has a bound, said in both languages', () => {
  const error = refusal(() => parseInput(note, { title: 'x'.repeat(100_000) }));
  assert.equal(error.fields[0]?.message, { vi: 'Dài quá 20 ký tự.', en: 'Longer than 20 characters.' });
  assert.equal(
    refusal(() => parseInput(note, { title: 'x'.repeat(21) })).fields[0]?.message.en,
    'Longer than 20 characters.',
  );
});

test('screenInput: holds every string, list and number of a raw input, whatever schema comes later', () => {
  const error = refusal(() =>
    screenInput({
      person: { fullName: 'A\u0000', tags: ['ok', '\udfff'] },
      note: 'x'.repeat(MAX_INPUT_STRING + 1),
      ids: Array.from({ length: MAX_INPUT_ITEMS + 1 }, () => 'a'),
      n: Number.POSITIVE_INFINITY,
    }),
  );
  assert.equal(
    error.fields.map((f) => f.field),
    ['person.fullName', 'person.tags.1', 'note', 'ids', 'n'],
  );
  assert.match(error.text.vi, 'Dữ liệu không hợp lệ ở: person.fullName');
});

test('screenInput: returns an NFC copy, keeps tab and newline for the schema to judge, and "__proto__" as a key', () => {
  const screened = screenInput(JSON.parse('{"a":["Thu\u0309y"],"b":"x\\ty\\nz","__proto__":{"polluted":1}}')) as Record<
    string,
    unknown
  >;
  assert.equal(screened.a, ['Thủy']);
  assert.is(screened.b, 'x\ty\nz');
  assert.ok(Object.hasOwn(screened, '__proto__'));
  assert.is(({} as Record<string, unknown>).polluted, undefined);
  assert.is(Object.getPrototypeOf(screened), Object.prototype);
});

test.run();
