import type { AddressInfo } from 'node:net';
import { appRouter, createCaller, createContextInner, RateLimiter } from '@polcenter/api';
import { SYSTEM_ACTOR } from '@polcenter/core';
import { createTestPolCenter } from '@polcenter/core/testing';
import { isDomainError } from '@polcenter/domain';
import { collectedLog } from '@polcenter/testing/log-scan';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHttpServer } from './http-server.js';
import { jsonLogger } from './logger.js';

/**
 * The input boundary (ADR 0010), over real HTTP: every procedure of the router gets hostile
 * values in every field of its input — NUL, a lone surrogate, 100 KB of text, dates that do not
 * exist, malformed uuids, numbers out of range, oversized lists, wrong types — signed in as an
 * administrator, so nothing stops the call before its input is read. None may be a 500, and each
 * must be a 400 naming the field.
 */
const polcenter = await createTestPolCenter({ demo: true });
const log = collectedLog();
const generous = () => RateLimiter.inMemory({ points: 1_000_000, seconds: 60 });
const server = createHttpServer({
  polcenter,
  logger: jsonLogger('debug', log.write),
  limits: { signIn: generous(), signInFailures: generous(), publicMutation: generous() },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
test.after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await polcenter.close();
});

await polcenter.auth.createUser(SYSTEM_ACTOR, {
  username: 'quan.tri',
  displayName: 'Quản trị',
  password: 'mật khẩu thật dài',
  roles: [{ role: 'admin', unitId: null }],
});
const { token } = await polcenter.auth.signIn({ username: 'quan.tri', password: 'mật khẩu thật dài' });
const admin = await polcenter.auth.authenticate(token);

// ---- the router's inputs, read from their zod schemas -------------------------------------------

interface Schema {
  readonly _zod: { readonly def: Def };
  safeParse(value: unknown): { success: boolean };
}
interface Def {
  readonly type: string;
  readonly format?: string;
  readonly shape?: Record<string, Schema>;
  readonly element?: Schema;
  readonly options?: Schema[];
  readonly left?: Schema;
  readonly right?: Schema;
  readonly in?: Schema;
  readonly innerType?: Schema;
  readonly entries?: Record<string, string>;
  readonly values?: unknown[];
  readonly checks?: { _zod: { def: { check: string; format?: string } } }[];
}

const UUID = '0b4f1a8e-5c36-4f4b-9a1e-2f8d9c7b6a50';
const STRING_CANDIDATES = ['2022-03-14', '07:30', 'Nguyễn Văn An', 'abc', 'ABC', '0912345678', '006090123456', 'x'];

/** The wrapped schema of optional, nullable, default, pipe (its input side), readonly. */
function unwrap(schema: Schema): Schema {
  const def = schema._zod.def;
  const inner = def.type === 'pipe' ? def.in : def.innerType;
  return inner && ['optional', 'nullable', 'default', 'prefault', 'pipe', 'readonly', 'catch'].includes(def.type)
    ? unwrap(inner)
    : schema;
}

/** A value the schema probably accepts: a starting point that one hostile field then spoils. */
function sample(schema: Schema): unknown {
  const def = unwrap(schema)._zod.def;
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, field]) => [key, sample(field)]));
    case 'array':
      return def.element ? [sample(def.element)] : [];
    case 'union':
      return def.options?.[0] ? sample(def.options[0]) : null;
    case 'intersection':
      return { ...(sample(def.left as Schema) as object), ...(sample(def.right as Schema) as object) };
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'boolean':
      return true;
    case 'number':
      return [1, 0, 0.5, 2022, 10].find((n) => schema.safeParse(n).success) ?? 1;
    case 'string':
      if (def.format === 'uuid' || def.checks?.some((c) => c._zod.def.format === 'uuid')) return UUID;
      return STRING_CANDIDATES.find((s) => schema.safeParse(s).success) ?? 'abc';
    default:
      return null;
  }
}

interface Leaf {
  readonly path: (string | number)[];
  readonly schema: Schema;
}

/** Every field of an input, nested ones included (a list's first item stands for the others). */
function leaves(schema: Schema, path: (string | number)[] = []): Leaf[] {
  const def = unwrap(schema)._zod.def;
  const here = [{ path, schema }];
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, field]) => leaves(field, [...path, key]));
    case 'array':
      return [...here, ...(def.element ? leaves(def.element, [...path, 0]) : [])];
    case 'intersection':
      return [...leaves(def.left as Schema, path), ...leaves(def.right as Schema, path)];
    case 'union':
      return def.options?.[0] ? leaves(def.options[0], path) : here;
    default:
      return here;
  }
}

/** Hostile values for one field, by what the field is. */
function hostileValues(leaf: Leaf): { what: string; value: unknown }[] {
  const def = unwrap(leaf.schema)._zod.def;
  const wrongType = { what: 'wrong type', value: def.type === 'string' ? { nested: true } : 'x' };
  switch (def.type) {
    case 'string': {
      const base = sample(leaf.schema);
      return [
        { what: 'NUL', value: `${base}\u0000` },
        { what: 'lone surrogate', value: `${base}\ud800` },
        { what: '100 KB', value: 'x'.repeat(100_000) },
        ...(base === UUID ? [{ what: 'malformed uuid', value: `${UUID.slice(0, -1)}g` }] : []),
        // A date field: takes a real date, refuses one that is not (a code field would take both).
        ...(base === '2022-03-14' && !leaf.schema.safeParse('2022-13-45').success
          ? [{ what: 'date that does not exist', value: '2022-02-30' }]
          : []),
        wrongType,
      ];
    }
    case 'number':
      return [
        { what: 'huge number', value: 1e308 },
        { what: 'negative huge number', value: -1e308 },
        { what: 'number past JSON (Infinity)', value: '1e999' },
        wrongType,
      ];
    case 'array':
      return [{ what: '2,001 items', value: Array.from({ length: 2_001 }, () => sample(def.element as Schema)) }];
    case 'enum':
      return [{ what: 'unknown value', value: 'không-có\u0000' }, wrongType];
    default:
      return [wrongType];
  }
}

