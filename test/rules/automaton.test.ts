import { describe, expect, it } from 'vitest';
import { AutomatonTooLargeError, buildAutomaton, CLASS_OTHER, firstOutput, MAX_STATES, step } from '../../lib/rules/automaton';
import { seededRandom } from './seeded-random';

/** Every (pattern id, end index) the automaton reports for an already-folded text. */
function automatonHits(patterns: string[], text: string): string[] {
  const automaton = buildAutomaton(patterns);
  const hits: string[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = automaton.classOf[text.charCodeAt(i)] as number;
    state = cls === CLASS_OTHER ? 0 : step(automaton, state, cls);
    for (let s = firstOutput(automaton, state); s !== 0; s = automaton.outLink[s] as number) {
      for (let o = automaton.outStart[s] as number; o < (automaton.outStart[s + 1] as number); o++) hits.push(`${automaton.outPatterns[o]}@${i}`);
    }
  }
  return hits.sort();
}

function naiveHits(patterns: string[], text: string): string[] {
  const hits: string[] = [];
  patterns.forEach((pattern, id) => {
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) hits.push(`${id}@${at + pattern.length - 1}`);
  });
  return hits.sort();
}

describe('buildAutomaton', () => {
  it('finds overlapping and nested patterns', () => {
    const patterns = ['he', 'she', 'his', 'hers', '爱马仕', '爱马仕橙', '马仕'];
    const text = 'ushers爱马仕橙xhis';
    expect(automatonHits(patterns, text)).toEqual(naiveHits(patterns, text));
  });

  it('agrees with a naive search on random patterns and texts', () => {
    const next = seededRandom(42);
    const alphabet = 'ablv包链条香奈儿';
    const pick = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick(1 + Math.floor(next() * 4))))];
      const text = pick(Math.floor(next() * 60));
      expect(automatonHits(patterns, text), `patterns ${JSON.stringify(patterns)} text ${text}`).toEqual(naiveHits(patterns, text));
    }
  });

  it('rejects an empty pattern', () => {
    expect(() => buildAutomaton(['ok', ''])).toThrow('a pattern is empty');
  });
});

describe('the automaton\'s size', () => {
  it('grows with the patterns\' length, not with states × alphabet: many CJK words with shared prefixes stay small', () => {
    const next = seededRandom(7);
    const chars = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + i));
    const pick = () => chars[Math.floor(next() * chars.length)] as string;
    // 20,000 four-character words under 200 shared two-character prefixes: thousands of branching states.
    const prefixes = Array.from({ length: 200 }, () => pick() + pick());
    const patterns = [...new Set(Array.from({ length: 20_000 }, () => `${prefixes[Math.floor(next() * prefixes.length)]}${pick()}${pick()}`))];
    const automaton = buildAutomaton(patterns);
    const bytes = [automaton.rootRow, automaton.edgeStart, automaton.edgeClass, automaton.edgeTarget, automaton.fail, automaton.outStart, automaton.outPatterns, automaton.outLink]
      .reduce((sum, table) => sum + table.byteLength, 0);
    const characters = patterns.reduce((sum, pattern) => sum + pattern.length, 0);
    expect(automaton.classCount).toBeGreaterThan(2500);
    expect(bytes).toBeLessThan(characters * 40);
  });

  it('refuses packs beyond MAX_STATES characters of patterns, saying how large they are', () => {
    const patterns = Array.from({ length: MAX_STATES / 10 + 1 }, (_, i) => `p${String(i).padStart(9, '0')}`);
    expect(() => buildAutomaton(patterns)).toThrow(AutomatonTooLargeError);
    expect(() => buildAutomaton(patterns)).toThrow(/at most 499,999 are supported/);
  });
});
