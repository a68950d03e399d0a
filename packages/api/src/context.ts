import type { PolCenter, Principal } from '@polcenter/core';
import { type Lang, pickLang } from '@polcenter/domain';

/**
 * What every procedure sees: the library, who is asking (null for the public) and their language.
 * Built without HTTP, so tests call procedures directly with any caller they need.
 */
export interface Context {
  readonly polcenter: PolCenter;
  readonly principal: Principal | null;
  /** The raw bearer token of the caller (for signing out). */
  readonly token: string | null;
  /** Language of error messages for this caller (Vietnamese unless they ask for English). */
  readonly lang: Lang;
}

export function createContextInner(options: {
  polcenter: PolCenter;
  principal?: Principal | null;
  token?: string | null;
  lang?: string | null;
}): Context {
  return {
    polcenter: options.polcenter,
    principal: options.principal ?? null,
    token: options.token ?? null,
    lang: pickLang(options.lang),
  };
}

/** `Authorization: Bearer …` → the caller. An unknown or expired token is treated as no token. */
export async function createContextFromHeaders(
  polcenter: PolCenter,
  headers: { authorization?: string | undefined; 'accept-language'?: string | undefined },
): Promise<Context> {
  const token = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1] ?? null;
  const principal = token ? await polcenter.auth.authenticate(token) : null;
  return createContextInner({
    polcenter,
    principal,
    token: principal ? token : null,
    lang: headers['accept-language'],
  });
}
