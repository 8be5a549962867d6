/**
 * The IP protection platform in one tab: a report brings the tab already open on the platform to the
 * front instead of opening another, and leaves its address alone (the user may be halfway through a
 * complaint form there). Tab URLs are visible only for hosts the extension has permission for, which
 * is why the manifest lists the platform's host.
 */
import type { browser as browserApi } from 'wxt/browser';

type TabsAndWindows = Pick<typeof browserApi, 'tabs' | 'windows'>;

/** The origin of `tabUrl` is `origin`'s (unreadable or malformed URLs are not). */
function onOrigin(tabUrl: string | undefined, origin: string): boolean {
  if (!tabUrl) return false;
  try {
    return new URL(tabUrl).origin === origin;
  } catch {
    return false;
  }
}

/** Focuses a tab open on `url`'s origin (and its window), or opens `url` in a new tab. */
export async function showSiteTab(browser: TabsAndWindows, url: string): Promise<void> {
  const origin = new URL(url).origin;
  const open = (await browser.tabs.query({})).find((tab) => tab.id !== undefined && onOrigin(tab.url, origin));
  if (open?.id === undefined) {
    await browser.tabs.create({ url });
    return;
  }
  await browser.tabs.update(open.id, { active: true });
  // Firefox for Android has no windows; the tab is shown all the same.
  if (open.windowId !== undefined) await Promise.resolve(browser.windows?.update(open.windowId, { focused: true })).catch(() => undefined);
}
