import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app lives in src/web and builds to dist/web, which `cairn serve` serves.
 * In development, `npm run dev:web` proxies the API to a Cairn on port 3000 (or CAIRN_API_URL),
 * keeping the Host header so the server's same-origin check accepts sign-in. Only the API's
 * own paths are proxied: /api/client.ts and friends are the web app's sources (src/web/api).
 */
const apiTarget = process.env.CAIRN_API_URL ?? 'http://127.0.0.1:3000';
const apiProxy = { '^/api/(v1|docs)(/|$)': { target: apiTarget, changeOrigin: false } };

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
    proxy: apiProxy,
  },
  preview: {
    proxy: apiProxy,
  },
});
