import { type AppRouter, createPolCenterClient, type PolCenterClient } from '@polcenter/client';
import type { Lang, LocalizedText } from '@polcenter/domain';
import { createTRPCClient, httpLink } from '@trpc/client';

/** The console talks to the API of the server that served it: same origin, so the cookie goes along. */
const API_URL = '/trpc';

/** Fired on `window` when the API says the sign-in is gone: the shell goes back to the sign-in page. */
export const SESSION_LOST = 'pc-session-lost';

export interface SessionLost {
  /** `AUTH.SESSION_ENDED` (it ended: `reason` says why) or `AUTH.REQUIRED` (there was none). */
  readonly code: string;
  /** The server's sentence in both languages (the sign-in page may be switched while it shows). */
  readonly message: LocalizedText;
  readonly reason: string | null;
}

interface ErrorEnvelope {
  readonly error?: {
    readonly message?: string;
    readonly data?: { domainCode?: string; sessionEnd?: string; text?: Partial<LocalizedText> };
  };
}

/**
 * Every console call goes through this: the session cookie is sent (same origin), and an answer
 * saying the session is gone — whichever call met it — tells the shell once.
 */
async function sessionFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, { ...init, credentials: 'same-origin' });
  // 207: a batch whose calls answered differently (the public reference names went out with
  // auth.me in one request), so the 401 is inside.
  if (response.status === 401 || response.status === 207) {
    try {
      const body = (await response.clone().json()) as ErrorEnvelope | ErrorEnvelope[];
      const lost = (Array.isArray(body) ? body : [body])
        .map((item) => item.error)
        .find(
          (error) => error?.data?.domainCode === 'AUTH.SESSION_ENDED' || error?.data?.domainCode === 'AUTH.REQUIRED',
        );
      if (lost) {
        const detail: SessionLost = {
          code: lost.data?.domainCode ?? 'AUTH.REQUIRED',
          message: bothLanguages(lost),
          reason: lost.data?.sessionEnd ?? null,
        };
        window.dispatchEvent(new CustomEvent(SESSION_LOST, { detail }));
      }
    } catch {
      // Not PolCenter's JSON: the call's own error handling says what went wrong.
    }
  }
  return response;
}

/** The error's sentence in both languages, or its one-language message as both when that is all it has. */
function bothLanguages(error: NonNullable<ErrorEnvelope['error']>): LocalizedText {
  const text = error.data?.text;
  if (typeof text?.vi === 'string' && typeof text.en === 'string') return { vi: text.vi, en: text.en };
  return { vi: error.message ?? '', en: error.message ?? '' };
}

const clients = new Map<Lang, PolCenterClient>();

/** The shared client for queries and mutations that need no key, per language (batching calls). */
export function consoleClient(lang: Lang): PolCenterClient {
  let client = clients.get(lang);
  if (!client) {
    client = createPolCenterClient(API_URL, { lang, fetch: sessionFetch });
    clients.set(lang, client);
  }
  return client;
}

/**
 * A client for one mutation with its `Idempotency-Key`: a repeat (double click, retry after a
 * dropped connection, a reload that sends the kept draft again) gets the first answer.
 */
export function keyedClient(lang: Lang, idempotencyKey: string): PolCenterClient {
  return createPolCenterClient(API_URL, { lang, idempotencyKey, fetch: sessionFetch });
}

/**
 * A client that sends each call on its own (no batching), so a mutation's input may be a
 * `FormData`: `imports.upload` takes the file this way (multipart/form-data, docs/adr/0031).
 */
export function uploadClient(lang: Lang) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: API_URL, fetch: sessionFetch, headers: () => ({ 'accept-language': lang }) })],
  });
}
