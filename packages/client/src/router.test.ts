import type { AppRouter as ServerRouter } from '@polcenter/api';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { AppRouter } from './router.js';

/** Exactly the same type (not merely assignable one way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Root<R extends { _def: { _config: { $types: object } } }> = R['_def']['_config']['$types'];

// Type-level: `pnpm typecheck` fails here when the client's router drifts from the server's.
const sameProcedures: Same<AppRouter['_def']['record'], ServerRouter['_def']['record']> = true;
const sameErrors: Same<Root<AppRouter>['errorShape'], Root<ServerRouter>['errorShape']> = true;
const sameTransformer: Same<Root<AppRouter>['transformer'], Root<ServerRouter>['transformer']> = true;
const sameMeta: Same<Root<AppRouter>['meta'], Root<ServerRouter>['meta']> = true;

test("the client's router type is the server's procedures, error shape, transformer and meta", () => {
  assert.ok(sameProcedures && sameErrors && sameTransformer && sameMeta);
});

test.run();
