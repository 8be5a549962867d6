/**
 * Undo for deleting reports: the background keeps what it deleted, in memory, under a token the page
 * gets back, and puts the records back (same ids) when asked. Memory only, so an undo works while the
 * worker lives (the popup offers it right after the deletion), and nothing deleted lingers on disk.
 * The evidence chain is untouched either way: it is append-only.
 */
import type { ActivityDatabase, ReportRecord } from '../activity/activity-db';

/** How many deletions can still be undone; older ones are forgotten. */
const KEPT = 5;

export class DeletedReports {
  readonly #kept = new Map<string, ReportRecord[]>();
  #next = 1;

  constructor(private readonly db: ActivityDatabase) {}

  async delete(ids: readonly number[]): Promise<{ deleted: number; undoToken: string | null }> {
    const records = await this.db.transaction('rw', this.db.reports, async () => {
      const found = (await this.db.reports.bulkGet([...ids])).filter((r) => r !== undefined);
      await this.db.reports.bulkDelete([...ids]);
      return found;
    });
    if (records.length === 0) return { deleted: 0, undoToken: null };
    const undoToken = `delete-${this.#next++}`;
    this.#kept.set(undoToken, records);
    for (const token of [...this.#kept.keys()].slice(0, Math.max(0, this.#kept.size - KEPT))) this.#kept.delete(token);
    return { deleted: records.length, undoToken };
  }

  /** Puts the deleted reports back; 0 when the token is unknown or already used. */
  async undo(undoToken: string): Promise<number> {
    const records = this.#kept.get(undoToken);
    if (!records) return 0;
    this.#kept.delete(undoToken);
    await this.db.reports.bulkPut(records);
    return records.length;
  }
}
