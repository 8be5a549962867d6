/**
 * The case desk's changes to reports: a status change (with its date, the complaint id or batch it
 * came with) and the case details brand staff keep (complaint id, reason, notes). Each status change
 * and each new complaint id or reason is appended to the evidence chain after the record is written.
 */
import type { ActivityDatabase, ReportRecord, ReportStatus, StatusChange } from '../activity/activity-db';
import { appendEvidence, logStatusChange } from './evidence-log';

export interface ReportCase {
  brand: string | null;
  reason: string | null;
  complaintId: string | null;
  notes: string;
  statusChanges: StatusChange[];
  batchId: string | null;
}

/** The desk's fields of a report, with the defaults a record from before version 2 (or an old backup) lacks. */
export function caseOf(report: ReportRecord): ReportCase {
  return {
    brand: report.brand === undefined ? report.verdict.brand : report.brand,
    reason: report.reason ?? null,
    complaintId: report.complaintId ?? null,
    notes: report.notes ?? '',
    statusChanges: report.statusChanges ?? [{ status: 'draft', at: report.createdAt }, ...(report.status === 'draft' ? [] : [{ status: report.status, at: null }])],
    batchId: report.batchId ?? null,
  };
}

/** When the report last entered `status` (null: never, or not dated). */
export function statusDate(report: ReportRecord, status: ReportStatus): number | null {
  const changes = caseOf(report).statusChanges.filter((c) => c.status === status);
  return changes.at(-1)?.at ?? null;
}

export interface StatusOptions {
  /** Reports marked batched together share it. */
  batchId?: string;
  complaintId?: string;
}

/** Sets the status of each report that does not have it already; returns how many changed. */
export async function changeReportStatus(db: ActivityDatabase, ids: readonly number[], status: ReportStatus, now: number, options: StatusOptions = {}): Promise<number> {
  const changed = await db.transaction('rw', db.reports, async () => {
    const found = (await db.reports.bulkGet([...ids])).filter((r): r is ReportRecord & { id: number } => r !== undefined && r.id !== undefined && r.status !== status);
    const updated = found.map((report) => {
      const desk = caseOf(report);
      return {
        ...report,
        ...desk,
        status,
        statusChanges: [...desk.statusChanges, { status, at: now }],
        batchId: options.batchId ?? desk.batchId,
        complaintId: options.complaintId ?? desk.complaintId,
      };
    });
    await db.reports.bulkPut(updated);
    return found.map((r) => ({ id: r.id, from: r.status }));
  });
  for (const { id, from } of changed) {
    await logStatusChange(db, id, now, { from, to: status, ...(options.complaintId ? { complaintId: options.complaintId } : {}), ...(options.batchId ? { batchId: options.batchId } : {}) });
  }
  return changed.length;
}

export interface CaseDetails {
  complaintId?: string | null;
  reason?: string | null;
  brand?: string | null;
  notes?: string;
}

/** Updates a report's case details; a changed complaint id, reason or brand goes into the chain. */
export async function updateReportCase(db: ActivityDatabase, id: number, details: CaseDetails, now: number): Promise<boolean> {
  const change = await db.transaction('rw', db.reports, async () => {
    const report = await db.reports.get(id);
    if (!report) return null;
    const desk = caseOf(report);
    const next = { ...desk, ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) } as ReportCase;
    await db.reports.put({ ...report, ...next });
    const logged = (['complaintId', 'reason', 'brand'] as const).filter((key) => next[key] !== desk[key]);
    return { status: report.status, logged: Object.fromEntries(logged.map((key) => [key, next[key]])) };
  });
  if (!change) return false;
  if (Object.keys(change.logged).length > 0) await appendEvidence(db, { at: now, kind: 'status', reportId: id, data: { status: change.status, ...change.logged } });
  return true;
}
