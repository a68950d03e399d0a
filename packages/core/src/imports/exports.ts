import {
  ENROLMENT_IMPORT_FIELDS,
  type EnrolmentImportField,
  PERSON_IMPORT_FIELDS,
  PERSONAL_FIELDS,
  type PersonImportField,
} from '@polcenter/domain';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import type { Orm } from '../orm.js';

/** A table for a file: the fields in column order, and the rows (ISO dates, codes, no display text). */
export interface ExportTable<F extends string = string> {
  readonly fields: readonly F[];
  readonly rows: readonly Readonly<Record<F, string | number | null>>[];
}

export interface ExportOptions {
  /** Birth dates, phones and national IDs too; the export is then audited. */
  readonly withPersonalData?: boolean;
}

export const CLASS_EXPORT_FIELDS = [
  'code',
  'programCode',
  'title',
  'organiserUnitCode',
  'mode',
  'startDate',
  'endDate',
  'capacity',
  'seatsTaken',
  'status',
] as const;
export type ClassExportField = (typeof CLASS_EXPORT_FIELDS)[number];

/** The columns the enrolment import reads, results included: an export of a past class imports again. */
export const ENROLMENT_EXPORT_FIELDS = ENROLMENT_IMPORT_FIELDS;
export type EnrolmentExportField = EnrolmentImportField;

const isPersonal = (field: string) => (PERSONAL_FIELDS as readonly string[]).includes(field);

/**
 * Whole tables as files, in the columns the imports read back (so an export with personal data
 * imports again). Personal fields leave only when asked for, and then an audit row says who took them.
 */
export class ExportService {
  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(private readonly orm: Orm) {}

  async people(actor: Actor, options: ExportOptions = {}): Promise<ExportTable<PersonImportField>> {
    const fields = PERSON_IMPORT_FIELDS.filter((f) => options.withPersonalData || !isPersonal(f));
    return this.orm.em.fork().transactional(async (tx) => {
      const rows = await tx.execute<Record<PersonImportField, string | null>[]>(
        `SELECT p.full_name AS "fullName", p.birth_date::text AS "birthDate", p.gender, p.ethnicity,
                u.code AS "unitCode", p.position, p.party_status AS "partyStatus",
                p.party_admitted_on::text AS "partyAdmittedOn", p.education_level AS "educationLevel",
                p.phone, p.national_id AS "nationalId"
           FROM person p LEFT JOIN unit u ON u.id = p.unit_id
          ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", p.id`,
      );
      if (options.withPersonalData) {
        await audit(tx, actor, {
          action: 'person.export_personal',
          entity: 'person',
          entityId: null,
          after: { rows: rows.length, fields },
        });
      }
      return { fields, rows: rows.map((row) => pick(row, fields)) };
    });
  }

  async enrolments(actor: Actor, options: ExportOptions = {}): Promise<ExportTable<EnrolmentExportField>> {
    const fields = ENROLMENT_EXPORT_FIELDS.filter((f) => options.withPersonalData || !isPersonal(f));
    return this.orm.em.fork().transactional(async (tx) => {
      const rows = await tx.execute<Record<EnrolmentExportField, string | null>[]>(
        `SELECT c.code AS "classCode", p.national_id AS "nationalId", p.full_name AS "fullName",
                p.birth_date::text AS "birthDate", u.code AS "unitCode", e.note, e.state, e.classification,
                e.final_score::float8 AS "finalScore"
           FROM enrolment e JOIN training_class c ON c.id = e.class_id JOIN person p ON p.id = e.person_id
           LEFT JOIN unit u ON u.id = e.nominated_by_unit_id
          ORDER BY c.start_date, c.code, e.requested_at, e.queue_seq`,
      );
      if (options.withPersonalData) {
        await audit(tx, actor, {
          action: 'enrolment.export_personal',
          entity: 'enrolment',
          entityId: null,
          after: { rows: rows.length, fields },
        });
      }
      return { fields, rows: rows.map((row) => pick(row, fields)) };
    });
  }

  async classes(): Promise<ExportTable<ClassExportField>> {
    const rows = await this.orm.em.fork().execute<Record<ClassExportField, string | number | null>[]>(
      `SELECT c.code, p.code AS "programCode", c.title, u.code AS "organiserUnitCode", c.mode,
              c.start_date::text AS "startDate", c.end_date::text AS "endDate", c.capacity,
              c.seats_taken AS "seatsTaken", c.status
         FROM training_class c JOIN program p ON p.id = c.program_id JOIN unit u ON u.id = c.organiser_unit_id
        ORDER BY c.start_date, c.code`,
    );
    return { fields: CLASS_EXPORT_FIELDS, rows };
  }
}

function pick<F extends string>(
  row: Record<F, string | number | null>,
  fields: readonly F[],
): Record<F, string | number | null> {
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? null])) as Record<F, string | number | null>;
}
