/**
 * Text folding: the one normalisation every title, pattern and shop name goes through before it is
 * compared. Folding a UTF-16 code unit means NFKC (full-width ＧＵＣＣＩ → GUCCI, ① → 1), lower case,
 * accents dropped (Hermès → hermes), traditional → simplified for the characters rules care about,
 * and separators dropped (G U C C I, g-u-c-c-i, Tod's → tods).
 *
 * The matcher folds titles one code unit at a time through `foldTable()` inside its own loop, so a
 * title is never copied. Code units whose NFKC form is longer than one character (⑩, ﬁ, 𝐆 as a
 * surrogate) are marked FOLD_COMPLEX; the rare title holding one is NFKC-normalised as a whole first.
 */
import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-chars';

/** The code unit is a separator, a combining mark or invisible: it is dropped. */
export const FOLD_SKIP = 0xfffe;
/** The code unit only folds correctly after NFKC of the whole string. */
export const FOLD_COMPLEX = 0xffff;

/** Dropped after folding: spaces, joiners and the punctuation sellers put inside brand names. */
const SEPARATOR = /[\s\p{Cc}\p{Cf}\-_.·•・'‘’`´*~|\u2010-\u2015\u2043]/gu;

// Ranges whose code units NFKC or lower-casing can change. Outside them (CJK ideographs, Hangul
// syllables, Yi, private use) folding is the identity, apart from the traditional-character map.
const FOLDED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x33ff],
  [0xa640, 0xa7ff],
  [0xf900, 0xffef],
];
const DELIMITER = 0xe000;

export interface FoldTable {
  /** Code unit → folded code unit, FOLD_SKIP or FOLD_COMPLEX; 0 when the unit folds to itself. */
  map: Uint16Array;
  /** The code units whose `map` entry is not 0, ascending. */
  changed: Uint16Array;
}

let table: FoldTable | undefined;

/** Built once per process, in a few milliseconds. */
export function foldTable(): FoldTable {
  table ??= buildFoldTable();
  return table;
}

/** The fold of one code unit: a code unit, FOLD_SKIP or FOLD_COMPLEX. */
export function foldUnit(fold: FoldTable, unit: number): number {
  const mapped = fold.map[unit] as number;
  return mapped === 0 ? unit : mapped;
}

function buildFoldTable(): FoldTable {
  const map = new Uint16Array(0x10000);
  let candidates = 0;
  for (const [from, to] of FOLDED_RANGES) candidates += to - from + 1;
  // One pass of normalize() over all candidates joined by U+E000 (private use: untouched by NFKC,
  // case, marks and separators, and nothing composes with it) instead of 20 000 small calls.
  const joinedUnits = new Uint16Array(candidates * 2);
  let n = 0;
  for (const [from, to] of FOLDED_RANGES) {
    for (let unit = from; unit <= to; unit++) {
      joinedUnits[n++] = unit;
      joinedUnits[n++] = DELIMITER;
    }
  }
  let joined = '';
  for (let i = 0; i < n; i += 8192) joined += String.fromCharCode.apply(null, joinedUnits.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  // Lone surrogates are in the candidates only to keep the walk simple; they are overwritten below.
  const folded = joined.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(SEPARATOR, '');

  let candidate = 0;
  let segmentStart = 0;
  for (let i = 0; i < folded.length; i++) {
    if (folded.charCodeAt(i) !== DELIMITER) continue;
    if (candidate === candidates) throw new Error('fold table: normalisation split a character');
    const unit = joinedUnits[candidate * 2] as number;
    const length = i - segmentStart;
    const result = length === 0 ? FOLD_SKIP : length === 1 ? folded.charCodeAt(segmentStart) : FOLD_COMPLEX;
    if (result !== unit) map[unit] = result;
    candidate++;
    segmentStart = i + 1;
  }
  if (candidate !== candidates) throw new Error('fold table: normalisation merged characters');
  for (let unit = 0xd800; unit <= 0xdfff; unit++) map[unit] = FOLD_COMPLEX;

  // Traditional → simplified, applied to the folded value too, so compatibility ideographs that
  // NFKC maps to a traditional form end up simplified.
  const simplified = new Map<number, number>();
  for (let i = 0; i + 1 < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
    simplified.set(TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i), TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i + 1));
  }
  for (let unit = 0; unit < 0x10000; unit++) {
    const mapped = map[unit] as number;
    if (mapped === 0) continue;
    const target = simplified.get(mapped);
    if (target !== undefined) map[unit] = target;
  }
  for (const [traditional, simple] of simplified) if (map[traditional] === 0) map[traditional] = simple;

  let changedCount = 0;
  for (let unit = 0; unit < 0x10000; unit++) if (map[unit] !== 0) changedCount++;
  const changed = new Uint16Array(changedCount);
  for (let unit = 0, k = 0; unit < 0x10000; unit++) if (map[unit] !== 0) changed[k++] = unit;
  return { map, changed };
}

/** True when the string holds a code unit that needs whole-string NFKC before folding. */
function needsNfkc(text: string, fold: FoldTable): boolean {
  for (let i = 0; i < text.length; i++) if (fold.map[text.charCodeAt(i)] === FOLD_COMPLEX) return true;
  return false;
}

/**
 * The folded form of a string: what patterns and shop names are compared as. Matches what the title
 * matcher sees, code unit for code unit. Astral characters that survive NFKC (emoji) are kept as is.
 */
export function foldText(text: string): string {
  const fold = foldTable();
  const source = needsNfkc(text, fold) ? text.normalize('NFKC') : text;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const unit = source.charCodeAt(i);
    const folded = foldUnit(fold, unit);
    if (folded === FOLD_SKIP) continue;
    out += String.fromCharCode(folded === FOLD_COMPLEX ? unit : folded);
  }
  return out;
}

/**
 * Where the text's own separators fall, as a bit mask over its folded form: bit i is set when a
 * separator stood before folded unit i ("Louis Vuitton" → bit 5). Units past 31 are not tracked.
 */
export function separatorMask(text: string): number {
  const fold = foldTable();
  const source = needsNfkc(text, fold) ? text.normalize('NFKC') : text;
  let mask = 0;
  let index = 0;
  let gap = false;
  for (let i = 0; i < source.length; i++) {
    if (foldUnit(fold, source.charCodeAt(i)) === FOLD_SKIP) {
      gap = index > 0;
      continue;
    }
    if (gap && index < 32) mask |= 1 << index;
    gap = false;
    index++;
  }
  return mask >>> 0;
}
