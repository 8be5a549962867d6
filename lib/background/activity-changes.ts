/**
 * Changes extension pages ask for on the user's own data (activity-db.ts): undo a trust, delete
 * history entries or reports, mark reports submitted, clear. The background runs them, so the
 * activity database keeps one writer.
 */
import type { ActivityDatabase, ReportStatus } from '../activity/activity-db';
import type { DataKind } from '../messaging/page-protocol';

export async function setReportStatus(db: ActivityDatabase, ids: readonly number[], status: ReportStatus): Promise<number> {
  return db.reports.where('id').anyOf([...ids]).modify({ status });
}

export async function deleteReports(db: ActivityDatabase, ids: readonly number[]): Promise<number> {
  return db.transaction('rw', db.reports, async () => {
    const existing = (await db.reports.bulkGet([...ids])).filter((r) => r !== undefined).length;
    await db.reports.bulkDelete([...ids]);
    return existing;
  });
}

/**
 * Clears the activity tables named; settings are storage.local, cleared by the caller. The photo
 * index goes with the history: it is a record of listings seen too.
 */
export async function clearActivity(db: ActivityDatabase, kinds: readonly DataKind[]): Promise<void> {
  const tables = [
    kinds.includes('history') ? db.history : null,
    kinds.includes('history') ? db.photos : null,
    kinds.includes('reports') ? db.reports : null,
    kinds.includes('trusted') ? db.trusted : null,
  ].filter((t) => t !== null);
  if (tables.length === 0) return;
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
  });
}
