/**
 * `npm run bench:notices [-- entries]`: the notice database in real Chromium with the built extension,
 * through the same messages the options page sends. Prints:
 * - importing a fictional feed of 100,000 entries (CSV, then JSON replacing it): from the page's
 *   send to the answer, the phases seen in the progress events, and the page's longest frame gap
 *   while the worker imports (the page must stay responsive);
 * - the first lookup after the service worker starts: the worker is stopped, then woken by a lookup
 *   message; the round trip as the page sees it, and when the worker had its index ready;
 * - a 60-listing batch lookup against the 100,000 entries, median of many runs, timed in the worker.
 * Nothing is asserted: targets are in the README (import ≤ 8 s, first lookup ≤ 300 ms, batch ≤ 1 ms).
 */
import { Buffer } from 'node:buffer';
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
  answer: { ok: boolean; entryCount?: number; message?: string };
  phases: Record<string, number>;
  longestFrameGapMs: number;
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

async function timedImport(page: Page, fileName: string, text: string): Promise<PhaseTimes> {
  const base64 = Buffer.from(text, 'utf8').toString('base64');
  return page.evaluate(
    async (fileName: string, base64: string) => {
      const importId = `bench-${Date.now()}`;
      const start = performance.now();
      const phases: Record<string, number> = {};
      const onProgress = (message: { type?: string; data?: { importId: string; phase: string } }) => {
        if (message?.type === 'noticeImportProgress' && message.data?.importId === importId) phases[message.data.phase] ??= performance.now() - start;
      };
      chrome.runtime.onMessage.addListener(onProgress);
      let longestFrameGapMs = 0;
      let last = performance.now();
      let running = true;
      const frame = () => {
        const now = performance.now();
        longestFrameGapMs = Math.max(longestFrameGapMs, now - last);
        last = now;
        if (running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const reply = (await chrome.runtime.sendMessage({ id: 1, type: 'importNoticeFile', data: { importId, fileName, base64 }, timestamp: Date.now() })) as {
        res: { ok: boolean; entryCount?: number; message?: string };
      };
      running = false;
      chrome.runtime.onMessage.removeListener(onProgress);
      return { answerMs: performance.now() - start, answer: reply.res, phases, longestFrameGapMs };
    },
    fileName,
    base64,
  );
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

  for (const [fileName, text] of [
    ['bench.csv', csvFeed(ENTRIES)],
    ['bench.json', jsonFeed(ENTRIES)],
  ] as const) {
    const t = await timedImport(page, fileName, text);
    if (!t.answer.ok) throw new Error(`import failed: ${t.answer.message}`);
    const phases = Object.entries(t.phases)
      .map(([phase, ms]) => `${phase} at ${fmt(ms)}`)
      .join(', ');
    console.log(
      `import ${fileName} (${(text.length / 1024 / 1024).toFixed(1)} MB, ${t.answer.entryCount} entries): ${fmt(t.answerMs)} to the answer [${phases}]; page's longest frame gap meanwhile ${fmt(t.longestFrameGapMs)}`,
    );
  }

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
