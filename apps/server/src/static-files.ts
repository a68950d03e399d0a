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
 * Both at their best ratio: a file is compressed once per version (see `compressAll`), so the time
 * spent (tens of milliseconds for the widget bundle) is paid once, the bytes saved on every visit.
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
  /** The compressed copies that are smaller than the file (none for images or a tiny file). */
  readonly encoded: Promise<Partial<Record<Encoding, Variant>>>;
}

/** Compresses a file once, in the background pool; a copy that would not be smaller is dropped. */
async function compressAll(identity: Variant): Promise<Partial<Record<Encoding, Variant>>> {
  const copies: Partial<Record<Encoding, Variant>> = {};
  for (const encoding of ['br', 'gzip'] as const) {
    const body = await COMPRESS[encoding](identity.body);
    // The 39-byte embed script comes out larger: it is sent as it is.
    if (body.length < identity.body.length)
      copies[encoding] = { body, etag: `${identity.etag.slice(0, -1)}-${encoding}"` };
  }
  return copies;
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
 * memory, compressed (brotli and gzip) the first time one is asked for, and re-read and compressed
 * again only when they change on disk. Each encoding has its own ETag: a cache holding the gzip
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
      const identity = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      const encoded = COMPRESSIBLE.has(extension) ? compressAll(identity) : Promise.resolve({});
      entry = { mtimeMs: stat.mtimeMs, size: stat.size, identity, encoded };
      cache.set(file, entry);
    }
    const copies = await entry.encoded;
    const encoding = negotiate(req);
    const chosen = copies[encoding] ?? entry.identity;

    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    if (extension === '.html') {
      for (const [name, value] of Object.entries(options.htmlHeaders ?? {})) res.setHeader(name, value);
    }
    res.setHeader('content-type', TYPES[extension] ?? 'application/octet-stream');
    res.setHeader('cache-control', options.cacheControl);
    // The body depends on Accept-Encoding only where a compressed copy exists.
    if (Object.keys(copies).length > 0) res.setHeader('vary', 'Accept-Encoding');
    res.setHeader('etag', chosen.etag);
    if (chosen !== entry.identity) res.setHeader('content-encoding', encoding);
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
