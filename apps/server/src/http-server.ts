import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import {
  appRouter,
  createContextFromHeaders,
  DATABASE_RETRY_SECONDS,
  isDatabaseUnavailable,
  type Limits,
  sharedLimits,
} from '@polcenter/api';
import { MAX_IMPORT_BYTES, type PolCenter, summariseError } from '@polcenter/core';
import { isDomainError, pickLang } from '@polcenter/domain';
import compression from 'compression';
import { type BuiltAsset, CONSOLE_APP, missingBuild, WIDGET_BUNDLE } from './built-assets.js';
import { type Logger, silentLogger } from './logger.js';
import { guardApiRequest } from './request-guard.js';
import { packageFolder, staticFolder } from './static-files.js';
import { createTrpcHandler } from './trpc-handler.js';

export interface HttpServerOptions {
  readonly polcenter: PolCenter;
  /** Portal origins allowed to call the API from a browser. */
  readonly allowedOrigins?: readonly string[];
  /** Use X-Forwarded-For for the client address (only behind a trusted proxy). */
  readonly trustProxy?: boolean;
  readonly logger?: Logger;
  /** Default: kept in the database, shared by every process on it. */
  readonly limits?: Limits;
  /** Largest request body in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Most calls in one tRPC batch (default 10). */
  readonly maxBatchSize?: number;
  /** Where the widget bundle is built (default: `@polcenter/widgets`' dist). */
  readonly widgetBundle?: BuiltAsset;
  /** Where the staff console is built (default: `@polcenter/console`'s dist). */
  readonly consoleApp?: BuiltAsset;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * The widget code is public and fetched without credentials, by module scripts in CORS mode from
 * any portal's origin: `*` (ADR 0008). The allow-list guards the API's answers, not this code.
 * `cross-origin` lets a portal that isolates itself (COEP) load it too.
 */
const WIDGET_HEADERS = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
};

/**
 * The demo portal page's policy, which a portal copying it can start from: scripts and calls to
 * this server only, no plugins, no framing (clickjacking). Inline `<style>` is allowed for the
 * page's own style block; the widgets' styles are constructed stylesheets, which CSP does not gate.
 */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the console sends a file to import (`imports.upload`, multipart/form-data). */
const UPLOAD_PATH = '/trpc/imports.upload';
const UPLOAD_PATHS: ReadonlySet<string> = new Set([UPLOAD_PATH]);

/** The id the HTTP layer gave each request, for the log lines of what it runs. */
const requestIds = new WeakMap<http.IncomingMessage, string>();

function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  return forwarded || req.socket.remoteAddress || 'unknown';
}

/** HTTPS directly, or through a trusted proxy that says so: the session cookie is then `Secure`. */
function reachedByHttps(req: http.IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return (
    trustProxy &&
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim() === 'https'
  );
}

/**
 * The console's policy: stricter than the portal's (no inline style, nothing framed, nothing
 * from elsewhere). Lit's styles are constructed stylesheets, which CSP does not gate.
 */
const CONSOLE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * One HTTP server for everything: the tRPC API under /trpc, health checks, the embeddable widget
 * bundle under /widgets and the demo portal page at /.
 */
