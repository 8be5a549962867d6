/**
 * On an item page, the item's verdict with its reasons, inside "This page". Any failure (no content
 * script yet, no verdict yet) shows nothing more than "This page" already says.
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
    <>
      {current === undefined ? (
        <p class="muted">{t('popupLoading')}</p>
      ) : current === null ? null : (
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
    </>
  );
}
