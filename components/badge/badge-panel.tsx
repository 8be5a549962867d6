/**
 * The details panel: why the listing was flagged, the brand, the matched notice, and the actions.
 * Everything from the page or a feed is JSX text, so it can only ever be text.
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PhotoSummary } from '../../lib/messaging/photo-summary-schema';
import type { NoticeHit, Reason } from '../../lib/verdict';
import { httpUrlOrNull, taobaoReportUrl } from './badge-links';
import type { BadgeMessageKey, Translate } from './badge-messages';
import type { BadgeOptions } from './badge-options';
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
      const { top, left } = placePanel(
        badge.getBoundingClientRect(),
        { width: panel.offsetWidth, height: panel.offsetHeight },
        { width: viewport.clientWidth, height: viewport.clientHeight },
      );
      panel.style.top = `${top}px`;
      panel.style.left = `${left}px`;
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

function NewTabHint({ t }: { t: Translate }) {
  return <span class="visually-hidden"> {t('badgeOpensNewTab')}</span>;
}

const NOTICE_ACTION_WORDS: Record<NonNullable<NoticeHit['action']>, BadgeMessageKey> = {
  removed: 'badgePanelNoticeActionRemoved',
  closed: 'badgePanelNoticeActionClosed',
  warned: 'badgePanelNoticeActionWarned',
  rectify: 'badgePanelNoticeActionRectify',
};

/** "Shop closed on 2016-05-20": what the notice did to the shop or item it names, when it says. */
function noticeAction(notice: NoticeHit, t: Translate): string | null {
  if (notice.match === 'brand' || !notice.action) return null;
  const action = t(NOTICE_ACTION_WORDS[notice.action]);
  return notice.date ? t('badgePanelNoticeActionDated', [action, notice.date]) : action;
}

/**
 * The notice, once. One that names this shop or item is "Named in a rectification notice"; one that
 * puts the brand under special rules names no one, and is worded as what it is.
 */
function NoticeBlock({ notice, url, brand, t }: { notice: NoticeHit; url: string | null; brand: string; t: Translate }) {
  const action = noticeAction(notice, t);
  return (
    <div class="notice">
      <p class="muted">{notice.match === 'brand' ? t('badgePanelNoticeBrand', [brand]) : t('badgePanelNotice')}</p>
      <p class="text clip" dir="auto">
        {notice.noticeTitle}
      </p>
      <p class="muted">
        <span class="text" dir="auto">
          {notice.publisher}
        </span>
        {' · '}
        {notice.published ? t('badgePanelNoticePublished', [notice.published]) : t('badgePanelNoticeUndated')}
      </p>
      {action && <p class="notice-action">{action}</p>}
      {notice.match === 'brand' && <p>{t('badgePanelNoticeBrandShop', [brand])}</p>}
      {url && (
        <a class="link" href={url} target="_blank" rel="noopener noreferrer">
          {t('badgePanelSource')}
          <NewTabHint t={t} />
        </a>
      )}
    </div>
  );
}

/** The reason the notice block already says (the same notice): not listed a second time. */
function toldByNoticeBlock(reason: Reason, notice: NoticeHit | null): boolean {
  return notice !== null && reason.noticeId === notice.noticeId && reason.code.startsWith('notice-');
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
      {notice && <NoticeBlock notice={notice} url={noticeUrl} brand={brand} t={t} />}
      <p class="muted" id={`${id}-reasons`}>
        {t('badgePanelReasons')}
      </p>
      <ul class="reasons" aria-labelledby={`${id}-reasons`}>
        {verdict.reasons.map((reason, index) => {
          if (toldByNoticeBlock(reason, notice)) return null;
          const source = httpUrlOrNull(reason.url);
          return (
            <li key={index}>
              <span class="text clip" dir="auto">
                {reason.text[uiLanguage]}
              </span>
              {source && source !== noticeUrl && (
                <>
                  {' '}
                  <a class="link" href={source} target="_blank" rel="noopener noreferrer">
                    {t('badgePanelSource')}
                    <NewTabHint t={t} />
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {photo && photo.otherShops > 0 && <SharedPhoto summary={photo} t={t} uiLanguage={uiLanguage} />}
      <div class="actions">
        <a class="action primary" href={taobaoReportUrl(verdict.itemId)} target="_blank" rel="noopener noreferrer">
          {t('badgeActionReportTaobao')}
          <NewTabHint t={t} />
        </a>
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
