import { z } from 'zod';
import { bilingual, DomainError } from './errors.js';
import { text } from './text.js';

/**
 * Certificates (*giấy chứng nhận*) carry a number, gap-free per center and year (the database
 * hands out the sequence; this module only writes it), and a verification code the public
 * types into the portal to check that a certificate is genuine.
 */

export const certificateNumberTemplate = text(60).refine((template) => /\{n(?::\d)?\}/.test(template), {
  message: bilingual({
    vi: 'Mẫu số giấy chứng nhận phải chứa {n} (số thứ tự).',
    en: 'A certificate number template must contain {n} (the sequence).',
  }),
});

// Crockford's base 32: no I, L, O or U, so nothing reads as another character or a word.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
const DATA_LENGTH = 11;
/** Bytes of randomness `verificationCodeFromBytes` needs: 11 characters × 5 bits = 55 bits. */
export const VERIFICATION_CODE_BYTES = Math.ceil((DATA_LENGTH * 5) / 8);

/** Luhn mod 32: catches every single mistyped character and most swapped neighbours. */
function luhnSum(values: readonly number[], doubleFirstFromRight: boolean): number {
  let double = doubleFirstFromRight;
  let sum = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    let addend = (values[i] ?? 0) * (double ? 2 : 1);
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
    double = !double;
  }
  return sum % BASE;
}

function checkCharacter(data: readonly number[]): string {
  return ALPHABET.charAt((BASE - luhnSum(data, true)) % BASE);
}

function group(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * A new verification code, "7KQ2-M9XD-B4T8", from random bytes the caller draws
 * (`crypto.getRandomValues(new Uint8Array(VERIFICATION_CODE_BYTES))`), so this stays pure and
 * tests are repeatable. Eleven random characters and one check character.
 */
export function verificationCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < VERIFICATION_CODE_BYTES) {
    throw new RangeError(`A verification code needs ${VERIFICATION_CODE_BYTES} random bytes, got ${bytes.length}.`);
  }
  const values: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && values.length < DATA_LENGTH) {
      bits -= 5;
      values.push((buffer >> bits) & 31);
    }
    buffer &= (1 << bits) - 1;
    if (values.length === DATA_LENGTH) break;
  }
  return group(values.map((v) => ALPHABET.charAt(v)).join('') + checkCharacter(values));
}

/**
 * A code as typed — any case, with or without dashes or spaces, O for 0, I or L for 1 — in its
 * canonical "XXXX-XXXX-XXXX" form, or null when it cannot be one of ours (wrong length,
 * foreign character, or a check character that does not match: a typo).
 */
export function normaliseVerificationCode(typed: string): string | null {
  const text = typed
    .toUpperCase()
    .replace(/[\s\-._]/g, '')
    .replaceAll('O', '0')
    .replace(/[IL]/g, '1');
  if (text.length !== DATA_LENGTH + 1) return null;
  const values = [...text].map((c) => ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return null;
  return luhnSum(values, false) === 0 ? group(text) : null;
}

export function isValidVerificationCode(typed: string): boolean {
  return normaliseVerificationCode(typed) !== null;
}

/** A code typed on the portal, normalised; a typo is refused before any lookup. */
export const verificationCode = text(40).transform((typed, ctx) => {
  const code = normaliseVerificationCode(typed);
  if (code) return code;
  ctx.addIssue({
    code: 'custom',
    message: bilingual({
      vi: 'Mã xác minh không đúng; hãy kiểm tra lại từng ký tự (dạng XXXX-XXXX-XXXX).',
      en: 'This verification code is not valid; check each character (format XXXX-XXXX-XXXX).',
    }),
  });
  return z.NEVER;
});

export const certificateLookupInput = z.object({ code: verificationCode }).strict();
export type CertificateLookupInput = z.input<typeof certificateLookupInput>;

/** Revoking keeps the number and records why. */
export const certificateRevocationInput = z
  .object({ certificateId: z.uuid(), reason: text(1000, { min: 5, multiline: true }) })
  .strict();
export type CertificateRevocationInput = z.input<typeof certificateRevocationInput>;

/** CERTIFICATE.ALREADY_REVOKED. */
export function certificateAlreadyRevokedError(number: string): DomainError {
  return new DomainError(
    'CERTIFICATE.ALREADY_REVOKED',
    { vi: `Giấy chứng nhận số ${number} đã bị thu hồi.`, en: `Certificate ${number} has already been revoked.` },
    { details: { number } },
  );
}
