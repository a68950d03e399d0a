#!/usr/bin/env node
// The workspace runs TypeScript from source (no build step for server packages): tsx loads it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
const code = await main(process.argv.slice(2), process.env);
// Exit now: nothing is left to finish, and a lingering idle socket must not keep a stopped server up.
// First let stdout and stderr drain: writes to a pipe are asynchronous, and a long report would be cut.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit(code);
