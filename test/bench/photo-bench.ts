/**
 * `npm run bench:photos [-- photos]`: how well the photo hash finds a reused photo, and what it costs.
 * Draws ~200 distinct product-like photos (test/photos/synthetic-photos.ts, nothing downloaded),
 * applies each transform a seller might (re-encode, resize, watermark, pad, crop, rotate, mirror),
 * and compares every transformed photo with its original (a hit when within the threshold) and with
 * every other original (a false match when within it). Prints recall per transform and the
 * false-match rate for a range of thresholds, the chosen one marked, for each hash recipe; then the
 * time per hash in Node and the index lookup time at 100,000 hashes.
 */
import { performance } from 'node:perf_hooks';
import { bitsToHex, hammingDistance, hexToBits } from '../../lib/photos/hash-words';
import { HASH_RECIPE, photoHashes, type HashRecipe, type RgbaImage } from '../../lib/photos/photo-hash';
import { PhotoIndex } from '../../lib/photos/photo-index';
import { SAME_PHOTO_MAX_DISTANCE } from '../../lib/photos/same-photo';
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
  { name: '256-bit pHash (16×16 DCT)', recipe: { block: 16 }, thresholds: [32, 40, 44, 47, 52, 56, 64] },
  { name: '64-bit pHash (8×8 DCT)', recipe: { block: 8 }, thresholds: [4, 6, 8, 10, 12, 14, 16] },
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

RECIPES.forEach(({ name, recipe, thresholds }, ri) => {
  const chosen = recipe.block === HASH_RECIPE.block ? SAME_PHOTO_MAX_DISTANCE : null;
  const levels = chosen === null || thresholds.includes(chosen) ? thresholds : [...thresholds, chosen].sort((a, b) => a - b);
  const targets = stored[ri]!;
  const header = ['transform'.padEnd(13), ...levels.map((t) => `${t === chosen ? '*' : ' '}≤${t}`.padStart(8))].join('');
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
// the chosen radius. Median and 99th percentile of 2,000 lookups.
{
  const random = seededRandom(99);
  const words = (HASH_RECIPE.block * HASH_RECIPE.block) / 32;
  // As photo hashes are: the last bit (the 256th, past the 255 AC terms) always 0.
  const randomHash = () => Uint32Array.from({ length: words }, (_, i) => Math.floor(random() * 2 ** 32) & (i === words - 1 ? 0x7fffffff : 0xffffffff));
  const index = new PhotoIndex(100_000);
  const buildStart = performance.now();
  for (let i = 0; index.size < 100_000 - COUNT; i++) {
    index.add({ hash: bitsToHex(randomHash()), itemId: `r${i}`, shopKey: `shop-id:${i % 5000}`, platform: 'taobao', firstSeen: i, lastSeen: i });
  }
  const photoQueries = originalQueries[0]!;
  photoQueries.forEach((q, i) => index.add({ hash: bitsToHex(q[0]), itemId: `p${i}`, shopKey: `shop-id:p${i}`, platform: 'tmall', firstSeen: 1e9, lastSeen: 1e9 }));
  const buildMs = performance.now() - buildStart;
  const samples: number[] = [];
  let found = 0;
  for (let i = 0; i < 2000; i++) {
    const query = i % 2 === 0 ? transformedQueries[0]![i % TRANSFORMS.length]![(i >> 1) % COUNT]! : ([randomHash(), randomHash()] as const);
    const hashes = [bitsToHex(query[0]), bitsToHex(query[1])];
    const start = performance.now();
    found += index.lookup(hashes).length;
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(`index of ${index.size.toLocaleString('en')} hashes built in ${buildMs.toFixed(0)} ms; lookup (photo + mirror, radius ${SAME_PHOTO_MAX_DISTANCE}): median ${samples[1000]!.toFixed(3)} ms, p99 ${samples[1980]!.toFixed(3)} ms, max ${samples[1999]!.toFixed(3)} ms (${found} matches in 2,000 lookups)`);
}
