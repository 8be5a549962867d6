/** The words of report statuses and complaint reasons (message keys), shared by the desk's parts. */
import type { ReportStatus } from '../../lib/activity/activity-db';
import type { PopupMessageKey } from './popup-messages';

export const STATUS_WORDS = {
  draft: 'popupReportStatusDraft',
  batched: 'popupReportStatusBatched',
  submitted: 'popupReportStatusSubmitted',
  removed: 'popupReportStatusRemoved',
  rejected: 'popupReportStatusRejected',
  appealed: 'popupReportStatusAppealed',
  withdrawn: 'popupReportStatusWithdrawn',
} as const satisfies Record<ReportStatus, PopupMessageKey>;

/** Complaint reasons the platform's forms offer, stored by code. */
export const REASON_WORDS = {
  counterfeit: 'popupReasonCounterfeit',
  trademark: 'popupReasonTrademark',
  copyright: 'popupReasonCopyright',
  other: 'popupReasonOther',
} as const satisfies Record<string, PopupMessageKey>;

export type ComplaintReason = keyof typeof REASON_WORDS;

export function reasonWords(reason: string | null): PopupMessageKey {
  return reason !== null && Object.hasOwn(REASON_WORDS, reason) ? REASON_WORDS[reason as ComplaintReason] : 'popupReasonNone';
}
