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
 * Buffers are allocated once per matcher and reused: scanning allocates nothing.
 */
import {
  CLASS_LAST_DIGIT,
  CLASS_LAST_LETTER,
  CLASS_OTHER,
  CLASS_SKIP,
  type Automaton,
} from './automaton';

const isDigitClass = (cls: number): boolean => cls >= 1 && cls <= CLASS_LAST_DIGIT;
const isLetterClass = (cls: number): boolean => cls > CLASS_LAST_DIGIT && cls <= CLASS_LAST_LETTER;
const isAlnumClass = (cls: number): boolean => cls >= 1 && cls <= CLASS_LAST_LETTER;

export class TitleMatcher {
  /** After `scan`: hits in order of their end, as pattern id and folded start/end (inclusive). */
  hitPattern = new Int32Array(64);
  hitStart = new Int32Array(64);
  hitEnd = new Int32Array(64);
  /** Length of the last scanned title in folded code units. */
  foldedLength = 0;

  private posClass = new Uint16Array(256);
  private posGap = new Uint8Array(256);
  private dropped = new Uint8Array(64);

  constructor(
    private readonly automaton: Automaton,
    /** Pattern id → 1 when the pattern may touch neither letters nor digits. */
    private readonly strictBoundary: Uint8Array,
    /** Pattern id → bit i set when the pattern's own text has a separator before folded unit i. */
    private readonly ownSeparators: Uint32Array,
  ) {}

  /** Scans a title; returns how many hits survived filtering (read them from the hit arrays). */
  scan(title: string): number {
    let count = this.run(title, false);
    if (count < 0) count = this.run(title.normalize('NFKC'), true);
    return this.filter(count);
  }

  /** Raw automaton pass; -1 when the title needs whole-string NFKC first. */
  private run(text: string, nfkcDone: boolean): number {
    const { classOf, classCount, rowOf, rows, edgeClass, edgeTarget, fail, outStart, outPatterns, patternLength } = this.automaton;
    const length = text.length;
    if (this.posClass.length <= length) {
      this.posClass = new Uint16Array(length * 2 + 1);
      this.posGap = new Uint8Array(length * 2 + 1);
    }
    const posClass = this.posClass;
    const posGap = this.posGap;
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
          const row = rowOf[state] as number;
          if (row >= 0) {
            state = rows[row * classCount + cls] as number;
            break;
          }
          if (edgeClass[state] === cls) {
            state = edgeTarget[state] as number;
            break;
          }
          state = fail[state] as number;
        }
      }
      const outEnd = outStart[state + 1] as number;
      for (let o = outStart[state] as number; o < outEnd; o++) {
        if (hits === this.hitPattern.length) this.growHits();
        const pattern = outPatterns[o] as number;
        this.hitPattern[hits] = pattern;
        this.hitEnd[hits] = pos;
        this.hitStart[hits] = pos - (patternLength[pattern] as number) + 1;
        hits++;
      }
      pos++;
    }
    this.foldedLength = pos;
    return hits;
  }

  private filter(count: number): number {
    const { firstClass, lastClass } = this.automaton;
    const { hitPattern, hitStart, hitEnd, posClass, posGap, strictBoundary, ownSeparators } = this;
    const length = this.foldedLength;
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
        for (let i = start + 1; i <= end; i++) {
          if (posGap[i] === 0) continue;
          gaps++;
          if (i - start >= 32 || (own & (1 << (i - start))) === 0) foreign++;
        }
        if (foreign > 0 && !(gaps === end - start && end - start >= 2)) continue;
      }
      hitPattern[kept] = pattern;
      hitStart[kept] = start;
      hitEnd[kept] = end;
      kept++;
    }
    // Longest wins. Hits are few (a handful per title), so the quadratic check is the cheap one.
    // Marked first and compacted after, so every comparison sees the original hits.
    if (this.dropped.length < kept) this.dropped = new Uint8Array(this.hitPattern.length);
    const dropped = this.dropped;
    for (let h = 0; h < kept; h++) {
      const start = hitStart[h] as number;
      const end = hitEnd[h] as number;
      let inside = 0;
      for (let other = 0; other < kept && inside === 0; other++) {
        const otherStart = hitStart[other] as number;
        const otherEnd = hitEnd[other] as number;
        if (otherStart <= start && otherEnd >= end && otherEnd - otherStart > end - start) inside = 1;
      }
      dropped[h] = inside;
    }
    let survivors = 0;
    for (let h = 0; h < kept; h++) {
      if (dropped[h] === 1) continue;
      hitPattern[survivors] = hitPattern[h] as number;
      hitStart[survivors] = hitStart[h] as number;
      hitEnd[survivors] = hitEnd[h] as number;
      survivors++;
    }
    return survivors;
  }

  private growHits(): void {
    const size = this.hitPattern.length * 2;
    const grow = (from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.hitPattern = grow(this.hitPattern);
    this.hitStart = grow(this.hitStart);
    this.hitEnd = grow(this.hitEnd);
  }
}

/** Whether a pattern edge of class `edge` runs into the neighbouring class `neighbour`. */
function runsInto(edge: number, neighbour: number, strict: boolean): boolean {
  if (strict) return isAlnumClass(neighbour);
  return isLetterClass(edge) ? isLetterClass(neighbour) : isDigitClass(neighbour);
}
