#!/usr/bin/env node
// The workspace runs TypeScript from source (no build step for server packages): tsx loads it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
const code = await main(process.argv.slice(2), process.env);
// Exit now: nothing is left to finish, and a lingering idle socket must not keep a stopped server up.
process.exit(code);
