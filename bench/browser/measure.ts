import type { BrowserContext } from '@playwright/test';

/** What one page load looked like, in ms from the start of navigation. */
export interface LoadTiming {
  ttfb: number;
  fcp: number;
  /** When the first product row was in the DOM and painted; NaN if it never appeared. */
  firstRow: number;
  domContentLoaded: number;
  load: number;
  /** Approximate time to interactive: the latest of DOMContentLoaded, the first row and the end of the last long task. */
  tti: number;
  longTasks: number;
  /** Sum over long tasks of their time past 50 ms (total blocking time). */
  blockingMs: number;
  /** JavaScript the page downloaded, as sent by the server (Cairn does not compress). */
  jsBytes: number;
  jsFiles: string[];
  /** The screen's list API call, and how long it took. */
  apiMs: number;
}

declare global {
  interface Window {
    __bench: { firstRow: number | null; longTasks: [number, number][] };
  }
}

/**
 * Installed before any page script: records long tasks and when the first row is painted.
 * Plain JavaScript text, because a function would be serialised with tsx's helper calls in it.
 */
const probe = (selector: string) => `
  window.__bench = { firstRow: null, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (window.__bench.firstRow !== null || !document.querySelector(${JSON.stringify(selector)})) return;
    observer.disconnect();
    // The row is in the DOM; it is on screen at the next frame.
    requestAnimationFrame(() => { window.__bench.firstRow = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
`;

const QUIET_MS = 2_000;
const MAX_WAIT_MS = 20_000;

/**
 * Loads the URL in a page of the context and measures it; the context decides whether the
 * cache is cold. `apiPath` picks the list call out of the page's requests (e.g. "/products?").
 */
export async function measureLoad(context: BrowserContext, url: string, rowSelector: string, apiPath: string): Promise<LoadTiming> {
  const page = await context.newPage();
  await page.addInitScript({ content: probe(rowSelector) });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForFunction(() => window.__bench.firstRow !== null, undefined, { timeout: MAX_WAIT_MS }).catch(() => {});
  // Settled: no long task for QUIET_MS (bounded by MAX_WAIT_MS).
  await page
    .waitForFunction(
      (quiet) => {
        const last = window.__bench.longTasks.reduce((end, [start, duration]) => Math.max(end, start + duration), 0);
        return performance.now() - Math.max(last, window.__bench.firstRow ?? 0) > quiet;
      },
      QUIET_MS,
      { timeout: MAX_WAIT_MS, polling: 200 },
    )
    .catch(() => {});
  const timing = await page.evaluate((listCall) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const scripts = resources.filter((r) => r.initiatorType === 'script' || /\.js(\?|$)/.test(r.name));
    const api = resources.find((r) => r.name.includes('/api/v1/workspaces/') && r.name.includes(listCall));
    const { firstRow, longTasks } = window.__bench;
    const lastLongTask = longTasks.reduce((end, [start, duration]) => Math.max(end, start + duration), 0);
    return {
      ttfb: nav.responseStart,
      fcp,
      firstRow: firstRow ?? Number.NaN,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      tti: Math.max(nav.domContentLoadedEventEnd, firstRow ?? 0, lastLongTask),
      longTasks: longTasks.length,
      blockingMs: longTasks.reduce((sum, [start, duration]) => sum + (start >= fcp ? Math.max(0, duration - 50) : 0), 0),
      jsBytes: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0),
      jsFiles: scripts.map((r) => new URL(r.name).pathname),
      apiMs: api ? api.responseEnd - api.startTime : Number.NaN,
    };
  }, apiPath);
  await page.close();
  return timing;
}

/** How scrolling a long list felt: frame times while the wheel turned for a couple of seconds. */
export interface ScrollTiming {
  frames: number;
  /** 95th percentile of the time between two painted frames. */
  p95FrameMs: number;
  /** Frames that took over 50 ms (a visible stutter). */
  slowFrames: number;
  /** How far the list moved, in pixels: zero means nothing scrolled and the figures mean nothing. */
  scrolledPx: number;
  /** Rows in the DOM at the end: a virtualised list keeps a screenful, not every row. */
  rowsInDom: number;
}

const WHEEL_STEPS = 40;
const WHEEL_PX = 500;

/** Loads the URL, then turns the mouse wheel over the first row's list and records every frame. */
export async function measureScroll(context: BrowserContext, url: string, rowSelector: string): Promise<ScrollTiming> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  const first = page.locator(rowSelector).first();
  await first.waitFor({ timeout: MAX_WAIT_MS });
  const box = await first.boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const scrollerTop = () =>
    page.evaluate((selector) => {
      let el = document.querySelector(selector)?.parentElement ?? null;
      while (el && !(el.scrollHeight > el.clientHeight && /(auto|scroll)/.test(getComputedStyle(el).overflowY))) el = el.parentElement;
      return (el ?? document.scrollingElement)?.scrollTop ?? 0;
    }, rowSelector);
  const before = await scrollerTop();
  await page.evaluate(`
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => { window.__frames.push(now - last); last = now; if (window.__recording) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  `);
  for (let step = 0; step < WHEEL_STEPS; step++) {
    await page.mouse.wheel(0, WHEEL_PX);
    await page.waitForTimeout(50);
  }
  const frames = (await page.evaluate('window.__recording = false; window.__frames.slice(1)')) as number[];
  const scrolledPx = (await scrollerTop()) - before;
  const rowsInDom = await page.locator(rowSelector).count();
  await page.close();
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN,
    slowFrames: frames.filter((f) => f > 50).length,
    scrolledPx,
    rowsInDom,
  };
}
