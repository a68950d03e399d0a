import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PeopleService } from '../people/people.js';
import { countRows, createTestPolCenter, demoOpenClass, expectDomainError, unitIdByCode } from '../testing/index.js';
import { EnrolmentService } from './enrolment.js';
import { RegistrationService } from './registration.js';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const portal = { id: null, label: 'portal' };
// The demo's open classes take enrolments on the day it was seeded: today.
const today = () => new Date().toISOString().slice(0, 10);
const registration = new RegistrationService(
  polcenter.orm,
  new PeopleService(polcenter.orm),
  new EnrolmentService(polcenter.orm, { today }),
  { today },
);
const count = (table: string, where?: string, params?: unknown[]) => countRows(polcenter.orm, table, where, params);
const sql = (text: string, params: unknown[] = []) => polcenter.orm.em.fork().execute(text, params);

// The demo's open class of the new commune (its enrolment window holds today).
const ntd = await demoOpenClass(polcenter.orm, 'NTĐ');
const open = (await polcenter.classes.catalog({ organiserCode: 'TN-CHODON' })).items.find((c) => c.code === ntd.code);
const classId = open?.id as string;
const commune = await unitIdByCode(polcenter.orm, 'TN-CHODON');
const me = {
  fullName: 'Triệu Thị Xuân',
  birthDate: '14/02/2001',
  gender: 'female' as const,
  ethnicity: 'dao' as const,
  unitId: commune,
  nationalId: '006301012345',
  phone: '0912 000 111',
};
/** Someone new to the district, with their own national ID. */
const stranger = (n: number) => ({
  ...me,
  fullName: `Bàn Văn Khách ${'abcdefghij'[n]}`,
  nationalId: `0063010900${n}0`,
});

/** Runs `work` with the class full (every seat taken), then gives the seats back. */
async function whileFull<T>(work: () => Promise<T>): Promise<T> {
  await sql('UPDATE training_class SET seats_taken = capacity WHERE id = ?', [classId]);
  try {
    return await work();
  } finally {
    await sql('UPDATE training_class SET seats_taken = 0 WHERE id = ?', [classId]);
  }
}

test('a first registration records the person and asks for a seat; the receipt holds no personal data', async () => {
  const people = await count('person');
  const receipt = await registration.register(portal, { classId, person: me });
  assert.equal(Object.keys(receipt).sort(), ['classCode', 'reference', 'state']);
  assert.is(receipt.state, 'requested');
  assert.is(await count('person'), people + 1);
  const again = await registration.register(portal, { classId, person: me });
  assert.equal(again, { ...receipt, state: 'already_registered' }, 'the same details hear "already registered"');
  assert.is(await count('person'), people + 1);
});

test('an ID on file with other details is answered exactly as an unknown ID is, and goes to staff', async () => {
  const enrolments = await count('enrolment');
  // A stranger types Xuân's ID with another name; someone else types an ID nobody has.
  const guess = await registration.register(portal, { classId, person: { ...me, fullName: 'Bàn Văn Khác' } });
  const fresh = await registration.register(portal, { classId, person: stranger(1) });
  assert.is(guess.state, 'requested');
  assert.equal(Object.keys(guess), Object.keys(fresh));
  assert.is(guess.state, fresh.state);
  assert.match(guess.reference, /^[0-9a-f-]{36}$/);
  // Sent again, both hear the same thing too: their own first reference, "already registered".
  const guessAgain = await registration.register(portal, { classId, person: { ...me, fullName: 'Bàn Văn Khác' } });
  const freshAgain = await registration.register(portal, { classId, person: stranger(1) });
  assert.equal(guessAgain, { ...guess, state: 'already_registered' });
  assert.equal(freshAgain, { ...fresh, state: 'already_registered' });
  // Xuân's record gained nothing; staff see the guess, its typed details masked, beside her record.
  assert.is(await count('enrolment'), enrolments + 1, 'only the newcomer asked for a seat');
  const [xuan] = await sql('SELECT id FROM person WHERE national_id = ?', [me.nationalId]);
  const reviews = await registration.reviews(classId);
  assert.equal(
    reviews.map((r) => [r.id, r.reason, r.matchedPersonId, r.fullName, r.nationalId, r.birthYear]),
    [[guess.reference, 'identity_mismatch', xuan?.id, 'Bàn Văn Khác', '********2345', '2001']],
  );
});

