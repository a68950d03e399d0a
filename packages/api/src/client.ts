import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import type { AppRouter, RouterInputs, RouterOutputs } from './root';

export interface ClientOptions {
  /** Preferred language of error messages (`vi` by default). */
  readonly lang?: 'vi' | 'en';
  /** Bearer token of a staff session or an API token. */
  readonly token?: () => string | undefined;
  readonly fetch?: typeof fetch;
}

/**
 * What a call may carry besides its input: `api.enrolment.register.mutate(input, { context: {
 * idempotencyKey } })` sends the `Idempotency-Key` header, so a repeat gets the first answer.
 */
export interface CallContext extends Record<string, unknown> {
  readonly idempotencyKey?: string;
}

/**
 * A typed PolCenter client for browsers and Node, in one line:
 * `const api = createPolCenterClient('https://polcenter.example/trpc')`.
 * Browser-safe: imports nothing of the server but its type.
 */
export function createPolCenterClient(url: string, options: ClientOptions = {}) {
  const common = () => {
    const token = options.token?.();
    return {
      'accept-language': options.lang ?? 'vi',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    };
  };
  const transport = { url, ...(options.fetch ? { fetch: options.fetch } : {}) };
  return createTRPCClient<AppRouter>({
    links: [
      // A call with an Idempotency-Key travels alone: the header speaks for the whole HTTP request.
      splitLink({
        condition: (op) => typeof (op.context as CallContext).idempotencyKey === 'string',
        true: httpLink({
          ...transport,
          headers: ({ op }) => ({
            ...common(),
            'idempotency-key': (op.context as CallContext).idempotencyKey as string,
          }),
        }),
        false: httpBatchLink({ ...transport, maxItems: 10, headers: common }),
      }),
    ],
  });
}

export type PolCenterClient = ReturnType<typeof createPolCenterClient>;
export type { AppRouter, RouterInputs, RouterOutputs };
