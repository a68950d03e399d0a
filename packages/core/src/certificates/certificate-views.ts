import type { CertificateKind, GradeBand, LocalizedText } from '@polcenter/domain';

/** What leaves the library about certificates: plain data for staff, the public and the printed page. */

/** A certificate as staff see it. */
export interface CertificateView {
  readonly id: string;
  readonly enrolmentId: string;
  readonly personId: string;
  readonly personName: string;
  readonly classId: string;
  readonly classCode: string;
  readonly program: { readonly code: string; readonly name: LocalizedText };
  readonly kind: CertificateKind;
  readonly kindName: LocalizedText;
  readonly issuer: { readonly id: string; readonly name: string };
  readonly year: number;
  readonly number: number;
  /** As printed: `125/GCN-TTCT`. */
  readonly numberText: string;
  /** As printed and typed on the portal: `7KQ2-M9XD-B4T8`. */
  readonly verificationCode: string;
  readonly issuedOn: string;
  readonly revokedAt: string | null;
  readonly revokeReason: string | null;
  readonly valid: boolean;
}

/**
 * What anyone may learn from a verification code: enough to tell a genuine certificate, nothing
 * more about the holder than the name printed on it.
 */
export interface PublicCertificateView {
  readonly valid: boolean;
  readonly numberText: string;
  readonly holderName: string;
  readonly program: LocalizedText;
  readonly kindName: LocalizedText;
  readonly classCode: string;
  readonly classStartDate: string;
  readonly classEndDate: string;
  readonly issuedBy: string;
  readonly issuedOn: string;
  /** The date it was revoked, when it was; the reason stays with staff. */
  readonly revokedOn: string | null;
}

/** Everything a printed certificate page shows (staff only: it carries the birth date). */
export interface PrintableCertificate extends CertificateView {
  readonly birthDate: string | null;
  readonly classTitle: string | null;
  readonly classStartDate: string;
  readonly classEndDate: string;
  readonly finalScore: number | null;
  readonly classification: GradeBand | null;
}
