import { randomBytes, randomUUID } from 'node:crypto';
import {
  CERTIFICATE_KIND_NAMES,
  type CertificateIssueInput,
  type CertificateKind,
  type CertificateLookupInput,
  type CertificateRevocationInput,
  type ClassWorkInput,
  certificateAlreadyRevokedError,
  certificateIssueInput,
  certificateLookupInput,
  certificateNotAwardedError,
  certificateNotFoundError,
  certificateNotPassedError,
  certificateRevocationInput,
  classify,
  classWorkInput,
  DEFAULT_GRADING_SCALE,
  enrolmentNotFoundError,
  formatCertificateNumber,
  type GradingScale,
  type Lang,
  parseInput,
  recordRef,
  VERIFICATION_CODE_BYTES,
  verificationCodeFromBytes,
} from '@polcenter/domain';
import {
  type ClassRow,
  type ClockOptions,
  isoInstant,
  loadClass,
  lockEnrolment,
  uuidArray,
  vietnamToday,
} from '../enrolment/enrolment-sql.js';
import type { Actor } from '../kernel/actor.js';
import { audit } from '../kernel/audit.js';
import { inTransaction, type Sql, session } from '../kernel/sql.js';
import type { Orm } from '../orm.js';
import { certificateFileName, certificatePage } from './certificate-page.js';
import type { CertificateView, PrintableCertificate, PublicCertificateView } from './certificate-views.js';

export type { CertificateView, PrintableCertificate, PublicCertificateView } from './certificate-views.js';

interface CertificateRow {
  id: string;
  enrolment_id: string;
  person_id: string;
  full_name: string;
  birth_date: string | null;
  class_id: string;
  class_code: string;
  class_title: string | null;
  start_date: string;
  end_date: string;
  program_code: string;
  name_vi: string;
  name_en: string;
  kind: CertificateKind | null;
  grading_scale: GradingScale | null;
  issuer_unit_id: string;
  issuer_name: string;
  year: number;
  number: number;
  number_text: string;
  verification_code: string;
  issued_on: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  final_score: number | null;
  classification: string | null;
}

const CERTIFICATE_SELECT = `
  SELECT ce.id, ce.enrolment_id, e.person_id, p.full_name, p.birth_date::text AS birth_date,
         c.id AS class_id, c.code AS class_code, c.title AS class_title,
         c.start_date::text AS start_date, c.end_date::text AS end_date,
         pr.code AS program_code, pr.name_vi, pr.name_en, c.rules->>'certificateKind' AS kind,
         c.rules->'gradingScale' AS grading_scale, ce.issuer_unit_id, u.name AS issuer_name,
         ce.year, ce.number, ce.number_text, ce.verification_code, ce.issued_on::text AS issued_on,
         ${isoInstant('ce.revoked_at')} AS revoked_at, ce.revoke_reason,
         e.final_score::float8 AS final_score, e.classification
    FROM certificate ce
    JOIN enrolment e ON e.id = ce.enrolment_id
    JOIN person p ON p.id = e.person_id
    JOIN training_class c ON c.id = e.class_id
    JOIN program pr ON pr.id = c.program_id
    JOIN unit u ON u.id = ce.issuer_unit_id`;

/** Codes are stored without dashes (12 characters) and shown grouped. */
const grouped = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
const stored = (code: string) => code.replaceAll('-', '');

function toView(r: CertificateRow): CertificateView {
  const kind = r.kind ?? 'completion';
  return {
    id: r.id,
    enrolmentId: r.enrolment_id,
    personId: r.person_id,
    personName: r.full_name,
    classId: r.class_id,
    classCode: r.class_code,
    program: { code: r.program_code, name: { vi: r.name_vi, en: r.name_en } },
    kind,
    kindName: CERTIFICATE_KIND_NAMES[kind],
    issuer: { id: r.issuer_unit_id, name: r.issuer_name },
    year: r.year,
    number: r.number,
    numberText: r.number_text,
    verificationCode: grouped(r.verification_code),
    issuedOn: r.issued_on,
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    valid: r.revoked_at === null,
  };
}

export interface CertificateOptions extends ClockOptions {
  /**
   * The public page that checks a certificate (a portal page holding `pc-certificate-check`); the
   * printed page carries a QR code of it with `?code=`. A function when the address is known only
   * later (a server on a port chosen at start). None: the page prints the code without a QR code.
   */
  readonly checkUrl?: string | null | (() => string | null);
}

/**
 * Certificates (*giấy chứng nhận*): issued to passed trainees with numbers gap-free per issuing
 * center and year — the counter row is bumped in the issuing transaction, so a rolled-back issue
 * gives its number back and concurrent issues queue on the row — a random verification code the
 * public can check, revocation that keeps the number, and the data of the printed page.
 */
export class CertificateService {
  private readonly today: () => string;
  private readonly checkUrl: () => string | null;

