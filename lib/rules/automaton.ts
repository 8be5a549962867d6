/**
 * An Aho–Corasick automaton over a small alphabet: matching a title is one pass, one step per code
 * unit, never backtracking over the text. Knows nothing about brands: it maps folded patterns to ids.
 *
 * The alphabet is the set of folded characters that occur in some pattern, plus the ASCII letters
 * and digits (which word-boundary checks need to see even when no pattern uses them). Every other
 * character is CLASS_OTHER and sends the automaton back to its root. `classOf` maps raw UTF-16 code
 * units straight to classes, folding included, so the matcher does a single lookup per code unit.
 *
 * Layout: the root has a full transition row (titles spend nearly all their time there); every other
 * state keeps only its own edges, sorted by class, and its failure link, and `step` follows failure
 * links until an edge or the root answers. So the tables grow with the patterns' total length, never
 * with states × alphabet: a pack of many CJK words with shared prefixes stays small (full rows per
 * branching state once cost 742 MB for one such pack). Tables beyond MAX_TABLE_BYTES are refused.
 */
import { FOLD_COMPLEX, FOLD_SKIP, foldTable } from './text-folding';

export const CLASS_OTHER = 0;
/** Classes 1–10 are the digits 0–9, classes 11–36 the letters a–z. */
export const CLASS_LAST_DIGIT = 10;
export const CLASS_LAST_LETTER = 36;
export const CLASS_SKIP = 0xfffe;
export const CLASS_COMPLEX = 0xffff;

/** A first, cheap bound checked before anything is built: states never outnumber pattern characters. */
export const MAX_STATES = 500_000;

/**
 * The stated bound on the matcher's tables, checked once the trie is known and before the tables are
 * allocated. The built-in pack needs about 0.2 MB, a 205 kB pack of 11,500 CJK names under shared
 * prefixes about 1 MB; 8 MiB leaves room for many team packs and refuses what would slow every start.
 */
export const MAX_TABLE_BYTES = 8 * 1024 * 1024;

