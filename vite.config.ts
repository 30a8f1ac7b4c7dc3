import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app lives in src/web and builds to dist/web, which `cairn serve` serves.
 * In development, `npm run dev:web` proxies the API to a server on port 3000
 * (the Host header is kept, so the server's same-origin check accepts sign-in).
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  resolve: {
    // The contract's zod schemas give the web app its types; at run time it only needs each
    // route's method and path, so zod itself stays out of the bundle (see the stub).
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/web/build/zod-stub.ts', import.meta.url)) }],
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
