/** Items and shops the user said are not counterfeit, each with its undo (issue 5). */
import type { TrustRecord } from '../../lib/activity/activity-db';
import type { PopupDeps } from './popup-deps';
import { formatDate } from './popup-words';

interface TrustedViewProps {
  trusted: TrustRecord[];
  deps: PopupDeps;
  onAction: (run: () => Promise<unknown>) => void;
}

export function TrustedView({ trusted, deps, onAction }: TrustedViewProps) {
  const { t } = deps;
  if (trusted.length === 0) return <p class="empty">{t('popupTrustedEmpty')}</p>;
  return (
    <ul class="entries" data-testid="trusted-list">
      {[...trusted]
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((record) => (
          <li key={record.key} class="entry trusted-entry">
            <span class="chip">{t(record.kind === 'item' ? 'popupTrustedItem' : 'popupTrustedShop')}</span>
            <span class="entry-label" dir="auto">
              {record.label}
            </span>
            <span class="muted">{formatDate(record.createdAt, deps.uiLanguage)}</span>
            <button type="button" class="action" onClick={() => onAction(() => deps.send('untrust', { key: record.key }))}>
              {t('popupUntrust')}
            </button>
          </li>
        ))}
    </ul>
  );
}