/** Bytes of the typed tables an automaton of this shape holds (every field of Automaton below). */
export function tableBytes(stateCount: number, classCount: number, patternCount: number): number {
  const classOf = 2 * 0x10000;
  const rootRow = 4 * classCount;
  const perState = 4 /* edgeStart */ + 4 /* fail */ + 4 /* outStart */ + 4 /* outLink */ + 2 /* edgeClass */ + 4; /* edgeTarget: one edge into every state but the root */
  const perPattern = 4 /* outPatterns */ + 2 /* firstClass */ + 2 /* lastClass */ + 4; /* patternLength */
  return classOf + rootRow + perState * (stateCount + 1) + perPattern * patternCount;
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export interface Automaton {
  /** Raw code unit → class: CLASS_OTHER, a pattern class, CLASS_SKIP or CLASS_COMPLEX. */
  readonly classOf: Uint16Array;
  readonly classCount: number;
  readonly stateCount: number;
  /** What the tables take, tableBytes(); at most MAX_TABLE_BYTES. */
  readonly tableBytes: number;
  /** The root's transitions: rootRow[class] is the next state. */
  readonly rootRow: Uint32Array;
  /** Edges of state s (s > 0): edgeClass/edgeTarget[edgeStart[s] .. edgeStart[s + 1]), sorted by class. */
  readonly edgeStart: Uint32Array;
  readonly edgeClass: Uint16Array;
  readonly edgeTarget: Uint32Array;
  readonly fail: Uint32Array;
  /**
   * Patterns that end exactly at a state's own string: outPatterns[outStart[state] .. outStart[state + 1]).
   * The patterns ending in a state are its own, then those of outLink[state], its outLink, … until 0
   * (the nearest state down the failure chain that has patterns of its own): linear in size, where
   * copying every suffix's patterns into every state grows with states × pattern length.
   */
  readonly outStart: Uint32Array;
  readonly outPatterns: Uint32Array;
  readonly outLink: Uint32Array;
  /** Pattern id → its first and last class (for boundary checks) and its length in folded units. */
  readonly firstClass: Uint16Array;
  readonly lastClass: Uint16Array;
  readonly patternLength: Uint32Array;
}

/** The state an edge of `state` on `cls` leads to, or -1 when it has none. */
function edge(automaton: Automaton, state: number, cls: number): number {
  const { edgeStart, edgeClass, edgeTarget } = automaton;
  let low = edgeStart[state] as number;
  let high = (edgeStart[state + 1] as number) - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const c = edgeClass[mid] as number;
    if (c === cls) return edgeTarget[mid] as number;
    if (c < cls) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The next state from `state` on class `cls` (cls ≠ CLASS_OTHER). */
export function step(automaton: Automaton, state: number, cls: number): number {
  for (;;) {
    if (state === 0) return automaton.rootRow[cls] as number;
    const next = edge(automaton, state, cls);
    if (next >= 0) return next;
    state = automaton.fail[state] as number;
  }
}

/** The first state, at or down the failure chain from `state`, with patterns of its own; 0 for none. */
export function firstOutput(automaton: Automaton, state: number): number {
  return automaton.outStart[state] !== automaton.outStart[state + 1] ? state : (automaton.outLink[state] as number);
}

export class AutomatonTooLargeError extends Error {
  override name = 'AutomatonTooLargeError';
}

/** Builds the automaton for folded, non-empty patterns; a pattern's id is its index. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const classOfFolded = new Uint16Array(0x10000);
  for (let c = 0; c < 10; c++) classOfFolded[0x30 + c] = 1 + c;
  for (let c = 0; c < 26; c++) classOfFolded[0x61 + c] = 11 + c;
  let classCount = CLASS_LAST_LETTER + 1;
  let totalLength = 0;
  for (const pattern of patterns) {
    if (pattern.length === 0) throw new Error('a pattern is empty');
    totalLength += pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (classOfFolded[unit] === 0) classOfFolded[unit] = classCount++;
    }
  }
  // States never outnumber pattern characters (+ the root): refuse before building anything.
  if (totalLength + 1 > MAX_STATES) {
    throw new AutomatonTooLargeError(`the rule packs hold ${totalLength.toLocaleString('en-US')} characters of patterns; at most ${(MAX_STATES - 1).toLocaleString('en-US')} are supported`);
  }

  // The trie, built from the patterns in sorted order (as strings of classes) so that a pattern shares
  // with the trie exactly its common prefix with the pattern before it, and every state's children
  // arrive in increasing class order: no per-state maps (36,000 of them for a 205 kB CJK pack were
  // most of its compile time and garbage). States are numbered depth first; each knows its parent
  // and the class of the edge into it.
  const classText: string[] = patterns.map((pattern) => {
    let text = '';
    for (let i = 0; i < pattern.length; i++) text += String.fromCharCode(classOfFolded[pattern.charCodeAt(i)] as number);
    return text;
  });
  const order = Array.from(patterns, (_, id) => id).sort((a, b) => {
    const x = classText[a] as string;
    const y = classText[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const parent = new Uint32Array(totalLength + 1);
  const inClass = new Uint16Array(totalLength + 1);
  const endState = new Uint32Array(patterns.length);
  const firstClass = new Uint16Array(patterns.length);
  const lastClass = new Uint16Array(patterns.length);
  const patternLength = new Uint32Array(patterns.length);
  let longest = 0;
  for (const pattern of patterns) longest = Math.max(longest, pattern.length);
  const path = new Uint32Array(longest + 1); // path[i]: the state after i classes of the previous pattern
  let stateCount = 1;
  let previous = '';
  for (const id of order) {
    const text = classText[id] as string;
    let shared = 0;
    while (shared < text.length && shared < previous.length && text.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    for (let i = shared; i < text.length; i++) {
      const state = stateCount++;
      parent[state] = path[i] as number;
      inClass[state] = text.charCodeAt(i);
      path[i + 1] = state;
    }
    endState[id] = path[text.length] as number;
    firstClass[id] = text.charCodeAt(0);
    lastClass[id] = text.charCodeAt(text.length - 1);
    patternLength[id] = text.length;
    previous = text;
  }

  const bytes = tableBytes(stateCount, classCount, patterns.length);
  if (bytes > MAX_TABLE_BYTES) {
    throw new AutomatonTooLargeError(`the matcher tables would take ${megabytes(bytes)} (${stateCount.toLocaleString('en-US')} states); at most ${megabytes(MAX_TABLE_BYTES)} are allowed`);
  }

  // Edges of every state but the root (whose children go to rootRow), grouped by parent: children of
  // one parent come in increasing state number and class, so each group is sorted as `edge` needs.
  const rootRow = new Uint32Array(classCount);
  const edgeStart = new Uint32Array(stateCount + 1);
  for (let state = 1; state < stateCount; state++) {
    const from = parent[state] as number;
    if (from === 0) rootRow[inClass[state] as number] = state;
    else edgeStart[from + 1] = (edgeStart[from + 1] as number) + 1;
  }
  for (let state = 1; state <= stateCount; state++) edgeStart[state] = (edgeStart[state] as number) + (edgeStart[state - 1] as number);
  const edgeCount = edgeStart[stateCount] as number;
  const edgeClass = new Uint16Array(edgeCount);
  const edgeTarget = new Uint32Array(edgeCount);
  const filled = edgeStart.slice(0, stateCount);
  for (let state = 1; state < stateCount; state++) {
    const from = parent[state] as number;
    if (from === 0) continue;
    const at = filled[from] as number;
    filled[from] = at + 1;
    edgeClass[at] = inClass[state] as number;
    edgeTarget[at] = state;
  }

  // Patterns ending at each state, in id order.
  const outStart = new Uint32Array(stateCount + 1);
  for (let id = 0; id < patterns.length; id++) {
    const state = endState[id] as number;
    outStart[state + 1] = (outStart[state + 1] as number) + 1;
  }
  for (let state = 1; state <= stateCount; state++) outStart[state] = (outStart[state] as number) + (outStart[state - 1] as number);
  const outPatterns = new Uint32Array(patterns.length);
  const placed = outStart.slice(0, stateCount);
  for (let id = 0; id < patterns.length; id++) {
    const state = endState[id] as number;
    const at = placed[state] as number;
    placed[state] = at + 1;
    outPatterns[at] = id;
  }
  const hasOwn = (state: number): boolean => outStart[state] !== outStart[state + 1];

  const fail = new Uint32Array(stateCount);
  const automaton = { classCount, rootRow, edgeStart, edgeClass, edgeTarget, fail } as unknown as Automaton;

  // Breadth first, so every failure target is complete before a deeper state needs it.
  const outLink = new Uint32Array(stateCount);
  const queue = new Uint32Array(stateCount);
  let tail = 0;
  for (let state = 1; state < stateCount; state++) if (parent[state] === 0) queue[tail++] = state; // fail 0, outLink 0
  for (let head = 0; head < tail; head++) {
    const state = queue[head] as number;
    const end = edgeStart[state + 1] as number;
    for (let e = edgeStart[state] as number; e < end; e++) {
      const child = edgeTarget[e] as number;
      const target = step(automaton, fail[state] as number, edgeClass[e] as number);
      fail[child] = target;
      outLink[child] = hasOwn(target) ? target : (outLink[target] as number);
      queue[tail++] = child;
    }
  }

  // Most code units fold to themselves: start from the folded-character classes and patch the rest.
  const fold = foldTable();
  const classOf = classOfFolded.slice();
  for (const unit of fold.changed) {
    const folded = fold.map[unit] as number;
    classOf[unit] = folded === FOLD_SKIP ? CLASS_SKIP : folded === FOLD_COMPLEX ? CLASS_COMPLEX : (classOfFolded[folded] as number);
  }

  return {
    classOf, classCount, stateCount, tableBytes: bytes, rootRow, edgeStart, edgeClass, edgeTarget, fail,
    outStart, outPatterns, outLink, firstClass, lastClass, patternLength,
  };
}
