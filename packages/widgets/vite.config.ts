import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  // The workspace's packages from their TypeScript source (ADR 0017), as tsc and the tests read them:
  // the bundle never waits for, nor goes stale behind, their build.
  resolve: { conditions: ['@polcenter/source', ...defaultClientConditions] },
  // Lit's `html` and `css` templates are strings the JS minifier leaves as written (indentation,
  // newlines, comments); the Lit team's plugin minifies their markup and CSS. A template it cannot
  // parse fails the build rather than shipping half-minified. White space between block elements
  // goes (it is never shown), and so does white space at a template's edge: a separator next to a
  // binding is written as a plain string (`${title ? ` · ${program}` : ''}`), not as a template.
  plugins: [
    minifyHtmlLiterals({
      include: ['src/**/*.ts'],
      failOnError: true,
    }),
  ],
  build: {
    target: 'es2022',
    // Vite's library mode leaves ES output pretty-printed (newlines, tabs) so that bundlers can still
    // tree-shake it; this script goes straight to browsers, so terser minifies it fully. Terser
    // rather than the default minifier: as served (brotli) the embed is 0.3 KB smaller (24.8 → 24.5
    // KB; larger before compression, but it compresses better), for about 2 s more of build CPU.
    minify: 'terser',
    terserOptions: { module: true, compress: { passes: 3 }, format: { comments: false } },
    sourcemap: true,
    lib: {
      entry: { 'pc-widgets': 'src/embed.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      // tRPC's packages do not declare `sideEffects: false`, so every link they ship (the
      // WebSocket one, the subscription helpers) stayed in the bundle; they have none.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/@trpc/') },
      output: {
        // The embed URL never changes, so it is cached briefly; everything it loads lives in chunks
        // named by content hash, which the server caches for a year (immutable).
        chunkFileNames: 'chunks/[name]-[hash].js',
        manualChunks: (id) => (id.includes('/src/embed.ts') ? undefined : 'widgets'),
      },
    },
  },
});
