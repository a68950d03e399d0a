import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { invalidInput } from './errors.js';
import { checkRegistrationForm, type RegistrationForm } from './registration-form.js';
import { selfRegistrationInput } from './self-registration.js';

const classId = '7d3c1f0e-3c1a-4e7a-9d2b-5f6a7b8c9d0e';
const filled: RegistrationForm = {
  fullName: '  Triệu   Thị Xuân ',
  birthDate: '14/02/2001',
  gender: 'female',
  ethnicity: 'dao',
  unitId: '0b7d8f0e-3c1a-4e7a-9d2b-5f6a7b8c9d0e',
  nationalId: '006 301 012 345',
  phone: '',
  partyStatus: 'non_member',
  partyAdmittedOn: '',
  educationLevel: '',
};

/** The fields the server's schema names for the same form, as the form names them. */
function serverFields(form: RegistrationForm): string[] {
  const person = Object.fromEntries(Object.entries(form).filter(([, value]) => value.trim() !== ''));
  const result = selfRegistrationInput.safeParse({ classId, person });
  if (result.success) return [];
  return invalidInput(result.error.issues).fields.map((f) => f.field.replace(/^person\./, ''));
}

test('a well-filled form gives the person the server stores, normalised the same way', () => {
  const { person, problems } = checkRegistrationForm(filled);
  assert.is(problems, null);
  const server = selfRegistrationInput.parse({
    classId,
    person: { ...filled, phone: undefined, partyAdmittedOn: undefined, educationLevel: undefined },
  });
  assert.is(person?.fullName, server.person.fullName);
  assert.is(person?.birthDate, '2001-02-14');
  assert.is(person?.nationalId, server.person.nationalId);
});

test('the form and the server find fault with the same fields, with the same words', () => {
  const cases: [string, Partial<RegistrationForm>][] = [
    ['digits in a name', { fullName: 'Triệu Thị 2' }],
    ['no name', { fullName: '  ' }],
    ['31/02', { birthDate: '31/02/2001' }],
    ['born in 1850', { birthDate: '01/01/1850' }],
    ['an 11-digit CCCD', { nationalId: '00630101234' }],
    ['no CCCD', { nationalId: '' }],
    ['a landline', { phone: '0209 3882 123' }],
    ['probationary without the date', { partyStatus: 'probationary' }],
    ['admitted before birth', { partyStatus: 'full_member', partyAdmittedOn: '01/01/1999' }],
  ];
  for (const [name, change] of cases) {
    const form = { ...filled, ...change };
    const { problems } = checkRegistrationForm(form);
    assert.equal(Object.keys(problems ?? {}), serverFields(form), name);
  }
  const { problems } = checkRegistrationForm({ ...filled, nationalId: '12345' });
  assert.equal(problems?.nationalId, {
    vi: 'Số CCCD phải gồm đúng 12 chữ số.',
    en: 'A national ID (CCCD) is exactly 12 digits.',
  });
});

test('choices must come from the lists; empty optional fields are null', () => {
  const { problems } = checkRegistrationForm({ ...filled, gender: 'other', unitId: 'x' });
  assert.equal(Object.keys(problems ?? {}), ['gender', 'unitId']);
  const { person } = checkRegistrationForm(filled);
  assert.equal(
    [person?.phone, person?.partyAdmittedOn, person?.educationLevel, person?.partyStatus],
    [null, null, null, 'non_member'],
  );
});

test.run();
