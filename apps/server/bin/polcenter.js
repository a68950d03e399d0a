#!/usr/bin/env node
// The CLI runs the built server (dist/, made by `pnpm build`, which `pnpm start` runs first): plain
// Node, nothing transpiled at start-up. Under the `@polcenter/source` condition, as the tests run it
// (`node --conditions=@polcenter/source --import tsx`), `#cli` is the TypeScript source (ADR 0017).
let main;
try {
  ({ main } = await import('#cli'));
} catch (error) {
  // A clone where nothing was built yet (or a package's build was deleted): say what to run.
  const missing = /** @type {{ code?: string, url?: string, message?: string }} */ (error);
  if (missing?.code !== 'ERR_MODULE_NOT_FOUND' || !`${missing.url ?? missing.message}`.includes('/dist/')) throw error;
  const en = process.env.POLCENTER_LANG === 'en';
  console.error(
    en
      ? 'PolCenter is not built yet (no dist/ folder): run `pnpm build` (or `pnpm start`, which builds first), then try again.'
      : 'PolCenter chưa được dựng (thiếu thư mục dist/): hãy chạy `pnpm build` (hoặc `pnpm start`, lệnh này dựng trước) rồi thử lại.',
  );
  process.exit(1);
}
const code = await main(process.argv.slice(2), process.env);
// Exit now: nothing is left to finish, and a lingering idle socket must not keep a stopped server up.
// First let stdout and stderr drain: writes to a pipe are asynchronous, and a long report would be cut.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit(code);
