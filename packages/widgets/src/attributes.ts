import type { LocalizedText } from '@polcenter/domain';

/**
 * A webmaster's mistake in an attribute, said where they will look: inline in the widget and in
 * the console, naming the attribute and what it accepts.
 */
export interface AttributeProblem {
  readonly attribute: string;
  readonly value: string | null | undefined;
  readonly text: LocalizedText;
  /** The values it accepts, or examples of them, for the console. */
  readonly accepted?: readonly string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `attribute` is required: its absence would otherwise leave the widget empty for good. */
export function required(
  attribute: string,
  value: string | null | undefined,
  example: string,
): AttributeProblem | undefined {
  if (value?.trim()) return undefined;
  return {
    attribute,
    value,
    text: {
      vi: `Thiếu thuộc tính ${attribute} (ví dụ ${attribute}="${example}").`,
      en: `The ${attribute} attribute is missing (e.g. ${attribute}="${example}").`,
    },
  };
}

/** A calendar date written as YYYY-MM-DD, and a real one (no 31 February). */
export function isoDateAttribute(attribute: string, value: string | null | undefined): AttributeProblem | undefined {
  if (value == null) return undefined;
  const m = ISO_DATE.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (date && date.toISOString().slice(0, 10) === value) return undefined;
  return {
    attribute,
    value,
    text: {
      vi: `Thuộc tính ${attribute}="${value}" không phải một ngày có thật dạng YYYY-MM-DD (ví dụ 2022-06-01).`,
      en: `${attribute}="${value}" is not a real date written YYYY-MM-DD (e.g. 2022-06-01).`,
    },
    accepted: ['YYYY-MM-DD'],
  };
}

/** One of a fixed list of values. */
export function oneOf(
  attribute: string,
  value: string | null | undefined,
  accepted: readonly string[],
): AttributeProblem | undefined {
  if (value == null || accepted.includes(value)) return undefined;
  const list = accepted.join(', ');
  return {
    attribute,
    value,
    text: {
      vi: `Thuộc tính ${attribute}="${value}" không hợp lệ; chỉ nhận: ${list}.`,
      en: `${attribute}="${value}" is not accepted; use one of: ${list}.`,
    },
    accepted,
  };
}

/** A whole number between `min` and `max`. */
export function wholeNumber(
  attribute: string,
  value: number | null | undefined,
  min: number,
  max: number,
): AttributeProblem | undefined {
  if (value == null || (Number.isInteger(value) && value >= min && value <= max)) return undefined;
  return {
    attribute,
    value: String(value),
    text: {
      vi: `Thuộc tính ${attribute} phải là số nguyên từ ${min} đến ${max}.`,
      en: `${attribute} must be a whole number from ${min} to ${max}.`,
    },
    accepted: [`${min}–${max}`],
  };
}

/** The first problem of a list of checks, if any. */
export function firstProblem(...checks: (AttributeProblem | undefined)[]): AttributeProblem | undefined {
  return checks.find((check) => check !== undefined);
}
