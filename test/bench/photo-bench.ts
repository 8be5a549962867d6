/**
 * `npm run bench:photos [-- photos]`: how well the photo hash finds a reused photo, and what it costs.
 * Draws ~200 distinct product-like photos (test/photos/synthetic-photos.ts, nothing downloaded),
 * applies each transform a seller might (re-encode, resize, watermark, pad, crop, rotate, mirror),
 * and compares every transformed photo with its original (a hit when within the threshold) and with
 * every other original (a false match when within it). Prints recall per transform and the
 * false-match rate for a range of thresholds for each hash alone, then for the extension's joined hash
 * with pairs of thresholds (the chosen pair marked); then the
 * time per hash in Node and the index lookup time at 100,000 hashes.
 */
import { performance } from 'node:perf_hooks';
import { bitsToHex, hammingDistance, hexToBits } from '../../lib/photos/hash-words';
import { HASH_RECIPE, photoHashes, type HashRecipe, type RgbaImage } from '../../lib/photos/photo-hash';
import { PhotoIndex } from '../../lib/photos/photo-index';
import { nearer, photoDistance, SAME_PHOTO, type PhotoDistance } from '../../lib/photos/same-photo';
import { crop, mirror, pad, reencodeJpeg, resize, rotate, watermark } from '../photos/photo-transforms';
import { seededRandom, syntheticPhotos } from '../photos/synthetic-photos';

const COUNT = Number(process.argv[2] ?? 200);

const TRANSFORMS: { name: string; apply: (image: RgbaImage, index: number) => RgbaImage; target: boolean }[] = [
  { name: 'jpeg q95', apply: (image) => reencodeJpeg(image, 95), target: true },
  { name: 'jpeg q60', apply: (image) => reencodeJpeg(image, 60), target: true },
  { name: 'resize 50%', apply: (image) => resize(image, 0.5), target: true },
  { name: 'resize 75%', apply: (image) => resize(image, 0.75), target: true },
  { name: 'resize 150%', apply: (image) => resize(image, 1.5), target: true },
  { name: 'resize 200%', apply: (image) => resize(image, 2), target: true },
  { name: 'watermark', apply: (image, index) => watermark(image, index + 7), target: true },
  { name: 'pad 5%', apply: (image) => pad(image, 0.05), target: false },
  { name: 'pad 10%', apply: (image) => pad(image, 0.1), target: false },
  { name: 'crop 5%', apply: (image, index) => crop(image, 0.05, index + 11), target: false },
  { name: 'crop 10%', apply: (image, index) => crop(image, 0.1, index + 13), target: false },
  { name: 'rotate 2°', apply: (image) => rotate(image, 2), target: false },
  { name: 'rotate 5°', apply: (image) => rotate(image, 5), target: false },
  { name: 'mirror', apply: (image) => mirror(image), target: false },
];

const RECIPES: { name: string; recipe: HashRecipe; thresholds: number[] }[] = [
  { name: '256-bit pHash (16×16 DCT) alone', recipe: { blocks: [16] }, thresholds: [32, 40, 44, 48, 52, 56, 64] },
  { name: '64-bit pHash (8×8 DCT) alone', recipe: { blocks: [8] }, thresholds: [4, 6, 8, 10, 12, 14, 16] },
  // The extension's: both, joined; evaluated below with pairs of thresholds.
  { name: 'joined', recipe: HASH_RECIPE, thresholds: [] },
];

