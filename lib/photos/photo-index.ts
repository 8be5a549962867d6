/**
 * The local index of photos seen in listings: one row per listing (platform + item id), near-duplicate
 * lookup by Hamming distance, a bounded size with the least recently seen listing evicted first, and
 * rows out and in for storage (the Dexie table holds PhotoRow as it is). Pure and in memory.
 *
 * Lookup is multi-index hashing: each hash is cut into 16-bit chunks, each chunk keyed in its own
 * table. Two hashes within distance r of each other agree within floor(r / chunks) bits on at least
 * one chunk (pigeonhole), so probing every chunk value that near finds every candidate; candidates
 * are then checked on the whole hash. At r = 10 over 64 bits that is 4 × 137 probes whatever the size.
 */
import type { Platform } from '../listing';
import { hammingDistance, hexToBits, type HashWords } from './hash-words';
import { SAME_PHOTO_MAX_DISTANCE } from './same-photo';

/** One listing's main photo, as stored (the Dexie row). */
export interface PhotoRow {
  /** Hex hash of the full-size main image (hash-words.ts). */
  hash: string;
  itemId: string;
  /** trustKeys(listing).shop: "shop-id:…" or "shop-name:…"; null when the page shows no shop. */
  shopKey: string | null;
  platform: Platform;
  /** Epoch milliseconds. */
  firstSeen: number;
  lastSeen: number;
}

export interface PhotoMatch {
  row: PhotoRow;
  /** The smallest distance between any query hash and the row's hash. */
  distance: number;
}

/** 100,000 listings: about 10 MB in memory, a few in IndexedDB. */
export const DEFAULT_PHOTO_CAPACITY = 100_000;

const CHUNK_BITS = 16;

interface Entry {
  row: PhotoRow;
  words: HashWords;
  id: number;
}

export function photoRowKey(row: Pick<PhotoRow, 'platform' | 'itemId'>): string {
  return `${row.platform}:${row.itemId}`;
}

/** Every 16-bit mask with at most `bits` bits set, fewest first. */
function masksUpTo(bits: number): number[] {
  const masks: number[] = [0];
  let frontier = [0];
  for (let k = 1; k <= bits; k++) {
    const next: number[] = [];
    for (const mask of frontier) {
      // Add a bit above the highest one set, so each mask is made once.
      const start = mask === 0 ? 0 : 32 - Math.clz32(mask);
      for (let bit = start; bit < CHUNK_BITS; bit++) next.push(mask | (1 << bit));
    }
    masks.push(...next);
    frontier = next;
  }
  return masks;
}

function chunkOf(words: HashWords, chunk: number): number {
  return ((words[chunk >> 1] as number) >>> ((chunk & 1) * CHUNK_BITS)) & 0xffff;
}

export class PhotoIndex {
  readonly capacity: number;
  /** Key → entry, least recently seen first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Entry>();
  private readonly byId = new Map<number, Entry>();
  /** Per chunk: chunk value → ids of the entries with that value. */
  private tables: Map<number, Set<number>>[] = [];
  private words = 0;
  private nextId = 0;
  private readonly maskCache = new Map<number, number[]>();

  constructor(capacity = DEFAULT_PHOTO_CAPACITY) {
    if (!(capacity >= 1)) throw new Error(`a photo index holds at least one photo, not ${capacity}`);
    this.capacity = capacity;
  }

