/**
 * Finds rule patterns in a title in one pass: each code unit is folded and fed to the automaton by a
 * single table lookup, separators are skipped without resetting the automaton (so "G U C C I" is
 * found), and hits are then filtered:
 * - word boundaries: a pattern that starts or ends with a Latin letter must not run into another
 *   letter there ("dior" is not in "diorama"); one that starts or ends with a digit must not run
 *   into a digit ("1:1" is not in "21:10"). Strict patterns (short Latin codes like LV, MK) may touch
 *   neither letters nor digits, so "LV5 锂电池" and "MK2 相机滑轨" do not match. A dropped separator
 *   counts as a boundary.
 * - spacing: a hit may span separators only where the pattern itself has them ("Louis Vuitton"), or
 *   when every character of a hit of three or more is spaced out ("G U C C I", "香 奈 儿"). So the
 *   end of one word and the start of the next ("斜挎包 链条包") do not make a term ("包链").
 * - the longest hit wins: a hit lying inside a longer hit is dropped, which is how "爱马仕橙" (a
 *   colour) hides "爱马仕" and "小香风" hides "小香".
 *
 * Every step is linear in the title's length and its number of hits. The matcher itself is immutable
 * (it belongs to the compiled rules); the memory a scan writes lives in ScanBuffers, which each caller
 * owns and reuses, so scanning allocates nothing once the buffers have grown to the title.
 */
import {
  CLASS_LAST_DIGIT,
  CLASS_LAST_LETTER,
  CLASS_OTHER,
  CLASS_SKIP,
  firstOutput,
  type Automaton,
} from './automaton';

const isDigitClass = (cls: number): boolean => cls >= 1 && cls <= CLASS_LAST_DIGIT;
const isLetterClass = (cls: number): boolean => cls > CLASS_LAST_DIGIT && cls <= CLASS_LAST_LETTER;
const isAlnumClass = (cls: number): boolean => cls >= 1 && cls <= CLASS_LAST_LETTER;

/** A scan's working memory and its result: hits in order of their end, as pattern id and folded start/end (inclusive). */
export class ScanBuffers {
  hitPattern = new Int32Array(64);
  hitStart = new Int32Array(64);
  hitEnd = new Int32Array(64);
  /** Length of the last scanned title in folded code units. */
  foldedLength = 0;
  posClass = new Uint16Array(256);
  posGap = new Uint8Array(256);
  dropped = new Uint8Array(64);

  grow(length: number): void {
    if (this.posClass.length > length) return;
    this.posClass = new Uint16Array(length * 2 + 1);
    this.posGap = new Uint8Array(length * 2 + 1);
  }

  growHits(): void {
    const size = this.hitPattern.length * 2;
    const grow = (from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.hitPattern = grow(this.hitPattern);
    this.hitStart = grow(this.hitStart);
    this.hitEnd = grow(this.hitEnd);
    this.dropped = new Uint8Array(size);
  }
}

export class TitleMatcher {
  constructor(
    private readonly automaton: Automaton,
    /** Pattern id → 1 when the pattern may touch neither letters nor digits. */
    private readonly strictBoundary: Uint8Array,
    /** Pattern id → bit i set when the pattern's own text has a separator before folded unit i. */
    private readonly ownSeparators: Uint32Array,
  ) {}

  /** Scans a text into `buffers`; returns how many hits survived filtering (read them from the buffers). */
  scan(text: string, buffers: ScanBuffers): number {
    let count = this.run(text, false, buffers);
    if (count < 0) count = this.run(text.normalize('NFKC'), true, buffers);
    return this.keepLongest(this.filter(count, buffers), buffers);
  }

  /** Raw automaton pass; -1 when the title needs whole-string NFKC first. */
  private run(text: string, nfkcDone: boolean, buffers: ScanBuffers): number {
    const automaton = this.automaton;
    const { classOf, rootRow, edgeStart, edgeClass, edgeTarget, fail, outStart, outPatterns, outLink, patternLength } = automaton;
    const length = text.length;
    buffers.grow(length);
    const { posClass, posGap } = buffers;
    let state = 0;
    let pos = 0;
    let gap = 0;
    let hits = 0;
    for (let i = 0; i < length; i++) {
      let cls = classOf[text.charCodeAt(i)] as number;
      if (cls >= CLASS_SKIP) {
        if (cls === CLASS_SKIP) {
          gap = 1;
          continue;
        }
        // CLASS_COMPLEX (⑩, ﬁ, a surrogate): start again on the NFKC form of the whole title.
        // After that, what is left (an emoji) is an ordinary non-pattern character.
        if (!nfkcDone) return -1;
        cls = CLASS_OTHER;
      }
      posClass[pos] = cls;
      posGap[pos] = gap;
      gap = 0;
      if (cls === CLASS_OTHER) state = 0;
      else {
        // automaton.step, inlined: this loop is the hot path.
        for (;;) {
          if (state === 0) {
            state = rootRow[cls] as number;
            break;
          }
          let low = edgeStart[state] as number;
          let high = (edgeStart[state + 1] as number) - 1;
          let next = -1;
          while (low <= high) {
            const mid = (low + high) >>> 1;
            const c = edgeClass[mid] as number;
            if (c === cls) {
              next = edgeTarget[mid] as number;
              break;
            }
            if (c < cls) low = mid + 1;
            else high = mid - 1;
          }
          if (next >= 0) {
            state = next;
            break;
          }
          state = fail[state] as number;
        }
      }
      for (let s = state === 0 ? 0 : firstOutput(automaton, state); s !== 0; s = outLink[s] as number) {
        const end = outStart[s + 1] as number;
        for (let o = outStart[s] as number; o < end; o++) {
          if (hits === buffers.hitPattern.length) buffers.growHits();
          const pattern = outPatterns[o] as number;
          buffers.hitPattern[hits] = pattern;
          buffers.hitEnd[hits] = pos;
          buffers.hitStart[hits] = pos - (patternLength[pattern] as number) + 1;
          hits++;
        }
      }
      pos++;
    }
    buffers.foldedLength = pos;
    return hits;
  }

