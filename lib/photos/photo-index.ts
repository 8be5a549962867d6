/**
 * The local index of photos seen in listings: one row per listing (platform + item id), near-duplicate
 * lookup by Hamming distance, a bounded size with the least recently seen listing evicted first, and
 * rows out and in for storage (the Dexie table holds PhotoRow as it is). Pure and in memory.
 *
 * Lookup is multi-index hashing on the hash's 64-bit part (same-photo.ts), the rest checked after:
 * that part is cut into m chunks of at most 16 bits, each chunk keyed in its own table. Two hashes within distance r of each other agree within floor(r / m) bits on at
 * least one chunk (pigeonhole), so probing every chunk value that near finds every candidate, and
 * candidates are then checked on the whole hash. 4 chunks of 16 bits: at r = 12 each is probed within
 * 3 bits (697 probes), about 1.5 entries a bucket at 100,000 hashes; 5 chunks of 12–13 bits (within
 * 2 bits) measured slower, their buckets being 8 times fuller. Storage is flat typed arrays (bucket
 * chains, a visit stamp per slot): Maps of Sets cost tens of milliseconds a lookup.
 */
import type { Platform } from '../listing';
import { hexToBits, popcount32 } from './hash-words';
import { COARSE_WORDS, SAME_PHOTO, type PhotoDistance } from './same-photo';

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
  /**
   * The hash of the photo's mirror image, when it was made with one: a listing's own lookup asks for
   * both, so a mirrored copy is found after a worker restart too. The index does not search it.
   */
  mirrored?: string;
}

export interface PhotoMatch {
  row: PhotoRow;
  /** The nearest distance between any query hash and the row's hash (same-photo.ts). */
  distance: PhotoDistance;
}

/** 100,000 listings: about 10 MB in memory, a few in IndexedDB. */
export const DEFAULT_PHOTO_CAPACITY = 100_000;

const MAX_CHUNK_BITS = 16;

export function photoRowKey(row: Pick<PhotoRow, 'platform' | 'itemId'>): string {
  return `${row.platform}:${row.itemId}`;
}

/** Every mask of `length` bits with at most `bits` bits set, fewest first. */
function masksUpTo(length: number, bits: number): Uint32Array {
  const masks: number[] = [0];
  let frontier = [0];
  for (let k = 1; k <= bits; k++) {
    const next: number[] = [];
    for (const mask of frontier) {
      // Add a bit above the highest one set, so each mask is made once.
      const start = mask === 0 ? 0 : 32 - Math.clz32(mask);
      for (let bit = start; bit < length; bit++) next.push(mask | (1 << bit));
    }
    masks.push(...next);
    frontier = next;
  }
  return Uint32Array.from(masks);
}

interface Chunk {
  start: number;
  length: number;
  heads: Int32Array;
}

function chunkValue(words: Uint32Array, offset: number, start: number, length: number): number {
  const word = offset + (start >>> 5);
  const shift = start & 31;
  let value = (words[word] as number) >>> shift;
  if (shift + length > 32) value |= (words[word + 1] as number) << (32 - shift);
  return (value & ((1 << length) - 1)) >>> 0;
}

export class PhotoIndex {
  readonly capacity: number;
  /** The default lookup radius on the 64-bit part; any radius is answered exactly, larger ones more slowly. */
  readonly radius: number;
  /** Key → slot, least recently seen first (a Map keeps insertion order). */
  private readonly slots = new Map<string, number>();
  private rowAt: (PhotoRow | undefined)[] = [];
  private words = 0;
  private hashes = new Uint32Array(0);
  private chunks: Chunk[] = [];
  /** Per chunk and slot (chunk-major, so one chunk's chains lie together): the next and previous slot in the same bucket, -1 at the ends. */
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  private free: number[] = [];
  private used = 0;
  private stamps = new Uint32Array(0);
  private epoch = 0;
  private readonly maskCache = new Map<number, Uint32Array>();

