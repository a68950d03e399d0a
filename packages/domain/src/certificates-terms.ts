/**
 * The lists, names and rules of `certificates.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `certificates.ts` and build on these.
 */

/**
 * How a center writes its numbers (configurable): `{n}` the sequence, `{n:3}` zero-padded to
 * three digits, `{yyyy}` / `{yy}` the year.
 */
export const DEFAULT_CERTIFICATE_NUMBER_TEMPLATE = '{n}/GCN-TTCT';

const PLACEHOLDER = /\{(n(?::(\d))?|yyyy|yy)\}/g;

/** (125, 2022) → "125/GCN-TTCT"; with `{n:3}/{yyyy}/GCN` → "125/2022/GCN". */
export function formatCertificateNumber(
  sequence: number,
  year: number,
  template: string = DEFAULT_CERTIFICATE_NUMBER_TEMPLATE,
): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Not a certificate sequence: ${sequence}`);
  return template.replace(PLACEHOLDER, (_, key: string, width?: string) => {
    if (key === 'yyyy') return String(year);
    if (key === 'yy') return String(year % 100).padStart(2, '0');
    return String(sequence).padStart(Number(width ?? 0), '0');
  });
}
