import {
  assertOpenForEnrolment,
  DomainError,
  foldDiacritics,
  parseInput,
  type SelfRegistrationInput,
  selfRegistrationInput,
} from '@polcenter/domain';
import type { Actor } from '../actor';
import type { Orm } from '../orm';
import type { ClassService } from './classes';
import type { EnrolmentService } from './enrolment';
import { vietnamToday } from './enrolment-sql';
import type { PeopleService } from './people';

export interface RegistrationReceipt {
  /** The enrolment's id: what the person quotes when they call the center. */
  readonly reference: string;
  readonly classCode: string;
  readonly state: string;
}

const mismatch = () =>
  new DomainError('REGISTRATION.IDENTITY_MISMATCH', {
    vi: 'Thông tin không khớp với hồ sơ đã có của số CCCD này; vui lòng liên hệ Trung tâm Chính trị.',
    en: 'The details do not match the record held for this national ID; please contact the political center.',
  });

/**
 * Self-registration through the portal: the person is found by national ID (or recorded, if the
 * district has no record of them yet) and asks for a seat; staff approve it later. The answer
 * carries no personal data, and a national ID never attaches a request to someone else's record.
 */
export class RegistrationService {
  private readonly today: () => string;

  constructor(
    private readonly orm: Orm,
    private readonly people: PeopleService,
    private readonly classes: ClassService,
    private readonly enrolment: EnrolmentService,
    options: { today?: () => string } = {},
  ) {
    this.today = options.today ?? vietnamToday;
  }

  async register(actor: Actor, input: SelfRegistrationInput): Promise<RegistrationReceipt> {
    const data = parseInput(selfRegistrationInput, input);
    // Check the class first, so a request that cannot succeed creates no person record either.
    const cls = await this.classes.get(data.classId);
    assertOpenForEnrolment(
      { status: cls.status, enrolmentOpensOn: cls.enrolmentOpensOn, enrolmentClosesOn: cls.enrolmentClosesOn },
      this.today(),
    );
    const [known] = await this.orm.em
      .fork()
      .execute<{ id: string; search_name: string; birth_date: string | null }[]>(
        "SELECT id, search_name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM person WHERE national_id = ?",
        [data.person.nationalId],
      );
    let personId: string;
    if (known) {
      const sameName = known.search_name === foldDiacritics(data.person.fullName);
      const sameBirth = !known.birth_date || !data.person.birthDate || known.birth_date === data.person.birthDate;
      if (!sameName || !sameBirth) throw mismatch();
      personId = known.id;
    } else {
      personId = (await this.people.create(actor, data.person)).id;
    }
    const enrolment = await this.enrolment.request(actor, { classId: data.classId, personId });
    return { reference: enrolment.id, classCode: enrolment.classCode, state: enrolment.state };
  }
}
