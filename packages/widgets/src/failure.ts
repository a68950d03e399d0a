import type { Lang, LocalizedText } from '@polcenter/domain';

/**
 * Why a widget has no answer, as a visitor can be told it. Only an answer that PolCenter's own
 * error formatter wrote (it carries `data.domainCode`) is trusted to hold a sentence for people;
 * anything else — a proxy's HTML 502 page, a truncated body, a dropped connection — becomes one of
 * our own sentences, never a parse error or an internal code.
 */
export interface Failure {
  /** `offline`: no answer; `timeout`: too slow; `unexpected`: not PolCenter's JSON; `server`: PolCenter failed; `input`: refused what it was asked. */
  readonly kind: 'offline' | 'timeout' | 'unexpected' | 'server' | 'input';
  /** The sentence in both languages (ours, or the server's); a plain string from a server that sent one language only. */
  readonly text: string | LocalizedText;
  /** Input the server refused, field by field (API field names), with its reasons. */
  readonly fields: readonly { readonly field: string; readonly message: LocalizedText }[];
  /** Worth trying again by itself: the server may come back; refused input will not change. */
  readonly transient: boolean;
}

export const FAILURE_TEXT = {
  offline: {
    vi: 'Không kết nối được máy chủ PolCenter; vui lòng thử lại sau.',
    en: 'Cannot reach the PolCenter server; please try again later.',
  },
  timeout: {
    vi: 'Máy chủ PolCenter trả lời quá chậm; vui lòng thử lại.',
    en: 'The PolCenter server is taking too long to answer; please try again.',
  },
  unexpected: {
    vi: 'Máy chủ PolCenter đang tạm thời gián đoạn; vui lòng thử lại sau.',
    en: 'The PolCenter server is temporarily unavailable; please try again later.',
  },
} satisfies Record<string, LocalizedText>;

interface ClientErrorLike {
  readonly message?: unknown;
  readonly cause?: { readonly name?: unknown; readonly message?: unknown };
  readonly data?: {
    readonly domainCode?: unknown;
    readonly httpStatus?: unknown;
    readonly text?: Partial<LocalizedText> | null;
    readonly fields?: readonly { field?: unknown; message?: Partial<LocalizedText> }[];
  } | null;
}

/** What went wrong with an API call; `timedOut` when our own deadline aborted it. */
export function failureOf(error: unknown, timedOut = false): Failure {
  if (timedOut) return { kind: 'timeout', text: FAILURE_TEXT.timeout, fields: [], transient: true };
  const e = (error ?? {}) as ClientErrorLike;
  const data = e.data;
  if (data && typeof data.domainCode === 'string' && typeof e.message === 'string') {
    const status = typeof data.httpStatus === 'number' ? data.httpStatus : 500;
    const fields = (data.fields ?? []).flatMap((f) =>
      typeof f.field === 'string' && f.message?.vi && f.message.en
        ? [{ field: f.field, message: { vi: f.message.vi, en: f.message.en } }]
        : [],
    );
    const transient = status >= 500 || status === 429;
    const both = data.text;
    const text = typeof both?.vi === 'string' && typeof both.en === 'string' ? { vi: both.vi, en: both.en } : e.message;
    return { kind: transient ? 'server' : 'input', text, fields, transient };
  }
  // fetch() rejects with a TypeError when nothing answered; anything else that is not our JSON
  // (a SyntaxError from an HTML page or a cut-off body, a shape tRPC cannot read) is "unexpected".
  const cause = e.cause ?? (error as ClientErrorLike['cause']);
  const offline = cause?.name === 'TypeError' && /fetch|network|load/i.test(String(cause.message ?? ''));
  return offline
    ? { kind: 'offline', text: FAILURE_TEXT.offline, fields: [], transient: true }
    : { kind: 'unexpected', text: FAILURE_TEXT.unexpected, fields: [], transient: true };
}

/** The failure's sentence in `lang`: field reasons when the server gave them, else its message. */
export function failureText(failure: Failure, lang: Lang): string {
  if (failure.fields.length > 0) return failure.fields.map((f) => f.message[lang]).join(' ');
  return typeof failure.text === 'string' ? failure.text : failure.text[lang];
}

/** The failure's sentence in both languages, for a screen that keeps it while the language may switch. */
export function failureSentence(failure: Failure): LocalizedText {
  return { vi: failureText(failure, 'vi'), en: failureText(failure, 'en') };
}
