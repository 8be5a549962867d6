/**
 * `npx wxt build && npx wxt build -b firefox && npx tsx test/bench/popup-load-bench.ts`: the built
 * popup in Chromium and Firefox with a full history (10,000 records written straight into its
 * database): how long until the newest page shows (an indexed read of 50), then the whole searchable history (three reloads), and how long a
 * search takes to repaint. Numbers, not assertions.
 */
import { launchWithExtension } from '../browser/browsers';
import { openExtensionPage } from '../browser/extension-pages';
import { manyRecords } from '../activity/history-records';
const records = manyRecords(10_000);
for (const name of ['chromium', 'firefox'] as const) {
  // No fixture pages are visited, so no fixture server: the port is unused.
  const run = await launchWithExtension(name, 1);
  const page = await openExtensionPage(run, 'popup.html');
  await page.waitForSelector('.empty', { timeout: 15000 });
  await page.evaluate(async (json: string) => {
    const rows = JSON.parse(json);
    const db: IDBDatabase = await new Promise((res, rej) => { const r = indexedDB.open('counterfeit-radar-activity'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    await new Promise<void>((res, rej) => { const tx = db.transaction('history', 'readwrite'); for (const row of rows) tx.objectStore('history').put(row); tx.oncomplete = () => res(); tx.onerror = () => rej(tx.error); });
    db.close();
  }, JSON.stringify(records));
  const times: number[] = [];
  const newest: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => { document.body.dataset.old = '1'; setTimeout(() => location.reload(), 0); });
    await page.waitForFunction(() => !document.body?.dataset.old && document.querySelector('[data-testid="history-newest"], [data-testid="history-list"]'), { timeout: 30000, polling: 'mutation' });
    newest.push(await page.evaluate(() => performance.now()));
    loaded.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
    await page.waitForFunction(() => document.querySelector('[data-testid="history-list"]'), { timeout: 30000, polling: 'mutation' });
    times.push(await page.evaluate(() => performance.now()));
  }
  // Typing in the search box: time from input to the list updating.
  const search = await page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('input[name="search"]')!;
    const t0 = performance.now();
    input.value = '古驰 单肩包'; input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  });
  const ms = (list: number[]) => list.map((t) => `${t.toFixed(0)} ms`).join(', ');
  console.log(`${name}, 10,000 records, after navigation start: DOMContentLoaded ${ms(loaded)}; newest page ${ms(newest)}; searchable list ${ms(times)}; search → repaint ${search.toFixed(0)} ms`);
  await run.close();
}
