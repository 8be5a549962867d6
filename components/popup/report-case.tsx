/**
 * One report's case details, folded under its entry: complaint id, reason and notes (saved through
 * the background, which logs a new complaint id or reason in the evidence chain) and its dated
 * status changes.
 */
import { useState } from 'preact/hooks';
import type { ReportRecord } from '../../lib/activity/activity-db';
import { caseOf } from '../../lib/evidence/case-desk';
import type { PopupDeps } from './popup-deps';
import { formatDate } from './popup-words';
import { REASON_WORDS, STATUS_WORDS, type ComplaintReason } from './report-words';

interface ReportCaseProps {
  report: ReportRecord & { id: number };
  deps: PopupDeps;
  onAction: (run: () => Promise<unknown>) => void;
}

export function ReportCase({ report, deps, onAction }: ReportCaseProps) {
  const [open, setOpen] = useState(false);
  return (
    <details class="case" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{deps.t('popupCaseDetails')}</summary>
      {open && <CaseForm report={report} deps={deps} onAction={onAction} />}
    </details>
  );
}

/** Drawn only once the details are open: a long desk would otherwise build hundreds of forms. */
function CaseForm({ report, deps, onAction }: ReportCaseProps) {
  const { t } = deps;
  const desk = caseOf(report);
  const [complaintId, setComplaintId] = useState(desk.complaintId ?? '');
  const [reason, setReason] = useState(desk.reason ?? '');
  const [notes, setNotes] = useState(desk.notes);
  const value = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
  const save = (event: Event) => {
    event.preventDefault();
    onAction(() =>
      deps.send('updateReportCase', { id: report.id, complaintId: complaintId.trim() || null, reason: reason || null, notes }),
    );
  };
  return (
    <>
      <form class="case-form" onSubmit={save}>
        <label>
          <span class="field-label">{t('popupComplaintId')}</span>
          <input type="text" name="complaint-id" maxLength={200} value={complaintId} onInput={(e) => setComplaintId(value(e))} />
        </label>
        <label>
          <span class="field-label">{t('popupComplaintReason')}</span>
          <select name="reason" value={reason} onChange={(e) => setReason(value(e))}>
            <option value="">{t('popupReasonNone')}</option>
            {(Object.keys(REASON_WORDS) as ComplaintReason[]).map((code) => (
              <option key={code} value={code}>
                {t(REASON_WORDS[code])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="field-label">{t('popupNotes')}</span>
          <textarea name="notes" rows={2} maxLength={10_000} value={notes} onInput={(e) => setNotes(value(e))} />
        </label>
        <button type="submit" class="action">
          {t('popupSave')}
        </button>
      </form>
      <p class="field-label">{t('popupStatusChanges')}</p>
      <ol class="status-changes">
        {desk.statusChanges.map((change, i) => (
          <li key={i}>
            {t(STATUS_WORDS[change.status])}
            {' · '}
            {change.at === null ? t('popupDateUnknown') : formatDate(change.at, deps.uiLanguage)}
          </li>
        ))}
      </ol>
    </>
  );
}