const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(part === 0 || part === whole ? 0 : 1)} %`;

type Query = readonly [Uint32Array, Uint32Array];
const toQuery = (h: { hash: string; mirrored: string }): Query => [hexToBits(h.hash), hexToBits(h.mirrored)];
// Hashes only: each photo and its transforms are drawn, hashed with every recipe and dropped, so
// memory stays small.
const buildStart = performance.now();
const stored = RECIPES.map(() => [] as Uint32Array[]);
const originalQueries = RECIPES.map(() => [] as Query[]);
const transformedQueries = RECIPES.map(() => TRANSFORMS.map(() => [] as Query[]));
syntheticPhotos(COUNT).forEach((original, index) => {
  RECIPES.forEach(({ recipe }, ri) => {
    const hashes = photoHashes(original, recipe);
    stored[ri]!.push(hexToBits(hashes.hash));
    originalQueries[ri]!.push(toQuery(hashes));
  });
  TRANSFORMS.forEach((t, ti) => {
    const image = t.apply(original, index);
    RECIPES.forEach(({ recipe }, ri) => transformedQueries[ri]![ti]!.push(toQuery(photoHashes(image, recipe))));
  });
});
console.log(`${COUNT} synthetic photos × ${TRANSFORMS.length} transforms drawn and hashed in ${((performance.now() - buildStart) / 1000).toFixed(1)} s\n`);

// The distance a lookup sees: the nearer of the photo and its mirror image.
const distance = (query: Query, target: Uint32Array) => Math.min(hammingDistance(query[0], target), hammingDistance(query[1], target));

RECIPES.forEach(({ name, thresholds }, ri) => {
  if (thresholds.length === 0) return;
  const levels = thresholds;
  const targets = stored[ri]!;
  const header = ['transform'.padEnd(13), ...levels.map((t) => `≤${t}`.padStart(8))].join('');
  console.log(`${name}: recall (transformed photo within the threshold of its original)\n${header}`);
  TRANSFORMS.forEach((t, ti) => {
    const hits = levels.map((level) => transformedQueries[ri]![ti]!.filter((q, i) => distance(q, targets[i]!) <= level).length);
    console.log([`${t.name}${t.target ? '' : ' ¹'}`.padEnd(13), ...hits.map((h) => pct(h, COUNT).padStart(8))].join(''));
  });
  // Negatives: every original and every transformed photo against every other original.
  const falseMatches = levels.map(() => 0);
  let pairs = 0;
  for (const group of [originalQueries[ri]!, ...transformedQueries[ri]!]) {
    group.forEach((query, i) => {
      targets.forEach((target, j) => {
        if (i === j) return;
        pairs++;
        const d = distance(query, target);
        levels.forEach((level, li) => {
          if (d <= level) falseMatches[li]!++;
        });
      });
    });
  }
  console.log([`false matches`.padEnd(13), ...falseMatches.map((f) => `${((100 * f) / pairs).toFixed(3)}%`.padStart(8))].join(''));
  console.log(`(${pairs.toLocaleString('en')} pairs of different photos; ¹ reported, not a target)\n`);
});

// The extension's hash: the 64-bit part within `coarse` bits AND the 256-bit part within `fine` (the
// nearer of photo and mirror image, as its lookup sees it). The index searches the 64-bit part; the
// 256-bit part keeps out one shop template's look-alike photos. * marks SAME_PHOTO.
{
  const joined = RECIPES.findIndex((r) => r.recipe === HASH_RECIPE);
  const pairsToTry: [number, number][] = [[10, 64], [10, 72], [12, 64], [12, 72], [14, 72], [14, 80], [16, 80]];
  const same = (d: PhotoDistance, [coarse, fine]: [number, number]) => d.coarse <= coarse && d.fine <= fine;
  const pairDistance = (query: Query, target: Uint32Array) => nearer(photoDistance(query[0], target), photoDistance(query[1], target));
  const chosenPair = (pair: [number, number]) => pair[0] === SAME_PHOTO.coarse && pair[1] === SAME_PHOTO.fine;
  const header = ['transform'.padEnd(13), ...pairsToTry.map((pair) => `${chosenPair(pair) ? '*' : ' '}${pair[0]}&${pair[1]}`.padStart(9))].join('');
  console.log(`Joined (the extension's): recall with the 64-bit part within the first number AND the 256-bit part within the second\n${header}`);
  TRANSFORMS.forEach((t, ti) => {
    const hits = pairsToTry.map((pair) => transformedQueries[joined]![ti]!.filter((q, i) => same(pairDistance(q, stored[joined]![i]!), pair)).length);
    console.log([`${t.name}${t.target ? '' : ' ¹'}`.padEnd(13), ...hits.map((h) => pct(h, COUNT).padStart(9))].join(''));
  });
  const falseMatches = pairsToTry.map(() => 0);
  let pairs = 0;
  for (const group of [originalQueries[joined]!, ...transformedQueries[joined]!]) {
    group.forEach((query, i) => {
      stored[joined]!.forEach((target, j) => {
        if (i === j) return;
        pairs++;
        const d = pairDistance(query, target);
        pairsToTry.forEach((pair, pi) => {
          if (same(d, pair)) falseMatches[pi]!++;
        });
      });
    });
  }
  console.log([`false matches`.padEnd(13), ...falseMatches.map((f) => `${((100 * f) / pairs).toFixed(3)}%`.padStart(9))].join(''));
  console.log(`(${pairs.toLocaleString('en')} pairs of different photos; ¹ reported, not a target)\n`);
}

