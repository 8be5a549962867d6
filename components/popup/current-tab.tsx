/**
 * The verdict of the active tab's item page, at the top of the popup. Any failure (no Taobao tab, no
 * content script yet, a page that is not an item page) reads as "not a Taobao item page".
 */
import { useEffect, useState } from 'preact/hooks';
import type { CurrentListing } from '../../lib/messaging/page-protocol';
import { listingUrl } from '../../lib/page/platform';
import type { PopupDeps } from './popup-deps';
import { RiskLabel } from './risk-label';

export function CurrentTab({ deps }: { deps: PopupDeps }) {
  const { t } = deps;
  const [current, setCurrent] = useState<CurrentListing | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    deps
      .currentListing()
      .catch(() => null)
      .then((answer) => live && setCurrent(answer));
    return () => {
      live = false;
    };
  }, [deps]);

  return (
    <section class="current" aria-labelledby="current-heading">
      <h2 id="current-heading" class="section-heading">
        {t('popupCurrentHeading')}
      </h2>
      {current === undefined ? (
        <p class="muted">{t('popupLoading')}</p>
      ) : current === null ? (
        <p class="muted" data-testid="current-none">
          {t('popupCurrentNotItem')}
        </p>
      ) : (
        <div class="current-listing" data-testid="current-listing">
          <p class="title" dir="auto">
            {current.listing.title}
          </p>
          {current.verdict.risk === 'high' || current.verdict.risk === 'medium' ? (
            <>
              <RiskLabel risk={current.verdict.risk} t={t} />
              <ul class="reasons">
                {current.verdict.reasons.map((reason, index) => (
                  <li key={index} dir="auto">
                    {reason.text[deps.uiLanguage]}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p class="muted">{t('popupCurrentNoWarning')}</p>
          )}
          <a class="link" href={listingUrl(current.listing.itemId, current.listing.shop.platform)} target="_blank" rel="noopener noreferrer">
            {t('popupActionOpen')}
            <span class="visually-hidden"> {t('popupOpensNewTab')}</span>
          </a>
        </div>
      )}
    </section>
  );
}