  constructor(capacity = DEFAULT_PHOTO_CAPACITY, radius: number = SAME_PHOTO.coarse) {
    if (!(capacity >= 1)) throw new Error(`a photo index holds at least one photo, not ${capacity}`);
    this.capacity = capacity;
    this.radius = radius;
  }

  /** An index holding these rows, the most recently seen kept when there are more than `capacity`. */
  static fromRows(rows: readonly PhotoRow[], capacity = DEFAULT_PHOTO_CAPACITY, radius: number = SAME_PHOTO.coarse): PhotoIndex {
    const index = new PhotoIndex(capacity, radius);
    for (const row of [...rows].sort((a, b) => a.lastSeen - b.lastSeen)) index.add(row);
    return index;
  }

  get size(): number {
    return this.slots.size;
  }

  /**
   * Records a listing's photo (replacing the hash it had; firstSeen kept from the first sighting) as
   * the most recently seen, and returns the rows evicted to stay within capacity, for the store to delete.
   */
  add(row: PhotoRow): PhotoRow[] {
    const words = hexToBits(row.hash);
    if (this.words === 0) this.layOut(words.length);
    else if (words.length !== this.words) throw new Error(`a ${words.length * 32}-bit hash cannot join an index of ${this.words * 32}-bit hashes`);
    const key = photoRowKey(row);
    const previousSlot = this.slots.get(key);
    const previous = previousSlot === undefined ? undefined : this.rowAt[previousSlot];
    if (previousSlot !== undefined) this.unlink(key, previousSlot);
    const evicted: PhotoRow[] = [];
    if (this.slots.size >= this.capacity) {
      const [oldestKey, oldestSlot] = this.slots.entries().next().value as [string, number];
      evicted.push(this.rowAt[oldestSlot] as PhotoRow);
      this.unlink(oldestKey, oldestSlot);
    }
    const slot = this.free.pop() ?? this.used++;
    this.hashes.set(words, slot * this.words);
    this.rowAt[slot] = { ...row, firstSeen: previous ? Math.min(previous.firstSeen, row.firstSeen) : row.firstSeen };
    this.slots.set(key, slot);
    const cap = this.capacity;
    this.chunks.forEach((chunk, c) => {
      const value = chunkValue(this.hashes, slot * this.words, chunk.start, chunk.length);
      const head = chunk.heads[value] as number;
      this.next[c * cap + slot] = head;
      this.prev[c * cap + slot] = -1;
      if (head >= 0) this.prev[c * cap + head] = slot;
      chunk.heads[value] = slot;
    });
    return evicted;
  }

  /** Forgets one listing's photo; false when it was not there. */
  remove(listing: Pick<PhotoRow, 'platform' | 'itemId'>): boolean {
    const key = photoRowKey(listing);
    const slot = this.slots.get(key);
    if (slot === undefined) return false;
    this.unlink(key, slot);
    return true;
  }

  get(listing: Pick<PhotoRow, 'platform' | 'itemId'>): PhotoRow | undefined {
    const slot = this.slots.get(photoRowKey(listing));
    return slot === undefined ? undefined : this.rowAt[slot];
  }

  clear(): void {
    this.slots.clear();
    this.rowAt = [];
    this.words = 0;
    this.chunks = [];
    this.free = [];
    this.used = 0;
  }

