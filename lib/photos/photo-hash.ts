/**
 * DCT perceptual hash (pHash) of a photo's RGBA pixels, in plain TypeScript with no DOM, so the
 * background, the CLI and the benchmark run the same code. Grayscale (composited on white, as a
 * transparent product cut-out shows on the page), area-filtered down to 32×32, 2-D DCT-II, and the
 * lowest-frequency K×K block minus the DC term thresholded at its median (K×K bits, the last always 0).
 *
 * Mirror images cost nothing extra: flipping the picture left-right only changes the sign of the
 * DCT terms with an odd horizontal frequency, so the mirrored hash is read from the same terms.
 */
import { bitsToHex, type HashWords } from './hash-words';

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, RGBA, row by row (ImageData's layout). */
  data: Uint8Array | Uint8ClampedArray;
}

/** The photo's hash and the hash its mirror image would have, both as hex (see hash-words.ts). */
export interface PhotoHashes {
  hash: string;
  mirrored: string;
}

/**
 * How a hash is made; the benchmark compares recipes. The extension's HASH_RECIPE joins two hashes of
 * the same DCT terms: the classic 64-bit pHash (the 8×8 corner), which the index searches and which
 * tolerates crops and rotations, then the 256-bit one (16×16), which keeps apart the look-alike photos
 * of one shop's template that 64 bits confuse (README, "Reused photos"). 320 bits, 80 hex digits.
 */
export interface HashRecipe {
  /** K of each K×K corner of lowest frequencies: 8 gives 64 bits (63 used), 16 gives 256 (255 used). */
  blocks: readonly (8 | 16)[];
}

export const HASH_RECIPE: HashRecipe = { blocks: [8, 16] };

const SIDE = 32;
const MAX_BLOCK = 16;
const COSINES = cosineTable();

function cosineTable(): Float64Array {
  const table = new Float64Array(MAX_BLOCK * SIDE);
  for (let u = 0; u < MAX_BLOCK; u++) {
    for (let x = 0; x < SIDE; x++) table[u * SIDE + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIDE));
  }
  return table;
}

/** The photo's luma, composited on white (as a transparent cut-out shows on the page), area-averaged down to SIDE × SIDE. */
export function shrinkToGray(image: RgbaImage): Float64Array {
  const { width, height, data } = image;
  if (!(width >= 1 && height >= 1) || data.length < width * height * 4) throw new Error(`not an RGBA image of ${width}×${height}`);
  // Separable box filter: each source row collapses to SIDE columns, then the columns to SIDE rows.
  const columns = areaWeights(width);
  const rows = areaWeights(height);
  const narrow = new Float64Array(SIDE * height);
  for (let y = 0; y < height; y++) {
    const out = y * SIDE;
    for (let x = 0, i = y * width * 4; x < width; x++, i += 4) {
      const alpha = data[i + 3] as number;
      let gray = 0.299 * (data[i] as number) + 0.587 * (data[i + 1] as number) + 0.114 * (data[i + 2] as number);
      if (alpha !== 255) gray = (gray * alpha + 255 * (255 - alpha)) / 255;
      for (let k = columns.start[x] as number, end = columns.start[x + 1] as number; k < end; k++) {
        const target = out + (columns.target[k] as number);
        narrow[target] = (narrow[target] as number) + gray * (columns.weight[k] as number);
      }
    }
  }
  const small = new Float64Array(SIDE * SIDE);
  for (let y = 0; y < height; y++) {
    for (let k = rows.start[y] as number, end = rows.start[y + 1] as number; k < end; k++) {
      const target = (rows.target[k] as number) * SIDE;
      const weight = rows.weight[k] as number;
      for (let x = 0; x < SIDE; x++) small[target + x] = (small[target + x] as number) + weight * (narrow[y * SIDE + x] as number);
    }
  }
  return small;
}

