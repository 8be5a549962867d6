/**
 * The Reports desk (brand staff): reports searched, filtered and sorted, many selected at once, then
 * batched for IPP (one brand and reason a complaint, ≤ 300 URLs), moved along their case (draft →
 * batched → submitted → removed / rejected / appealed / withdrawn), exported as CSV or an evidence zip
 * (with the evidence chain), or deleted after a confirmation, with Undo. Per-brand figures on top,
 * then the shops that share a photo (a cluster's reports selected at once).
 */
import { useMemo, useState } from 'preact/hooks';
import { REPORT_STATUSES, type HistoryRecord, type ReportRecord, type ReportStatus } from '../../lib/activity/activity-db';
import { evidenceZip, reportsCsv } from '../../lib/activity/reports-export';
import { caseOf } from '../../lib/evidence/case-desk';
import { INSTALLATION_KEY_ID } from '../../lib/evidence/installation-key';
import { filterReports, NO_DESK_FILTERS, type DeskFilters } from '../../lib/evidence/desk-filters';
import { listingUrl } from '../../lib/page/platform';
import { csvBlob, fileStamp } from '../shared/save-file';
import { BrandFiguresTable } from './brand-figures';
import { ExportProgressBar } from './export-progress';
import type { PopupDeps } from './popup-deps';
import { brandLabel, formatDate, isolate } from './popup-words';
import { RiskLabel } from './risk-label';
import { ReportBatches } from './report-batches';
import { ReportCase } from './report-case';
import { ReportDeskClusters } from './report-desk-clusters';
import { ReportDeskFilters } from './report-desk-filters';
import { DeletedNote, useUndoableDeletion } from './undoable-deletion';
import { reasonWords, STATUS_WORDS } from './report-words';
import { useExport } from './use-export';

interface ReportsViewProps {
  reports: ReportRecord[];
  /** The history once read, for the flagged listings that share a photo with reported ones. */
  history?: readonly HistoryRecord[] | undefined;
  deps: PopupDeps;
  onAction: (run: () => Promise<unknown>) => void;
  onError: (error: unknown) => void;
}

type Stored = ReportRecord & { id: number };
/** Reports drawn at once: a desk of thousands stays quick to click through (select all still takes every shown report). */
const PAGE_SIZE = 50;

/** The report or one of its captures holds a screenshot. */
const hasScreenshot = (report: ReportRecord) => report.screenshot !== null || (report.captures ?? []).some((c) => c.screenshot !== null);

const stored = (reports: readonly ReportRecord[]): Stored[] => reports.filter((r): r is Stored => r.id !== undefined);