function withValue(input: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(input) ? [...input] : { ...(input as object) }) as Record<string | number, unknown>;
  copy[head] = withValue(copy[head], rest, value);
  return copy;
}

// ---- the calls ----------------------------------------------------------------------------------

interface Answer {
  status: number;
  domainCode?: string;
  fields: string[];
}

async function call(procedure: string, type: string, input: unknown): Promise<Answer> {
  // '1e999' stands for a number JSON can write but JavaScript cannot hold: send it unquoted.
  const body = JSON.stringify(input).replace('"1e999"', '1e999');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const response =
    type === 'query'
      ? await fetch(`${base}/trpc/${procedure}?input=${encodeURIComponent(body)}`, { headers })
      : await fetch(`${base}/trpc/${procedure}`, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: { error?: { data?: { domainCode?: string; fields?: { field: string }[] } } } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // Node's own refusals (431) are not JSON.
  }
  return {
    status: response.status,
    domainCode: parsed.error?.data?.domainCode,
    fields: parsed.error?.data?.fields?.map((f) => f.field) ?? [],
  };
}

/** The procedure called in-process, as the HTTP handler would, with the same administrator. */
async function viaCaller(procedure: string, input: unknown): Promise<Answer> {
  const caller = createCaller(createContextInner({ polcenter, principal: admin, token })) as unknown as Record<
    string,
    Record<string, (input: unknown) => Promise<unknown>>
  >;
  const [area = '', name = ''] = procedure.split('.');
  try {
    await caller[area]?.[name]?.(input);
    return { status: 200, fields: [] };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return isDomainError(cause)
      ? { status: 400, domainCode: cause.code, fields: cause.fields.map((f) => f.field) }
      : { status: 500, fields: [] };
  }
}

const names = (path: (string | number)[]) => path.join('.') || '(input)';
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: Schema[] } }>;

test('the router has procedures with inputs to try (the walk sees their fields)', () => {
  const withInputs = Object.values(procedures).filter((p) => p._def.inputs.length > 0);
  assert.ok(withInputs.length > 60, `${withInputs.length}`);
  const register = procedures['enrolment.register']?._def.inputs[0] as Schema;
  assert.ok(leaves(register).some((leaf) => names(leaf.path) === 'person.nationalId'));
});

test('hostile values in any field of any procedure: a 400 naming the field, never a 500', async () => {
  const problems: string[] = [];
  let calls = 0;
  for (const [procedure, { _def }] of Object.entries(procedures)) {
    const schema = _def.inputs[0];
    if (!schema) {
      // No input: whatever is sent is screened all the same.
      const answer = await call(procedure, _def.type, { junk: '\u0000' });
      calls++;
      if (answer.status !== 400) problems.push(`${procedure} (no input) + NUL: ${answer.status}`);
      continue;
    }
    const valid = sample(schema);
    for (const leaf of leaves(schema)) {
      for (const { what, value } of hostileValues(leaf)) {
        const input = withValue(valid, leaf.path, value);
        let answer = await call(procedure, _def.type, input);
        calls++;
        // Past Node's 16 KB of URL (431) or our 1 MiB of body (413) the input never reaches the
        // router: the same input then goes through a caller in-process.
        if (answer.status === 431 || answer.status === 413) answer = await viaCaller(procedure, input);
        const field = names(leaf.path);
        const named = answer.fields.some((f) => f === field || field.startsWith(`${f}.`) || f.startsWith(`${field}.`));
        if (answer.status !== 400 || answer.domainCode !== 'INPUT.INVALID' || !named) {
          problems.push(
            `${procedure} ${field} (${what}): ${answer.status} ${answer.domainCode ?? ''} [${answer.fields.join(', ')}]`,
          );
        }
      }
    }
  }
  assert.ok(calls > 500, `only ${calls} calls`);
  assert.equal(problems, []);
});

test('a NUL byte in the public catalog filter, sign-in and self-registration: 400 naming the field, in vi and en', async () => {
  const catalog = await fetch(
    `${base}/trpc/classes.catalog?input=${encodeURIComponent(JSON.stringify({ organiserCode: 'a\u0000b' }))}`,
    { headers: { 'accept-language': 'en' } },
  );
  assert.is(catalog.status, 400);
  const body = (await catalog.json()) as {
    error: { message: string; data: { fields: { field: string; message: { vi: string; en: string } }[] } };
  };
  assert.is(body.error.message, 'Invalid input in: organiserCode.');
  assert.equal(body.error.data.fields[0]?.message, {
    vi: 'Chứa ký tự điều khiển không được phép (U+0000).',
    en: 'Contains a control character that is not allowed (U+0000).',
  });
  const signIn = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'quan.tri\u0000', password: 'x' }),
  });
  assert.is(signIn.status, 400);
  assert.match(
    ((await signIn.json()) as { error: { message: string } }).error.message,
    'Dữ liệu không hợp lệ ở: username',
  );
});

test('the log of all of the above carries no personal data and no SQL', () => {
  log.assertClean();
  assert.ok(log.entries().length > 500);
  assert.not.ok(log.entries().some((entry) => entry.level === 'error'));
});

test.run();
