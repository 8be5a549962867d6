/**
 * What the user trusts and has reported, kept in the worker's memory so a page's batch is answered
 * without a database read. The background is the only writer of both tables, so it keeps this in
 * step: it notes its own writes, and forgets everything after a bulk change (undo, delete, clear,
 * restore), to reload on the next batch.
 */
import type { ActivityDatabase } from '../activity/activity-db';
import { trustedAmong } from '../activity/trust';
import type { Listing } from '../listing';

interface Marks {
  trusted: Set<string>;
  reported: Set<string>;
}

export class ActivityMarks {
  #marks: Promise<Marks> | null = null;

  constructor(private readonly db: ActivityDatabase) {}

  /** Of these listings, the item ids trusted (by item or by shop) and the ones reported. */
  async of(listings: readonly Listing[]): Promise<{ trusted: string[]; reported: string[] }> {
    const { trusted, reported } = await this.load();
    return { trusted: trustedAmong(listings, trusted), reported: listings.map((l) => l.itemId).filter((id) => reported.has(id)) };
  }

  async noteTrusted(key: string): Promise<void> {
    (await this.load()).trusted.add(key);
  }

  async noteReported(itemId: string): Promise<void> {
    (await this.load()).reported.add(itemId);
  }

  forget(): void {
    this.#marks = null;
  }

  private load(): Promise<Marks> {
    this.#marks ??= this.db
      .transaction('r', [this.db.trusted, this.db.reports], async () => ({
        trusted: new Set((await this.db.trusted.toCollection().primaryKeys()).map(String)),
        reported: new Set((await this.db.reports.orderBy('itemId').uniqueKeys()).map(String)),
      }))
      .catch((error: unknown) => {
        this.#marks = null;
        throw error;
      });
    return this.#marks;
  }
}
