import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { countRows, createTestPolCenter, expectDomainError, unitIdByCode } from '../testing';
import { ClassService } from './classes';
import { EnrolmentService } from './enrolment';
import { PeopleService } from './people';
import { RegistrationService } from './registration';

const polcenter = await createTestPolCenter({ demo: true });
test.after(() => polcenter.close());

const portal = { id: null, label: 'portal' };
// A fixed day inside the demo class's enrolment window, whatever the calendar says.
const today = () => '2026-12-01';
const registration = new RegistrationService(
  polcenter.orm,
  new PeopleService(polcenter.orm),
  new ClassService(polcenter.orm),
  new EnrolmentService(polcenter.orm, { today }),
  { today },
);
const count = (table: string) => countRows(polcenter.orm, table);

// The demo's open class of the new commune (enrolment window 16/11/2026 – 04/01/2027).
const open = (await polcenter.classes.catalog({ organiserCode: 'TN-CHODON' })).items.find(
  (c) => c.code === 'NTĐ-01/2027',
);
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

test('a first registration records the person and asks for a seat; the receipt holds no personal data', async () => {
  const people = await count('person');
  const receipt = await registration.register(portal, { classId, person: me });
  assert.equal(Object.keys(receipt).sort(), ['classCode', 'reference', 'state']);
  assert.is(receipt.state, 'requested');
  assert.is(await count('person'), people + 1);
  const again = await registration.register(portal, { classId, person: me });
  assert.is(again.reference, receipt.reference, 'a repeat returns the same request');
  assert.is(await count('person'), people + 1);
});

test('a national ID cannot attach a request to someone else', async () => {
  const before = await count('enrolment');
  const error = await expectDomainError(
    registration.register(portal, { classId, person: { ...me, fullName: 'Bàn Văn Khác' } }),
  );
  assert.is(error.code, 'REGISTRATION.IDENTITY_MISMATCH');
  assert.is(await count('enrolment'), before);
});

test('registering needs a national ID, and a class open for enrolment — else nothing is written', async () => {
  const people = await count('person');
  const noId = await expectDomainError(registration.register(portal, { classId, person: { ...me, nationalId: null } }));
  assert.equal(
    noId.fields.map((f) => f.field),
    ['person.nationalId'],
  );
  const closed = (await polcenter.classes.catalog({ to: '2020-01-01' })).items[0];
  assert.is(closed, undefined);
  const past = (
    await polcenter.orm.em.fork().execute<{ id: string }[]>("SELECT id FROM training_class WHERE code = 'NTĐ-01/2022'")
  )[0]?.id as string;
  const error = await expectDomainError(
    registration.register(portal, { classId: past, person: { ...me, nationalId: '006301099999' } }),
  );
  assert.is(error.code, 'ENROLMENT.CLASS_NOT_OPEN');
  assert.is(await count('person'), people);
});

test.run();
