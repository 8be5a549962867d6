/**
 * The index the background answers from, swapped whole after the database changes. An import
 * commits first and the swap comes after, so a lookup answers from the old feeds until the new ones
 * are complete in memory; when reloads overlap, the one started last wins.
 */
import type { NoticeHit } from '../verdict';
import type { LookupListing } from './lookup-keys';
import type { NoticeDatabase } from './notice-db';
import { NoticeIndex } from './notice-index';

export class LiveNoticeIndex {
  #current: NoticeIndex = NoticeIndex.EMPTY;
  #generation = 0;

  get current(): NoticeIndex {
    return this.#current;
  }

  /** For passing as `noticeHits` (assess-batch.ts): bound, and always reads the current index. */
  readonly hitsFor = (listing: LookupListing): readonly NoticeHit[] => this.#current.hitsFor(listing);

  replace(next: NoticeIndex): void {
    this.#generation++;
    this.#current = next;
  }

  /** Rebuilds from the database (worker start, after an import) and swaps it in. */
  async reload(db: NoticeDatabase): Promise<NoticeIndex> {
    const generation = ++this.#generation;
    const next = await NoticeIndex.fromDatabase(db);
    if (generation === this.#generation) this.#current = next;
    return this.#current;
  }
}
