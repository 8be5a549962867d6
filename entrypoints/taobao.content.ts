/**
 * Runs on Taobao and Tmall pages: finds the listings (lib/extract), asks the background for their
 * verdicts in batches, and shows a badge on each risky one (components/badge). Every observer,
 * listener and timer goes through WXT's `ctx`, so an updated or removed extension leaves nothing
 * running in the page. It never opens IndexedDB: that would be Taobao's origin, not ours.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { mountCheckingMark } from '@/components/badge/checking-mark';
import { isBadgeHost, mountBadge } from '@/components/badge/mount-badge';
import { hideOwnUi } from '@/components/badge/own-ui-visibility';
import { framedElement, pageFrameOf } from '@/lib/content/capture-frame';
import { CheckingMarks } from '@/lib/content/checking-marks';
import { refuseForgedStartSignal } from '@/lib/content/start-signal';
import { cardMarkup, evidenceAt } from '@/lib/content/listing-evidence';
import { PointedElement } from '@/lib/content/pointed-element';
import { ListingBadges } from '@/lib/content/listing-badges';
import { DEFAULT_RETRY } from '@/lib/content/request-verdicts';
import { layoutUnrecognised, structuralSnapshot } from '@/lib/extract/layout-check';
import { itemPriceElement } from '@/lib/extract/price-element';
import { watchListings } from '@/lib/extract/listing-watcher';
import { photoSummarySchema } from '@/lib/messaging/photo-summary-schema';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { siteOf, TAOBAO_HOST_PATTERNS } from '@/lib/page/hosts';
import { parseItemId } from '@/lib/page/item-id';
import { pageKind } from '@/lib/page/page-kind';
import { loadSettings, watchSettings } from '@/lib/settings/settings';
import { uiLanguageOfCatalogue } from '@/lib/ui-language';

/** How long a page must stay without new listings before "layout not recognised" is said. */
const LAYOUT_SETTLE_MS = 4000;
/** Our badges come back by themselves this long after a capture began, should the background never say it is done. */
const CAPTURE_HIDE_MAX_MS = 3000;