  /** An index holding these rows, the most recently seen kept when there are more than `capacity`. */
  static fromRows(rows: readonly PhotoRow[], capacity = DEFAULT_PHOTO_CAPACITY): PhotoIndex {
    const index = new PhotoIndex(capacity);
    for (const row of [...rows].sort((a, b) => a.lastSeen - b.lastSeen)) index.add(row);
    return index;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Records a listing's photo (replacing the hash it had; firstSeen kept from the first sighting) as
   * the most recently seen, and returns the rows evicted to stay within capacity, for the store to delete.
   */
  add(row: PhotoRow): PhotoRow[] {
    const words = hexToBits(row.hash);
    if (this.words === 0) {
      this.words = words.length;
      this.tables = Array.from({ length: (words.length * 32) / CHUNK_BITS }, () => new Map());
    } else if (words.length !== this.words) {
      throw new Error(`a ${words.length * 32}-bit hash cannot join an index of ${this.words * 32}-bit hashes`);
    }
    const key = photoRowKey(row);
    const previous = this.entries.get(key);
    if (previous) this.unlink(key, previous);
    const stored: PhotoRow = { ...row, firstSeen: previous ? Math.min(previous.row.firstSeen, row.firstSeen) : row.firstSeen };
    const entry: Entry = { row: stored, words, id: this.nextId++ };
    this.entries.set(key, entry);
    this.byId.set(entry.id, entry);
    this.tables.forEach((table, chunk) => {
      const value = chunkOf(words, chunk);
      let ids = table.get(value);
      if (!ids) table.set(value, (ids = new Set()));
      ids.add(entry.id);
    });
    const evicted: PhotoRow[] = [];
    for (const [oldestKey, oldest] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      this.unlink(oldestKey, oldest);
      evicted.push(oldest.row);
    }
    return evicted;
  }

  /** Forgets one listing's photo; false when it was not there. */
  remove(listing: Pick<PhotoRow, 'platform' | 'itemId'>): boolean {
    const key = photoRowKey(listing);
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.unlink(key, entry);
    return true;
  }

  get(listing: Pick<PhotoRow, 'platform' | 'itemId'>): PhotoRow | undefined {
    return this.entries.get(photoRowKey(listing))?.row;
  }

  clear(): void {
    this.entries.clear();
    this.byId.clear();
    this.tables = [];
    this.words = 0;
  }

  /**
   * Every stored photo within `radius` bits of any of the query hashes (a photo and its mirror image,
   * say), nearest first.
   */
  lookup(hashes: string | readonly string[], radius = SAME_PHOTO_MAX_DISTANCE): PhotoMatch[] {
    if (this.entries.size === 0) return [];
    const queries = (typeof hashes === 'string' ? [hashes] : hashes).map(hexToBits);
    const chunkRadius = Math.floor(radius / this.tables.length);
    let masks = this.maskCache.get(chunkRadius);
    if (!masks) this.maskCache.set(chunkRadius, (masks = masksUpTo(chunkRadius)));
    const best = new Map<number, number>();
    const checked = new Set<number>();
    for (const query of queries) {
      if (query.length !== this.words) throw new Error(`a ${query.length * 32}-bit hash cannot be looked up among ${this.words * 32}-bit hashes`);
      checked.clear();
      this.tables.forEach((table, chunk) => {
        const value = chunkOf(query, chunk);
        for (const mask of masks) {
          const ids = table.get(value ^ mask);
          if (!ids) continue;
          for (const id of ids) {
            if (checked.has(id)) continue;
            checked.add(id);
            const distance = hammingDistance(query, (this.byId.get(id) as Entry).words);
            if (distance <= radius && distance < (best.get(id) ?? Infinity)) best.set(id, distance);
          }
        }
      });
    }
    return [...best]
      .map(([id, distance]) => ({ row: (this.byId.get(id) as Entry).row, distance }))
      .sort((a, b) => a.distance - b.distance || b.row.lastSeen - a.row.lastSeen);
  }

  /** The rows, least recently seen first: what a store or a backup writes. */
  rows(): PhotoRow[] {
    return [...this.entries.values()].map((entry) => entry.row);
  }

  private unlink(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.byId.delete(entry.id);
    this.tables.forEach((table, chunk) => {
      const value = chunkOf(entry.words, chunk);
      const ids = table.get(value);
      ids?.delete(entry.id);
      if (ids?.size === 0) table.delete(value);
    });
  }
}
