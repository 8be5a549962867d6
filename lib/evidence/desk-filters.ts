/**
 * What the desk shows: reports narrowed by a search (title, shop, complaint id, notes, item id) and
 * by brand, status, shop and creation dates, in the order chosen.
 */
import type { ReportRecord, ReportStatus } from '../activity/activity-db';
import { REPORT_STATUSES } from '../activity/activity-db';
import { caseOf } from './case-desk';

export type DeskSort = 'newest' | 'oldest' | 'brand' | 'status';

export interface DeskFilters {
  text: string;
  /** A brand id, '(none)' for reports without a brand, '' for any. */
  brand: string;
  status: ReportStatus | '';
  shop: string;
  /** yyyy-mm-dd as date inputs give them, inclusive, in local time; '' for no bound. */
  from: string;
  to: string;
  sort: DeskSort;
}

export const NO_BRAND = '(none)';

export const NO_DESK_FILTERS: DeskFilters = { text: '', brand: '', status: '', shop: '', from: '', to: '', sort: 'newest' };

function localDay(date: string, dayAfter: boolean): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (dayAfter ? 1 : 0)).getTime() : null;
}

export function filterReports(reports: readonly ReportRecord[], filters: DeskFilters): ReportRecord[] {
  const text = filters.text.trim().toLowerCase();
  const shop = filters.shop.trim().toLowerCase();
  const from = localDay(filters.from, false);
  const until = localDay(filters.to, true);
  const shown = reports.filter((report) => {
    const desk = caseOf(report);
    if (filters.brand && (desk.brand ?? NO_BRAND) !== filters.brand) return false;
    if (filters.status && report.status !== filters.status) return false;
    if (shop && !(report.listing.shop.name ?? '').toLowerCase().includes(shop)) return false;
    if (from !== null && report.createdAt < from) return false;
    if (until !== null && report.createdAt >= until) return false;
    if (!text) return true;
    return [report.listing.title, report.listing.shop.name ?? '', desk.complaintId ?? '', desk.notes, report.itemId].some((field) => field.toLowerCase().includes(text));
  });
  const byNewest = (a: ReportRecord, b: ReportRecord) => b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0);
  const order: Record<DeskSort, (a: ReportRecord, b: ReportRecord) => number> = {
    newest: byNewest,
    oldest: (a, b) => -byNewest(a, b),
    brand: (a, b) => String(caseOf(a).brand ?? '\uffff').localeCompare(String(caseOf(b).brand ?? '\uffff')) || byNewest(a, b),
    status: (a, b) => REPORT_STATUSES.indexOf(a.status) - REPORT_STATUSES.indexOf(b.status) || byNewest(a, b),
  };
  return shown.sort(order[filters.sort]);
}
