/**
 * The chosen reports as complaints for IPP: one batch per brand and reason, at most 300 URLs each,
 * each copied on its own and marked as one batch (its reports share a batch id and become batched).
 */
import { useState } from 'preact/hooks';
import type { ReportRecord } from '../../lib/activity/activity-db';
import { batchId, groupedBatches } from '../../lib/evidence/desk-batches';
import type { PopupDeps } from './popup-deps';
import { brandLabel } from './popup-words';
import { reasonWords } from './report-words';

interface ReportBatchesProps {
  chosen: readonly ReportRecord[];
  deps: PopupDeps;
  onAction: (run: () => Promise<unknown>) => void;
}

export function ReportBatches({ chosen, deps, onAction }: ReportBatchesProps) {
  const { t } = deps;
  const [note, setNote] = useState<{ text: string; failed: string | null } | null>(null);
  const batches = groupedBatches(chosen);
  const first = batches[0];
  const urlCount = batches.reduce((sum, batch) => sum + batch.urls.length, 0);
  const copy = async (urls: string[]) => {
    const text = urls.join('\n');
    try {
      await deps.copyText(text);
      setNote({ text: t('popupCopied', [String(urls.length)], urls.length), failed: null });
    } catch {
      setNote({ text: t('popupCopyFailed'), failed: text });
    }
  };
  const markedAt = deps.now();
  return (
    <div class="ipp">
      <p class="muted" data-testid="ipp-batches">
        {t('popupIppBatches', [String(urlCount), String(batches.length)])}
      </p>
      {first && (
        <button type="button" class="action primary" onClick={() => void copy(first.urls)}>
          {t('popupCopyIpp')}
        </button>
      )}
      <ol class="batches">
        {batches.map((batch, i) => (
          <li key={i} data-testid="ipp-batch">
            <span>
              {t('popupBatchGroup', [String(i + 1), batch.brand ? brandLabel(batch.brand, deps.brandNames, deps.uiLanguage) : t('popupBrandNone'), t(reasonWords(batch.reason)), String(batch.urls.length)], batch.urls.length)}
            </span>
            <button type="button" class="action" onClick={() => void copy(batch.urls)}>
              {t('popupCopyBatch', [String(i + 1)])}
            </button>
            <button
              type="button"
              class="action"
              onClick={() => {
                onAction(() => deps.send('setReportStatus', { ids: batch.reportIds, status: 'batched', batchId: batchId(batch, markedAt, i) }));
                setNote({ text: t('popupBatchMarked', [String(batch.reportIds.length)], batch.reportIds.length), failed: null });
              }}
            >
              {t('popupMarkBatch')}
            </button>
          </li>
        ))}
      </ol>
      {note && (
        <p role="status" class="note">
          {note.text}
        </p>
      )}
      {note?.failed && <textarea class="copy-fallback" readOnly rows={4} value={note.failed} aria-label={t('popupCopyIpp')} />}
    </div>
  );
}
