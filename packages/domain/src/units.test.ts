import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError, parseInput } from './errors.js';
import { unitInput } from './units.js';

const valid = { code: '02050', name: 'Xã Phương Viên', level: 'commune', validFrom: '01/02/2020' };

test('a valid unit is normalised: trimmed, default kind, ISO dates', () => {
  assert.equal(parseInput(unitInput, { ...valid, name: '  Xã Phương Viên ' }), {
    code: '02050',
    name: 'Xã Phương Viên',
    level: 'commune',
    kind: 'administrative',
    validFrom: '2020-02-01',
  });
});

test('every bad field is named, in both languages', () => {
  const error = (() => {
    try {
      parseInput(unitInput, { code: 'a b', name: '', level: 'commune', validFrom: '31/02/2022', extra: 1 });
    } catch (e) {
      return e as DomainError;
    }
  })();
  assert.instance(error, DomainError);
  const fields = error?.fields.map((f) => f.field).sort();
  assert.equal(fields, ['(input)', 'code', 'name', 'validFrom'].sort());
});

test('validity must not end before it starts', () => {
  try {
    parseInput(unitInput, { ...valid, validTo: '2019-12-31' });
    assert.unreachable();
  } catch (e) {
    assert.is((e as DomainError).fields[0]?.field, 'validTo');
  }
});

test('a 10,000-character name is refused', () => {
  assert.throws(() => parseInput(unitInput, { ...valid, name: 'x'.repeat(10_000) }), /INPUT.INVALID/);
});

test.run();
