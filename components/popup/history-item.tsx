/**
 * One history entry. Title, shop and reasons come from hostile pages: they are JSX text, so they can
 * only ever be text. Links are rebuilt from the item id, never taken from the record.
 */
import type { HistoryRecord } from '../../lib/activity/activity-db';
import { listingUrl } from '../../lib/page/platform';
import { taobaoReportUrl } from '../badge/badge-links';
import type { PopupDeps } from './popup-deps';
import { brandLabel, formatDate, formatPrice, isolate, PLATFORM_WORDS } from './popup-words';
import { RiskLabel } from './risk-label';

interface HistoryItemProps {
  record: HistoryRecord;
  trusted: boolean;
  deps: PopupDeps;
  onAction: (run: () => Promise<unknown>) => void;
  /** Deletes this entry (the history offers Undo). */
  onDelete: (itemId: string) => void;
}

function NewTab({ deps }: { deps: PopupDeps }) {
  return <span class="visually-hidden"> {deps.t('popupOpensNewTab')}</span>;
}

export function HistoryItem({ record, trusted, deps, onAction, onDelete }: HistoryItemProps) {
  const { t, uiLanguage } = deps;
  const { listing } = record;
  const canTrustShop = Boolean(listing.shop.id || listing.shop.name);
  return (
    <li class="entry" data-item-id={record.itemId} data-risk={record.risk}>
      <div class="entry-head">
        <RiskLabel risk={record.risk} t={t} />
        {trusted && <span class="chip">{t('popupTrusted')}</span>}
        <span class="muted entry-date">{t('popupSeen', [formatDate(record.lastSeen, uiLanguage)])}</span>
      </div>
      <a class="entry-title" href={listingUrl(record.itemId, record.platform)} target="_blank" rel="noopener noreferrer" dir="auto">
        {listing.title}
        <NewTab deps={deps} />
      </a>
      <p class="entry-facts muted">
        <span dir="auto">{listing.shop.name ?? t('popupShopUnknown')}</span>
        {' · '}
        {t(PLATFORM_WORDS[record.platform])}
        {' · '}
        {listing.price ? formatPrice(listing.price, uiLanguage) : t('popupPriceUnknown')}
        {record.brand && (
          <>
            {' · '}
            <span dir="auto">{brandLabel(record.brand, deps.brandNames, uiLanguage)}</span>
          </>
        )}
      </p>
      <details class="entry-reasons">
        <summary>{t('popupReasons')}</summary>
        <ul class="reasons">
          {record.verdict.reasons.map((reason, index) => (
            <li key={index} dir="auto">
              {reason.text[uiLanguage]}
            </li>
          ))}
        </ul>
      </details>
      <div class="actions" role="group" aria-label={t('popupActionsFor', [isolate(listing.title)])}>
        <a class="action" href={listingUrl(record.itemId, record.platform)} target="_blank" rel="noopener noreferrer">
          {t('popupActionOpen')}
          <NewTab deps={deps} />
        </a>
        <a class="action" href={taobaoReportUrl(record.itemId)} target="_blank" rel="noopener noreferrer">
          {t('popupActionReport')}
          <NewTab deps={deps} />
        </a>
        {!trusted && (
          <button type="button" class="action" onClick={() => onAction(() => deps.send('trustHistoryItem', { itemId: record.itemId, kind: 'item' }))}>
            {t('popupActionTrustItem')}
          </button>
        )}
        {!trusted && canTrustShop && (
          <button type="button" class="action" onClick={() => onAction(() => deps.send('trustHistoryItem', { itemId: record.itemId, kind: 'shop' }))}>
            {t('popupActionTrustShop')}
          </button>
        )}
        <button type="button" class="action danger" onClick={() => onDelete(record.itemId)}>
          {t('popupActionDelete')}
        </button>
      </div>
    </li>
  );
}
