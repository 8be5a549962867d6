/**
 * When two photos count as the same one: at most SAME_PHOTO_MAX_DISTANCE differing bits between their
 * 256-bit hashes (or between one and the other's mirror image). Set from `npm run bench:photos`
 * (README, "Reused photos"), not guessed.
 */
import { hexDistance } from './hash-words';

export const SAME_PHOTO_MAX_DISTANCE = 47;

export function isSamePhoto(distance: number): boolean {
  return distance <= SAME_PHOTO_MAX_DISTANCE;
}

export { hexDistance };