  /** Drops hits that break a word boundary or span separators the pattern does not have. */
  private filter(count: number, buffers: ScanBuffers): number {
    const { firstClass, lastClass } = this.automaton;
    const { strictBoundary, ownSeparators } = this;
    const { hitPattern, hitStart, hitEnd, posClass, posGap } = buffers;
    const length = buffers.foldedLength;
    let kept = 0;
    for (let h = 0; h < count; h++) {
      const pattern = hitPattern[h] as number;
      const start = hitStart[h] as number;
      const end = hitEnd[h] as number;
      const strict = strictBoundary[pattern] === 1;
      const first = firstClass[pattern] as number;
      const last = lastClass[pattern] as number;
      if (isAlnumClass(first) && start > 0 && posGap[start] === 0 && runsInto(first, posClass[start - 1] as number, strict)) continue;
      if (isAlnumClass(last) && end + 1 < length && posGap[end + 1] === 0 && runsInto(last, posClass[end + 1] as number, strict)) continue;
      if (end > start) {
        const own = ownSeparators[pattern] as number;
        let gaps = 0;
        let foreign = 0;
        // Patterns are short; only their own span is walked.
        for (let i = start + 1; i <= end; i++) {
          if (posGap[i] === 0) continue;
          gaps++;
          if (i - start >= 32 || (own & (1 << (i - start))) === 0) foreign++;
        }
        if (foreign > 0 && !(gaps === end - start && end - start >= 2) && !(foreign === 1 && isDottedWord(first, last, start, end, posClass))) continue;
      }
      hitPattern[kept] = pattern;
      hitStart[kept] = start;
      hitEnd[kept] = end;
      kept++;
    }
    return kept;
  }

  /**
   * Longest wins, in one backward sweep: hits come in order of their end, so walking back from the
   * last end, a hit lies inside a longer one exactly when a hit ending later (or at the same end)
   * starts at or before it. Hits with the same end: only the one starting first is kept among them.
   */
  private keepLongest(count: number, buffers: ScanBuffers): number {
    const { hitPattern, hitStart, hitEnd, dropped } = buffers;
    let minStartAfter = Number.MAX_SAFE_INTEGER; // smallest start among hits ending after the current end
    let h = count - 1;
    while (h >= 0) {
      const end = hitEnd[h] as number;
      // The group of hits sharing this end: hits[g + 1 .. h].
      let g = h;
      let groupMin = Number.MAX_SAFE_INTEGER;
      while (g >= 0 && hitEnd[g] === end) {
        groupMin = Math.min(groupMin, hitStart[g] as number);
        g--;
      }
      for (let k = g + 1; k <= h; k++) {
        const start = hitStart[k] as number;
        dropped[k] = minStartAfter <= start || start > groupMin ? 1 : 0;
      }
      minStartAfter = Math.min(minStartAfter, groupMin);
      h = g;
    }
    let survivors = 0;
    for (let k = 0; k < count; k++) {
      if (dropped[k] === 1) continue;
      hitPattern[survivors] = hitPattern[k] as number;
      hitStart[survivors] = hitStart[k] as number;
      hitEnd[survivors] = hitEnd[k] as number;
      survivors++;
    }
    return survivors;
  }
}

/**
 * A Latin name of four letters or more broken once ("C.hanel", "D.ior", "Gu cci"): how sellers write
 * a brand to get past the platform's keyword filter. Two Latin words do not join into a brand name
 * by chance the way Chinese words do, so this one break is allowed.
 */
function isDottedWord(first: number, last: number, start: number, end: number, posClass: ArrayLike<number>): boolean {
  if (!isLetterClass(first) || !isLetterClass(last) || end - start < 3) return false;
  for (let i = start; i <= end; i++) if (!isLetterClass(posClass[i] as number)) return false;
  return true;
}

/** Whether a pattern edge of class `edge` runs into the neighbouring class `neighbour`. */
function runsInto(edge: number, neighbour: number, strict: boolean): boolean {
  if (strict) return isAlnumClass(neighbour);
  return isLetterClass(edge) ? isLetterClass(neighbour) : isDigitClass(neighbour);
}
