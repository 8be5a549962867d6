/**
 * Undo for deleting reports (deleted-records.ts). The evidence chain is untouched either way: it is
 * append-only.
 */
import type { InsertType } from 'dexie';
import type { ActivityDatabase, ReportRecord } from '../activity/activity-db';
import { DeletedRecords } from '../activity/deleted-records';

export class DeletedReports extends DeletedRecords<ReportRecord, number | undefined, InsertType<ReportRecord, 'id'>> {
  constructor(db: ActivityDatabase) {
    super(db.reports, 'delete');
  }
}
