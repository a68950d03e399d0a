import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError, parseInput } from './errors.js';
import {
  duplicateReason,
  findDuplicates,
  maskBirthDate,
  maskNationalId,
  maskPerson,
  maskPhone,
  nameBirthKey,
  personInput,
  personPatch,
} from './people.js';
import { educationAtLeast, normalisePhone, PERSONAL_FIELDS } from './person-fields.js';

const unitId = '0b7d8f0e-3c1a-4e7a-9d2b-5f6a7b8c9d0e';
const valid = {
  fullName: 'Hoàng Thị Mai',
  birthDate: '12/05/1988',
  gender: 'female',
  ethnicity: 'tay',
  unitId,
};

function fieldsOf(input: unknown, schema: typeof personInput | typeof personPatch = personInput): string[] {
  try {
    parseInput(schema, input);
  } catch (error) {
    assert.instance(error, DomainError);
    return (error as DomainError).fields.map((f) => f.field).sort();
  }
  return [];
}

test('a valid person is normalised: trimmed name, ISO birth date, default party status', () => {
  const person = parseInput(personInput, {
    ...valid,
    fullName: '  Hoàng   Thị Mai ',
    phone: '+84 912 345 678',
    nationalId: '006 188 012 345',
  });
  assert.is(person.fullName, 'Hoàng Thị Mai');
  assert.is(person.birthDate, '1988-05-12');
  assert.is(person.partyStatus, 'non_member');
  assert.is(person.phone, '0912345678');
  assert.is(person.nationalId, '006188012345');
});

test('a decomposed (NFD) name is stored composed, so it equals the typed one', () => {
  const person = parseInput(personInput, { ...valid, fullName: 'Nguyễn Văn Đạt'.normalize('NFD') });
  assert.is(person.fullName, 'Nguyễn Văn Đạt');
});

test("H'Mông and Dao names with apostrophes and hyphens are accepted", () => {
  for (const fullName of ['Giàng A Páo', "Lý Thị H'Mai", 'Triệu Tiến-Minh', 'Bàn Văn Vần']) {
    assert.equal(fieldsOf({ ...valid, fullName }), [], fullName);
  }
});

test('bad fields are each named', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['empty name', { fullName: '   ' }, ['fullName']],
    ['10,000-character name', { fullName: 'a'.repeat(10_000) }, ['fullName']],
    ['121-character name', { fullName: 'a'.repeat(121) }, ['fullName']],
    ['digits in a name', { fullName: 'Nguyễn Văn 2' }, ['fullName']],
    ['impossible birth date', { birthDate: '31/02/1990' }, ['birthDate']],
    ['birth date from a bad import', { birthDate: '0001-01-01' }, ['birthDate']],
    ['unknown ethnicity', { ethnicity: 'martian' }, ['ethnicity']],
    ['unit is not an id', { unitId: '42' }, ['unitId']],
    ['11-digit CCCD', { nationalId: '00618801234' }, ['nationalId']],
    ['CCCD with a letter', { nationalId: '00618801234X' }, ['nationalId']],
    ['landline', { phone: '0209 3882 123' }, ['phone']],
    ['pre-2018 11-digit mobile', { phone: '01668 123 456' }, ['phone']],
    ['unknown field', { nickname: 'Mai' }, ['(input)']],
  ];
  for (const [label, change, fields] of cases) assert.equal(fieldsOf({ ...valid, ...change }), fields, label);
});

test('a probationary member needs the date admitted; a non-member has none', () => {
  assert.equal(fieldsOf({ ...valid, partyStatus: 'probationary' }), ['partyAdmittedOn']);
  assert.equal(fieldsOf({ ...valid, partyStatus: 'probationary', partyAdmittedOn: '03/02/2022' }), []);
  assert.equal(fieldsOf({ ...valid, partyStatus: 'non_member', partyAdmittedOn: '03/02/2022' }), ['partyAdmittedOn']);
  assert.equal(fieldsOf({ ...valid, partyStatus: 'full_member', partyAdmittedOn: '1980-01-01' }), ['partyAdmittedOn']);
});

test('a patch takes any subset of fields and adds no defaults', () => {
  assert.equal(parseInput(personPatch, { phone: '0912.345.678' }), { phone: '0912345678' });
  assert.equal(fieldsOf({ partyStatus: 'probationary' }, personPatch), ['partyAdmittedOn']);
  assert.equal(fieldsOf({ birthDate: '31/02/2000' }, personPatch), ['birthDate']);
});

test('phones normalise from the ways people write them', () => {
  const cases: [string, string | null][] = [
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84 912 345 678', '0912345678'],
    ['(+84) 384 123 456', '0384123456'],
    ['091234567', null],
    ['0112345678', null],
    ['', null],
  ];
  for (const [typed, expected] of cases) assert.is(normalisePhone(typed), expected, typed);
});

test('personal fields are listed and masked for lists', () => {
  assert.equal([...PERSONAL_FIELDS], ['nationalId', 'phone', 'birthDate']);
  assert.is(maskPhone('0912345678'), '0912***678');
  assert.is(maskNationalId('006188012345'), '********2345');
  assert.is(maskBirthDate('1988-05-12'), '1988');
  assert.equal(
    maskPerson({ fullName: 'Hoàng Thị Mai', phone: '0912345678', nationalId: null, birthDate: '1988-05-12' }),
    {
      fullName: 'Hoàng Thị Mai',
      phone: '0912***678',
      nationalId: null,
      birthDate: '1988',
    },
  );
});

test('education levels compare by their order', () => {
  assert.ok(educationAtLeast('university', 'lower_secondary'));
  assert.ok(educationAtLeast('lower_secondary', 'lower_secondary'));
  assert.not.ok(educationAtLeast('primary', 'lower_secondary'));
});

test('duplicates: same ID, or same name (diacritics ignored) and birth date', () => {
  const mai = { fullName: 'Hoàng Thị Mai', birthDate: '1988-05-12', nationalId: '006188012345' };
  assert.is(nameBirthKey('Hoàng Thị Mai', '1988-05-12'), 'hoang thi mai|1988-05-12');
  assert.is(duplicateReason(mai, { ...mai, fullName: 'Hoàng Thị Mây' }), 'national_id');
  assert.is(duplicateReason(mai, { fullName: 'HOANG THI MAI', birthDate: '1988-05-12' }), 'name_birth');
  assert.is(duplicateReason(mai, { fullName: 'Hoàng Thị Mai', birthDate: '1988-05-13' }), null);
  // Two different IDs are two people, even with the same name and birthday.
  assert.is(duplicateReason(mai, { ...mai, nationalId: '006188099999' }), null);

  const hits = findDuplicates(mai, [
    { id: 'a', fullName: 'Hoàng Thị Mai', birthDate: '1988-05-12' },
    { id: 'b', fullName: 'Ma Thị Mai', birthDate: '1988-05-12', nationalId: '006188012345' },
    { id: 'c', fullName: 'Hoàng Văn Mai', birthDate: '1988-05-12' },
  ]);
  assert.equal(
    hits.map((h) => [h.record.id, h.reason]),
    [
      ['b', 'national_id'],
      ['a', 'name_birth'],
    ],
  );
});

test.run();
