/**
 * Keeps the page's listings found as results change without a page load (pagination, infinite
 * scroll, in-page navigation). One MutationObserver only notes what was added or changed; the scan
 * runs later, once per frame, like uBlock Origin's procedural filters, and on a search page it reads
 * only the subtrees that changed (scoped-extract.ts), so its cost follows the change, not the page.
 *
 * Each element is reported once per item it shows. The marks live in a private WeakMap, not in the
 * DOM: a page that pre-marks its cards (`data-cr-item`) cannot hide them, and cannot read which
 * elements we have seen.
 *
 * Work is budgeted: a slice stops after SLICE_BUDGET_MS and the rest waits for the next frame, and a
 * whole-document scan (item and shop pages, navigation) is spaced so that it takes at most a tenth of
 * the time, however often the page mutates.
 */
import { extractPage } from './extract-page';
import type { FoundListing } from './found-listing';
import { cardScopeOf, extractScoped, isScopedKind, scopesOfCards } from './scoped-extract';

/** A frame is ~16 ms; half of it is ours at most, the page keeps the rest. */
export const SLICE_BUDGET_MS = 8;
/** Scopes extracted per call between two looks at the clock. */
const SCOPES_PER_STEP = 25;
/** Below this many cards a search page is read whole, at once (the exact whole-page extraction). */
const WHOLE_PAGE_CARDS = 200;
/** A whole-document scan costing T waits 9·T before the next, so it takes at most a tenth of the time. */
const WHOLE_SCAN_SPACING = 9;

export interface ListingWatcherOptions {
  document: Document;
  /** The page URL now; it changes on in-page navigation. */
  currentUrl: () => string;
  /** Called with listings not reported before (or whose element now shows another item). */
  onListings: (found: FoundListing[]) => void;
  /** Runs `work` soon, once (next frame); WXT's ctx timers, so an invalidated script schedules nothing. */
  schedule: (work: () => void) => void;
  signal: AbortSignal;
  /** Our own UI (badge hosts): adding or changing it is not page content. */
  isOwnUi?: (element: Element) => boolean;
  /** The clock for the slice budget (performance.now by default). */
  now?: () => number;
}

export interface ListingWatcher {
  /** Scan the whole document soon (after in-page navigation, say). */
  rescan(): void;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function watchListings(options: ListingWatcherOptions): ListingWatcher {
  const { document: doc, signal } = options;
  const isOwnUi = options.isOwnUi ?? (() => false);
  const now = options.now ?? (() => performance.now());
  /** Element → the item id it was last reported with. */
  const marks = new WeakMap<Element, string>();
  /**
   * Subtrees to read on the next slices (search pages): what just changed first, then the backlog of
   * a big page's whole scan, so new cards are badged without waiting behind 10,000 old ones.
   */
  const changed = new Set<Element>();
  const backlog = new Set<Element>();
  const pendingScopes = () => changed.size + backlog.size;
  let wholeScanDue = true;
  let nextWholeScanAt = 0;
  let scheduled = false;

  /** The listings found in the current slice, reported together at its end: one batch per slice. */
  let fresh: FoundListing[] = [];
  const report = (found: readonly FoundListing[]) => {
    for (const { listing, elements } of found) {
      const unmarked = elements.filter((el) => marks.get(el) !== listing.itemId);
      if (unmarked.length === 0) continue;
      for (const element of unmarked) marks.set(element, listing.itemId);
      fresh.push({ listing, elements: unmarked });
    }
  };
  const flushReport = () => {
    if (fresh.length === 0) return;
    const found = fresh;
    fresh = [];
    options.onListings(found);
  };

  const insideOwnUi = (element: Element) => {
    for (let node: Element | null = element; node; node = node.parentElement) if (isOwnUi(node)) return true;
    return false;
  };

  /** The whole document: at once when small, else its cards become scopes for the slices. */
  const wholeScan = (href: string) => {
    wholeScanDue = false;
    const started = now();
    if (isScopedKind(href)) {
      const scopes = scopesOfCards(doc);
      if (scopes.length > WHOLE_PAGE_CARDS) {
        for (const scope of scopes) backlog.add(scope);
        return;
      }
      changed.clear();
      backlog.clear();
    }
    report(extractPage(doc, href).found);
    nextWholeScanAt = now() + WHOLE_SCAN_SPACING * (now() - started);
  };

  const slice = () => {
    scheduled = false;
    if (signal.aborted) return;
    const started = now();
    const href = options.currentUrl();
    if (wholeScanDue) {
      if (!isScopedKind(href) && started < nextWholeScanAt) {
        // A busy item or shop page: the next whole scan waits its turn.
        request(false);
        return;
      }
      wholeScan(href);
    }
    while (pendingScopes() > 0) {
      const step: Element[] = [];
      for (const queue of [changed, backlog]) {
        for (const scope of queue) {
          if (step.length === SCOPES_PER_STEP) break;
          queue.delete(scope);
          if (scope.isConnected) step.push(scope);
        }
      }
      report(extractScoped(doc, href, step));
      if (now() - started > SLICE_BUDGET_MS) break;
    }
    flushReport();
    if (pendingScopes() > 0 || wholeScanDue) request(false);
  };

  const request = (whole: boolean) => {
    if (signal.aborted) return;
    if (whole) wholeScanDue = true;
    if (scheduled) return;
    scheduled = true;
    options.schedule(slice);
  };

  /**
   * Notes what a mutation touched: on a search page (`scoped`) the card (or new subtree) to read
   * again. New text (`textOnly`) in a card already reported is left alone: which item a card shows
   * is in its attributes and elements, which are watched, so reading it again could only find the
   * same item (a page re-rendering its sales figures a thousand times a second cost a scan each).
   */
  const note = (element: Element, scoped: boolean, textOnly = false) => {
    if (insideOwnUi(element)) return;
    if (!scoped) {
      request(true);
      return;
    }
    const card = cardScopeOf(element);
    if (textOnly && card && marks.has(card)) return;
    changed.add(card ?? element);
    request(false);
  };

  const onMutations = (records: MutationRecord[]) => {
    // The page kind once per callback: parsing the URL for each of hundreds of nodes cost more than
    // noting them.
    const scoped = isScopedKind(options.currentUrl());
    for (const record of records) {
      const target = record.target as Element;
      if (record.type === 'attributes') {
        note(target, scoped);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === ELEMENT_NODE) {
          if (!isOwnUi(node as Element)) note(node as Element, scoped);
        } else if (node.nodeType === TEXT_NODE && target.nodeType === ELEMENT_NODE) note(target, scoped, true);
      }
    }
  };

  // The document's own MutationObserver: the content script's global, or jsdom's window in tests.
  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  const observer = new Observer(onMutations);
  // Attributes too, but only the ones that say which item a card shows: a re-used card gets a new
  // id and link without any node being added.
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'href', 'title'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  slice();
  return { rescan: () => request(true) };
}
