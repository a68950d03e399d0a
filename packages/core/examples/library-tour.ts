/**
 * A tour of the library, as another app uses it: one class from planning to certificate.
 * Run it against any empty PostgreSQL database:
 *
 *   DATABASE_URL=postgres://… node --conditions=@polcenter/source --import tsx packages/core/examples/library-tour.ts
 *
 * (`src/library-tour.test.ts` runs it on a fresh database, so this file stays true.)
 */
import { createPolCenter, seedDemo } from '../src/index.js';

export async function tour(databaseUrl: string, log: (line: string) => void = console.log): Promise<string> {
  // Migrations run on open; the demo seed gives units, the six default programs and a story.
  const polcenter = await createPolCenter({ databaseUrl });
  try {
    await seedDemo(polcenter);
    const staff = { id: null, label: 'Hoàng Thị Mai (Trung tâm Chính trị)' };
    const center = await polcenter.units.findByCode('TN-CHODON');
    const commune = await polcenter.units.findByCode('TN-NAMCUONG');
    if (!center || !commune) throw new Error('the demo units are missing');
    const program = await polcenter.programs.getByCode('CNKT');

    // Plan a class with its timetable, then open it for enrolment.
    const planned = await polcenter.classes.create(staff, {
      code: 'CNKT-05/2030',
      programId: program.id,
      organiserUnitId: center.id,
      title: 'Cập nhật kiến thức cho cán bộ thôn, bản',
      mode: 'in_person',
      venue: 'Hội trường xã Chợ Đồn',
      capacity: 2,
      startDate: '2030-03-11',
      endDate: '2030-03-11',
      sessions: [
        { date: '2030-03-11', part: 'morning', topicNumber: 1, periods: 4 },
        { date: '2030-03-11', part: 'afternoon', topicNumber: 2, periods: 4 },
      ],
    });
    await polcenter.classes.transition(staff, planned.id, 'open');

    // Three people ask for two seats: the third waits, first come first served.
    const names = ['Nông Văn Hải', 'Bàn Thị Lan', 'Lục Văn Toàn'];
    const people = [];
    for (const [n, fullName] of names.entries()) {
      people.push(
        await polcenter.people.create(staff, {
          fullName,
          birthDate: `198${n}-05-0${n + 1}`,
          gender: fullName.includes('Thị') ? 'female' : 'male',
          ethnicity: 'tay',
          unitId: commune.id,
          partyStatus: 'full_member',
        }),
      );
    }
    const enrolments = [];
    for (const person of people) {
      const enrolment = await polcenter.enrolment.request(
        staff,
        { classId: planned.id, personId: person.id },
        { autoAdmit: true },
      );
      enrolments.push(enrolment);
      log(`${enrolment.personName}: ${enrolment.stateName.vi}`);
    }

    // One withdraws; the waitlist moves up in the same transaction.
    const [first] = enrolments;
    const { promoted } = await polcenter.enrolment.withdraw(staff, first?.id as string, 'Bận công tác');
    log(`${promoted?.personName} được chuyển từ danh sách chờ: ${promoted?.stateName.vi}`);

    // Teach, take attendance, compute results, issue certificates (if the program gives them).
    const running = await polcenter.classes.transition(staff, planned.id, 'running');
    for (const session of running.sessions) {
      const sheet = (await polcenter.attendance.sheet(session.id)).lines.map((line) => ({
        enrolmentId: line.enrolmentId,
        mark: 'present' as const,
      }));
      await polcenter.attendance.recordSheet(staff, { sessionId: session.id, marks: sheet });
    }
    await polcenter.classes.transition(staff, planned.id, 'finished');
    const results = await polcenter.results.computeForClass(staff, { classId: planned.id });
    for (const result of results) log(`${result.personName}: ${result.reasonText.vi}`);

    const history = await polcenter.classes.history(planned.id);
    const summary = `${planned.code}: ${history.map((h) => h.to).join(' → ')}`;
    log(summary);
    return summary;
  } finally {
    await polcenter.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to an empty PostgreSQL database.');
    process.exit(2);
  }
  await tour(url);
}
