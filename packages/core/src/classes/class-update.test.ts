import { type ClassInput, type DomainError, isDomainError } from '@polcenter/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createPolCenter } from '../polcenter.js';
import { fixtureEnrolments, fixturePeople, fixtureProgram, fixtureUnit } from '../testing/fixtures.js';
import { countRows, createTestPolCenter, expectDomainError, readableTest as it } from '../testing/index.js';

const polcenter = await createTestPolCenter();
// The race needs real parallel transactions: a second library on the same database, a wider pool.
const wide = await createPolCenter({ databaseUrl: polcenter.url, migrate: false, poolSize: 20 });
test.after(async () => {
  await wide.close();
  await polcenter.close();
});

const orm = polcenter.orm;
const staff = { id: null, label: 'Hoàng Thị Mai (Trung tâm)' };
const unit = await fixtureUnit(orm);
const hall = await fixtureUnit(orm, 'Xã Nam Cường');
const ntd = await fixtureProgram(orm, 'NTĐ');
let serial = 0;

const planned = (overrides: Partial<ClassInput> = {}) =>
  polcenter.classes.create(staff, {
    code: `NTĐ-${String(++serial).padStart(2, '0')}/2026`,
    programId: ntd.id,
    organiserUnitId: unit,
    title: 'Lớp bồi dưỡng nhận thức về Đảng',
    mode: 'in_person',
    venue: 'Hội trường Trung tâm',
    capacity: 40,
    startDate: '2026-03-09',
    endDate: '2026-03-13',
    enrolmentOpensOn: '2026-02-01',
    enrolmentClosesOn: '2026-03-06',
    sessions: [{ date: '2026-03-10', part: 'morning', periods: 4 }],
    ...overrides,
  });

const auditRows = (classId: string) =>
  orm.em
    .fork()
    .execute<{ before: Record<string, unknown>; after: Record<string, unknown> }[]>(
      "SELECT before, after FROM audit_log WHERE entity_id = ? AND action = 'class.update' ORDER BY id",
      [classId],
    );

it('update: the fields given change, the others stay; one audit row with the changed fields before and after', async () => {
  const cls = await planned();
  const edited = await polcenter.classes.update(
    staff,
    cls.id,
    { title: 'Lớp nhận thức về Đảng khóa 2', capacity: 35, startDate: '08/03/2026', venue: 'Hội trường xã' },
    cls.version,
  );
  assert.is(edited.title, 'Lớp nhận thức về Đảng khóa 2');
  assert.is(edited.capacity, 35);
  assert.is(edited.startDate, '2026-03-08');
  assert.is(edited.venue, 'Hội trường xã');
  assert.is(edited.endDate, cls.endDate);
  assert.is(edited.enrolmentClosesOn, cls.enrolmentClosesOn);
  assert.is(edited.version, cls.version + 1);
  assert.equal(await auditRows(cls.id), [
    {
      before: {
        version: 1,
        title: 'Lớp bồi dưỡng nhận thức về Đảng',
        venue: 'Hội trường Trung tâm',
        capacity: 40,
        startDate: '2026-03-09',
      },
      after: {
        version: 2,
        title: 'Lớp nhận thức về Đảng khóa 2',
        venue: 'Hội trường xã',
        capacity: 35,
        startDate: '2026-03-08',
      },
    },
  ]);
  // Clearing an optional field is `null`; leaving it out keeps it.
  const cleared = await polcenter.classes.update(staff, cls.id, { title: null }, edited.version);
  assert.is(cleared.title, null);
  assert.is(cleared.venue, 'Hội trường xã');
});

it('update refuses a stale version, writing nothing', async () => {
  const cls = await planned();
  await polcenter.classes.update(staff, cls.id, { capacity: 30 }, cls.version);
  const before = await countRows(orm, 'audit_log');
  const stale = await expectDomainError(polcenter.classes.update(staff, cls.id, { capacity: 20 }, cls.version));
  assert.is(stale.code, 'CLASS.STALE');
  assert.is((await polcenter.classes.get(cls.id)).capacity, 30);
  assert.is(await countRows(orm, 'audit_log'), before);
});

it('update refuses a finished, closed or cancelled class', async () => {
  for (const end of ['finished', 'cancelled'] as const) {
    const cls = await planned();
    await orm.em.fork().execute('UPDATE training_class SET status = ? WHERE id = ?', [end, cls.id]);
    const refused = await expectDomainError(polcenter.classes.update(staff, cls.id, { capacity: 20 }, cls.version));
    assert.is(refused.code, 'CLASS.NOT_EDITABLE');
    assert.match(refused.text.vi, 'không thể sửa thông tin lớp');
  }
});

