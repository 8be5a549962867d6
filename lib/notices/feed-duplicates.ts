/**
 * Repeats within one notice: the same brand twice, or the same entry twice. Both formats report them
 * as errors, because a repeat is a copy-and-paste slip more often than a meaning.
 */
import { normalisedShopNameOrNull } from './lookup-keys';
import type { NoticeEntry } from './notice-feed';

/** [index of the repeat, index of the first] for each repeated value. */
function repeats(signatures: readonly string[]): [number, number][] {
  const first = new Map<string, number>();
  const found: [number, number][] = [];
  signatures.forEach((signature, index) => {
    const earlier = first.get(signature);
    if (earlier === undefined) first.set(signature, index);
    else found.push([index, earlier]);
  });
  return found;
}

export const duplicateBrands = (brands: readonly string[]): [number, number][] => repeats(brands);

/** Entries that agree in every field (shop names compared normalised). */
export const duplicateEntries = (entries: readonly NoticeEntry[]): [number, number][] =>
  repeats(
    entries.map((e) => JSON.stringify([e.kind, e.itemId, e.shopId, normalisedShopNameOrNull(e.shopName), e.brand, e.action, e.date])),
  );
