/**
 * Undo for deleting records from one activity table: what was deleted is kept in memory under a token
 * the page gets back, and put back (same keys) when asked. Memory only, so an undo works while the
 * worker lives (the popup offers it right after the deletion), and nothing deleted lingers on disk.
 */
import type { Table } from 'dexie';

/** How many deletions can still be undone; older ones are forgotten. */
const KEPT = 5;

/** `I` is the table's insert type (an auto-incremented key is optional there); a deleted record, key and all, is one. */
export class DeletedRecords<T, K, I = T> {
  readonly #kept = new Map<string, T[]>();
  #next = 1;

  constructor(
    private readonly table: Table<T, K, I>,
    /** Starts each token ("delete-1"), so a token names what it brings back. */
    private readonly tokenPrefix: string,
  ) {}

  async delete(keys: readonly K[]): Promise<{ deleted: number; undoToken: string | null }> {
    const records = await this.table.db.transaction('rw', this.table, async () => {
      const found = (await this.table.bulkGet([...keys])).filter((r) => r !== undefined);
      await this.table.bulkDelete([...keys]);
      return found;
    });
    if (records.length === 0) return { deleted: 0, undoToken: null };
    const undoToken = `${this.tokenPrefix}-${this.#next++}`;
    this.#kept.set(undoToken, records);
    for (const token of [...this.#kept.keys()].slice(0, Math.max(0, this.#kept.size - KEPT))) this.#kept.delete(token);
    return { deleted: records.length, undoToken };
  }

  /** Puts the deleted records back; 0 when the token is unknown or already used. */
  async undo(undoToken: string): Promise<number> {
    const records = this.#kept.get(undoToken);
    if (!records) return 0;
    this.#kept.delete(undoToken);
    // Each record was read from this table, so it carries its key: it is what the table inserts.
    await this.table.bulkPut(records as unknown as I[]);
    return records.length;
  }
}
