/**
 * verdictJsonLine writes verdicts by hand, with each shared reason serialised once: it must be
 * JSON.stringify's output byte for byte, in both language forms, with and without notices.
 */
import { describe, expect, it } from 'vitest';
import { assessInLang, LANGS, verdictJsonLine } from '../../lib/cli/verdict-output';
import { BUILTIN_PACKS } from '../../lib/rules/builtin-pack';
import { compileRules } from '../../lib/rules/compile-rules';
import { mergeRulePacks } from '../../lib/rules/merge-packs';
import type { NoticeHit } from '../../lib/verdict';
import { generateListings } from '../bench/bench-listings';

// Example notice data for the tests only: not a real announcement.
const HITS: NoticeHit[][] = [
  [],
  [{ match: 'item', noticeId: 'n-1', noticeTitle: '示例 "公告"\\', publisher: 'Example', published: '2016-05-20', url: 'https://example.org/n', action: 'removed', date: null }],
  [{ match: 'brand', noticeId: 'n-2', noticeTitle: 'Example', publisher: 'Example', published: null, url: null, brand: 'gucci' }],
];

describe('verdict JSON lines', () => {
  const rules = compileRules(BUILTIN_PACKS);
  const listings = generateListings(2000, mergeRulePacks(BUILTIN_PACKS));
  listings.push({ itemId: '"\u2028\\', title: '古驰 高仿 女包', shop: { name: '店"\n', id: null, platform: 'tmall', tier: null } });

  it.each(LANGS)('--lang %s: JSON.stringify(verdict) and a newline', (lang) => {
    const assess = assessInLang(lang);
    listings.forEach((listing, i) => {
      const verdict = assess(listing, rules, HITS[i % HITS.length] as NoticeHit[], 'balanced');
      // Twice: the second time the shared reasons come from the cache.
      expect(verdictJsonLine(verdict)).toBe(`${JSON.stringify(verdict)}\n`);
      expect(verdictJsonLine(verdict)).toBe(`${JSON.stringify(verdict)}\n`);
    });
  });
});