export function createHttpServer(options: HttpServerOptions): http.Server {
  const { polcenter } = options;
  const logger = options.logger ?? silentLogger;
  const limits = options.limits ?? sharedLimits(polcenter);
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const handler = (maxBodySize: number, maxBatchSize: number) =>
    createTrpcHandler({
      router: appRouter,
      basePath: '/trpc/',
      maxBodySize,
      maxBatchSize,
      createContext: ({ req }) =>
        createContextFromHeaders(polcenter, req.headers, {
          clientKey: clientAddress(req, options.trustProxy ?? false),
          limits,
          requestId: requestIds.get(req),
          method: req.method ?? 'GET',
          https: reachedByHttps(req, options.trustProxy ?? false),
        }),
      responseMeta({ errors, ctx }) {
        // tRPC sends its own Vary (trpc-accept, accept) in place of the guard's: Origin goes back on,
        // since whether CORS headers are sent depends on it.
        const headers = new Headers([['vary', 'Origin']]);
        // The console's session cookie: set at sign-in, removed at sign-out or when it has ended.
        for (const cookie of ctx?.session.setCookies ?? []) headers.append('set-cookie', cookie);
        const wait = errors
          .map((error) =>
            error.code === 'SERVICE_UNAVAILABLE'
              ? DATABASE_RETRY_SECONDS
              : isDomainError(error.cause)
                ? error.cause.details.retryAfterSeconds
                : undefined,
          )
          .find((seconds) => typeof seconds === 'number');
        if (wait) headers.set('retry-after', String(wait));
        return { headers };
      },
      onError({ error, path, req, ctx }) {
        if (error.code !== 'INTERNAL_SERVER_ERROR' && error.code !== 'SERVICE_UNAVAILABLE') return;
        // Kind, codes and statement name only: the message of a driver error is the SQL with its
        // values, and PostgreSQL's detail quotes them (docs/operations.md).
        logger.log(error.code === 'SERVICE_UNAVAILABLE' ? 'warn' : 'error', 'procedure failed', {
          requestId: ctx?.requestId ?? requestIds.get(req),
          path,
          status: error.code === 'SERVICE_UNAVAILABLE' ? 503 : 500,
          ...summariseError(error.cause ?? error),
        });
      },
    });
  const trpc = handler(options.maxBodyBytes ?? 1024 * 1024, options.maxBatchSize ?? 10);
  // A file staff import is larger than any other call: its own handler, one call, a bigger body
  // (the file's limit and the form's envelope); every other path keeps the 1 MiB limit.
  const upload = handler(MAX_IMPORT_BYTES + 64 * 1024, 1);

  // API answers are compressed as they are written (brotli or gzip, as the client takes them). The
  // middleware is written for Express but needs only node:http's request and response.
  const compressApi = compression() as unknown as (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    next: () => void,
  ) => void;
  // The embed script's URL is fixed (portals paste it once): cached five minutes, revalidated by ETag.
  // What it loads is named by content hash, so a year and `immutable` are safe.
  const widgetBundle = options.widgetBundle ?? WIDGET_BUNDLE;
  const widgets = staticFolder(widgetBundle.folder, {
    cacheControl: 'public, max-age=300',
    headers: WIDGET_HEADERS,
  });
  const widgetChunks = staticFolder(path.join(widgetBundle.folder, 'chunks'), {
    cacheControl: 'public, max-age=31536000, immutable',
    headers: WIDGET_HEADERS,
  });
  // The console's files are named by content hash (a year, immutable); its page is the same
  // index.html for every /console/… address, so a reload or a shared link opens that page.
  const consoleApp = options.consoleApp ?? CONSOLE_APP;
  const consoleFiles = staticFolder(consoleApp.folder, {
    cacheControl: 'public, max-age=31536000, immutable',
  });
  const consolePage = staticFolder(consoleApp.folder, {
    cacheControl: 'no-cache',
    htmlHeaders: { 'content-security-policy': CONSOLE_POLICY, 'x-frame-options': 'DENY' },
  });
  const portal = staticFolder(packageFolder('@polcenter/portal', 'public'), {
    cacheControl: 'no-cache',
    index: 'index.html',
    htmlHeaders: { 'content-security-policy': PAGE_POLICY },
  });

  return http.createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    requestIds.set(req, requestId);
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
    res.on('finish', () => {
      logger.log('info', 'request', {
        requestId,
        method: req.method,
        // Path only: queries may carry input, and input may one day carry a name.
        path: (req.url ?? '/').split('?')[0],
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    try {
      const route = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (route === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (route === '/readyz') {
        try {
          await polcenter.ping();
          return sendJson(res, 200, { status: 'ready' });
        } catch {
          return sendJson(
            res,
            503,
            { status: 'database unavailable' },
            { 'retry-after': String(DATABASE_RETRY_SECONDS) },
          );
        }
      }
      if (route.startsWith('/trpc/')) {
        if (guardApiRequest(req, res, { allowedOrigins, multipartPaths: UPLOAD_PATHS })) return;
        // A signed-in answer (or a mutation's, such as the token sign-in returns) is nobody else's.
        if (req.headers.authorization || req.method === 'POST') res.setHeader('cache-control', 'no-store');
        await new Promise<void>((next) => compressApi(req, res, next));
        return await (route === UPLOAD_PATH ? upload(req, res) : trpc(req, res));
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (route.startsWith('/widgets/chunks/')) {
          if (await widgetChunks(route.slice('/widgets/chunks/'.length), req, res)) return;
        } else if (route.startsWith('/widgets/')) {
          if (await widgets(route.slice('/widgets/'.length), req, res)) return;
        } else if (route === '/console' || route.startsWith('/console/')) {
          if (route.startsWith('/console/assets/')) {
            if (await consoleFiles(route.slice('/console/'.length), req, res)) return;
          } else if (await consolePage('index.html', req, res)) return;
        } else if (await portal(route.slice(1), req, res)) return;
        // Not a silent 404 when the bundle or the console was never built: say what to run.
        const unbuilt = route.startsWith('/widgets/')
          ? missingBuild(widgetBundle)
          : route === '/console' || route.startsWith('/console/')
            ? missingBuild(consoleApp)
            : null;
        if (unbuilt) return sendJson(res, 404, { error: unbuilt[pickLang(req.headers['accept-language'])] });
      }
      sendJson(res, 404, { error: pickLang(req.headers['accept-language']) === 'vi' ? 'Không tìm thấy' : 'Not found' });
    } catch (error) {
      // Nothing may take the process down; the client learns only that it failed (or must wait).
      const unavailable = isDatabaseUnavailable(error);
      logger.log(unavailable ? 'warn' : 'error', 'request failed', { requestId, ...summariseError(error) });
      if (res.headersSent) res.destroy();
      else if (unavailable) {
        sendJson(
          res,
          503,
          { error: 'Database unavailable / Cơ sở dữ liệu tạm thời không truy cập được' },
          { 'retry-after': String(DATABASE_RETRY_SECONDS) },
        );
      } else sendJson(res, 500, { error: 'Internal server error / Máy chủ gặp lỗi' });
    }
  });
}
