import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultClientConditions, defineConfig } from 'vite';

/**
 * The console is an app, not a library: `index.html` is the entry, every page is its own chunk
 * (loaded when first visited), and the server serves `dist/` under `/console/`. Templates and
 * output are minified as the widgets' are (ADR 0013).
 */
export default defineConfig({
  base: '/console/',
  // The workspace's packages from their TypeScript source (ADR 0017), as the widgets' build reads them.
  resolve: { conditions: ['@polcenter/source', ...defaultClientConditions] },
  plugins: [
    minifyHtmlLiterals({
      include: ['src/**/*.ts'],
      failOnError: true,
      options: { minifyOptions: { conservativeCollapse: true } },
    }),
  ],
  build: {
    target: 'es2022',
    minify: true,
    sourcemap: true,
    rollupOptions: {
      // tRPC's packages do not declare `sideEffects: false` (see the widgets' config).
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/@trpc/') },
      output: { minify: true },
    },
  },
});
