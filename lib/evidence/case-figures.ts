/**
 * Per-brand figures for the desk: reports made, submitted (to the platform, whatever came after),
 * removed, rejected, and the median days from submission to removal (from the report's creation when
 * its submission has no date, as for reports from before the desk).
 */
import type { ReportRecord, ReportStatus } from '../activity/activity-db';
import { caseOf } from './case-desk';

export interface BrandFigures {
  brand: string | null;
  reported: number;
  submitted: number;
  removed: number;
  rejected: number;
  /** null when nothing was removed yet (or no removal has a date). */
  medianDaysToRemoval: number | null;
}

const DAY = 86_400_000;
const PAST_SUBMISSION: readonly ReportStatus[] = ['submitted', 'removed', 'rejected', 'appealed'];

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

export function brandFigures(reports: readonly ReportRecord[]): BrandFigures[] {
  const groups = new Map<string | null, ReportRecord[]>();
  for (const report of reports) {
    const brand = caseOf(report).brand;
    groups.set(brand, [...(groups.get(brand) ?? []), report]);
  }
  return [...groups.entries()]
    .map(([brand, group]) => {
      const days = group.flatMap((report) => {
        const changes = caseOf(report).statusChanges;
        const removedAt = report.status === 'removed' ? changes.findLast((c) => c.status === 'removed')?.at : null;
        if (removedAt === null || removedAt === undefined) return [];
        const from = changes.find((c) => c.status === 'submitted')?.at ?? report.createdAt;
        return [Math.max(0, removedAt - from) / DAY];
      });
      const everSubmitted = group.filter((r) => PAST_SUBMISSION.includes(r.status) || caseOf(r).statusChanges.some((c) => c.status === 'submitted'));
      return {
        brand,
        reported: group.length,
        submitted: everSubmitted.length,
        removed: group.filter((r) => r.status === 'removed').length,
        rejected: group.filter((r) => r.status === 'rejected').length,
        medianDaysToRemoval: median(days),
      };
    })
    .sort((a, b) => b.reported - a.reported || String(a.brand).localeCompare(String(b.brand)));
}