test('a new ID whose name and birth date match someone recorded without an ID goes to staff, answered alike', async () => {
  // Recorded by staff from a paper list that had no ID numbers.
  const unrecorded = await polcenter.people.create(portal, {
    fullName: 'Ma Thị Hoa',
    birthDate: '1995-07-09',
    gender: 'female',
    ethnicity: 'tay',
    unitId: commune,
  });
  const people = await count('person');
  const receipt = await registration.register(portal, {
    classId,
    person: { ...me, fullName: 'Ma Thị Hoa', birthDate: '09/07/1995', nationalId: '006301077777' },
  });
  assert.is(receipt.state, 'requested');
  assert.is(await count('person'), people, 'no second record of the same person');
  const review = (await registration.reviews(classId)).find((r) => r.id === receipt.reference);
  assert.is(review?.reason, 'possible_duplicate');
  assert.is(review?.matchedPersonId, unrecorded.id);
});

test('a full class is said so before anything is written; agreeing to wait records the request', async () => {
  await whileFull(async () => {
    const people = await count('person');
    const full = await expectDomainError(registration.register(portal, { classId, person: stranger(2) }));
    assert.is(full.code, 'ENROLMENT.CLASS_FULL');
    // The guess of an ID on file hears the same.
    const guess = await expectDomainError(
      registration.register(portal, { classId, person: { ...me, fullName: 'Hoàng Văn Đoán' } }),
    );
    assert.is(guess.code, 'ENROLMENT.CLASS_FULL');
    assert.is(await count('person'), people);

    const waiting = await registration.register(portal, { classId, person: stranger(2), waitlist: true });
    assert.is(waiting.state, 'waitlisted');
    const guessWaiting = await registration.register(portal, {
      classId,
      person: { ...me, fullName: 'Hoàng Văn Đoán' },
      waitlist: true,
    });
    assert.is(guessWaiting.state, 'waitlisted');
    // Staff still decide: the request waits for them, saying it came while the class was full.
    const [row] = await sql('SELECT state, note FROM enrolment WHERE id = ?', [waiting.reference]);
    assert.is(row?.state, 'requested');
    assert.match(row?.note ?? '', 'đủ chỗ');
    // Already registered outranks "full": Xuân is told she is in.
    const mine = await registration.register(portal, { classId, person: me });
    assert.is(mine.state, 'already_registered');
  });
});

test('eligibility is judged on what was typed unless the details proved a record', async () => {
  // The new-member program takes probationary members only; these say they are not one.
  const dvm = await demoOpenClass(polcenter.orm, 'ĐVM');
  const asNew = await expectDomainError(registration.register(portal, { classId: dvm?.id, person: stranger(3) }));
  const asGuess = await expectDomainError(
    registration.register(portal, { classId: dvm?.id, person: { ...me, fullName: 'Lý Văn Thử' } }),
  );
  assert.is(asNew.code, 'ENROLMENT.NOT_ELIGIBLE');
  assert.is(asGuess.code, asNew.code);
  assert.is(asGuess.text.vi, asNew.text.vi);
});

test('registering needs a national ID, a known unit and a class open for enrolment — else nothing is written', async () => {
  const people = await count('person');
  const noId = await expectDomainError(registration.register(portal, { classId, person: { ...me, nationalId: null } }));
  assert.equal(
    noId.fields.map((f) => f.field),
    ['person.nationalId'],
  );
  const noUnit = await expectDomainError(
    registration.register(portal, {
      classId,
      person: { ...stranger(4), unitId: '00000000-0000-4000-8000-000000000000' },
    }),
  );
  assert.is(noUnit.code, 'UNIT.NOT_FOUND');
  const [past] = await sql("SELECT id FROM training_class WHERE code = 'NTĐ-01/2022'");
  const error = await expectDomainError(registration.register(portal, { classId: past?.id, person: stranger(5) }));
  assert.is(error.code, 'ENROLMENT.CLASS_NOT_OPEN');
  assert.is(await count('person'), people);
  assert.is(await count('registration_review', 'class_id = ?', [past?.id]), 0);
});

test.run();
