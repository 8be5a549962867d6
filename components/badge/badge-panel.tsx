/**
 * The details panel: why the listing was flagged, the brand, the matched notice, and the actions.
 * Everything from the page or a feed is JSX text, so it can only ever be text.
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PhotoSummary } from '../../lib/messaging/photo-summary-schema';
import { httpUrlOrNull, officialStoreUrl, taobaoReportUrl } from './badge-links';
import type { Translate } from './badge-messages';
import type { BadgeOptions } from './badge-options';
import { NewTabHint } from './new-tab-hint';
import { NoticeBlock, toldByNoticeBlock } from './notice-block';
import { PanelContext, PanelFindings } from './panel-findings';
import { PANEL_CAP } from './badge-styles';
import { placePanel } from './panel-placement';
import { fromUser } from './user-event';

interface BadgePanelProps {
  id: string;
  options: BadgeOptions;
  /** Display name already resolved by the badge. */
  brand: string;
  badge: RefObject<HTMLElement>;
}

/**
 * A card with `overflow: hidden` (or a transform) would clip a panel laid out inside it, so where the
 * browser has the popover API (Chrome 114+, Firefox 125+) the panel is shown in the top layer and
 * placed next to the badge in viewport coordinates. Elsewhere it falls back to sitting under the badge.
 */
const TOP_LAYER = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

function useTopLayer(panelRef: RefObject<HTMLElement>, badgeRef: RefObject<HTMLElement>) {
  useLayoutEffect(() => {
    const panel = panelRef.current;
    const badge = badgeRef.current;
    const view = panel?.ownerDocument.defaultView;
    if (!TOP_LAYER || !panel || !badge || !view) return;
    panel.showPopover();
    const place = () => {
      const viewport = panel.ownerDocument.documentElement;
      // Measured at its natural height (the stylesheet's cap), not at the cut of an earlier place.
      panel.style.removeProperty('max-height');
      const { top, left, maxHeight } = placePanel(
        badge.getBoundingClientRect(),
        { width: panel.offsetWidth, height: panel.offsetHeight },
        { width: viewport.clientWidth, height: viewport.clientHeight },
      );
      panel.style.top = `${top}px`;
      panel.style.left = `${left}px`;
      panel.style.maxHeight = `min(${PANEL_CAP}, ${maxHeight}px)`;
    };
    place();
    // Only while the panel is open (it is unmounted when closed): the badge moves with the page.
    view.addEventListener('scroll', place, { capture: true, passive: true });
    view.addEventListener('resize', place, { passive: true });
    return () => {
      view.removeEventListener('scroll', place, { capture: true });
      view.removeEventListener('resize', place);
    };
  }, []);
}


/** The panel's question about the listing's photo, asked once when it opens; a failure shows nothing. */
function usePhotoSummary(ask: BadgeOptions['photoSignals']): PhotoSummary {
  const [summary, setSummary] = useState<PhotoSummary>(null);
  useEffect(() => {
    if (!ask) return;
    let open = true;
    ask().then(
      (answer) => open && setSummary(answer),
      () => undefined,
    );
    return () => {
      open = false;
    };
  }, []);
  return summary;
}

/** "3 other shops use a near-identical photo — of them 1 flagged, 0 reported, 2 named in notices". */
function SharedPhoto({ summary, t, uiLanguage }: { summary: NonNullable<PhotoSummary>; t: Translate; uiLanguage: BadgeOptions['uiLanguage'] }) {
  const shops = summary.otherShops === 1 ? t('badgePanelSharedPhotoOne') : t('badgePanelSharedPhotoMany', [String(summary.otherShops)]);
  const marks = t('badgePanelSharedPhotoMarks', [String(summary.flaggedShops), String(summary.reportedShops), String(summary.namedShops)]);
  // Chinese full-width brackets take no space before them.
  return (
    <p class="shared-photo">
      {shops}
      {uiLanguage === 'zh_CN' ? '' : ' '}
      {marks}
    </p>
  );
}

export function BadgePanel({ id, options, brand, badge }: BadgePanelProps) {
  const { verdict, t, uiLanguage } = options;
  const panel = useRef<HTMLDivElement>(null);
  useTopLayer(panel, badge);
  const photo = usePhotoSummary(options.photoSignals);

  const notice = options.notice ?? null;
  const noticeUrl = httpUrlOrNull(notice?.url);
  const shop = options.shop ?? null;
  const shown = verdict.reasons.filter((reason) => !toldByNoticeBlock(reason, notice));
  const context = shown.filter((reason) => reason.weight === 'context');
  const findings = shown.filter((reason) => reason.weight !== 'context');
  const officialStores = (verdict.officialShops ?? []).flatMap((store) => {
    const url = officialStoreUrl(store);
    return url ? [{ name: store.name, url }] : [];
  });
  const canTrustShop = shop !== null && Boolean(shop.id || shop.name);

  return (
    <div
      ref={panel}
      id={id}
      class={TOP_LAYER ? 'panel in-top-layer' : 'panel'}
      popover={TOP_LAYER ? 'manual' : undefined}
      role="group"
      aria-labelledby={`${id}-heading`}
    >
      <div class="panel-body">
        <p class="heading" id={`${id}-heading`}>
          {t('badgePanelLabel')}
        </p>
        {options.reported && <p class="reported-note">{t('badgePanelReportedNote')}</p>}
        <dl class="facts">
          <dt>{t('badgePanelBrand')}</dt>
          <dd class="text clip" dir="auto">
            {brand}
          </dd>
          {shop?.name && (
            <>
              <dt>{t('badgePanelShop')}</dt>
              <dd class="text clip" dir="auto">
                {shop.name}
              </dd>
            </>
          )}
        </dl>
        {context.length > 0 && <PanelContext reasons={context} uiLanguage={uiLanguage} />}
        {notice && <NoticeBlock notice={notice} url={noticeUrl} brand={brand} t={t} />}
        <PanelFindings id={`${id}-reasons`} reasons={findings} noticeUrl={noticeUrl} t={t} uiLanguage={uiLanguage} />
        {photo && photo.otherShops > 0 && <SharedPhoto summary={photo} t={t} uiLanguage={uiLanguage} />}
      </div>
      <div class="actions">
        <a class="action primary" href={taobaoReportUrl(verdict.itemId)} target="_blank" rel="noopener noreferrer">
          {t('badgeActionReportTaobao')}
          <NewTabHint t={t} />
        </a>
        {officialStores.map((store) => (
          <a key={store.url} class="action official" href={store.url} target="_blank" rel="noopener noreferrer">
            {t('badgeActionOfficialStore')}
            <span class="action-detail text clip" dir="auto">
              {store.name}
            </span>
            <NewTabHint t={t} />
          </a>
        ))}
        {options.role === 'brand-staff' && (
          <button type="button" class="action primary" onClick={fromUser(() => options.onReport())}>
            {t('badgeActionReportEvidence')}
          </button>
        )}
        {canTrustShop && (
          <button type="button" class="action" onClick={fromUser(() => options.onTrust('shop'))}>
            {t('badgeActionTrustShop')}
          </button>
        )}
        <button type="button" class="action" onClick={fromUser(() => options.onTrust('item'))}>
          {t('badgeActionTrustItem')}
        </button>
      </div>
    </div>
  );
}
