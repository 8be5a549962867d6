/**
 * Opens a listing's page for a capture taken later (the case desk's "capture from the listing's
 * page") and waits until the page has judged the listing, so the screenshot shows the page as a
 * shopper sees it and the listing can be framed. The page may never get there (a login wall, a
 * removed item, a slow network): then the wait ends with null and nothing is captured.
 */
import type { browser as browserApi } from 'wxt/browser';
import type { OpenedForCapture } from './background-service';

/** Long enough for a slow item page and its first verdict; short enough that the desk gets an answer. */
export const LISTING_PAGE_WAIT_MS = 20_000;
const POLL_MS = 500;

export interface ListingPageDeps {
  tabs: Pick<typeof browserApi.tabs, 'create'>;
  /** The item page's listing as its content script reads it; rejects until the script is there. */
  askListing: (tabId: number) => Promise<{ listing: { itemId: string } } | null>;
  wait: (ms: number) => Promise<void>;
  now: () => number;
}

export async function openListingForCapture(deps: ListingPageDeps, url: string, itemId: string, waitMs = LISTING_PAGE_WAIT_MS): Promise<OpenedForCapture | null> {
  const tab = await deps.tabs.create({ url, active: true });
  if (tab.id === undefined || tab.windowId === undefined) return null;
  const until = deps.now() + waitMs;
  while (deps.now() < until) {
    const answer = await deps.askListing(tab.id).catch(() => null);
    if (answer?.listing.itemId === itemId) return { tab: { windowId: tab.windowId, tabId: tab.id }, listing: answer.listing };
    await deps.wait(POLL_MS);
  }
  return null;
}
