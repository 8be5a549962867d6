/**
 * "This page" at the top of the popup: what the active Taobao/Tmall tab holds ("60 checked · 4
 * flagged"), its flagged listings (a click scrolls the page to the card and opens its details), a
 * plain "nothing suspicious" when that is so, a layout warning with a structure snapshot to copy when
 * the page could not be read, a per-site pause switch, and the way to the options. On an item page
 * the verdict with its reasons follows (CurrentTab).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageSummary } from '../../lib/messaging/protocol';
import { CurrentTab } from './current-tab';
import type { PopupDeps } from './popup-deps';
import { formatPrice } from './popup-words';
import { RiskLabel } from './risk-label';

export function ThisPage({ deps }: { deps: PopupDeps }) {
  const { t } = deps;
  const [summary, setSummary] = useState<PageSummary | null | undefined>(undefined);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    deps.page
      .summary()
      .catch(() => null)
      .then((answer) => live && setSummary(answer));
    return () => {
      live = false;
    };
  }, [deps]);

  const number = (n: number) => new Intl.NumberFormat(deps.uiLanguage === 'zh_CN' ? 'zh-CN' : 'en').format(n);
  const copyStructure = () => {
    setNote(null);
    deps.page
      .layoutSnapshot()
      .then((snapshot) => deps.copyText(snapshot))
      .then(() => setNote(t('popupStructureCopied')))
      .catch(() => setNote(t('popupCopyFailed')));
  };

  return (
    <section class="current" aria-labelledby="this-page-heading">
      <div class="section-head">
        <h2 id="this-page-heading" class="section-heading">
          {t('popupThisPageHeading')}
        </h2>
        <button type="button" class="link" onClick={() => deps.page.openOptions()}>
          {t('popupOpenOptions')}
        </button>
      </div>
      {summary === undefined ? (
        <p class="muted">{t('popupLoading')}</p>
      ) : summary === null ? (
        <p class="muted" data-testid="page-none">
          {t('popupNotTaobaoPage')}
        </p>
      ) : (
        <div data-testid="page-summary">
          {summary.site && (
            <label class="switch">
              <input type="checkbox" checked={summary.paused} onChange={(event) => void deps.page.setPaused(summary.site as string, event.currentTarget.checked).then(() => setSummary({ ...summary, paused: !summary.paused, flagged: [], checked: 0, pending: 0 }))} />
              {t('popupPauseSite', [summary.site])}
            </label>
          )}
          {summary.paused ? (
            <p class="muted">{t('popupPausedNote')}</p>
          ) : summary.layoutUnrecognised ? (
            <div role="status" class="layout-warning" data-testid="layout-unrecognised">
              <p>{t('popupLayoutUnrecognised')}</p>
              <button type="button" onClick={copyStructure}>
                {t('popupCopyStructure')}
              </button>
              {note && <p class="muted">{note}</p>}
            </div>
          ) : summary.checked + summary.pending === 0 ? (
            <p class="muted">{t('popupPageNoListings')}</p>
          ) : (
            <>
              <p data-testid="page-counts">{t('popupPageCounts', [number(summary.checked), number(summary.flagged.length)])}</p>
              {summary.pending > 0 && <p class="muted">{t('popupPageChecking', [number(summary.pending)], summary.pending)}</p>}
              {summary.flagged.length === 0 && summary.pending === 0 && <p data-testid="page-clean">{t('popupPageNothingSuspicious')}</p>}
              {summary.flagged.length > 0 && (
                <ul class="flagged" data-testid="page-flagged">
                  {summary.flagged.map((listing) => (
                    <li key={listing.itemId}>
                      <button type="button" class="flagged-listing" aria-label={t('popupShowOnPage', [listing.title])} onClick={() => void deps.page.reveal(listing.itemId)}>
                        <RiskLabel risk={listing.risk} t={t} />
                        <span class="title" dir="auto">
                          {listing.title}
                        </span>
                        <span class="muted">
                          {listing.price ? formatPrice(listing.price, deps.uiLanguage) : t('popupPriceUnknown')} · <bdi>{listing.shopName ?? t('popupShopUnknown')}</bdi>
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          {(summary.page === 'item' || summary.page === 'mobile-item') && !summary.paused && <CurrentTab deps={deps} />}
        </div>
      )}
    </section>
  );
}
