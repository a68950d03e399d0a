import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorEnvelope, transportText } from '@polcenter/api';
import { type LocalizedText, pickLang } from '@polcenter/domain';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

export interface GuardOptions {
  /** Origins (scheme://host[:port]) of portals allowed to call the API from the browser. */
  readonly allowedOrigins: ReadonlySet<string>;
  /**
   * Paths that take a file as `multipart/form-data` (the console's import upload), from this
   * server's own pages or from a client that is no browser (no `Origin`) only: a form that other
   * sites could post is refused as any cross-site post.
   */
  readonly multipartPaths?: ReadonlySet<string>;
}

const ALLOWED_HEADERS = 'authorization, content-type, accept-language, idempotency-key, trpc-accept';

/** The origin a browser says it calls from, or null for non-browser clients. */
function originOf(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  return origin && origin !== 'null' ? origin : origin === 'null' ? 'null' : null;
}

function sameOrigin(req: IncomingMessage, origin: string): boolean {
  const host = req.headers.host;
  return !!host && (origin === `http://${host}` || origin === `https://${host}`);
}

/**
 * CORS by allow-list and the refusal of cross-site form posts, for the API only.
 * - An allowed origin gets CORS headers naming it (never `*`); any other origin gets none, so the
 *   browser keeps the response from it. Every answer says `Vary: Origin`, since whether it carries
 *   those headers depends on it: a shared cache must not hand one origin's answer to another.
 * - `Cross-Origin-Resource-Policy: same-origin` keeps answers out of other sites' `<script>` or
 *   `<img>` loads (no-cors); calls in CORS mode, as the widgets make, are governed by CORS alone.
 * - A POST must carry JSON: HTML forms cannot send `application/json`, so a forged cross-site form
 *   post is refused before it reaches a procedure (415), and a POST from a foreign origin that is
 *   not on the list is refused outright (403).
 * Returns true when it has answered the request itself.
 */
export function guardApiRequest(req: IncomingMessage, res: ServerResponse, options: GuardOptions): boolean {
  const origin = originOf(req);
  const allowed = origin !== null && options.allowedOrigins.has(origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  if (allowed && origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'retry-after, x-request-id');
  }
  if (req.method === 'OPTIONS') {
    if (allowed) {
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
      res.setHeader('access-control-max-age', '600');
    }
    res.writeHead(allowed ? 204 : 403).end();
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
    refuse(
      req,
      res,
      405,
      'METHOD_NOT_SUPPORTED',
      'METHOD_NOT_SUPPORTED',
      transportText('METHOD_NOT_SUPPORTED', `The API does not take ${req.method}.`),
      { allow: 'GET, POST, OPTIONS' },
    );
    return true;
  }
  if (req.method === 'POST') {
    if (origin !== null && !allowed && !sameOrigin(req, origin)) {
      refuse(req, res, 403, 'FORBIDDEN', 'CROSS_SITE', {
        vi: 'Không nhận yêu cầu từ trang web này.',
        en: 'Cross-site requests from this origin are not allowed.',
      });
      return true;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    const path = (req.url ?? '').split('?')[0] ?? '';
    const upload =
      type === 'multipart/form-data' &&
      (options.multipartPaths?.has(path) ?? false) &&
      (origin === null || sameOrigin(req, origin));
    if (type !== 'application/json' && !upload) {
      refuse(
        req,
        res,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'UNSUPPORTED_MEDIA_TYPE',
        transportText('UNSUPPORTED_MEDIA_TYPE', `the body was sent as ${type || 'nothing'}.`),
      );
      return true;
    }
  }
  return false;
}

function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: TRPC_ERROR_CODE_KEY,
  domainCode: string,
  text: LocalizedText,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(errorEnvelope(code, status, domainCode, text, pickLang(req.headers['accept-language']))));
}
