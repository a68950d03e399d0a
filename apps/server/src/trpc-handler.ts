import type http from 'node:http';
import type { AnyTRPCRouter, inferRouterContext } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import { type HTTPErrorHandler, type ResponseMetaFn, resolveResponse } from '@trpc/server/http';

export interface TrpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  readonly router: TRouter;
  /** The path prefix of every procedure (`/trpc/`). */
  readonly basePath: string;
  readonly maxBodySize: number;
  readonly maxBatchSize: number;
  readonly createContext: (opts: { req: http.IncomingMessage }) => Promise<inferRouterContext<TRouter>>;
  readonly responseMeta?: ResponseMetaFn<TRouter>;
  readonly onError?: HTTPErrorHandler<TRouter, http.IncomingMessage>;
}

/**
 * tRPC's own answer (`resolveResponse`: batching, method and content-type rules, error shapes,
 * `responseMeta`) behind a lighter node:http bridge than its standalone adapter's. That adapter
 * hands the body to the Fetch `Request` as a web stream fed chunk by chunk and pipes the answer
 * back through a `WritableStream` with a flush per chunk; at 100 connections those streams, their
 * promises and their garbage were a fifth of the server's CPU per call (issue 15, ADR 0044).
 * Bodies here are small JSON documents or one import file, and every answer is one JSON document
 * (the clients batch, never stream): the body is read whole, within its limit, and the answer is
 * sent whole with its length, so the compression middleware sees its size and leaves small answers
 * as they are.
 */
export function createTrpcHandler<TRouter extends AnyTRPCRouter>(
  options: TrpcHandlerOptions<TRouter>,
): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  const { router, basePath, maxBodySize, maxBatchSize, responseMeta, onError } = options;
  return async (req, res) => {
    // tRPC reads only the path and the query: the Host header, the client's to choose, stays out.
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.slice(basePath.length).replace(/\/$/, '');
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableEnded) controller.abort();
    });
    let request: Request;
    try {
      request = await requestOf(req, url, controller.signal, maxBodySize);
    } catch (error) {
      // The client left while sending its body (ECONNRESET): nobody to answer, nothing to log.
      if (req.destroyed) return void res.destroy();
      throw error;
    }
    const response = await resolveResponse<TRouter>({
      router,
      req: request,
      path,
      error: null,
      maxBatchSize,
      createContext: () => options.createContext({ req }),
      ...(responseMeta ? { responseMeta } : {}),
      onError: (error) => onError?.({ ...error, req }),
    });
    res.statusCode = response.status;
    for (const [key, value] of response.headers) if (key !== 'set-cookie') res.setHeader(key, value);
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    const body = Buffer.from(await response.arrayBuffer());
    res.setHeader('content-length', body.length);
    res.end(body);
  };
}

function headersOf(incoming: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const key in incoming) {
    const value = incoming[key];
    if (key.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.append(key, value);
  }
  return headers;
}

/** What tRPC reads of a JSON call (`resolveResponse` and its JSON content handler): nothing else. */
type JsonRequest = Pick<Request, 'method' | 'url' | 'headers' | 'signal' | 'text'>;

/**
 * The Fetch request tRPC is given. A JSON call (every call but the import upload) gets a plain
 * object with what tRPC's JSON handling reads of it: building undici's `Request` (its body stream,
 * its internal state, reading the stream back) cost more CPU per call than tRPC's own work. A form
 * or a file keeps a real `Request`, whose `formData()` and `body` tRPC uses.
 */
async function requestOf(req: http.IncomingMessage, url: URL, signal: AbortSignal, limit: number): Promise<Request> {
  const method = req.method ?? 'GET';
  const headers = headersOf(req.headers);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const json = !type.startsWith('multipart/form-data') && !type.startsWith('application/octet-stream');
  const body = hasBody ? await readBody(req, limit) : null;
  if (json) {
    const request: JsonRequest = {
      method,
      url: url.href,
      headers,
      signal,
      text: async () => {
        if (body === null) return '';
        if (body === TOO_LARGE) throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE' });
        return body.toString('utf8');
      },
    };
    // tRPC's JSON handling reads only these members (checked against the pinned version's source).
    return request as Request;
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (body !== null) {
    init.body =
      body === TOO_LARGE
        ? new ReadableStream({ start: (stream) => stream.error(new TRPCError({ code: 'PAYLOAD_TOO_LARGE' })) })
        : body;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

const TOO_LARGE = Symbol('too large');

/**
 * The request's body, whole; past `limit` bytes reading stops, and reading the body fails with
 * PAYLOAD_TOO_LARGE when tRPC asks for it, as in tRPC's own adapter (a 413 in the caller's
 * language, through the procedure's error mapping).
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      done();
      resolve(TOO_LARGE);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
