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
    // Automatic splitting left the inbox loading 113 files, many of them one small Mantine
    // component shared by two screens; on a cold visit the browser spent more time asking for
    // files than running them. Small common chunks are copied into their readers instead (one
    // module state kept by Rolldown's runtime): 35 files, first row 1.26 s instead of 1.39 s
    // (products list 1.44 s instead of 1.75 s) in `npm run bench:browser`. Experimental in
    // Rolldown: if a build misbehaves, these lines are the first thing to take out.
    rolldownOptions: {
      preserveEntrySignatures: false,
      output: { codeSplitting: { experimentalInlineCommonChunks: { maxSize: 12 * 1024 } } },
    },
  },
  server: {
    port: 5173,
    proxy: apiProxy,
  },
  preview: {
    proxy: apiProxy,
  },
});