export default defineContentScript({
  matches: [...TAOBAO_HOST_PATTERNS],
  runAt: 'document_idle',
  // WXT's start-up postMessage names our extension id and entry point to every script on the page,
  // which is what let a page forge the start-up event; the CustomEvent WXT also sends is enough.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // First, before anything awaits: a page must not be able to end this script (start-signal.ts).
    // The event's name is WXT's own (a static its types keep private): the same string it listens for.
    const startedEvent = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    refuseForgedStartSignal(window, startedEvent, {
      extensionAlive: () => browser.runtime?.id != null,
      acceptAlways: import.meta.env.DEV,
      signal: ctx.signal,
    });
    const uiLanguage = uiLanguageOfCatalogue(browser.i18n.getMessage('uiLanguage'));
    const translate = (key: string, substitutions?: string | string[]) => browser.i18n.getMessage(key as never, substitutions);
    const isItemPage = () => ['item', 'mobile-item'].includes(pageKind(location.href));
    let settings = await loadSettings();
    const site = siteOf(location.hostname);
    const paused = () => site !== null && settings.pausedSites.includes(site);
    // "Checking…" on a card in view whose verdict takes more than a moment (checking-marks.ts).
    const checkingMarks = new CheckingMarks(
      (anchor, state) => mountCheckingMark(anchor, state, translate, isItemPage() ? 'before' : 'over'),
      (onVisible) => {
        const observer = new IntersectionObserver(
          (seen) => {
            for (const entry of seen) if (entry.isIntersecting) onVisible(entry.target);
          },
          { rootMargin: '200px 0px' },
        );
        ctx.onInvalidated(() => observer.disconnect());
        return observer;
      },
      (run, ms) => ctx.setTimeout(run, ms),
    );
    const badges = new ListingBadges(
      (anchor, state, actions) => {
        const options = (next: typeof state) => ({
          verdict: next.verdict,
          brandName: next.verdict.brandName?.[uiLanguage] ?? null,
          notice: next.verdict.notice ?? null,
          shop: next.listing.shop,
          uiLanguage,
          role: next.settings.role,
          reported: next.reported,
          showLowMark: next.settings.showLowMarks,
          t: translate,
          onTrust: (kind: 'item' | 'shop') => void actions.trust(kind),
          undoTrust: next.undo ? { kind: next.undo.kind, run: next.undo.run } : null,
          complaintCopy: next.complaintCopy,
          onReport: () => void actions.report(),
          // Checked like every answer: a malformed one shows nothing.
          photoSignals: async () => v.parse(photoSummarySchema, await sendMessage('photoSignals', { listing: next.listing })),
        });
        if (!isItemPage()) {
          const handle = mountBadge(anchor, options(state), 'over');
          return { update: (next) => handle.update(options(next)), remove: () => handle.remove() };
        }
        // On an item page the anchor is the title: a large badge goes above it, not over its words,
        // and is repeated just after the price, where a shopper deciding looks.
        const large = (next: typeof state) => ({ ...options(next), large: true });
        const price = itemPriceElement(document, location.href);
        const handles = [mountBadge(anchor, large(state), 'before')];
        if (price && !anchor.contains(price) && !price.contains(anchor)) handles.push(mountBadge(price, large(state), 'after'));
        return {
          update: (next) => {
            for (const handle of handles) handle.update(large(next));
          },
          remove: () => {
            for (const handle of handles) handle.remove();
          },
        };
      },
      {
        assess: (listings) => sendMessage('assessListings', { listings }),
        trust: (kind, listing) => sendMessage('trustListing', { kind, listing }),
        untrust: (kind, listing) => sendMessage('untrustListing', { kind, listing }),
        report: (listing, anchor) => sendMessage('reportListing', { listing, cardMarkup: cardMarkup(anchor) }),
      },
      settings,
      { language: uiLanguage, copy: (text) => navigator.clipboard.writeText(text) },
      () => reportStatus(),
      { ...DEFAULT_RETRY, wait: (ms) => new Promise((resolve) => ctx.setTimeout(resolve, ms)) },
      checkingMarks,
    );

    // The toolbar icon follows the page: its counts after each batch, at most every 200 ms.
    let statusDue = false;
    let layoutUnrecognisedNow = false;
    const reportStatus = () => {
      if (statusDue) return;
      statusDue = true;
      ctx.setTimeout(() => {
        statusDue = false;
        sendMessage('pageStatus', badges.status(layoutUnrecognisedNow)).catch(() => undefined);
      }, 200);
    };

    // The element the user last pointed at: a context-menu report or the shortcut means its listing.
    const pointed = new PointedElement();
    ctx.addEventListener(document, 'contextmenu', pointed.note, { capture: true });
    ctx.addEventListener(document, 'pointerover', pointed.note, { capture: true, passive: true });
    ctx.onInvalidated(onMessage('listingForReport', () => evidenceAt(pointed.element, badges)));
    // The popup's "current tab": on an item page, the listing the page is about.
    ctx.onInvalidated(
      onMessage('currentListing', () => {
        const kind = pageKind(location.href);
        const itemId = kind === 'item' || kind === 'mobile-item' ? parseItemId(location.href) : null;
        return itemId ? badges.assessed(itemId) : null;
      }),
    );
    ctx.onInvalidated(
      onMessage('reportRecorded', ({ data }) => {
        // The menu click is the user's gesture; if the page has lost focus the copy fails, the badge
        // says so, and the complaint stays in the report record.
        badges.markReported(data.itemId, navigator.clipboard.writeText(data.complaint));
      }),
    );

    // The background changed something that alters verdicts (rules, notices, trust, reports): ask again.
    ctx.onInvalidated(
      onMessage('pageChanged', ({ data }) => {
        if (data.scope === 'verdicts' && !paused()) void badges.reassessAll().catch((error: unknown) => console.warn('Counterfeit Radar: could not assess listings', error));
      }),
    );
    // The popup's "This page".
    ctx.onInvalidated(
      onMessage('pageSummary', () => ({
        page: pageKind(location.href),
        checked: badges.status(false).checked,
        pending: badges.pending,
        flagged: badges.flagged(),
        layoutUnrecognised: layoutUnrecognisedNow,
        site,
        paused: paused(),
      })),
    );
    ctx.onInvalidated(
      onMessage('revealListing', ({ data }) => {
        const element = badges.elementOf(String(data.itemId));
        if (!element) return false;
        element.scrollIntoView({ block: 'center', behavior: 'smooth' });
        return true;
      }),
    );
    // A screenshot for a report: our badges out of sight until it is taken, and the listing's box for
    // its crop. Shown again on the word, or after CAPTURE_HIDE_MAX_MS should the word never come.
    let showOwnUi: (() => void) | null = null;
    ctx.onInvalidated(
      onMessage('frameForCapture', async ({ data }) => {
        showOwnUi?.();
        const restore = hideOwnUi(document);
        showOwnUi = restore;
        ctx.setTimeout(restore, CAPTURE_HIDE_MAX_MS);
        const anchor = badges.elementOf(String(data.itemId));
        const element = anchor && isItemPage() ? framedElement(anchor, itemPriceElement(document, location.href), window.innerHeight) : anchor;
        const frame = element ? pageFrameOf(element, window) : null;
        // The hidden badges must be painted away before the browser copies the tab.
        await new Promise<void>((resolve) => {
          ctx.requestAnimationFrame(() => ctx.requestAnimationFrame(() => resolve()));
          ctx.setTimeout(resolve, 100);
        });
        return frame;
      }),
    );
    ctx.onInvalidated(
      onMessage('captureTaken', () => {
        showOwnUi?.();
        showOwnUi = null;
      }),
    );
    ctx.onInvalidated(onMessage('layoutSnapshot', () => structuralSnapshot(document, pageKind(location.href))));

    // A page of a kind that shows listings, settled, with none we could read: say so (popup, icon).
    const checkLayout = () => {
      const unrecognised = !paused() && layoutUnrecognised(document, pageKind(location.href), badges.size);
      if (unrecognised === layoutUnrecognisedNow) return;
      layoutUnrecognisedNow = unrecognised;
      reportStatus();
    };
    let layoutTimer = 0;
    const checkLayoutSoon = () => {
      clearTimeout(layoutTimer);
      layoutTimer = ctx.setTimeout(checkLayout, LAYOUT_SETTLE_MS);
    };

    // The watcher runs unless the user paused the extension on this site (popup switch).
    let watching: { stop(): void; rescan(): void } | null = null;
    const startWatching = () => {
      if (watching || paused()) return;
      const stopped = new AbortController();
      ctx.onInvalidated(() => stopped.abort());
      const watcher = watchListings({
        document,
        currentUrl: () => location.href,
        onListings: (found) => {
          badges.add(found).catch((error: unknown) => console.warn('Counterfeit Radar: could not assess listings', error));
          checkLayoutSoon();
        },
        // A frame paces the slices, but each runs as a task of its own just after the frame: inside
        // the frame's callback it would add to the page's own rendering work (layout of 10,000 cards)
        // and make one long task of both. The timeout covers background tabs, where frames do not fire.
        schedule: (work) => {
          let done = false;
          const once = () => {
            if (done) return;
            done = true;
            work();
          };
          ctx.requestAnimationFrame(() => ctx.setTimeout(once, 0));
          ctx.setTimeout(once, 100);
        },
        signal: stopped.signal,
        isOwnUi: isBadgeHost,
      });
      watching = { stop: () => stopped.abort(), rescan: () => watcher.rescan() };
      checkLayoutSoon();
    };
    const stopWatching = () => {
      watching?.stop();
      watching = null;
      badges.clear();
      layoutUnrecognisedNow = false;
      reportStatus();
    };
    ctx.onInvalidated(
      watchSettings((next) => {
        settings = next;
        badges.setSettings(next);
        if (paused()) stopWatching();
        else startWatching();
      }),
    );
    startWatching();
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      watching?.rescan();
      checkLayoutSoon();
    });
  },
});
