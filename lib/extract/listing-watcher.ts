/**
 * Keeps the page's listings found as results change without a page load (pagination, infinite
 * scroll, in-page navigation). One MutationObserver only notes that something was added; the scan runs
 * once per batch, later, like uBlock Origin's procedural filters. Each element is handled once: it is
 * marked with `data-cr-item="<itemId>"`, and only an unmarked (or re-used, re-rendered) element is
 * reported again.
 */
import { extractPage } from './extract-page';
import type { FoundListing } from './found-listing';

export const ITEM_MARK = 'data-cr-item';
/** Our own UI hosts carry this attribute; adding them must not trigger a rescan. */
export const OWN_UI_MARK = 'data-cr-ui';

export interface ListingWatcherOptions {
  document: Document;
  /** The page URL now; it changes on in-page navigation. */
  currentUrl: () => string;
  /** Called with listings not reported before (or whose element now shows another item). */
  onListings: (found: FoundListing[]) => void;
  /** Runs `work` soon, once; WXT's ctx timers, so an invalidated script schedules nothing. */
  schedule: (work: () => void) => void;
  signal: AbortSignal;
}

export interface ListingWatcher {
  /** Scan now (after in-page navigation, say). */
  rescan(): void;
}

function addsForeignElements(records: MutationRecord[]): boolean {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType === 1 && !(node as Element).hasAttribute(OWN_UI_MARK)) return true;
    }
  }
  return false;
}

export function watchListings(options: ListingWatcherOptions): ListingWatcher {
  const { document: doc, signal } = options;
  let pending = false;

  const scan = () => {
    pending = false;
    if (signal.aborted) return;
    const fresh: FoundListing[] = [];
    for (const found of extractPage(doc, options.currentUrl()).found) {
      const unmarked = found.elements.filter((el) => el.getAttribute(ITEM_MARK) !== found.listing.itemId);
      if (unmarked.length === 0) continue;
      for (const element of unmarked) element.setAttribute(ITEM_MARK, found.listing.itemId);
      fresh.push({ listing: found.listing, elements: unmarked });
    }
    if (fresh.length > 0) options.onListings(fresh);
  };

  const request = () => {
    if (pending || signal.aborted) return;
    pending = true;
    options.schedule(scan);
  };

  // The document's own MutationObserver: the content script's global, or jsdom's window in tests.
  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new Observer((records) => {
    if (addsForeignElements(records)) request();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  scan();
  return { rescan: request };
}
