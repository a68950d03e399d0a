import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import Negotiator from 'negotiator';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** Text compresses; PNG and icons are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map']);

type Encoding = 'br' | 'gzip' | 'identity';

/**
 * Both at their best ratio: a file is compressed once per version and encoding, so the time spent
 * (a fraction of a second for the widget code at brotli 11, in zlib's thread pool, not blocking
 * other requests) is paid once, the bytes saved on every visit.
 */
const COMPRESS: Record<Exclude<Encoding, 'identity'>, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: constants.Z_BEST_COMPRESSION }),
};

/** Below this, compression saves less than a packet and a file goes as it is (the embed script). */
const MIN_COMPRESSED_BYTES = 1024;

/** Folders of the workspace packages whose files the server hands out. */
export function packageFolder(name: string, sub: string): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve(`${name}/package.json`)), sub);
}

interface Variant {
  readonly body: Buffer;
  readonly etag: string;
}

interface Cached {
  readonly mtimeMs: number;
  readonly size: number;
  readonly identity: Variant;
  /** Whether the file goes compressed to a client that takes it (text, not tiny). */
  readonly compressible: boolean;
  /** The compressed copies made so far, each on the first request that wanted it. */
  readonly copies: Map<Exclude<Encoding, 'identity'>, Promise<Variant>>;
}

function compressedCopy(entry: Cached, encoding: Exclude<Encoding, 'identity'>): Promise<Variant> {
  let copy = entry.copies.get(encoding);
  if (!copy) {
    copy = COMPRESS[encoding](entry.identity.body).then((body) => ({
      body,
      etag: `${entry.identity.etag.slice(0, -1)}-${encoding}"`,
    }));
    entry.copies.set(encoding, copy);
  }
  return copy;
}

export interface StaticFolderOptions {
  readonly cacheControl: string;
  /** The file served for a folder's URL (`/` → `index.html`). */
  readonly index?: string;
  /** Headers sent with every file of the folder (CORS, resource policy…). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Headers sent with its HTML pages only (the Content-Security-Policy). */
  readonly htmlHeaders?: Readonly<Record<string, string>>;
}

/** The encoding the client takes best, preferring brotli, then gzip, on equal terms. */
function negotiate(req: IncomingMessage): Encoding {
  const negotiator = new Negotiator(req) as Negotiator & {
    // negotiator 1.x takes the server's preference for ties; its types lag behind.
    encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined;
  };
  const chosen = negotiator.encoding(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip', 'identity'] });
  return chosen === 'br' || chosen === 'gzip' ? chosen : 'identity';
}

/** Whether `If-None-Match` names this ETag (a list, `*`, or a weak form a proxy made of it). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

/**
 * Serves the files of one folder under a URL prefix: no directory listing, no path escaping the
 * folder, ETags so browsers revalidate cheaply. Files are small and few, so they are kept in
 * memory, compressed (brotli or gzip) the first time a client asks for that encoding, and re-read
 * only when they change on disk. Each encoding has its own ETag: a cache holding the gzip
 * copy must not validate the brotli one.
 */
export function staticFolder(root: string, options: StaticFolderOptions) {
  const cache = new Map<string, Cached>();
  return async (relative: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const wanted = relative === '' || relative.endsWith('/') ? relative + (options.index ?? '') : relative;
    let file: string;
    try {
      file = path.resolve(root, `.${path.posix.normalize(`/${decodeURIComponent(wanted)}`)}`);
    } catch {
      return false; // a malformed %-escape names no file
    }
    if (!file.startsWith(root + path.sep)) return false;
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(file);
    } catch {
      return false;
    }
    if (!stat.isFile()) return false;
    const extension = path.extname(file);
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== stat.mtimeMs || entry.size !== stat.size) {
      const body = readFileSync(file);
      entry = {
        mtimeMs: stat.mtimeMs,
        size: stat.size,
        identity: { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` },
        compressible: COMPRESSIBLE.has(extension) && body.length >= MIN_COMPRESSED_BYTES,
        copies: new Map(),
      };
      cache.set(file, entry);
    }
    const encoding = entry.compressible ? negotiate(req) : 'identity';
    const chosen = encoding === 'identity' ? entry.identity : await compressedCopy(entry, encoding);

    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    if (extension === '.html') {
      for (const [name, value] of Object.entries(options.htmlHeaders ?? {})) res.setHeader(name, value);
    }
    res.setHeader('content-type', TYPES[extension] ?? 'application/octet-stream');
    res.setHeader('cache-control', options.cacheControl);
    // The body depends on Accept-Encoding only where a compressed copy may be sent.
    if (entry.compressible) res.setHeader('vary', 'Accept-Encoding');
    res.setHeader('etag', chosen.etag);
    if (encoding !== 'identity') res.setHeader('content-encoding', encoding);
    if (matches(req.headers['if-none-match'], chosen.etag)) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader('content-length', chosen.body.length);
    res.end(req.method === 'HEAD' ? undefined : chosen.body);
    return true;
  };
}
