import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from './router.js';

export interface ClientOptions {
  /** Preferred language of error messages (`vi` by default). */
  readonly lang?: 'vi' | 'en';
  /** Bearer token of a staff session or an API token. */
  readonly token?: () => string | undefined;
  /**
   * Sent as `Idempotency-Key` with every call (a repeat gets the first answer): for a mutation a
   * flaky network may repeat, make a client for that one call with the key of what it sends.
   */
  readonly idempotencyKey?: string;
  readonly fetch?: typeof fetch;
}

/**
 * A typed PolCenter client for browsers and Node, in one line:
 * `const api = createPolCenterClient('https://polcenter.example/trpc')`.
 * Browser-safe: imports nothing of the server but its type, and the published declaration holds
 * that type written out (ADR 0017), so a consumer needs none of the server's packages.
 */
export function createPolCenterClient(url: string, options: ClientOptions = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url,
        maxItems: 10,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        headers() {
          const token = options.token?.();
          return {
            'accept-language': options.lang ?? 'vi',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
          };
        },
      }),
    ],
  });
}

export type PolCenterClient = ReturnType<typeof createPolCenterClient>;
export type { AppRouter, RouterInputs, RouterOutputs } from './router.js';