it('update refuses a capacity below the approved count, naming the count in both languages', async () => {
  const cls = await planned({ capacity: 10 });
  const people = await fixturePeople(orm, 7, { unitId: unit });
  await fixtureEnrolments(orm, cls.id, people.slice(0, 6), 'approved');
  await fixtureEnrolments(orm, cls.id, people.slice(6), 'nominated');
  const refused = await expectDomainError(polcenter.classes.update(staff, cls.id, { capacity: 5 }, cls.version));
  assert.is(refused.code, 'CLASS.CAPACITY_BELOW_TAKEN');
  assert.equal(refused.details, { capacity: 5, taken: 6 });
  assert.is(refused.fields[0]?.field, 'capacity');
  assert.match(refused.fields[0]?.message.vi ?? '', 'đã duyệt 6 học viên');
  assert.match(refused.fields[0]?.message.en ?? '', '6 trainees are already approved');
  assert.is((await polcenter.classes.get(cls.id)).capacity, 10);
  // Down to exactly the seats taken is fine: nominations wait for a seat, they hold none.
  assert.is((await polcenter.classes.update(staff, cls.id, { capacity: 6 }, cls.version)).capacity, 6);
});

it('update corrects the code and the mode until the first enrolment; after it both are refused, under their field', async () => {
  const cls = await planned();
  const fixed = await polcenter.classes.update(
    staff,
    cls.id,
    { code: ' ntđ-90/2026 ', mode: 'hybrid', sites: [{ name: 'Điểm cầu xã Nam Cường', unitId: hall }] },
    cls.version,
  );
  assert.is(fixed.code, 'NTĐ-90/2026', 'written as a class code is: trimmed, in capitals');
  assert.is(fixed.mode, 'hybrid');
  const [row] = await auditRows(cls.id);
  assert.equal(
    [row?.before.code, row?.after.code, row?.before.mode, row?.after.mode],
    [cls.code, 'NTĐ-90/2026', 'in_person', 'hybrid'],
  );

  // Another class's code is taken; a mode whose rules the class does not meet is refused like at creation.
  const other = await planned();
  const taken = await expectDomainError(polcenter.classes.update(staff, cls.id, { code: other.code }, fixed.version));
  assert.is(taken.code, 'CLASS.CODE_TAKEN');
  assert.is(taken.fields[0]?.field, 'code');
  const noSites = await expectDomainError(polcenter.classes.update(staff, other.id, { mode: 'online' }, other.version));
  assert.is(noSites.fields[0]?.field, 'sites');

  await fixtureEnrolments(orm, cls.id, await fixturePeople(orm, 2, { unitId: unit }), 'nominated');
  for (const patch of [{ code: 'NTĐ-91/2026' }, { mode: 'in_person' as const, sites: [] }]) {
    const refused = await expectDomainError(polcenter.classes.update(staff, cls.id, patch, fixed.version));
    assert.is(refused.code, 'CLASS.IDENTITY_FIXED');
    assert.is(refused.fields[0]?.field, Object.keys(patch)[0]);
    assert.match(refused.fields[0]?.message.vi ?? '', 'Lớp đã có 2 người ghi danh');
  }
  const after = await polcenter.classes.get(cls.id);
  assert.equal([after.code, after.mode, after.version], ['NTĐ-90/2026', 'hybrid', fixed.version]);
  // The rest of the class still changes.
  assert.is((await polcenter.classes.update(staff, cls.id, { capacity: 30 }, fixed.version)).capacity, 30);
});

it('update checks the class as the edit leaves it: dates against the window and the timetable, venue, sites', async () => {
  const cls = await planned();
  const cases: [Parameters<typeof polcenter.classes.update>[2], string, RegExp][] = [
    // The session on 10/03 would fall outside.
    [{ startDate: '2026-03-11' }, 'startDate', /10\/03\/2026/],
    [{ endDate: '2026-03-09' }, 'endDate', /10\/03\/2026/],
    // Enrolment closes on 06/03: the new start may not come before it.
    [{ startDate: '2026-03-05' }, 'enrolmentClosesOn', /trước hoặc đúng ngày khai giảng/],
    [{ endDate: '2026-03-01' }, 'endDate', /không được trước ngày khai giảng/],
    [{ venue: null }, 'venue', /cần địa điểm/],
    [{ sites: [{ name: 'Điểm cầu xã Nam Cường' }] }, 'sites', /không có điểm cầu/],
    [{ capacity: 0 }, 'capacity', /từ 1 trở lên/],
    [{ startDate: '31/02/2026' }, 'startDate', /./],
  ];
  for (const [patch, field, message] of cases) {
    const error = await expectDomainError(polcenter.classes.update(staff, cls.id, patch, cls.version));
    assert.is(error.code, 'INPUT.INVALID', field);
    const said = error.fields.find((f) => f.field === field);
    assert.ok(said, `${field}: ${JSON.stringify(error.fields)}`);
    assert.match(said?.message.vi ?? '', message);
  }
  assert.is((await polcenter.classes.get(cls.id)).version, cls.version);
});

