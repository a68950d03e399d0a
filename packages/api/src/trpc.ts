import { SESSION_ENDED_TEXT } from '@polcenter/core';
import {
  DomainError,
  type LocalizedText,
  passwordChangeRequiredError,
  type Role,
  screenInput,
  tokenScopeRefusal,
} from '@polcenter/domain';
import { initTRPC } from '@trpc/server';
import type { Context } from './context.js';
import { asDomainError, type ErrorData, type ErrorShape, toTRPCError } from './errors.js';
import { transportText } from './transport-errors.js';

const INTERNAL_MESSAGE = {
  vi: 'Máy chủ gặp lỗi; vui lòng thử lại sau.',
  en: 'Internal server error; please try again later.',
};
const UNAVAILABLE_MESSAGE = {
  vi: 'Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau ít phút.',
  en: 'The database is temporarily unavailable; please try again shortly.',
};

const t = initTRPC.context<Context>().create({
  isDev: process.env.NODE_ENV !== 'production',
  errorFormatter({ shape, error, ctx }): ErrorShape {
    const lang = ctx?.lang ?? 'vi';
    const domain = asDomainError(error.cause);
    const text: LocalizedText = domain
      ? domain.text
      : error.code === 'INTERNAL_SERVER_ERROR'
        ? INTERNAL_MESSAGE
        : error.code === 'SERVICE_UNAVAILABLE'
          ? UNAVAILABLE_MESSAGE
          : transportText(error.code, shape.message, shape.data.path);
    const data: typeof shape.data & ErrorData = {
      ...shape.data,
      domainCode: domain?.code ?? (error.code === 'SERVICE_UNAVAILABLE' ? 'DATABASE.UNAVAILABLE' : error.code),
      fields: domain?.fields ?? [],
      text,
      ...(typeof domain?.details.retryAfterSeconds === 'number'
        ? { retryAfterSeconds: domain.details.retryAfterSeconds }
        : {}),
      ...(typeof domain?.details.reason === 'string' && domain.code === 'AUTH.SESSION_ENDED'
        ? { sessionEnd: domain.details.reason }
        : {}),
    };
    return { ...shape, message: text[lang], data };
  },
});

/** Every procedure goes through this: it maps whatever a service throws to a transport error once. */
const mapErrors = t.middleware(async ({ ctx, next, getRawInput }) => {
  if (ctx.failure) throw toTRPCError(ctx.failure);
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error, await getRawInput().catch(() => undefined));
  return result;
});

/**
 * The one input boundary (ADR 0010): every raw input is screened before any schema or procedure
 * sees it, so a control character, an endless string or list reaches neither a procedure nor SQL
 * even where a schema forgot its bounds; procedures get the NFC-normalised copy.
 */
const screenRawInput = t.middleware(async ({ getRawInput, next }) => {
  const screened = screenInput(await getRawInput());
  return next({ getRawInput: async () => screened });
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * A call made with a scoped API token reaches only what the scope allows (ADR 0012): checked here,
 * once, for every procedure, before its input is even read.
 */
const tokenScope = t.middleware(({ ctx, path, type, next }) => {
  const scope = ctx.principal?.token?.scope;
  const refusal = scope ? tokenScopeRefusal(scope, path, type) : null;
  if (refusal) throw refusal;
  return next();
});

/** Open to anyone, the portal's visitors included: must never return personal data. */
export const publicProcedure = t.procedure.use(mapErrors).use(screenRawInput).use(tokenScope);

const signInRequired = () =>
  new DomainError('AUTH.REQUIRED', {
    vi: 'Cần đăng nhập để dùng chức năng này.',
    en: 'Sign in to use this.',
  });

/** A sign-in that was ours has ended: the person is told why (idle, time limit, signed out). */
const sessionEnded = (ctx: Context) => {
  const end = ctx.session.ended ?? 'revoked';
  return new DomainError('AUTH.SESSION_ENDED', SESSION_ENDED_TEXT[end](ctx.polcenter.auth.idleMinutes), {
    details: { reason: end },
  });
};

/** What someone signed in with a temporary password may do before changing it. */
const WHILE_PASSWORD_TEMPORARY = new Set(['auth.me', 'auth.changePassword', 'auth.signOut']);

/** Any signed-in caller (one with a temporary password: only to change it, see who they are, or sign out). */
export const protectedProcedure = publicProcedure.use(({ ctx, path, next }) => {
  if (!ctx.principal) throw ctx.session.ended ? sessionEnded(ctx) : signInRequired();
  if (ctx.principal.mustChangePassword && !WHILE_PASSWORD_TEMPORARY.has(path)) throw passwordChangeRequiredError();
  return next({ ctx: { ...ctx, principal: ctx.principal } });
});

export function forbidden(): DomainError {
  return new DomainError('AUTH.FORBIDDEN', {
    vi: 'Bạn không có quyền thực hiện việc này.',
    en: 'You are not allowed to do this.',
  });
}

/** Callers holding one of these roles (for some unit); admins always pass. */
export function roleProcedure(...roles: Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!ctx.principal.roles.some((g) => g.role === 'admin' || roles.includes(g.role))) throw forbidden();
    return next();
  });
}
