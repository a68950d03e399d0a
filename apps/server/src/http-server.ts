import http from 'node:http';
import { appRouter, createContextFromHeaders } from '@polcenter/api';
import type { PolCenter } from '@polcenter/core';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { packageFolder, staticFolder } from './static-files';

export interface HttpServerOptions {
  readonly polcenter: PolCenter;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * One HTTP server for everything: the tRPC API under /trpc, health checks, the embeddable widget
 * bundle under /widgets and the demo portal page at /.
 */
export function createHttpServer({ polcenter }: HttpServerOptions): http.Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req }) => createContextFromHeaders(polcenter, req.headers),
  });
  const widgets = staticFolder(packageFolder('@polcenter/widgets', 'dist'), { cacheControl: 'public, max-age=300' });
  const portal = staticFolder(packageFolder('@polcenter/portal', 'public'), {
    cacheControl: 'no-cache',
    index: 'index.html',
  });

  return http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = url.pathname;
    if (route === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (route === '/readyz') {
      try {
        await polcenter.ping();
        return sendJson(res, 200, { status: 'ready' });
      } catch {
        return sendJson(res, 503, { status: 'database unavailable' });
      }
    }
    if (route.startsWith('/trpc/')) return trpc(req, res);
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (route.startsWith('/widgets/') && widgets(route.slice('/widgets/'.length), req, res)) return;
      if (!route.startsWith('/widgets/') && portal(route.slice(1), req, res)) return;
    }
    sendJson(res, 404, { error: 'Not found' });
  });
}