  /** @internal Services are built by `createPolCenter` (their ORM stays out of the published types). */
  constructor(
    private readonly orm: Orm,
    options: CertificateOptions = {},
  ) {
    this.today = options.today ?? vietnamToday;
    const url = options.checkUrl;
    this.checkUrl = typeof url === 'function' ? url : () => url ?? null;
  }

  /** One passed trainee's certificate; issuing again returns the valid one they hold. */
  async issue(actor: Actor, input: CertificateIssueInput): Promise<CertificateView> {
    const data = parseInput(certificateIssueInput, input);
    const issuedOn = data.issuedOn ?? this.today();
    const id = await inTransaction(this.orm, async (tx) => {
      const e = await lockEnrolment(tx, data.enrolmentId, enrolmentNotFoundError);
      if (e.state !== 'passed') throw certificateNotPassedError(e.state);
      const [held] = await tx.execute<{ id: string }[]>(
        'SELECT id FROM certificate WHERE enrolment_id = ? AND revoked_at IS NULL',
        [e.id],
      );
      if (held) return held.id;
      const cls = await loadClass(tx, e.class_id);
      if (!cls.rules.certificateKind) throw certificateNotAwardedError(cls.program_code);
      const [issued] = await issueMany(tx, actor, cls, [e.id], issuedOn);
      if (!issued) throw new Error('no certificate issued');
      return issued;
    });
    return this.get(id);
  }

  /**
   * Certificates for every passed trainee of a class who holds none yet, numbered in the order of
   * the class list (Vietnamese name order). Returns the ones issued now.
   */
  async issueForClass(actor: Actor, input: ClassWorkInput): Promise<CertificateView[]> {
    const data = parseInput(classWorkInput, input);
    const issuedOn = data.issuedOn ?? this.today();
    const ids = await inTransaction(this.orm, async (tx) => {
      const cls = await loadClass(tx, data.classId);
      if (!cls.rules.certificateKind) throw certificateNotAwardedError(cls.program_code);
      const passed = await tx.execute<{ id: string }[]>(
        `SELECT e.id FROM enrolment e JOIN person p ON p.id = e.person_id
          WHERE e.class_id = ? AND e.state = 'passed'
          ORDER BY p.given_name COLLATE "vi-x-icu", p.full_name COLLATE "vi-x-icu", e.id
          FOR UPDATE OF e`,
        [cls.id],
      );
      // Read after the locks: a certificate issued meanwhile for one of them is seen now.
      const held = new Set(
        (
          await tx.execute<{ enrolment_id: string }[]>(
            'SELECT enrolment_id FROM certificate WHERE enrolment_id = ANY(?::uuid[]) AND revoked_at IS NULL',
            [uuidArray(passed.map((p) => p.id))],
          )
        ).map((r) => r.enrolment_id),
      );
      return issueMany(
        tx,
        actor,
        cls,
        passed.map((p) => p.id).filter((id) => !held.has(id)),
        issuedOn,
      );
    });
    const rows = await readCertificates(session(this.orm), ids);
    return rows.map(toView);
  }

  /** Revokes a certificate, saying why; the number stays taken. */
  async revoke(actor: Actor, input: CertificateRevocationInput): Promise<CertificateView> {
    const data = parseInput(certificateRevocationInput, input);
    await inTransaction(this.orm, async (tx) => {
      const [row] = await tx.execute<{ id: string; number_text: string; revoked_at: Date | null }[]>(
        'SELECT id, number_text, revoked_at FROM certificate WHERE id = ? FOR UPDATE',
        [data.certificateId],
      );
      if (!row) throw certificateNotFoundError(data.certificateId);
      if (row.revoked_at) throw certificateAlreadyRevokedError(row.number_text);
      await tx.execute('UPDATE certificate SET revoked_at = now(), revoke_reason = ? WHERE id = ?', [
        data.reason,
        row.id,
      ]);
      await audit(tx, actor, {
        action: 'certificate.revoke',
        entity: 'certificate',
        entityId: row.id,
        before: { valid: true },
        after: { valid: false, reason: data.reason },
      });
    });
    return this.get(data.certificateId);
  }

  async get(certificateId: string): Promise<CertificateView> {
    return toView(await this.row(certificateId));
  }

  /** The certificates of a class, in number order. */
  async listForClass(classId: string): Promise<CertificateView[]> {
    const { id } = parseInput(recordRef, { id: classId });
    const em = this.orm.em.fork();
    await loadClass(em, id);
    const rows = await em.execute<CertificateRow[]>(`${CERTIFICATE_SELECT} WHERE e.class_id = ? ORDER BY ce.number`, [
      id,
    ]);
    return rows.map(toView);
  }

