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
  },
});
