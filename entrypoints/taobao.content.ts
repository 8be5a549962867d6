/**
 * Runs on Taobao and Tmall pages: finds the listings (lib/extract), asks the background for their
 * verdicts in batches, and shows a badge on each risky one (components/badge). Every observer,
 * listener and timer goes through WXT's `ctx`, so an updated or removed extension leaves nothing
 * running in the page. It never opens IndexedDB: that would be Taobao's origin, not ours.
 */
import { browser } from 'wxt/browser';
import { isBadgeHost, mountBadge } from '@/components/badge/mount-badge';
import { refuseForgedStartSignal } from '@/lib/content/start-signal';
import { cardMarkup, evidenceAt } from '@/lib/content/listing-evidence';
import { PointedElement } from '@/lib/content/pointed-element';
import { ListingBadges } from '@/lib/content/listing-badges';
import { watchListings } from '@/lib/extract/listing-watcher';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { TAOBAO_HOST_PATTERNS } from '@/lib/page/hosts';
import { parseItemId } from '@/lib/page/item-id';
import { pageKind } from '@/lib/page/page-kind';
import { loadSettings, watchSettings } from '@/lib/settings/settings';
import { uiLanguageOf } from '@/lib/ui-language';

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
    const uiLanguage = uiLanguageOf(browser.i18n.getUILanguage());
    const translate = (key: string, substitutions?: string | string[]) => browser.i18n.getMessage(key as never, substitutions);
    const isItemPage = () => ['item', 'mobile-item'].includes(pageKind(location.href));
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
          onReport: () => void actions.report(),
        });
        // On an item page the anchor is the title: the badge goes above it, not over its words.
        const handle = mountBadge(anchor, options(state), isItemPage() ? 'before' : 'over');
        return { update: (next) => handle.update(options(next)), remove: () => handle.remove() };
      },
      {
        assess: (listings) => sendMessage('assessListings', { listings }),
        trust: (kind, listing) => sendMessage('trustListing', { kind, listing }),
        report: (listing, anchor) => sendMessage('reportListing', { listing, cardMarkup: cardMarkup(anchor) }),
      },
      await loadSettings(),
      { language: uiLanguage, copy: (text) => navigator.clipboard.writeText(text) },
    );
    ctx.onInvalidated(watchSettings((settings) => badges.setSettings(settings)));

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
        badges.markReported(data.itemId);
        // The menu click is the user's gesture; if the page has lost focus the copy fails quietly and
        // the complaint stays in the report record.
        navigator.clipboard.writeText(data.complaint).catch(() => undefined);
      }),
    );

    const watcher = watchListings({
      document,
      currentUrl: () => location.href,
      onListings: (found) => {
        badges.add(found).catch((error: unknown) => console.warn('Counterfeit Radar: could not assess listings', error));
      },
      // A frame is the natural batch; the timeout covers background tabs, where frames do not fire.
      schedule: (work) => {
        let done = false;
        const once = () => {
          if (done) return;
          done = true;
          work();
        };
        ctx.requestAnimationFrame(once);
        ctx.setTimeout(once, 100);
      },
      signal: ctx.signal,
      isOwnUi: isBadgeHost,
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.rescan());
  },
});