  /**
   * The public check of a verification code, as typed (any case, with or without dashes). A
   * mistyped code is refused as bad input before any lookup; an unknown one is CERTIFICATE.NOT_FOUND.
   */
  async verify(input: CertificateLookupInput): Promise<PublicCertificateView> {
    const { code } = parseInput(certificateLookupInput, input);
    const [r] = await this.orm.em
      .fork()
      .execute<CertificateRow[]>(`${CERTIFICATE_SELECT} WHERE ce.verification_code = ?`, [stored(code)]);
    if (!r) throw certificateNotFoundError(code, 'code');
    const kind = r.kind ?? 'completion';
    return {
      valid: r.revoked_at === null,
      numberText: r.number_text,
      holderName: r.full_name,
      program: { vi: r.name_vi, en: r.name_en },
      kindName: CERTIFICATE_KIND_NAMES[kind],
      classCode: r.class_code,
      classStartDate: r.start_date,
      classEndDate: r.end_date,
      issuedBy: r.issuer_name,
      issuedOn: r.issued_on,
      revokedOn: r.revoked_at ? r.revoked_at.slice(0, 10) : null,
    };
  }

  /** The data of the printed certificate page. */
  async printable(certificateId: string): Promise<PrintableCertificate> {
    const r = await this.row(certificateId);
    const scale = r.grading_scale ?? DEFAULT_GRADING_SCALE;
    return {
      ...toView(r),
      birthDate: r.birth_date,
      classTitle: r.class_title,
      classStartDate: r.start_date,
      classEndDate: r.end_date,
      finalScore: r.final_score === null ? null : Number(r.final_score),
      classification:
        scale.find((band) => band.code === r.classification) ??
        (r.final_score === null ? null : classify(Number(r.final_score), scale)),
    };
  }

  /**
   * The printed certificate as one HTML page (A4 landscape) that the browser prints or saves as
   * PDF, in Vietnamese or English.
   */
  async printPage(certificateId: string, lang: Lang = 'vi'): Promise<{ fileName: string; html: string }> {
    const certificate = await this.printable(certificateId);
    return {
      fileName: certificateFileName(certificate),
      html: certificatePage(certificate, lang, this.checkUrl()),
    };
  }

  private async row(certificateId: string): Promise<CertificateRow> {
    const { id } = parseInput(recordRef, { id: certificateId });
    const [row] = await readCertificates(session(this.orm), [id]);
    if (!row) throw certificateNotFoundError(id, 'id');
    return row;
  }
}

async function readCertificates(em: Sql, ids: readonly string[]): Promise<CertificateRow[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<CertificateRow[]>(`${CERTIFICATE_SELECT} WHERE ce.id = ANY(?::uuid[])`, [
    uuidArray(ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const newCode = () => stored(verificationCodeFromBytes(randomBytes(VERIFICATION_CODE_BYTES)));

/**
 * Issues certificates to these enrolments (locked by the caller, passed, holding none) in this
 * order. The counter row of (issuer, year) is bumped by the whole batch at once: it stays locked
 * until the commit, so numbers are handed out without gaps or repeats whatever the concurrency.
 * A verification code that happens to be taken already is drawn again.
 */
async function issueMany(
  tx: Sql,
  actor: Actor,
  cls: ClassRow,
  enrolmentIds: readonly string[],
  issuedOn: string,
): Promise<string[]> {
  if (enrolmentIds.length === 0) return [];
  const year = Number(issuedOn.slice(0, 4));
  const [counter] = await tx.execute<{ last_number: number }[]>(
    `INSERT INTO certificate_counter (issuer_unit_id, year, last_number) VALUES (?, ?, ?)
     ON CONFLICT (issuer_unit_id, year) DO UPDATE SET last_number = certificate_counter.last_number + excluded.last_number
     RETURNING last_number`,
    [cls.organiser_unit_id, year, enrolmentIds.length],
  );
  const first = Number(counter?.last_number) - enrolmentIds.length + 1;
  let pending = enrolmentIds.map((enrolmentId, i) => ({
    id: randomUUID(),
    enrolment_id: enrolmentId,
    number: first + i,
    number_text: formatCertificateNumber(first + i, year, cls.rules.certificateNumberTemplate),
    verification_code: newCode(),
  }));
  const issued = [...pending];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= 5) throw new Error('Could not draw unused verification codes.');
    const inserted = await tx.execute<{ id: string }[]>(
      `INSERT INTO certificate (id, enrolment_id, issuer_unit_id, year, number, number_text, verification_code, issued_on)
       SELECT x.id, x.enrolment_id, ?, ?, x.number, x.number_text, x.verification_code, ?::date
         FROM jsonb_to_recordset(?::jsonb)
           AS x(id uuid, enrolment_id uuid, number int, number_text text, verification_code text)
       ON CONFLICT (verification_code) DO NOTHING
       RETURNING id`,
      [cls.organiser_unit_id, year, issuedOn, JSON.stringify(pending)],
    );
    const done = new Set(inserted.map((r) => r.id));
    pending = pending.filter((c) => !done.has(c.id)).map((c) => ({ ...c, verification_code: newCode() }));
  }
  await audit(
    tx,
    actor,
    ...issued.map((c) => ({
      action: 'certificate.issue',
      entity: 'certificate',
      entityId: c.id,
      before: null,
      after: { enrolmentId: c.enrolment_id, number: c.number_text, year, issuedOn },
    })),
  );
  return issued.map((c) => c.id);
}
