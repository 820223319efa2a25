// The frontend is built into the WebApi's web root, which serves it at /. Everything is bundled: no CDN, nothing
// is fetched from the internet at run time.
import { defineConfig } from 'vite';

export default defineConfig({
  root: '.',
  base: '/',
  build: {
    outDir: '../src/WebApi/wwwroot',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