// Time per hash in Node for a Taobao main image (800×800) and a 400×400 one.
for (const side of [400, 800]) {
  const [first] = syntheticPhotos(1);
  const image = resize(first!, side / first!.width);
  for (let i = 0; i < 20; i++) photoHashes(image);
  const runs = 200;
  const start = performance.now();
  for (let i = 0; i < runs; i++) photoHashes(image);
  console.log(`hash (with its mirror) of a ${image.width}×${image.height} photo in Node: ${((performance.now() - start) / runs).toFixed(2)} ms`);
}

// Index lookup at 100,000 hashes: random hashes (the photo hashes above spread their bits
// about as evenly) plus the benchmark's own photos, each lookup with a photo and its mirror image at
// the chosen thresholds. Median and 99th percentile of 2,000 lookups.
{
  const random = seededRandom(99);
  const joined = RECIPES.findIndex((r) => r.recipe === HASH_RECIPE);
  const words = stored[joined]![0]!.length;
  // As photo hashes are: the last bit of each part (past its AC terms) always 0.
  const randomHash = () => Uint32Array.from({ length: words }, (_, i) => Math.floor(random() * 2 ** 32) & (i === 1 || i === words - 1 ? 0x7fffffff : 0xffffffff));
  const index = new PhotoIndex(100_000);
  const buildStart = performance.now();
  for (let i = 0; index.size < 100_000 - COUNT; i++) {
    index.add({ hash: bitsToHex(randomHash()), itemId: `r${i}`, shopKey: `shop-id:${i % 5000}`, platform: 'taobao', firstSeen: i, lastSeen: i });
  }
  const photoQueries = originalQueries[joined]!;
  photoQueries.forEach((q, i) => index.add({ hash: bitsToHex(q[0]), itemId: `p${i}`, shopKey: `shop-id:p${i}`, platform: 'tmall', firstSeen: 1e9, lastSeen: 1e9 }));
  const buildMs = performance.now() - buildStart;
  const samples: number[] = [];
  let found = 0;
  for (let i = 0; i < 2000; i++) {
    const query = i % 2 === 0 ? transformedQueries[joined]![i % TRANSFORMS.length]![(i >> 1) % COUNT]! : ([randomHash(), randomHash()] as const);
    const hashes = [bitsToHex(query[0]), bitsToHex(query[1])];
    const start = performance.now();
    found += index.lookup(hashes).length;
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(`index of ${index.size.toLocaleString('en')} hashes built in ${buildMs.toFixed(0)} ms; lookup (photo + mirror, ${SAME_PHOTO.coarse} bits on the 64-bit part, ${SAME_PHOTO.fine} on the 256-bit part): median ${samples[1000]!.toFixed(3)} ms, p99 ${samples[1980]!.toFixed(3)} ms, max ${samples[1999]!.toFixed(3)} ms (${found} matches in 2,000 lookups)`);
}
