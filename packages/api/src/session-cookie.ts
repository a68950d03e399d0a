/**
 * The console's sign-in lives in a cookie a script can never read (HttpOnly), that no other site
 * can make the browser send (SameSite=Strict), sent only to the API (Path=/trpc) and only over
 * HTTPS when the server is reached by HTTPS (Secure). The token in it is a sign-in session like a
 * bearer token's, stored only as its hash.
 */
export const SESSION_COOKIE = 'pc_session';
export const SESSION_COOKIE_PATH = '/trpc';

export interface CookieRequest {
  readonly method: string;
  /** Reached over HTTPS (directly, or through a trusted proxy that says so). */
  readonly https: boolean;
  readonly headers: {
    readonly cookie?: string | undefined;
    readonly host?: string | undefined;
    readonly origin?: string | undefined;
    readonly 'sec-fetch-site'?: string | string[] | undefined;
  };
}

/** The session token in the request's cookies, if any. */
export function sessionCookieOf(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('=')) || null;
  }
  return null;
}

/**
 * Whether the cookie may sign this request in. SameSite=Strict already keeps other sites' requests
 * without it; this also refuses a sibling site of the same domain (same-site, another origin) and
 * any cross-origin page: a mutation (POST) needs an `Origin` naming this server, a query must not
 * come from another origin (`Sec-Fetch-Site`, sent by every current browser).
 */
export function cookieMayAuthenticate(request: CookieRequest): boolean {
  const { headers } = request;
  const host = headers.host;
  const ownOrigin = (origin: string) => !!host && (origin === `https://${host}` || origin === `http://${host}`);
  if (request.method !== 'GET' && request.method !== 'HEAD') return !!headers.origin && ownOrigin(headers.origin);
  if (headers.origin && !ownOrigin(headers.origin)) return false;
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** `Set-Cookie` for a new session, ending with it at its absolute expiry. */
export function sessionCookie(token: string, expiresAt: string, https: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    `Path=${SESSION_COOKIE_PATH}`,
    `Expires=${new Date(expiresAt).toUTCString()}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(https ? ['Secure'] : []),
  ].join('; ');
}

/** `Set-Cookie` that removes the session cookie (signed out, or the session ended). */
export function clearedSessionCookie(https: boolean): string {
  return [
    `${SESSION_COOKIE}=`,
    `Path=${SESSION_COOKIE_PATH}`,
    'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    'HttpOnly',
    'SameSite=Strict',
    ...(https ? ['Secure'] : []),
  ].join('; ');
}
