/**
 * The Reports desk (brand staff): reports with their status, many selected at once, then copied as
 * URL batches for IPP (≤ 300 a complaint), exported as CSV or an evidence zip, or marked submitted.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ReportRecord, ReportStatus } from '../../lib/activity/activity-db';
import { evidenceZip, ippUrlBatches, reportsCsv } from '../../lib/activity/reports-export';
import { listingUrl } from '../../lib/page/platform';
import { ExportProgressBar } from './export-progress';
import type { PopupDeps } from './popup-deps';
import { formatDate, isolate } from './popup-words';
import { RiskLabel } from './risk-label';
import { useExport } from './use-export';
import { csvBlob, fileStamp } from '../shared/save-file';

interface ReportsViewProps {
  reports: ReportRecord[];
  deps: PopupDeps;
  onAction: (run: () => Promise<unknown>) => void;
  onError: (error: unknown) => void;
}

const STATUS_WORDS = {
  draft: 'popupReportStatusDraft',
  batched: 'popupReportStatusBatched',
  submitted: 'popupReportStatusSubmitted',
  removed: 'popupReportStatusRemoved',
  rejected: 'popupReportStatusRejected',
  appealed: 'popupReportStatusAppealed',
  withdrawn: 'popupReportStatusWithdrawn',
} as const;

export function ReportsView({ reports, deps, onAction, onError }: ReportsViewProps) {
  const { t } = deps;
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [copyNote, setCopyNote] = useState<{ text: string; failed: string | null } | null>(null);
  const exporter = useExport(onError);

  const sorted = useMemo(() => [...reports].sort((a, b) => b.createdAt - a.createdAt), [reports]);
  // A report deleted elsewhere drops out of the selection.
  const chosen = sorted.filter((r) => r.id !== undefined && selected.has(r.id));
  const chosenIds = chosen.flatMap((r) => (r.id === undefined ? [] : [r.id]));
  const batches = useMemo(() => ippUrlBatches(chosen), [chosen.map((r) => r.id).join()]);
  const urlCount = batches.reduce((sum, batch) => sum + batch.split('\n').length, 0);

  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
    setCopyNote(null);
  };
  const allSelected = sorted.length > 0 && chosen.length === sorted.length;
  const copy = async (batch: string) => {
    const count = String(batch.split('\n').length);
    try {
      await deps.copyText(batch);
      setCopyNote({ text: t('popupCopied', [count]), failed: null });
    } catch {
      setCopyNote({ text: t('popupCopyFailed'), failed: batch });
    }
  };
  const setStatus = (status: ReportStatus) => onAction(() => deps.send('setReportStatus', { ids: chosenIds, status }));
  const stamp = () => fileStamp(deps.now());

  if (reports.length === 0) return <p class="empty">{t('popupReportsEmpty')}</p>;

  return (
    <div class="reports">
      <div class="toolbar">
        <label class="check">
          <input type="checkbox" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(sorted.flatMap((r) => (r.id === undefined ? [] : [r.id]))))} />
          {t('popupSelectAll')}
        </label>
        <p class="count" role="status" data-testid="selected-count">
          {t('popupSelectedCount', [String(chosen.length)])}
        </p>
      </div>
      <div class="actions" hidden={chosen.length === 0}>
        <button type="button" class="action primary" onClick={() => batches[0] !== undefined && void copy(batches[0])}>
          {t('popupCopyIpp')}
        </button>
        <button type="button" class="action" onClick={() => setStatus('submitted')}>
          {t('popupMarkSubmitted')}
        </button>
        <button type="button" class="action" onClick={() => setStatus('draft')}>
          {t('popupMarkDraft')}
        </button>
        <button
          type="button"
          class="action"
          disabled={exporter.progress !== null}
          onClick={() =>
            void exporter.run(async (report) => {
              const csv = await reportsCsv(chosen, report);
              deps.saveFile(`counterfeit-radar-reports-${stamp()}.csv`, csvBlob(csv));
            })
          }
        >
          {t('popupExportCsv')}
        </button>
        <button
          type="button"
          class="action"
          disabled={exporter.progress !== null}
          onClick={() =>
            void exporter.run(async (report) => {
              const zip = await evidenceZip(chosen, await deps.db.evidence.orderBy('seq').toArray(), deps.now(), report);
              deps.saveFile(`counterfeit-radar-evidence-${stamp()}.zip`, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
            })
          }
        >
          {t('popupExportZip')}
        </button>
        <button type="button" class="action danger" onClick={() => onAction(() => deps.send('deleteReports', { ids: chosenIds }))}>
          {t('popupDeleteReports')}
        </button>
      </div>
      {chosen.length > 0 && (
        <div class="ipp">
          <p class="muted" data-testid="ipp-batches">
            {t('popupIppBatches', [String(urlCount), String(batches.length)])}
          </p>
          {batches.length > 1 &&
            batches.map((batch, i) => (
              <button key={i} type="button" class="action" onClick={() => void copy(batch)}>
                {t('popupCopyBatch', [String(i + 1)])}
              </button>
            ))}
          {copyNote && (
            <p role="status" class="note">
              {copyNote.text}
            </p>
          )}
          {copyNote?.failed && <textarea class="copy-fallback" readOnly rows={4} value={copyNote.failed} aria-label={t('popupCopyIpp')} />}
        </div>
      )}
      <ExportProgressBar progress={exporter.progress} t={t} />
      <ul class="entries" data-testid="report-list">
        {sorted.map((report) => (
          <li key={report.id} class="entry report" data-status={report.status}>
            <label class="check">
              <input
                type="checkbox"
                checked={report.id !== undefined && selected.has(report.id)}
                onChange={() => report.id !== undefined && toggle(report.id)}
                aria-label={t('popupSelectReport', [isolate(report.listing.title)])}
              />
              <span class="chip" data-status={report.status}>
                {t(STATUS_WORDS[report.status])}
              </span>
              <RiskLabel risk={report.verdict.risk} t={t} />
            </label>
            <a class="entry-title" href={listingUrl(report.itemId, report.listing.shop.platform)} target="_blank" rel="noopener noreferrer" dir="auto">
              {report.listing.title}
              <span class="visually-hidden"> {t('popupOpensNewTab')}</span>
            </a>
            <p class="muted">
              <span dir="auto">{report.listing.shop.name ?? t('popupShopUnknown')}</span>
              {' · '}
              {t('popupReportCreated', [formatDate(report.createdAt, deps.uiLanguage)])}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
