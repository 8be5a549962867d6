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
import { hammingDistance, hexToBits } from '../../lib/photos/hash-words';
import { HASH_RECIPE, photoHashes, type HashRecipe, type RgbaImage } from '../../lib/photos/photo-hash';
import { SAME_PHOTO_MAX_DISTANCE } from '../../lib/photos/same-photo';
import { crop, mirror, pad, reencodeJpeg, resize, rotate, watermark } from '../photos/photo-transforms';
import { syntheticPhotos } from '../photos/synthetic-photos';

const COUNT = Number(process.argv[2] ?? 200);

const TRANSFORMS: { name: string; apply: (image: RgbaImage, index: number) => RgbaImage; target: boolean }[] = [
  { name: 'jpeg q95', apply: (image) => reencodeJpeg(image, 95), target: true },
  { name: 'jpeg q80', apply: (image) => reencodeJpeg(image, 80), target: true },
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
  { name: '64-bit pHash (8×8 DCT)', recipe: { block: 8 }, thresholds: [4, 6, 8, 10, 12, 14, 16] },
  { name: '256-bit pHash (16×16 DCT)', recipe: { block: 16 }, thresholds: [24, 32, 40, 48, 56, 64, 72] },
];

const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(part === 0 || part === whole ? 0 : 1)} %`;

const buildStart = performance.now();
const originals = syntheticPhotos(COUNT);
const transformed = TRANSFORMS.map((t) => originals.map((image, index) => t.apply(image, index)));
console.log(`${COUNT} synthetic photos × ${TRANSFORMS.length} transforms drawn in ${((performance.now() - buildStart) / 1000).toFixed(1)} s\n`);

for (const { name, recipe, thresholds } of RECIPES) {
  const chosen = recipe.block === HASH_RECIPE.block ? SAME_PHOTO_MAX_DISTANCE : null;
  const levels = chosen === null || thresholds.includes(chosen) ? thresholds : [...thresholds, chosen].sort((a, b) => a - b);
  const stored = originals.map((image) => hexToBits(photoHashes(image, recipe).hash));
  const queries = (images: RgbaImage[]) => images.map((image) => photoHashes(image, recipe)).map((h) => [hexToBits(h.hash), hexToBits(h.mirrored)] as const);
  // The distance a lookup sees: the nearer of the photo and its mirror image.
  const distance = (query: readonly [Uint32Array, Uint32Array], target: Uint32Array) => Math.min(hammingDistance(query[0], target), hammingDistance(query[1], target));
  const perTransform = transformed.map((images) => queries(images));
  const originalQueries = queries(originals);

  const header = ['transform'.padEnd(13), ...levels.map((t) => `${t === chosen ? '*' : ' '}≤${t}`.padStart(8))].join('');
  console.log(`${name}: recall (transformed photo within the threshold of its original)\n${header}`);
  TRANSFORMS.forEach((t, ti) => {
    const hits = levels.map((level) => perTransform[ti]!.filter((q, i) => distance(q, stored[i]!) <= level).length);
    console.log([`${t.name}${t.target ? '' : ' ¹'}`.padEnd(13), ...hits.map((h) => pct(h, COUNT).padStart(8))].join(''));
  });
  // Negatives: every original and every transformed photo against every other original.
  const falseMatches = levels.map(() => 0);
  let pairs = 0;
  for (const group of [originalQueries, ...perTransform]) {
    group.forEach((query, i) => {
      stored.forEach((target, j) => {
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
}

// Time per hash in Node for a Taobao main image (800×800) and a 400×400 one.
for (const side of [400, 800]) {
  const image = resize(originals[0]!, side / originals[0]!.width);
  for (let i = 0; i < 20; i++) photoHashes(image);
  const runs = 200;
  const start = performance.now();
  for (let i = 0; i < runs; i++) photoHashes(image);
  console.log(`hash (with its mirror) of a ${image.width}×${image.height} photo in Node: ${((performance.now() - start) / runs).toFixed(2)} ms`);
}
