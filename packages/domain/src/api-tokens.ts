import { z } from 'zod';
import { bilingual, DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';
import { text } from './text.js';

/**
 * API tokens: bearer tokens another app holds instead of a person's sign-in. Each one has a label,
 * an expiry (none lives forever) and a scope that narrows what its owner's roles allow: read-only,
 * a list of areas, or both. A scope never widens the roles; the roles are checked as well.
 */

/** The API's areas, one per router: what an area-scoped token names. */
export const TOKEN_AREAS = [
  'accounts',
  'activities',
  'assignments',
  'attendance',
  'audit',
  'auth',
  'certificates',
  'classes',
  'enrolment',
  'exports',
  'imports',
  'obligations',
  'people',
  'programs',
  'reference',
  'reports',
  'results',
  'rosters',
  'system',
  'units',
  'work',
] as const;
export type TokenArea = (typeof TOKEN_AREAS)[number];

export interface TokenScope {
  /** Queries only: no mutation at all. */
  readonly readOnly: boolean;
  /** The areas the token may call, or null for every area. */
  readonly areas: readonly TokenArea[] | null;
}

/** What a sign-in session and an unscoped token may do: whatever the roles allow. */
export const FULL_SCOPE: TokenScope = { readOnly: false, areas: null };

/** A token's lifetime when none is asked for, and the longest one may have (days). */
export const TOKEN_LIFETIME_DAYS = { default: 90, max: 365 } as const;

/** Procedures every token may call whatever its scope: who am I, and giving itself up. */
const ALWAYS_ALLOWED = new Set(['auth.me', 'auth.signOut']);

const SCOPE_WORDS = bilingual({
  vi: 'Phạm vi là "full", "read", danh sách khu vực như "enrolment,classes", hoặc "read:enrolment,classes".',
  en: 'A scope is "full", "read", a list of areas such as "enrolment,classes", or "read:enrolment,classes".',
});

/**
 * The scope as typed on the command line or sent by a client: `full`, `read`, `enrolment,classes`
 * (those areas, reading and writing) or `read:enrolment,classes` (those areas, reading only).
 */
export const tokenScopeText = text(400).transform((text, ctx): TokenScope => {
  const value = text.trim().toLowerCase();
  if (value === 'full') return FULL_SCOPE;
  if (value === 'read') return { readOnly: true, areas: null };
  const readOnly = value.startsWith('read:');
  const names = (readOnly ? value.slice(5) : value)
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const unknown = names.filter((a) => !(TOKEN_AREAS as readonly string[]).includes(a));
  if (names.length === 0 || unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message:
        unknown.length > 0
          ? bilingual({
              vi: `Không có khu vực: ${unknown.join(', ')} (có: ${TOKEN_AREAS.join(', ')}).`,
              en: `Unknown area: ${unknown.join(', ')} (known: ${TOKEN_AREAS.join(', ')}).`,
            })
          : SCOPE_WORDS,
    });
    return z.NEVER;
  }
  return { readOnly, areas: [...new Set(names as TokenArea[])].sort() };
});

/** A scope as text (`read:enrolment`) or as the object a list gives back. */
export const tokenScope = z
  .union([
    text(400),
    z.object({ readOnly: z.boolean(), areas: z.array(z.enum(TOKEN_AREAS)).min(1).readonly().nullable() }).strict(),
  ])
  .transform((value, ctx): TokenScope => {
    if (typeof value !== 'string') {
      return { readOnly: value.readOnly, areas: value.areas ? [...new Set(value.areas)].sort() : null };
    }
    // The text's own message ("Không có khu vực: …") rather than a union's "invalid input".
    const parsed = tokenScopeText.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });

/** The scope written back the way `tokenScope` reads it. */
export function formatTokenScope(scope: TokenScope): string {
  if (!scope.areas) return scope.readOnly ? 'read' : 'full';
  return `${scope.readOnly ? 'read:' : ''}${scope.areas.join(',')}`;
}

/** The scope said in words, for lists and refusals. */
export function describeTokenScope(scope: TokenScope): LocalizedText {
  const areas = scope.areas?.join(', ');
  if (scope.readOnly) {
    return areas
      ? { vi: `chỉ đọc, khu vực ${areas}`, en: `read-only, areas ${areas}` }
      : { vi: 'chỉ đọc', en: 'read-only' };
  }
  return areas ? { vi: `khu vực ${areas}`, en: `areas ${areas}` } : { vi: 'toàn quyền', en: 'full' };
}

export const apiTokenInput = z
  .object({
    label: text(120),
    scope: tokenScope.default(FULL_SCOPE),
    expiresInDays: z.number().int().min(1).max(TOKEN_LIFETIME_DAYS.max).default(TOKEN_LIFETIME_DAYS.default),
  })
  .strict();
export type ApiTokenInput = z.input<typeof apiTokenInput>;

/**
 * A lifetime as typed on the command line: `90d` (days), `12w` (weeks) or `1y` (365 days); a
 * bare number is days. Null when it cannot be read.
 */
export function parseLifetimeDays(text: string): number | null {
  const match = /^\s*(\d{1,4})\s*([dwy]?)\s*$/i.exec(text);
  if (!match) return null;
  const n = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  return unit === 'w' ? n * 7 : unit === 'y' ? n * 365 : n;
}

/**
 * Why a token with this scope may not call the procedure at `path` (`enrolment.nominate`), or
 * null when it may. The roles are checked separately: a scope only ever takes away.
 */
export function tokenScopeRefusal(
  scope: TokenScope,
  path: string,
  type: 'query' | 'mutation' | 'subscription',
): DomainError | null {
  if (ALWAYS_ALLOWED.has(path)) return null;
  const area = path.split('.')[0] ?? '';
  if (scope.areas && !(scope.areas as readonly string[]).includes(area)) {
    return new DomainError('AUTH.TOKEN_SCOPE', {
      vi: `Mã API này chỉ dùng được cho khu vực ${scope.areas.join(', ')}, không dùng cho "${area}".`,
      en: `This API token may only be used for the areas ${scope.areas.join(', ')}, not for "${area}".`,
    });
  }
  if (scope.readOnly && type !== 'query') {
    return new DomainError('AUTH.TOKEN_SCOPE', {
      vi: 'Mã API này chỉ được đọc dữ liệu, không được thay đổi gì.',
      en: 'This API token is read-only: it cannot change anything.',
    });
  }
  return null;
}

/** Whether `inner` allows nothing that `outer` does not (a token may only make narrower ones). */
export function tokenScopeWithin(inner: TokenScope, outer: TokenScope): boolean {
  if (outer.readOnly && !inner.readOnly) return false;
  if (!outer.areas) return true;
  const allowed = outer.areas as readonly string[];
  return inner.areas?.every((a) => allowed.includes(a)) ?? false;
}

export function widerScopeError(asked: TokenScope, own: TokenScope): DomainError {
  const a = describeTokenScope(asked);
  const o = describeTokenScope(own);
  return new DomainError(
    'AUTH.TOKEN_SCOPE',
    {
      vi: `Không tạo được mã API rộng hơn mã đang dùng (xin: ${a.vi}; mã đang dùng: ${o.vi}).`,
      en: `Cannot create an API token wider than the one in use (asked: ${a.en}; in use: ${o.en}).`,
    },
    { fields: [{ field: 'scope', message: { vi: 'Rộng hơn mã đang dùng.', en: 'Wider than the token in use.' } }] },
  );
}
