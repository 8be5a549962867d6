/** The rectification notice behind the verdict, told once in the details panel. */
import type { NoticeHit, Reason } from '../../lib/verdict';
import type { BadgeMessageKey, Translate } from './badge-messages';
import { NewTabHint } from './new-tab-hint';

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
export function NoticeBlock({ notice, url, brand, t }: { notice: NoticeHit; url: string | null; brand: string; t: Translate }) {
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
export function toldByNoticeBlock(reason: Reason, notice: NoticeHit | null): boolean {
  return notice !== null && reason.noticeId === notice.noticeId && reason.code.startsWith('notice-');
}
