/**
 * The History tab: search, filters, 50 entries a page, exports of what the filters show, and "clear
 * all" behind an inline confirmation (a window.confirm() would close the popup in some browsers).
 */
import { useMemo, useState } from 'preact/hooks';
import type { HistoryRecord } from '../../lib/activity/activity-db';
import { historyCsv, historyJson } from '../../lib/activity/history-export';
import { filterHistory, indexHistory, queryHistory } from '../../lib/activity/history-query';
import { countByBrand } from '../../lib/activity/history-summary';
import { isTrusted } from '../../lib/activity/trust';
import { csvBlob, fileStamp } from '../shared/save-file';
import { ExportProgressBar } from './export-progress';
import { HistoryFilters, NO_FILTER, toHistoryFilter, type FilterInputs } from './history-filters';
import { HistoryItem } from './history-item';
import type { PopupDeps } from './popup-deps';
import { useExport } from './use-export';

interface HistoryViewProps {
  records: HistoryRecord[];
  trustedKeys: ReadonlySet<string>;
  deps: PopupDeps;
  onAction: (run: () => Promise<unknown>) => void;
  /** Deletes one entry; the popup notes it with Undo (undoable-deletion.tsx). */
  onDelete: (itemId: string) => void;
  onError: (error: unknown) => void;
}

/** The newest page while the whole history loads: no search or filters yet, but something to read. */
export function NewestHistory({ records, trustedKeys, deps, onAction, onDelete }: Omit<HistoryViewProps, 'records' | 'onError'> & { records: HistoryRecord[] | undefined }) {
  if (!records) return <p class="muted">{deps.t('popupLoading')}</p>;
  if (records.length === 0) return <p class="empty">{deps.t('popupHistoryEmpty')}</p>;
  return (
    <div class="history">
      <p class="muted" role="status">
        {deps.t('popupLoading')}
      </p>
      <ul class="entries" data-testid="history-newest">
        {records.map((record) => (
          <HistoryItem key={record.itemId} record={record} trusted={isTrusted(record.listing, trustedKeys)} deps={deps} onAction={onAction} onDelete={onDelete} />
        ))}
      </ul>
    </div>
  );
}


export function HistoryView({ records, trustedKeys, deps, onAction, onDelete, onError }: HistoryViewProps) {
  const { t } = deps;
  const [inputs, setInputs] = useState<FilterInputs>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const exporter = useExport(onError);

  // Folding every record's text once per database change; a keystroke then only scans the index.
  const index = useMemo(() => indexHistory(records, deps.brandNames), [records, deps.brandNames]);
  const brands = useMemo(() => countByBrand(records).map((b) => b.brand), [records]);
  const filter = useMemo(() => toHistoryFilter(inputs), [inputs]);
  const shown = useMemo(() => queryHistory(index, filter, page), [index, filter, page]);

  const changeFilter = (next: FilterInputs) => {
    setInputs(next);
    setPage(0);
  };
  const exportAs = (kind: 'csv' | 'json') =>
    exporter.run(async (report) => {
      const matches = filterHistory(index, filter);
      const stamp = fileStamp(deps.now());
      if (kind === 'csv') {
        const csv = await historyCsv(matches, report);
        deps.saveFile(`counterfeit-radar-history-${stamp}.csv`, csvBlob(csv));
      } else {
        deps.saveFile(`counterfeit-radar-history-${stamp}.json`, new Blob([historyJson(matches, deps.now())], { type: 'application/json' }));
      }
    });

  if (records.length === 0) return <p class="empty">{t('popupHistoryEmpty')}</p>;

  return (
    <div class="history">
      <HistoryFilters inputs={inputs} brands={brands} deps={deps} onChange={changeFilter} />
      <div class="toolbar">
        <p class="count" role="status" data-testid="history-count">
          {t('popupHistoryCount', [String(shown.total)], shown.total)}
        </p>
        <button type="button" class="action" disabled={exporter.progress !== null || shown.total === 0} onClick={() => void exportAs('csv')}>
          {t('popupExportCsv')}
        </button>
        <button type="button" class="action" disabled={exporter.progress !== null || shown.total === 0} onClick={() => void exportAs('json')}>
          {t('popupExportJson')}
        </button>
      </div>
      <ExportProgressBar progress={exporter.progress} t={t} />
      {shown.total === 0 ? (
        <p class="empty">{t('popupHistoryNoMatch')}</p>
      ) : (
        <ul class="entries" data-testid="history-list">
          {shown.records.map((record) => (
            <HistoryItem key={record.itemId} record={record} trusted={isTrusted(record.listing, trustedKeys)} deps={deps} onAction={onAction} onDelete={onDelete} />
          ))}
        </ul>
      )}
      {shown.pageCount > 1 && (
        <nav class="pager" aria-label={t('popupPageOf', [String(shown.page + 1), String(shown.pageCount)])}>
          <button type="button" class="action" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)}>
            {t('popupPagePrev')}
          </button>
          <span>{t('popupPageOf', [String(shown.page + 1), String(shown.pageCount)])}</span>
          <button type="button" class="action" disabled={shown.page >= shown.pageCount - 1} onClick={() => setPage(shown.page + 1)}>
            {t('popupPageNext')}
          </button>
        </nav>
      )}
      <div class="danger-zone">
        {confirming ? (
          <div role="alertdialog" aria-labelledby="clear-question" class="confirm">
            <p id="clear-question">{t('popupClearConfirm', [String(records.length)], records.length)}</p>
            <button
              type="button"
              class="action danger"
              onClick={() => {
                setConfirming(false);
                onAction(() => deps.send('clearData', { kinds: ['history'] }));
              }}
            >
              {t('popupClearYes')}
            </button>
            <button type="button" class="action" onClick={() => setConfirming(false)}>
              {t('popupCancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="action danger" onClick={() => setConfirming(true)}>
            {t('popupClearAll')}
          </button>
        )}
      </div>
    </div>
  );
}
