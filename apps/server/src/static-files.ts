import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

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

/** Folders of the workspace packages whose files the server hands out. */
export function packageFolder(name: string, sub: string): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve(`${name}/package.json`)), sub);
}

interface Cached {
  readonly body: Buffer;
  readonly etag: string;
  readonly mtimeMs: number;
}

/**
 * Serves the files of one folder under a URL prefix: no directory listing, no path escaping the
 * folder, ETags so browsers revalidate cheaply. Files are small and few, so they are kept in
 * memory and re-read only when they change on disk.
 */
export function staticFolder(root: string, options: { cacheControl: string; index?: string }) {
  const cache = new Map<string, Cached>();
  return (relative: string, req: IncomingMessage, res: ServerResponse): boolean => {
    const wanted = relative === '' || relative.endsWith('/') ? relative + (options.index ?? '') : relative;
    const file = path.resolve(root, `.${path.posix.normalize(`/${decodeURIComponent(wanted)}`)}`);
    if (!file.startsWith(root + path.sep)) return false;
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(file);
    } catch {
      return false;
    }
    if (!stat.isFile()) return false;
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== stat.mtimeMs) {
      const body = readFileSync(file);
      entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, mtimeMs: stat.mtimeMs };
      cache.set(file, entry);
    }
    res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('cache-control', options.cacheControl);
    res.setHeader('etag', entry.etag);
    res.setHeader('x-content-type-options', 'nosniff');
    if (req.headers['if-none-match'] === entry.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader('content-length', entry.body.length);
    res.end(req.method === 'HEAD' ? undefined : entry.body);
    return true;
  };
}
