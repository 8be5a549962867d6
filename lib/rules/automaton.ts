/**
 * An Aho–Corasick automaton over a small alphabet: matching a title is one pass, one step per code
 * unit, never backtracking over the text. Knows nothing about brands: it maps folded patterns to ids.
 *
 * The alphabet is the set of folded characters that occur in some pattern, plus the ASCII letters
 * and digits (which word-boundary checks need to see even when no pattern uses them). Every other
 * character is CLASS_OTHER and sends the automaton back to its root. `classOf` maps raw UTF-16 code
 * units straight to classes, folding included, so the matcher does a single lookup per code unit.
 *
 * Layout: the root and every state with two or more children get a full transition row (a DFA row,
 * failure transitions filled in). The many states inside a pattern that have one child or none
 * keep just that edge and their failure link; `step` follows failure links until it reaches a row
 * or the edge. Titles spend nearly all their time at the root, so this costs little at match time
 * and keeps compiling cheap: full rows for all ~1 800 states of the built-in pack would be 1.7 MB.
 */
import { FOLD_COMPLEX, FOLD_SKIP, foldTable } from './text-folding';

export const CLASS_OTHER = 0;
/** Classes 1–10 are the digits 0–9, classes 11–36 the letters a–z. */
export const CLASS_LAST_DIGIT = 10;
export const CLASS_LAST_LETTER = 36;
export const CLASS_SKIP = 0xfffe;
export const CLASS_COMPLEX = 0xffff;

export interface Automaton {
  /** Raw code unit → class: CLASS_OTHER, a pattern class, CLASS_SKIP or CLASS_COMPLEX. */
  readonly classOf: Uint16Array;
  readonly classCount: number;
  readonly stateCount: number;
  /** State → index of its full row in `rows`, or -1 for a state with one child or none. */
  readonly rowOf: Int32Array;
  /** Full rows: rows[rowOf[state] * classCount + class] is the next state. */
  readonly rows: Uint16Array;
  /** For row-less states: the class of the only child edge (0: none) and where it leads. */
  readonly edgeClass: Uint16Array;
  readonly edgeTarget: Uint16Array;
  readonly fail: Uint16Array;
  /** Patterns ending in a state: outPatterns[outStart[state] .. outStart[state + 1]). */
  readonly outStart: Uint32Array;
  readonly outPatterns: Uint32Array;
  /** Pattern id → its first and last class (for boundary checks) and its length in folded units. */
  readonly firstClass: Uint16Array;
  readonly lastClass: Uint16Array;
  readonly patternLength: Uint16Array;
}

/** The next state from `state` on class `cls` (cls ≠ CLASS_OTHER). */
export function step(automaton: Automaton, state: number, cls: number): number {
  const { rowOf, rows, classCount, edgeClass, edgeTarget, fail } = automaton;
  for (;;) {
    const row = rowOf[state] as number;
    if (row >= 0) return rows[row * classCount + cls] as number;
    if (edgeClass[state] === cls) return edgeTarget[state] as number;
    state = fail[state] as number;
  }
}

/** Builds the automaton for folded, non-empty patterns; a pattern's id is its index. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const classOfFolded = new Uint16Array(0x10000);
  for (let c = 0; c < 10; c++) classOfFolded[0x30 + c] = 1 + c;
  for (let c = 0; c < 26; c++) classOfFolded[0x61 + c] = 11 + c;
  let classCount = CLASS_LAST_LETTER + 1;
  for (const pattern of patterns) {
    if (pattern.length === 0) throw new Error('a pattern is empty');
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (classOfFolded[unit] === 0) classOfFolded[unit] = classCount++;
    }
  }

  // Trie, children as (class → state) maps; most states have one child.
  const children: (Map<number, number> | undefined)[] = [new Map()];
  const ownOutputs: (number[] | undefined)[] = [];
  const firstClass = new Uint16Array(patterns.length);
  const lastClass = new Uint16Array(patterns.length);
  const patternLength = new Uint16Array(patterns.length);
  let stateCount = 1;
  patterns.forEach((pattern, id) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const cls = classOfFolded[pattern.charCodeAt(i)] as number;
      const map = (children[state] ??= new Map());
      let next = map.get(cls);
      if (next === undefined) {
        next = stateCount++;
        map.set(cls, next);
      }
      state = next;
    }
    (ownOutputs[state] ??= []).push(id);
    firstClass[id] = classOfFolded[pattern.charCodeAt(0)] as number;
    lastClass[id] = classOfFolded[pattern.charCodeAt(pattern.length - 1)] as number;
    patternLength[id] = pattern.length;
  });
  if (stateCount > 0xffff) throw new Error(`the rule packs need ${stateCount} automaton states; at most 65535 are supported`);

  const rowOf = new Int32Array(stateCount).fill(-1);
  let rowCount = 0;
  for (let state = 0; state < stateCount; state++) if (state === 0 || (children[state]?.size ?? 0) >= 2) rowOf[state] = rowCount++;
  const rows = new Uint16Array(rowCount * classCount);
  const edgeClass = new Uint16Array(stateCount);
  const edgeTarget = new Uint16Array(stateCount);
  const fail = new Uint16Array(stateCount);
  const automaton = { classCount, rowOf, rows, edgeClass, edgeTarget, fail };

  // Breadth first, so every failure target is complete before a deeper state needs it.
  const outputs: number[][] = new Array<number[]>(stateCount);
  outputs[0] = ownOutputs[0] ?? [];
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const own = children[state];
    const row = rowOf[state] as number;
    if (state !== 0) outputs[state] = [...(ownOutputs[state] ?? []), ...(outputs[fail[state] as number] ?? [])];
    if (row >= 0 && state !== 0) {
      // A full row: the failure state's transitions, with this state's own edges on top.
      const base = row * classCount;
      const failState = fail[state] as number;
      for (let cls = 1; cls < classCount; cls++) rows[base + cls] = step(automaton as Automaton, failState, cls);
    }
    for (const [cls, child] of own ?? []) {
      if (row >= 0) rows[row * classCount + cls] = child;
      else {
        edgeClass[state] = cls;
        edgeTarget[state] = child;
      }
      fail[child] = state === 0 ? 0 : step(automaton as Automaton, fail[state] as number, cls);
      queue.push(child);
    }
  }

  const outStart = new Uint32Array(stateCount + 1);
  let total = 0;
  for (let state = 0; state < stateCount; state++) {
    outStart[state] = total;
    total += outputs[state]?.length ?? 0;
  }
  outStart[stateCount] = total;
  const outPatterns = new Uint32Array(total);
  for (let state = 0; state < stateCount; state++) outPatterns.set(outputs[state] ?? [], outStart[state]);

  // Most code units fold to themselves: start from the folded-character classes and patch the rest.
  const fold = foldTable();
  const classOf = classOfFolded.slice();
  for (const unit of fold.changed) {
    const folded = fold.map[unit] as number;
    classOf[unit] = folded === FOLD_SKIP ? CLASS_SKIP : folded === FOLD_COMPLEX ? CLASS_COMPLEX : (classOfFolded[folded] as number);
  }

  return {
    classOf, classCount, stateCount, rowOf, rows, edgeClass, edgeTarget, fail,
    outStart, outPatterns, firstClass, lastClass, patternLength,
  };
}
