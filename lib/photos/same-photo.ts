/**
 * When two photos count as the same one. A photo hash (photo-hash.ts) is a 64-bit part (2 words)
 * then a 256-bit part (8 words); the same photo is within SAME_PHOTO.coarse bits on the first AND
 * within SAME_PHOTO.fine bits on the second, for the photo or the other's mirror image. Both numbers
 * are set from `npm run bench:photos` (README, "Reused photos"), not guessed.
 */
import { hammingDistance, hexToBits, type HashWords } from './hash-words';

/** Words of the 64-bit part, which the index searches. */
export const COARSE_WORDS = 2;

export const SAME_PHOTO = { coarse: 12, fine: 72 } as const;

/** Differing bits in the 64-bit part and in the rest (0 when a hash has no rest). */
export interface PhotoDistance {
  coarse: number;
  fine: number;
}

export function photoDistance(a: HashWords, b: HashWords): PhotoDistance {
  if (a.length !== b.length) throw new Error(`hashes of ${a.length * 32} and ${b.length * 32} bits cannot be compared`);
  return { coarse: hammingDistance(a.subarray(0, COARSE_WORDS), b.subarray(0, COARSE_WORDS)), fine: hammingDistance(a.subarray(COARSE_WORDS), b.subarray(COARSE_WORDS)) };
}

export function isSamePhoto(distance: PhotoDistance): boolean {
  return distance.coarse <= SAME_PHOTO.coarse && distance.fine <= SAME_PHOTO.fine;
}

/** The nearer of two distances: one that counts as the same photo first, then the smaller fine part. */
export function nearer(a: PhotoDistance, b: PhotoDistance): PhotoDistance {
  if (isSamePhoto(a) !== isSamePhoto(b)) return isSamePhoto(a) ? a : b;
  return a.fine + a.coarse <= b.fine + b.coarse ? a : b;
}

/** How far a photo (hash and mirror-image hash, hex) is from another photo's hash. */
export function distanceToPhoto(query: { hash: string; mirrored: string }, hash: string): PhotoDistance {
  const target = hexToBits(hash);
  return nearer(photoDistance(hexToBits(query.hash), target), photoDistance(hexToBits(query.mirrored), target));
}
