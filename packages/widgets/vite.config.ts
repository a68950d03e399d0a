import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    minify: true,
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
