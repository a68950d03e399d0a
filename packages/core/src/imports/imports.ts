import type { EnrolmentImportField, ImportRow, PersonImportField } from '@polcenter/domain';
import { type ClockOptions, vietnamToday } from '../enrolment/enrolment-sql.js';
import type { Actor } from '../kernel/actor.js';
import type { Orm } from '../orm.js';
import { EnrolmentImport } from './enrolment-import.js';
import type { ImportOptions, ImportReport } from './import-report.js';
import { PeopleImport } from './people-import.js';

/**
 * Bulk imports from files (people, enrolments): every row is checked by the same rules as a
 * single record, all problems are reported with their line, and only a file without any is
 * written — in one transaction, with an audit row per record, or not at all.
 */
export class ImportService {
  private readonly peopleImport: PeopleImport;
  private readonly enrolmentImport: EnrolmentImport;

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(orm: Orm, options: ClockOptions = {}) {
    this.peopleImport = new PeopleImport(orm);
    this.enrolmentImport = new EnrolmentImport(orm, options.today ?? vietnamToday);
  }

  /**
   * People, each checked like `people.create` (the `personInput` schema, the unit by its code).
   * Someone already on file (same national ID, or same name and birth date) is skipped and
   * reported; two rows of the file that are one person are an error.
   */
  people(
    actor: Actor,
    rows: readonly ImportRow<PersonImportField>[],
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    return this.peopleImport.people(actor, rows, options);
  }

  /**
   * Nominations of people to classes, each row naming the class by code, the person by national
   * ID (or by name and birth date when the file has no ID) and, optionally, the nominating unit by
   * code (else the person's own unit). The rules are `enrolment.nominate`'s: the class open for
   * enrolment, the program's eligibility, no clash with a class the person is in (or is put in by
   * the same file). A person already enrolled in the class is skipped and reported.
   */
  enrolments(
    actor: Actor,
    rows: readonly ImportRow<EnrolmentImportField>[],
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    return this.enrolmentImport.enrolments(actor, rows, options);
  }
}
