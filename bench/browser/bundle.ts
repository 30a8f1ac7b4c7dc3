import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Size of a built file as served, and gzipped (level 9, as a compressing proxy or CDN would send it). */
export function sizeOf(distWeb: string, urlPath: string): JsFile {
  const data = fs.readFileSync(path.join(distWeb, urlPath.replace(/^\//, '').split('?')[0] ?? ''));
  return { file: urlPath, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
}

/** The JavaScript index.html loads before the app can run: classic and module scripts, and module preloads. */
export function initialJs(distWeb: string): JsFile[] {
  const html = fs.readFileSync(path.join(distWeb, 'index.html'), 'utf8');
  const urls = [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ];
  return [...new Set(urls)].filter((u) => u.startsWith('/')).map((u) => sizeOf(distWeb, u));
}

export const total = (files: JsFile[]) => ({
  bytes: files.reduce((s, f) => s + f.bytes, 0),
  gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
});