it('update of sites: kept ones renamed, new ones added, unused ones removed; a site holding a session stays', async () => {
  const cls = await planned({
    mode: 'hybrid',
    sites: [{ name: 'Điểm cầu xã Nam Cường', unitId: hall }, { name: 'Điểm cầu xã Bằng Lãng' }],
    sessions: [],
  });
  const [namCuong, bangLang] = [...cls.sites].sort((a, b) => a.name.localeCompare(b.name, 'vi')).reverse();
  const edited = await polcenter.classes.update(
    staff,
    cls.id,
    {
      sites: [{ id: namCuong?.id, name: 'Điểm cầu UBND xã Nam Cường', unitId: hall }, { name: 'Điểm cầu xã Đại Sảo' }],
    },
    cls.version,
  );
  assert.equal(
    edited.sites.map((s) => s.name),
    ['Điểm cầu UBND xã Nam Cường', 'Điểm cầu xã Đại Sảo'],
  );
  assert.is(edited.sites.find((s) => s.name.includes('Nam Cường'))?.id, namCuong?.id);
  assert.not.ok(edited.sites.some((s) => s.id === bangLang?.id));
  const [audited] = await auditRows(cls.id);
  assert.equal(audited?.after.sites, ['Điểm cầu UBND xã Nam Cường', 'Điểm cầu xã Đại Sảo']);

  await polcenter.classes.addSessions(staff, cls.id, [
    { date: '2026-03-11', part: 'morning', periods: 4, site: 'Điểm cầu xã Đại Sảo' },
  ]);
  const current = await polcenter.classes.get(cls.id);
  const inUse = await expectDomainError(
    polcenter.classes.update(
      staff,
      cls.id,
      { sites: [{ id: namCuong?.id, name: 'Điểm cầu UBND xã Nam Cường' }] },
      current.version,
    ),
  );
  assert.is(inUse.fields[0]?.field, 'sites');
  assert.match(inUse.fields[0]?.message.vi ?? '', 'Đại Sảo" có buổi học ngày 11/03/2026');
  const foreign = await expectDomainError(
    polcenter.classes.update(staff, cls.id, { sites: [{ id: cls.id, name: 'Lạ' }] }, current.version),
  );
  assert.is(foreign.fields[0]?.field, 'sites.0.id');
});

it('a capacity cut racing approvals never leaves more approved than seats: one or the other is refused cleanly', async () => {
  for (let round = 0; round < 6; round++) {
    const cls = await planned({ capacity: 10, sessions: [] });
    await orm.em.fork().execute("UPDATE training_class SET status = 'open' WHERE id = ?", [cls.id]);
    const people = await fixturePeople(orm, 10, { unitId: unit });
    await fixtureEnrolments(orm, cls.id, people.slice(0, 3), 'approved');
    const waiting = await fixtureEnrolments(orm, cls.id, people.slice(3), 'nominated');
    const approvals = waiting.map((id) => wide.enrolment.approve(staff, id));
    // The cut starts among the approvals: before, between or after them, as the scheduler has it.
    const cut = wide.classes.update(staff, cls.id, { capacity: 5 }, cls.version);
    const settled = await Promise.allSettled([cut, ...approvals]);
    for (const result of settled) {
      if (result.status === 'rejected') {
        const error = result.reason as DomainError;
        assert.ok(isDomainError(error), `not a domain refusal: ${String(error)}`);
        assert.is(error.code, 'CLASS.CAPACITY_BELOW_TAKEN');
      }
    }
    const [row] = await orm.em.fork().execute<{ capacity: number; seats_taken: number; approved: number }[]>(
      `SELECT c.capacity, c.seats_taken,
                (SELECT count(*)::int FROM enrolment e WHERE e.class_id = c.id AND e.state = 'approved') AS approved
           FROM training_class c WHERE c.id = ?`,
      [cls.id],
    );
    assert.ok(row && row.approved <= row.capacity, JSON.stringify(row));
    assert.is(row?.approved, row?.seats_taken);
  }
});

it('finishing a class that seated nobody needs confirmEmpty; a class with trainees finishes as before', async () => {
  const empty = await planned({ sessions: [] });
  for (const to of ['open', 'running'] as const) await polcenter.classes.transition(staff, empty.id, to);
  const refused = await expectDomainError(polcenter.classes.transition(staff, empty.id, 'finished'));
  assert.is(refused.code, 'CLASS.FINISH_EMPTY');
  assert.is(refused.fields[0]?.field, 'confirmEmpty');
  assert.match(refused.fields[0]?.message.vi ?? '', 'chưa có học viên');
  assert.is((await polcenter.classes.get(empty.id)).status, 'running');
  const finished = await polcenter.classes.transition(staff, empty.id, 'finished', undefined, { confirmEmpty: true });
  assert.is(finished.status, 'finished');

  const taught = await planned({ sessions: [] });
  for (const to of ['open', 'running'] as const) await polcenter.classes.transition(staff, taught.id, to);
  await fixtureEnrolments(orm, taught.id, await fixturePeople(orm, 1, { unitId: unit }), 'approved');
  assert.is((await polcenter.classes.transition(staff, taught.id, 'finished')).status, 'finished');
  // Cancelling an empty class needs no confirmation: nothing is left empty for good by mistake.
  const idle = await planned({ sessions: [] });
  assert.is((await polcenter.classes.transition(staff, idle.id, 'cancelled')).status, 'cancelled');
});

test.run();
