import { describe, expect, it } from 'vitest';
import { bitsToHex, hexDistance } from '../../lib/photos/hash-words';
import { PhotoIndex, type PhotoRow } from '../../lib/photos/photo-index';
import { seededRandom, type Random } from './synthetic-photos';

const randomHash = (random: Random, words = 2) => bitsToHex(Uint32Array.from({ length: words }, () => Math.floor(random() * 2 ** 32)));

/** The hash with `bits` distinct random bits flipped. */
function flipBits(hash: string, bits: number, random: Random): string {
  const words = Uint32Array.from({ length: hash.length / 8 }, (_, i) => Number.parseInt(hash.slice(i * 8, i * 8 + 8), 16));
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(Math.floor(random() * words.length * 32));
  for (const bit of chosen) words[bit >> 5] = ((words[bit >> 5] as number) ^ (1 << (bit & 31))) >>> 0;
  return bitsToHex(words);
}

const row = (i: number, hash: string, shopKey: string | null = `shop-id:${i}`): PhotoRow => ({ hash, itemId: String(i), shopKey, platform: 'taobao', firstSeen: i, lastSeen: i });

describe('photo index', () => {
  it('finds exactly what a brute-force scan finds, at every radius', () => {
    const random = seededRandom(21);
    const rows: PhotoRow[] = [];
    const seeds = Array.from({ length: 40 }, () => randomHash(random));
    // Clusters of near-duplicates around a few photos, plus unrelated hashes.
    for (let i = 0; i < 3000; i++) rows.push(row(i, i % 3 === 0 ? randomHash(random) : flipBits(seeds[i % seeds.length]!, Math.floor(random() * 20), random)));
    const index = PhotoIndex.fromRows(rows);
    for (const radius of [0, 3, 7, 10, 12, 16, 20]) {
      for (let q = 0; q < 30; q++) {
        const query = q % 2 === 0 ? flipBits(seeds[q]!, q % 9, random) : randomHash(random);
        const expected = rows.filter((r) => hexDistance(r.hash, query) <= radius).map((r) => r.itemId).sort();
        const found = index.lookup(query, radius);
        expect(found.map((m) => m.row.itemId).sort(), `radius ${radius}, query ${q}`).toEqual(expected);
        for (const match of found) expect(match.distance).toEqual({ coarse: hexDistance(match.row.hash, query), fine: 0 });
      }
    }
  });

  it('answers for the nearer of several query hashes (a photo and its mirror), nearest first', () => {
    const random = seededRandom(4);
    const a = randomHash(random);
    const b = randomHash(random);
    const index = PhotoIndex.fromRows([row(1, flipBits(a, 3, random)), row(2, flipBits(b, 1, random)), row(3, randomHash(random))]);
    const found = index.lookup([a, b], 10);
    expect(found.map((m) => [m.row.itemId, m.distance.coarse])).toEqual([
      ['2', 1],
      ['1', 3],
    ]);
  });

  it('searches the 64-bit part of a joined hash and checks the 256-bit rest', () => {
    const random = seededRandom(8);
    const joined = () => randomHash(random, 10);
    const rows = Array.from({ length: 500 }, (_, i) => row(i, joined()));
    const index = PhotoIndex.fromRows(rows);
    const target = rows[17]!.hash;
    // 64-bit part 6 bits off; rest 40 bits off: the same photo.
    const near = flipBits(target.slice(0, 16), 6, random) + flipBits(target.slice(16), 40, random);
    expect(index.lookup(near).map((m) => [m.row.itemId, m.distance])).toEqual([['17', { coarse: 6, fine: 40 }]]);
    // Same 64-bit part, rest 100 bits off (a shop template's look-alike): not found.
    expect(index.lookup(target.slice(0, 16) + flipBits(target.slice(16), 100, random))).toEqual([]);
    // Rest identical, 64-bit part 20 bits off: not found at the default radius, found at 20.
    const far = flipBits(target.slice(0, 16), 20, random) + target.slice(16);
    expect(index.lookup(far)).toEqual([]);
    expect(index.lookup(far, 20).map((m) => m.row.itemId)).toEqual(['17']);
    expect(() => index.add(row(999, randomHash(random)))).toThrow(/64-bit hash cannot join an index of 320-bit/);
  });

  it('keeps one row per listing: a new sighting replaces the hash, keeps firstSeen and moves lastSeen', () => {
    const random = seededRandom(2);
    const index = new PhotoIndex();
    const first = randomHash(random);
    const second = randomHash(random);
    index.add({ ...row(1, first), firstSeen: 100, lastSeen: 100 });
    index.add({ ...row(1, second), firstSeen: 500, lastSeen: 500 });
    expect(index.size).toBe(1);
    expect(index.get({ platform: 'taobao', itemId: '1' })).toMatchObject({ hash: second, firstSeen: 100, lastSeen: 500 });
    expect(index.lookup(first, 0)).toEqual([]);
    expect(index.lookup(second, 0)).toHaveLength(1);
  });

  it('evicts the least recently seen listing first when full, and says which', () => {
    const random = seededRandom(3);
    const index = new PhotoIndex(3);
    const hashes = Array.from({ length: 5 }, () => randomHash(random));
    expect(index.add(row(1, hashes[0]!))).toEqual([]);
    index.add(row(2, hashes[1]!));
    index.add(row(3, hashes[2]!));
    index.add({ ...row(1, hashes[0]!), lastSeen: 10 }); // seen again: now the newest
    const evicted = index.add(row(4, hashes[3]!));
    expect(evicted.map((r) => r.itemId)).toEqual(['2']);
    expect(index.rows().map((r) => r.itemId)).toEqual(['3', '1', '4']);
    expect(index.lookup(hashes[1]!, 0)).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('round-trips through its rows, keeping the most recently seen when restored smaller', () => {
    const random = seededRandom(6);
    const rows = Array.from({ length: 50 }, (_, i) => row(i, randomHash(random)));
    const index = PhotoIndex.fromRows([...rows].reverse());
    const stored = structuredClone(index.rows());
    expect(stored.map((r) => r.itemId)).toEqual(rows.map((r) => r.itemId));
    const restored = PhotoIndex.fromRows(stored, 10);
    expect(restored.rows()).toEqual(rows.slice(40));
    expect(restored.lookup(rows[45]!.hash, 0).map((m) => m.row.itemId)).toEqual(['45']);
  });

  it('removes and clears', () => {
    const random = seededRandom(7);
    const hash = randomHash(random);
    const index = PhotoIndex.fromRows([row(1, hash), row(2, hash)]);
    expect(index.remove({ platform: 'taobao', itemId: '1' })).toBe(true);
    expect(index.remove({ platform: 'taobao', itemId: '1' })).toBe(false);
    expect(index.lookup(hash, 0).map((m) => m.row.itemId)).toEqual(['2']);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.lookup(hash)).toEqual([]);
    index.add(row(3, randomHash(random, 8)));
    expect(index.size).toBe(1);
  });

  it('refuses a capacity under one', () => {
    expect(() => new PhotoIndex(0)).toThrow(/at least one photo/);
  });
});
