/**
 * The toolbar popup: what the active tab's page holds on top (This page), then History, Reports (brand staff only),
 * Summary and Trusted as tabs. It reads the activity database itself (liveQuery, so it follows
 * changes made anywhere) and sends every change to the background, the one writer.
 */
import { useMemo, useState } from 'preact/hooks';
import { PAGE_SIZE } from '../../lib/activity/history-query';
import { HistoryView, NewestHistory } from './history-view';
import type { PopupDeps } from './popup-deps';
import type { PopupMessageKey } from './popup-messages';
import { ReportsView } from './reports-view';
import { SummaryView } from './summary-view';
import { ThisPage } from './this-page';
import { TrustedView } from './trusted-view';
import { DeletedNote, useUndoableDeletion } from './undoable-deletion';
import { useLiveQuery } from '../shared/use-live-query';

type Tab = 'history' | 'reports' | 'summary' | 'trusted';

const TAB_WORDS: Record<Tab, PopupMessageKey> = {
  history: 'popupTabHistory',
  reports: 'popupTabReports',
  summary: 'popupTabSummary',
  trusted: 'popupTabTrusted',
};

export function PopupApp({ deps }: { deps: PopupDeps }) {
  const { t, db } = deps;
  const tabs: Tab[] = deps.role === 'brand-staff' ? ['history', 'reports', 'summary', 'trusted'] : ['history', 'summary', 'trusted'];
  const [tab, setTab] = useState<Tab>('history');
  const [failure, setFailure] = useState<string | null>(null);

  // Reading 10,000 records takes a second or two; the newest page, by index, shows meanwhile. The
  // full read starts once that page is in: started together, the big read held the small one back.
  const newest = useLiveQuery(() => db.history.orderBy('lastSeen').reverse().limit(PAGE_SIZE).toArray(), [db]);
  const newestIn = newest !== undefined;
  const history = useLiveQuery(() => (newestIn ? db.history.toArray() : Promise.resolve(undefined)), [db, newestIn]);
  const trusted = useLiveQuery(() => db.trusted.toArray(), [db]);
  // Reports carry screenshots: read only when the desk is open.
  const reports = useLiveQuery(() => (tab === 'reports' ? db.reports.toArray() : Promise.resolve(undefined)), [db, tab]);
  const trustedKeys = useMemo(() => new Set((trusted ?? []).map((r) => r.key)), [trusted]);

  const onError = (error: unknown) => setFailure(t('popupActionFailed', [error instanceof Error ? error.message : String(error)]));
  const onAction = (run: () => Promise<unknown>) => {
    setFailure(null);
    run().catch(onError);
  };
  // One click deletes an entry, and Undo stays offered above the list (no question first: one entry
  // is cheap to bring back, and a question per entry would make clearing a few of them a chore).
  const historyDeletion = useUndoableDeletion(onAction, (undoToken) => deps.send('undoDeleteHistory', { undoToken }));
  const deleteHistoryEntry = (itemId: string) => onAction(async () => historyDeletion.deleted(await deps.send('deleteHistory', { itemIds: [itemId] })));

  const moveFocus = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
    if (!next) return;
    setTab(next);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  };

  return (
    <main class="popup">
      <h1 class="popup-title">{t('popupTitle')}</h1>
      <ThisPage deps={deps} />
      <div role="tablist" aria-label={t('popupTabsLabel')} class="tabs" onKeyDown={moveFocus}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls="tab-panel"
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(TAB_WORDS[name])}
          </button>
        ))}
      </div>
      {failure && (
        <p role="alert" class="failure">
          {failure}
        </p>
      )}
      <section role="tabpanel" id="tab-panel" aria-labelledby={`tab-${tab}`} class="panel">
        {tab === 'history' && <DeletedNote of={historyDeletion} words={{ deleted: 'popupHistoryDeleted', restored: 'popupHistoryRestored' }} t={t} />}
        {tab === 'history' &&
          (history ? (
            <HistoryView records={history} trustedKeys={trustedKeys} deps={deps} onAction={onAction} onDelete={deleteHistoryEntry} onError={onError} />
          ) : (
            <NewestHistory records={newest} trustedKeys={trustedKeys} deps={deps} onAction={onAction} onDelete={deleteHistoryEntry} />
          ))}
        {tab === 'reports' &&
          (reports ? <ReportsView reports={reports} history={history} deps={deps} onAction={onAction} onError={onError} /> : <p class="muted">{t('popupLoading')}</p>)}
        {tab === 'summary' && (history ? <SummaryView records={history} deps={deps} /> : <p class="muted">{t('popupLoading')}</p>)}
        {tab === 'trusted' && (trusted ? <TrustedView trusted={trusted} deps={deps} onAction={onAction} /> : <p class="muted">{t('popupLoading')}</p>)}
      </section>
    </main>
  );
}