/** Per source pixel p, its shares of the SIDE target pixels: target[k], weight[k] for k in start[p] .. start[p + 1]. */
interface AreaWeights {
  start: Uint32Array;
  target: Uint8Array;
  weight: Float64Array;
}

/** How much of each source pixel falls into each target pixel (a box filter); the weights of one target sum to 1. */
function areaWeights(length: number): AreaWeights {
  const scale = length / SIDE;
  const shares: [number, number][][] = Array.from({ length }, () => []);
  for (let target = 0; target < SIDE; target++) {
    const from = target * scale;
    const to = from + scale;
    for (let source = Math.floor(from); source < Math.min(length, Math.ceil(to)); source++) {
      const cover = Math.min(to, source + 1) - Math.max(from, source);
      if (cover > 0) shares[source]?.push([target, cover / scale]);
    }
  }
  const start = new Uint32Array(length + 1);
  shares.forEach((list, source) => (start[source + 1] = (start[source] as number) + list.length));
  const flat = shares.flat();
  return { start, target: Uint8Array.from(flat, ([t]) => t), weight: Float64Array.from(flat, ([, w]) => w) };
}

/** The block × block lowest DCT-II terms of the SIDE × SIDE picture, index v * block + u (u horizontal). */
export function lowFrequencies(small: Float64Array, block: number): Float64Array {
  // Separable: along x for each row (block × SIDE × SIDE), then along y (block × block × SIDE).
  const alongX = new Float64Array(block * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let u = 0; u < block; u++) {
      let sum = 0;
      for (let x = 0; x < SIDE; x++) sum += (COSINES[u * SIDE + x] as number) * (small[y * SIDE + x] as number);
      alongX[u * SIDE + y] = sum;
    }
  }
  const terms = new Float64Array(block * block);
  for (let v = 0; v < block; v++) {
    for (let u = 0; u < block; u++) {
      let sum = 0;
      for (let y = 0; y < SIDE; y++) sum += (COSINES[v * SIDE + y] as number) * (alongX[u * SIDE + y] as number);
      terms[v * block + u] = sum;
    }
  }
  return terms;
}

/** Bit i is set when AC term i of the block × block corner (minus DC, row by row) is above the median of those terms. */
function thresholdBits(terms: Float64Array, stride: number, block: number, mirrored: boolean): HashWords {
  const ac: number[] = [];
  for (let v = 0; v < block; v++) {
    for (let u = 0; u < block; u++) {
      if (u === 0 && v === 0) continue;
      const term = terms[v * stride + u] as number;
      ac.push(mirrored && u % 2 === 1 ? -term : term);
    }
  }
  const sorted = [...ac].sort((a, b) => a - b);
  const median = ((sorted[(sorted.length - 1) >> 1] as number) + (sorted[sorted.length >> 1] as number)) / 2;
  const words = new Uint32Array((block * block) / 32);
  ac.forEach((term, i) => {
    if (term > median) words[i >> 5] = ((words[i >> 5] as number) | (1 << (i & 31))) >>> 0;
  });
  return words;
}

function joinWords(parts: HashWords[]): HashWords {
  const words = new Uint32Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    words.set(part, at);
    at += part.length;
  }
  return words;
}

/** The perceptual hash of a photo and of its mirror image. */
export function photoHashes(image: RgbaImage, recipe: HashRecipe = HASH_RECIPE): PhotoHashes {
  const stride = Math.max(...recipe.blocks);
  const terms = lowFrequencies(shrinkToGray(image), stride);
  const hash = (mirrored: boolean) => bitsToHex(joinWords(recipe.blocks.map((block) => thresholdBits(terms, stride, block, mirrored))));
  return { hash: hash(false), mirrored: hash(true) };
}

/** The perceptual hash of a photo, as hex. */
export function photoHash(image: RgbaImage, recipe: HashRecipe = HASH_RECIPE): string {
  return photoHashes(image, recipe).hash;
}