export function ReportsView({ reports, history, deps, onAction, onError }: ReportsViewProps) {
  const { t } = deps;
  // The background opens the listing's page and adds the capture; the popup may close meanwhile.
  const captureLater = async (id: number) => {
    const answer = await deps.send('captureReport', { id });
    if (!answer.ok) throw new Error(answer.message);
  };
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [filters, setFilters] = useState<DeskFilters>(NO_DESK_FILTERS);
  const [nextStatus, setNextStatus] = useState<ReportStatus>('submitted');
  const [confirming, setConfirming] = useState(false);
  const deletion = useUndoableDeletion(onAction, (undoToken) => deps.send('undoDeleteReports', { undoToken }));
  const [page, setPage] = useState(0);
  const exporter = useExport(onError);

  const shown = useMemo(() => stored(filterReports(reports, filters)), [reports, filters]);
  const brands = useMemo(() => [...new Set(reports.map((r) => caseOf(r).brand))].sort((a, b) => String(a ?? '\uffff').localeCompare(String(b ?? '\uffff'))), [reports]);
  // A report deleted elsewhere, or hidden by the filters, drops out of what the actions apply to.
  const chosen = shown.filter((r) => selected.has(r.id));
  const chosenIds = chosen.map((r) => r.id);
  const pageCount = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const pageShown = Math.min(page, pageCount - 1);
  const onPage = shown.slice(pageShown * PAGE_SIZE, (pageShown + 1) * PAGE_SIZE);
  const changeFilters = (next: DeskFilters) => {
    setFilters(next);
    setPage(0);
  };

  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  // A cluster's reports are chosen whatever the filters showed, so its batch holds every one of them.
  const selectCluster = (ids: number[]) => {
    changeFilters(NO_DESK_FILTERS);
    setSelected(new Set(ids));
  };
  const allSelected = shown.length > 0 && chosen.length === shown.length;
  const stamp = () => fileStamp(deps.now());
  const deleteChosen = () => {
    setConfirming(false);
    const ids = chosenIds;
    onAction(async () => {
      const answer = await deps.send('deleteReports', { ids });
      deletion.deleted(answer);
      setSelected(new Set());
    });
  };
  const deletedNote = deletion.deletion && <DeletedNote of={deletion} words={{ deleted: 'popupDeleted', restored: 'popupUndone' }} t={t} />;

  if (reports.length === 0) return <div class="reports">{deletedNote ?? <p class="empty">{t('popupReportsEmpty')}</p>}</div>;

  return (
    <div class="reports">
      <BrandFiguresTable reports={reports} deps={deps} />
      <ReportDeskClusters reports={reports} history={history} deps={deps} onSelect={selectCluster} />
      <ReportDeskFilters filters={filters} brands={brands} deps={deps} onChange={changeFilters} />
      <div class="toolbar">
        <label class="check">
          <input type="checkbox" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(shown.map((r) => r.id)))} />
          {t('popupSelectAll')}
        </label>
        <p class="count" data-testid="shown-count">
          {t('popupReportsShown', [String(shown.length), String(reports.length)], reports.length)}
        </p>
        <p class="count" role="status" data-testid="selected-count">
          {t('popupSelectedCount', [String(chosen.length)])}
        </p>
      </div>
      {deletedNote}
      <div class="actions" hidden={chosen.length === 0}>
        <label>
          <span class="field-label">{t('popupSetStatus')}</span>
          <select name="next-status" value={nextStatus} onChange={(e) => setNextStatus((e.currentTarget as HTMLSelectElement).value as ReportStatus)}>
            {REPORT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(STATUS_WORDS[status])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="action" onClick={() => onAction(() => deps.send('setReportStatus', { ids: chosenIds, status: nextStatus }))}>
          {t('popupApply')}
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
              const chain = await deps.db.evidence.orderBy('seq').toArray();
              const zip = await evidenceZip(chosen, chain, deps.now(), report, await deps.db.keys.get(INSTALLATION_KEY_ID));
              deps.saveFile(`counterfeit-radar-evidence-${stamp()}.zip`, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
            })
          }
        >
          {t('popupExportZip')}
        </button>
        <button type="button" class="action danger" onClick={() => setConfirming(true)}>
          {t('popupDeleteReports')}
        </button>
      </div>
      {confirming && chosen.length > 0 && (
        <div role="alertdialog" aria-labelledby="delete-reports-question" class="confirm">
          <p id="delete-reports-question">{t('popupDeleteConfirm', [String(chosen.length)], chosen.length)}</p>
          <button type="button" class="action danger" onClick={deleteChosen}>
            {t('popupDeleteYes')}
          </button>
          <button type="button" class="action" onClick={() => setConfirming(false)}>
            {t('popupCancel')}
          </button>
        </div>
      )}
      {chosen.length > 0 && <ReportBatches chosen={chosen} deps={deps} onAction={onAction} />}
      <ExportProgressBar progress={exporter.progress} t={t} />
      {shown.length === 0 && <p class="empty">{t('popupReportsNoMatch')}</p>}
      <ul class="entries" data-testid="report-list">
        {onPage.map((report) => {
          const desk = caseOf(report);
          return (
            <li key={report.id} class="entry report" data-status={report.status}>
              <label class="check">
                <input type="checkbox" checked={selected.has(report.id)} onChange={() => toggle(report.id)} aria-label={t('popupSelectReport', [isolate(report.listing.title)])} />
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
                {desk.brand ? brandLabel(desk.brand, deps.brandNames, deps.uiLanguage) : t('popupBrandNone')}
                {' · '}
                {t(reasonWords(desk.reason))}
                {desk.complaintId && (
                  <>
                    {' · '}
                    <span dir="auto">{desk.complaintId}</span>
                  </>
                )}
                {' · '}
                {t('popupReportCreated', [formatDate(report.createdAt, deps.uiLanguage)])}
                {report.screenshot === null && (
                  <>
                    {' · '}
                    <span title={report.screenshotNote ?? undefined}>{t('popupNoScreenshot')}</span>
                  </>
                )}
                {!hasScreenshot(report) && (
                  <>
                    {' · '}
                    <button type="button" class="link" onClick={() => onAction(() => captureLater(report.id))}>
                      {t('popupCaptureLater')}
                    </button>
                  </>
                )}
                {(report.captures?.length ?? 0) > 0 && (
                  <>
                    {' · '}
                    {t('popupCaptureCount', [String(report.captures?.length ?? 0)], report.captures?.length ?? 0)}
                  </>
                )}
              </p>
              <ReportCase report={report} deps={deps} onAction={onAction} />
            </li>
          );
        })}
      </ul>
      {pageCount > 1 && (
        <nav class="pager" aria-label={t('popupPageOf', [String(pageShown + 1), String(pageCount)])}>
          <button type="button" class="action" disabled={pageShown === 0} onClick={() => setPage(pageShown - 1)}>
            {t('popupPagePrev')}
          </button>
          <span>{t('popupPageOf', [String(pageShown + 1), String(pageCount)])}</span>
          <button type="button" class="action" disabled={pageShown >= pageCount - 1} onClick={() => setPage(pageShown + 1)}>
            {t('popupPageNext')}
          </button>
        </nav>
      )}
    </div>
  );
}
