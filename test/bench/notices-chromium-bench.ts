/**
 * `npm run bench:notices [-- entries]`: the notice database in real Chromium with the built extension,
 * through the same messages the options page sends. Prints:
 * - importing a fictional feed of 100,000 entries (CSV, then JSON replacing it) through the options
 *   page's file input: from choosing the file to the "done" progress event, the phases on the way,
 *   and the page's longest frame meanwhile (the page must stay responsive);
 * - the first lookup after the service worker starts: the worker is stopped, then woken by a lookup
 *   message; the round trip as the page sees it, and when the worker had its index ready;
 * - a 60-listing batch lookup against the 100,000 entries, median of many runs, timed in the worker.
 * Nothing is asserted: targets are in the README (import ≤ 8 s, first lookup ≤ 300 ms, batch ≤ 1 ms).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../browser/browsers';
import { openExtensionPage } from '../browser/extension-pages';
import { csvFeed, jsonFeed, searchPage } from './bench-feed';

/** The extension API as the evaluated functions see it in the extension page. */
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: never) => void): void; removeListener(listener: (message: never) => void): void };
  };
};

const ENTRIES = Number(process.argv[2] ?? 100_000);
const RESTARTS = 5;

interface PhaseTimes {
  answerMs: number;
  phases: Record<string, number>;
  longestFrameGapMs: number;
  longestTaskMs: number;
}

/** Sends one message in @webext-core/messaging's shape from the extension page; answers { res } or { err }. */
async function send<T>(page: Page, type: string, data: unknown): Promise<{ result: T; ms: number }> {
  return page.evaluate(
    async (type: string, data: unknown) => {
      const start = performance.now();
      const reply = (await chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() })) as { res?: unknown; err?: { message: string } };
      if (reply?.err) throw new Error(reply.err.message);
      return { result: reply.res as never, ms: performance.now() - start };
    },
    type,
    data,
  ) as Promise<{ result: T; ms: number }>;
}

/**
 * Imports a file through the options page's own file input, as a user does: the page reads the file,
 * sends it in chunks, and shows progress. Times from the change event to the import's "done" progress
 * event, and watches the page's frames meanwhile.
 */
async function timedImport(page: Page, file: string): Promise<PhaseTimes> {
  await page.evaluate(() => {
    const state = { start: 0, phases: {} as Record<string, number>, longestFrameGapMs: 0, longestTaskMs: 0, running: false };
    // Long tasks are the page's own main thread busy (> 50 ms); a frame gap also counts a machine
    // whose two cores are both taken by the worker's import.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (state.running) state.longestTaskMs = Math.max(state.longestTaskMs, entry.duration);
    }).observe({ type: 'longtask' });
    (globalThis as unknown as { __bench: typeof state }).__bench = state;
    chrome.runtime.onMessage.addListener((message: never) => {
      const { type, data } = message as { type?: string; data?: { phase: string; done: number } };
      if (type !== 'noticeImportProgress' || !data || !state.running) return;
      state.phases[data.phase] ??= performance.now() - state.start;
      if (data.phase === 'done') state.running = false;
    });
    document.querySelector('#notice-file')?.addEventListener('change', () => {
      state.start = performance.now();
      state.phases = {};
      state.longestFrameGapMs = 0;
      state.longestTaskMs = 0;
      state.running = true;
      let last = performance.now();
      const frame = () => {
        const now = performance.now();
        state.longestFrameGapMs = Math.max(state.longestFrameGapMs, now - last);
        last = now;
        if (state.running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }, { capture: true });
  });
  const input = await page.$('#notice-file');
  if (!input) throw new Error('the options page has no feed file input');
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
  await page.waitForFunction(() => !(globalThis as unknown as { __bench: { running: boolean; phases: Record<string, number> } }).__bench.running && 'done' in (globalThis as unknown as { __bench: { phases: Record<string, number> } }).__bench.phases, { timeout: 120_000, polling: 100 });
  return page.evaluate(() => {
    const state = (globalThis as unknown as { __bench: { phases: Record<string, number>; longestFrameGapMs: number; longestTaskMs: number } }).__bench;
    return { answerMs: state.phases.done ?? NaN, phases: state.phases, longestFrameGapMs: state.longestFrameGapMs, longestTaskMs: state.longestTaskMs };
  });
}

async function stopWorker(run: Awaited<ReturnType<typeof launchWithExtension>>): Promise<void> {
  const target = run.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${run.extensionId}/`));
  const worker = await target?.worker();
  if (!worker) throw new Error('no service worker to stop');
  await worker.close();
  const deadline = Date.now() + 10_000;
  while (run.browser.targets().some((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${run.extensionId}/`))) {
    if (Date.now() > deadline) throw new Error('the service worker did not stop');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

const run = await launchWithExtension('chromium', 9);
try {
  const page = await openExtensionPage(run, process.env.BENCH_PAGE ?? 'options.html');
  // tsx keeps function names with a __name helper that the evaluated functions then call.
  await page.evaluate('globalThis.__name = (fn) => fn');
  const version = await run.browser.version();
  console.log(`notices bench, ${version}, built extension, ${ENTRIES} fictional entries`);

  const dir = mkdtempSync(join(tmpdir(), 'cr-bench-'));
  for (const [fileName, text] of [
    ['bench.csv', csvFeed(ENTRIES)],
    ['bench.json', jsonFeed(ENTRIES)],
  ] as const) {
    const file = join(dir, fileName);
    writeFileSync(file, text);
    const t = await timedImport(page, file);
    const phases = Object.entries(t.phases)
      .map(([phase, ms]) => `${phase} at ${fmt(ms)}`)
      .join(', ');
    console.log(
      `import ${fileName} through the options page (${(text.length / 1024 / 1024).toFixed(1)} MB): ${fmt(t.answerMs)} from choosing the file to done [${phases}]; meanwhile the page's longest task ${t.longestTaskMs === 0 ? 'none over 50 ms' : fmt(t.longestTaskMs)}, longest frame gap ${fmt(t.longestFrameGapMs)}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  const status = await send<{ entryCount: number }>(page, 'noticeStatus', undefined);
  console.log(`entries in the index after both imports (the JSON replaced the CSV): ${status.result.entryCount}`);

  const listings = searchPage(60, 0, ENTRIES);
  const roundTrips: number[] = [];
  const readyAt: number[] = [];
  for (let i = 0; i < RESTARTS; i++) {
    await stopWorker(run);
    const { result, ms } = await send<{ timings: { indexReadyMs: number | null; entryCount: number } }>(page, 'measureNoticeLookup', { listings, runs: 1 });
    roundTrips.push(ms);
    readyAt.push(result.timings.indexReadyMs ?? NaN);
  }
  console.log(
    `first lookup after a worker start (${RESTARTS} restarts): median ${fmt(median(roundTrips))} from the page's message to the answer (max ${fmt(Math.max(...roundTrips))}); index ready ${fmt(median(readyAt))} after the worker started`,
  );

  const { result } = await send<{ lookup: { medianMicros: number; p95Micros: number; runs: number }; timings: { entryCount: number } }>(page, 'measureNoticeLookup', { listings, runs: 400 });
  console.log(`60-listing batch lookup against ${result.timings.entryCount} entries, warm: median ${result.lookup.medianMicros.toFixed(1)} µs, p95 ${result.lookup.p95Micros.toFixed(1)} µs (${result.lookup.runs} runs)`);
} finally {
  await run.close();
}