  /**
   * Every stored photo within `radius` bits on the 64-bit part and `fineRadius` bits on the rest of
   * any of the query hashes (a photo and its mirror image, say), nearest first. Hashes of 64 bits
   * alone have no rest: only `radius` counts.
   */
  lookup(hashes: string | readonly string[], radius = this.radius, fineRadius: number = SAME_PHOTO.fine): PhotoMatch[] {
    if (this.slots.size === 0) return [];
    const queries = (typeof hashes === 'string' ? [hashes] : hashes).map(hexToBits);
    const m = this.chunks.length;
    const chunkRadius = Math.floor(radius / m);
    const best = new Map<number, PhotoDistance>();
    const W = this.words;
    const coarseWords = Math.min(W, COARSE_WORDS);
    // Locals rather than fields in the hot loop: V8 keeps them in registers.
    const { hashes: stored, next, stamps, chunks, capacity: cap } = this;
    for (const query of queries) {
      if (query.length !== W) throw new Error(`a ${query.length * 32}-bit hash cannot be looked up among ${W * 32}-bit hashes`);
      const epoch = this.nextEpoch();
      for (let c = 0; c < m; c++) {
        const chunk = chunks[c] as Chunk;
        const heads = chunk.heads;
        const value = chunkValue(query, 0, chunk.start, chunk.length);
        const masks = this.masks(chunk.length, chunkRadius);
        for (let k = 0; k < masks.length; k++) {
          for (let slot = heads[value ^ (masks[k] as number)] as number; slot >= 0; slot = next[c * cap + slot] as number) {
            if (stamps[slot] === epoch) continue;
            stamps[slot] = epoch;
            const base = slot * W;
            let coarse = 0;
            for (let w = 0; w < coarseWords; w++) coarse += popcount32(((query[w] as number) ^ (stored[base + w] as number)) >>> 0);
            if (coarse > radius) continue;
            let fine = 0;
            for (let w = coarseWords; w < W; w++) fine += popcount32(((query[w] as number) ^ (stored[base + w] as number)) >>> 0);
            if (fine > fineRadius) continue;
            const previous = best.get(slot);
            if (!previous || coarse + fine < previous.coarse + previous.fine) best.set(slot, { coarse, fine });
          }
        }
      }
    }
    return [...best]
      .map(([slot, distance]) => ({ row: this.rowAt[slot] as PhotoRow, distance }))
      .sort((a, b) => a.distance.coarse + a.distance.fine - (b.distance.coarse + b.distance.fine) || b.row.lastSeen - a.row.lastSeen);
  }

  /** The rows, least recently seen first: what a store or a backup writes. */
  rows(): PhotoRow[] {
    return [...this.slots.values()].map((slot) => this.rowAt[slot] as PhotoRow);
  }

  /** Cuts the 64-bit part into 16-bit chunks. */
  private layOut(words: number): void {
    const bits = Math.min(words, COARSE_WORDS) * 32;
    const m = Math.ceil(bits / MAX_CHUNK_BITS);
    this.words = words;
    this.chunks = Array.from({ length: m }, (_, c) => {
      const start = Math.floor((c * bits) / m);
      const length = Math.floor(((c + 1) * bits) / m) - start;
      return { start, length, heads: new Int32Array(1 << length).fill(-1) };
    });
    this.hashes = new Uint32Array(this.capacity * words);
    this.next = new Int32Array(this.capacity * m);
    this.prev = new Int32Array(this.capacity * m);
    this.stamps = new Uint32Array(this.capacity);
  }

  private masks(length: number, bits: number): Uint32Array {
    const key = length * 64 + bits;
    let masks = this.maskCache.get(key);
    if (!masks) this.maskCache.set(key, (masks = masksUpTo(length, bits)));
    return masks;
  }

  private nextEpoch(): number {
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.stamps.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }

  private unlink(key: string, slot: number): void {
    const cap = this.capacity;
    this.chunks.forEach((chunk, c) => {
      const before = this.prev[c * cap + slot] as number;
      const after = this.next[c * cap + slot] as number;
      if (before >= 0) this.next[c * cap + before] = after;
      else chunk.heads[chunkValue(this.hashes, slot * this.words, chunk.start, chunk.length)] = after;
      if (after >= 0) this.prev[c * cap + after] = before;
    });
    this.slots.delete(key);
    this.rowAt[slot] = undefined;
    this.free.push(slot);
  }
}
