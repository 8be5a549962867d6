import { describe, expect, it } from 'vitest';
import { buildAutomaton, CLASS_OTHER, step } from '../../lib/rules/automaton';
import { seededRandom } from './seeded-random';

/** Every (pattern id, end index) the automaton reports for an already-folded text. */
function automatonHits(patterns: string[], text: string): string[] {
  const automaton = buildAutomaton(patterns);
  const hits: string[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = automaton.classOf[text.charCodeAt(i)] as number;
    state = cls === CLASS_OTHER ? 0 : step(automaton, state, cls);
    for (let o = automaton.outStart[state] as number; o < (automaton.outStart[state + 1] as number); o++) {
      hits.push(`${automaton.outPatterns[o]}@${i}`);
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
