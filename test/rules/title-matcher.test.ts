import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../lib/rules/automaton';
import { separatorMask } from '../../lib/rules/text-folding';
import { ScanBuffers, TitleMatcher } from '../../lib/rules/title-matcher';
import { seededRandom } from './seeded-random';

function matcherFor(patterns: string[]): TitleMatcher {
  return new TitleMatcher(buildAutomaton(patterns), new Uint8Array(patterns.length), Uint32Array.from(patterns.map(separatorMask)));
}

function hits(matcher: TitleMatcher, patterns: string[], text: string, buffers = new ScanBuffers()): string[] {
  const count = matcher.scan(text, buffers);
  return Array.from({ length: count }, (_, h) => `${patterns[buffers.hitPattern[h] as number]}@${buffers.hitStart[h]}`).sort();
}

/** The longest-wins rule stated plainly: every occurrence not lying inside a longer occurrence. */
function naiveLongest(patterns: string[], text: string): string[] {
  const all: { pattern: string; start: number; end: number }[] = [];
  for (const pattern of patterns) {
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) all.push({ pattern, start: at, end: at + pattern.length - 1 });
  }
  return all
    .filter((hit) => !all.some((other) => other !== hit && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start))
    .map((hit) => `${hit.pattern}@${hit.start}`)
    .sort();
}

describe('TitleMatcher', () => {
  it('keeps the longest hit: a colour hides the brand inside it', () => {
    const patterns = ['爱马仕', '爱马仕橙', '马仕', '口红'];
    expect(hits(matcherFor(patterns), patterns, '爱马仕橙口红 爱马仕')).toEqual(['口红@4', '爱马仕@6', '爱马仕橙@0']);
  });

  it('agrees with the plain longest-wins rule on random patterns and texts', () => {
    const next = seededRandom(99);
    const alphabet = '香奈儿包链条风';
    const pick = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + Math.floor(next() * 10) }, () => pick(1 + Math.floor(next() * 4))))];
      const text = pick(Math.floor(next() * 50));
      expect(hits(matcherFor(patterns), patterns, text), `patterns ${JSON.stringify(patterns)} text ${text}`).toEqual(naiveLongest(patterns, text));
    }
  });

  it('is linear in the title: a 100,000-character title of nested hits scans in one pass', () => {
    const patterns = ['包', '包包', '包包包'];
    const matcher = matcherFor(patterns);
    const buffers = new ScanBuffers();
    const count = matcher.scan('包'.repeat(100_000), buffers);
    // Every window of three: the 99,998 longest hits (shorter ones lie inside them).
    expect(count).toBe(99_998);
  });

  it('reuses its buffers: one ScanBuffers serves titles of any length in turn', () => {
    const patterns = ['gucci', '古驰'];
    const matcher = matcherFor(patterns);
    const buffers = new ScanBuffers();
    expect(hits(matcher, patterns, `${'x'.repeat(5000)} gucci`, buffers)).toEqual(['gucci@5000']);
    expect(hits(matcher, patterns, '古驰 女包', buffers)).toEqual(['古驰@0']);
  });
});
