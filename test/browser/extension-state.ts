/**
 * Reads and writes the installed extension's own state from outside, for tests that have no extension
 * page to do it through. Chromium: code runs in the extension's service worker. Firefox: its background
 * page is not a target WebDriver BiDi offers, so code runs in the browser window's privileged (chrome)
 * scope (firefox-session.ts), and reaches the extension's storage and database through the
 * extension's principal.
 */
import type { WebWorker } from 'puppeteer-core';
import type { RunningBrowser } from './browsers';

async function serviceWorker(run: RunningBrowser): Promise<WebWorker> {
  const target = await run.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${run.extensionId}/`),
    { timeout: 10_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('the extension service worker has no worker handle');
  // Right after the extension is installed the worker can be found before its extension APIs are
  // bound (chrome.storage undefined for a moment): wait for them rather than fail the whole suite.
  const deadline = Date.now() + 10_000;
  while (!(await worker.evaluate(() => Boolean((globalThis as unknown as { chrome?: { storage?: { local?: unknown } } }).chrome?.storage?.local)))) {
    if (Date.now() > deadline) throw new Error('the extension service worker never had chrome.storage');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return worker;
}

/** Runs `body` (an async function body returning a JSON string) in Firefox's chrome scope. */
async function inFirefoxChrome(run: RunningBrowser, body: string): Promise<string> {
  const value = await run.firefoxChrome(body);
  if (typeof value !== 'string') throw new Error(`Firefox chrome scope answered ${JSON.stringify(value)}`);
  return value;
}

/**
 * Sets keys of the extension's storage.local, as the options page would; storage.onChanged reaches
 * the content scripts in both browsers.
 */
export async function setExtensionStorage(run: RunningBrowser, items: Record<string, unknown>): Promise<void> {
  if (run.name === 'chromium') {
    const worker = await serviceWorker(run);
    // `chrome` exists in the worker, not in this file's types.
    await worker.evaluate((values) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set(values), items);
    return;
  }
  await inFirefoxChrome(
    run,
    `const { ExtensionStorageIDB } = ChromeUtils.importESModule('resource://gre/modules/ExtensionStorageIDB.sys.mjs');
     const db = await ExtensionStorageIDB.open(ExtensionStorageIDB.getStoragePrincipal(policy.extension));
     const changes = await db.set(${JSON.stringify(items)});
     if (changes) ExtensionStorageIDB.notifyListeners(policy.id, changes);
     return '""';`,
  );
}

/**
 * Stops the extension's background as the browser does when it idles: Chromium closes the service
 * worker; Firefox terminates the background page (the method its own tests use). The next event
 * starts it again.
 */
export async function stopBackground(run: RunningBrowser): Promise<void> {
  if (run.name === 'chromium') {
    const worker = await serviceWorker(run);
    await worker.close();
    const deadline = Date.now() + 10_000;
    const isOurs = (t: { type(): string; url(): string }) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${run.extensionId}/`);
    while (run.browser.targets().some(isOurs)) {
      if (Date.now() > deadline) throw new Error('the service worker did not stop');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return;
  }
  await inFirefoxChrome(run, `await policy.extension.terminateBackground(); return JSON.stringify(policy.extension.backgroundState ?? 'stopped');`);
}

/** Every record of one object store of one of the extension's IndexedDB databases (Dexie's tables). */
export async function readExtensionStore<T>(run: RunningBrowser, database: string, store: string): Promise<T[]> {
  if (run.name === 'chromium') {
    const worker = await serviceWorker(run);
    // Plain IndexedDB (the worker's CSP forbids eval, and no Dexie is needed to read).
    const text = await worker.evaluate(
      (name: string, storeName: string) =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains(storeName)) {
              db.close();
              resolve('[]');
              return;
            }
            const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              db.close();
              resolve(JSON.stringify(request.result));
            };
          };
        }),
      database,
      store,
    );
    return JSON.parse(text) as T[];
  }
  const text = await inFirefoxChrome(
    run,
    `return await new Promise((resolve, reject) => {
       const open = indexedDB.openForPrincipal(policy.extension.principal, ${JSON.stringify(database)});
       open.onerror = () => reject(open.error);
       open.onsuccess = () => {
         const db = open.result;
         if (!db.objectStoreNames.contains(${JSON.stringify(store)})) { db.close(); resolve('[]'); return; }
         const request = db.transaction(${JSON.stringify(store)}, 'readonly').objectStore(${JSON.stringify(store)}).getAll();
         request.onerror = () => reject(request.error);
         request.onsuccess = () => { db.close(); resolve(JSON.stringify(request.result)); };
       };
     });`,
  );
  return JSON.parse(text) as T[];
}

/**
 * Firefox's clipboard, read from the chrome scope: a web page's readText() would ask the user first.
 * (In Chromium the test grants the page clipboard-read and reads it there.)
 */
export async function readFirefoxClipboard(run: RunningBrowser): Promise<string> {
  return JSON.parse(await inFirefoxChrome(run, 'return JSON.stringify(await navigator.clipboard.readText());')) as string;
}

/**
 * The toolbar icon's badge text on the tab showing `url` (Chromium: read in the service worker).
 * Firefox keeps browser-action state in its chrome scope behind private APIs, so only Chromium's is read.
 */
export async function toolbarBadgeText(run: RunningBrowser, url: string): Promise<string> {
  if (run.name !== 'chromium') throw new Error('toolbarBadgeText reads Chromium only');
  const worker = await serviceWorker(run);
  type Chrome = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; action: { getBadgeText(d: { tabId: number }): Promise<string> } };
  return worker.evaluate(async (address: string) => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const tab = (await chrome.tabs.query({})).find((t) => t.url === address);
    if (tab?.id === undefined) throw new Error(`no tab shows ${address}`);
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}
