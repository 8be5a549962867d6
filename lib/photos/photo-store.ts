/**
 * The photo index kept in the activity database: the in-memory PhotoIndex is loaded from the `photos`
 * table once per worker, every change goes to both, and the rows the index evicts (least recently
 * seen first, past its capacity) are deleted from the table too, so the table never outgrows it.
 * Only the background uses it (one writer).
 */
import type { ActivityDatabase } from '../activity/activity-db';
import { DEFAULT_PHOTO_CAPACITY, PhotoIndex, type PhotoRow } from './photo-index';

export class PhotoStore {
  #index: Promise<PhotoIndex> | null = null;
  #writes: Promise<void> = Promise.resolve();
  /** Bumped when the table is cleared or replaced: a write noted before then is dropped. */
  #generation = 0;

  constructor(
    private readonly db: ActivityDatabase,
    readonly capacity = DEFAULT_PHOTO_CAPACITY,
  ) {}

  /** The index, loaded from the table on first use. */
  index(): Promise<PhotoIndex> {
    this.#index ??= this.db.photos
      .toArray()
      .then((rows) => PhotoIndex.fromRows(rows, this.capacity))
      .catch((error: unknown) => {
        this.#index = null;
        throw error;
      });
    return this.#index;
  }

  /** Records a listing's photo; resolves once the table has it (and has lost what the index evicted). */
  async record(row: PhotoRow): Promise<void> {
    const generation = this.#generation;
    const index = await this.index();
    if (generation !== this.#generation) return;
    const evicted = index.add(row);
    const stored = index.get(row) ?? row;
    const write = this.#writes.then(() =>
      generation !== this.#generation ? undefined : this.db.transaction('rw', this.db.photos, async () => {
        await this.db.photos.put(stored);
        if (evicted.length > 0) await this.db.photos.bulkDelete(evicted.map((r) => [r.platform, r.itemId] as [PhotoRow['platform'], string]));
      }),
    );
    this.#writes = write.catch((error: unknown) => console.error('Counterfeit Radar: could not record a photo', error));
    await write;
  }

  /** Resolves once every write started so far is done. */
  settled(): Promise<void> {
    return this.#writes;
  }

  /** Clears the table and the index (history cleared). */
  async clear(): Promise<void> {
    this.forget();
    await this.#writes;
    await this.db.photos.clear();
  }

  /** The table was changed elsewhere (a backup restored): load it again on next use. */
  forget(): void {
    this.#generation++;
    this.#index = null;
  }
}
