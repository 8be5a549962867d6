import { describe, expect, it } from 'vitest';
import { bitsToHex } from '../../lib/photos/hash-words';
import { photoClusters, type CaseListing } from '../../lib/photos/photo-clusters';
import { photoRowKey, type PhotoRow } from '../../lib/photos/photo-index';
import { distanceToPhoto, isSamePhoto, SAME_PHOTO } from '../../lib/photos/same-photo';
import { seededRandom, type Random } from './synthetic-photos';

// 320-bit hashes as the extension makes them: a 64-bit part (2 words), then a 256-bit part (8 words).
const randomWords = (random: Random) => Uint32Array.from({ length: 10 }, () => Math.floor(random() * 2 ** 32));

/** The hash with `coarse` bits flipped in its 64-bit part and `fine` in the rest. */
function flipped(words: Uint32Array, coarse: number, fine: number, random: Random): string {
  const out = words.slice();
  const flip = (from: number, to: number, count: number) => {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(from + Math.floor(random() * (to - from)));
    for (const bit of chosen) out[bit >> 5] = ((out[bit >> 5] as number) ^ (1 << (bit & 31))) >>> 0;
  };
  flip(0, 64, coarse);
  flip(64, 320, fine);
  return bitsToHex(out);
}

const caseListing = (itemId: string, shopKey: string | null, reported = false): CaseListing => ({ platform: 'taobao', itemId, shopKey, reported });
const photoRow = (itemId: string, hash: string, extra: Partial<PhotoRow> = {}): PhotoRow => ({ hash, itemId, shopKey: null, platform: 'taobao', firstSeen: 1, lastSeen: 1, ...extra });

/** The same grouping the slow way: every pair compared, either way round, groups joined by hand. */
function bruteForce(listings: readonly CaseListing[], photos: readonly PhotoRow[]) {
  const known = new Map(listings.map((l) => [photoRowKey(l), l]));
  const rows = photos.filter((row) => known.has(photoRowKey(row)));
  const query = (row: PhotoRow) => ({ hash: row.hash, mirrored: row.mirrored ?? row.hash });
  const groups = rows.map((row) => new Set([photoRowKey(row)]));
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i]!;
      const b = rows[j]!;
      if (!isSamePhoto(distanceToPhoto(query(a), b.hash)) && !isSamePhoto(distanceToPhoto(query(b), a.hash))) continue;
      const ga = groups.find((g) => g.has(photoRowKey(a)))!;
      const gb = groups.find((g) => g.has(photoRowKey(b)))!;
      if (ga === gb) continue;
      for (const key of gb) ga.add(key);
      groups.splice(groups.indexOf(gb), 1);
    }
  }
  const reported = (key: string) => listings.some((l) => photoRowKey(l) === key && l.reported);
  return groups
    .map((group) => [...group].sort())
    .filter((keys) => new Set(keys.map((key) => known.get(key)!.shopKey).filter((s) => s !== null)).size >= 2)
    .map((keys) => ({ keys, shops: [...new Set(keys.map((key) => known.get(key)!.shopKey).filter((s) => s !== null))].sort(), reported: keys.filter(reported).length }))
    .sort((a, b) => a.keys[0]!.localeCompare(b.keys[0]!));
}

describe('photo clusters', () => {
  it('groups exactly as a brute-force comparison of every pair does', () => {
    for (const seed of [3, 17, 40]) {
      const random = seededRandom(seed);
      const seeds = Array.from({ length: 150 }, () => randomWords(random));
      const listings: CaseListing[] = [];
      const photos: PhotoRow[] = [];
      for (let i = 0; i < 400; i++) {
        const itemId = String(1000 + i);
        const shopKey = random() < 0.1 ? null : `shop-id:${Math.floor(random() * 40)}`;
        listings.push(caseListing(itemId, shopKey, random() < 0.3));
        // Near the threshold on both parts, so some copies link and some do not, and chains form.
        const base = seeds[i % seeds.length]!;
        const coarse = Math.floor(random() * (SAME_PHOTO.coarse + 6));
        const fine = Math.floor(random() * (SAME_PHOTO.fine + 30));
        const extra: Partial<PhotoRow> = { shopKey, lastSeen: i };
        if (random() < 0.2) extra.mirrored = flipped(seeds[(i + 1) % seeds.length]!, 2, 10, random);
        if (random() < 0.9) photos.push(photoRow(itemId, flipped(base, coarse, fine, random), extra));
      }
      // A listing both reported and flagged comes twice; rows of listings not on the desk are left out.
      listings.push({ ...listings[5]!, reported: true });
      for (let i = 0; i < 30; i++) photos.push(photoRow(String(9000 + i), flipped(seeds[i % seeds.length]!, 0, 0, random), { shopKey: `shop-id:${100 + i}` }));

      const clusters = photoClusters(listings, photos);
      const got = clusters
        .map((cluster) => ({ keys: cluster.listings.map(photoRowKey).sort(), shops: [...cluster.shopKeys].sort(), reported: cluster.reported }))
        .sort((a, b) => a.keys[0]!.localeCompare(b.keys[0]!));
      const expected = bruteForce(listings, photos);
      expect(expected.length, `seed ${seed}: a test that groups nothing proves nothing`).toBeGreaterThan(20);
      expect(got, `seed ${seed}`).toEqual(expected);
      for (let i = 1; i < clusters.length; i++) expect(clusters[i - 1]!.shopKeys.length).toBeGreaterThanOrEqual(clusters[i]!.shopKeys.length);
    }
  });

  it('links near and mirror-image copies across shops, listings shop by shop', () => {
    const random = seededRandom(5);
    const photo = randomWords(random);
    const mirror = randomWords(random);
    const hash = flipped(photo, 0, 0, random);
    const mirrored = flipped(mirror, 0, 0, random);
    const clusters = photoClusters(
      [caseListing('1', 'shop-id:a', true), caseListing('2', 'shop-id:b'), caseListing('3', 'shop-id:a'), caseListing('4', 'shop-id:c', true), caseListing('5', 'shop-id:d')],
      [
        photoRow('1', hash, { mirrored }),
        photoRow('2', mirrored), // the mirror image of 1
        photoRow('3', flipped(photo, 10, 60, random)),
        photoRow('4', flipped(photo, 10, 60, random)),
        photoRow('5', bitsToHex(randomWords(random))),
      ],
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.shopKeys).toEqual(['shop-id:a', 'shop-id:b', 'shop-id:c']);
    expect(clusters[0]!.listings.map((l) => l.itemId)).toEqual(['1', '3', '2', '4']);
    expect(clusters[0]!.reported).toBe(2);
  });

  it('makes no cluster of one shop reusing its own photo, nor of listings without a stored photo', () => {
    const random = seededRandom(6);
    const hash = bitsToHex(randomWords(random));
    expect(photoClusters([caseListing('1', 'shop-id:a'), caseListing('2', 'shop-id:a'), caseListing('3', null)], [photoRow('1', hash), photoRow('2', hash), photoRow('3', hash)])).toEqual([]);
    expect(photoClusters([caseListing('1', 'shop-id:a'), caseListing('2', 'shop-id:b')], [photoRow('1', hash)])).toEqual([]);
  });
});
