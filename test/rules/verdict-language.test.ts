/**
 * assessListingIn words a verdict in one language only. It must be assessListing's verdict with
 * the other language left out, whatever was assessed before in either form: the reason caches are
 * shared between the forms (scoring.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessListing, assessListingIn } from '../../lib/rules/assess-listing';
import type { AssessableListing } from '../../lib/rules/assessable-listing';
import { BUILTIN_PACKS } from '../../lib/rules/builtin-pack';
import { compileRules } from '../../lib/rules/compile-rules';
import { mergeRulePacks } from '../../lib/rules/merge-packs';
import type { LocalizedText, NoticeHit, Verdict } from '../../lib/verdict';
import { generateListings } from '../bench/bench-listings';
import { listing } from './builtin-rules';

// Example notice data for the tests only: not a real announcement.
const notice = { noticeId: 'example-notice', noticeTitle: '示例公告（示例数据）', publisher: 'Example Marketplace', published: null, url: 'https://example.org/n' } as const;
const HITS: readonly NoticeHit[][] = [
  [],
  [{ ...notice, match: 'item', action: 'removed', date: '2016-06-10' }],
  [{ ...notice, match: 'shop', action: 'warned', date: null, url: null }],
  [{ ...notice, match: 'brand', brand: 'gucci' }, { ...notice, match: 'brand', brand: 'louis_vuitton' }],
];

const labelled: AssessableListing[] = readFileSync(new URL('./labelled-titles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { title: string; price?: number; shop?: string })
  .map((row) => listing(row.title, row.price, row.shop));
// Titles for the reasons the samples below rarely reach, each repeated so every notice case meets it.
const RARE = ['古驰 女包 工厂直销 批发', 'GUCCI PRADA CHANEL DIOR 女包 大牌', 'LV 女包 老花'].flatMap((title) => HITS.map(() => listing(title, 200)));
const LISTINGS = [...RARE, ...labelled, ...generateListings(3000, mergeRulePacks(BUILTIN_PACKS))];

function inOneLanguage(verdict: Verdict<LocalizedText>, language: keyof LocalizedText): Verdict<string> {
  const { brandName, reasons, ...rest } = verdict;
  return { ...rest, ...(brandName ? { brandName: brandName[language] } : {}), reasons: reasons.map((reason) => ({ ...reason, text: reason.text[language] })) };
}

describe('verdicts worded in one language', () => {
  it.each(['en', 'zh_CN'] as const)('%s: the both-language verdict with only that language, the forms interleaved', (language) => {
    const rules = compileRules(BUILTIN_PACKS);
    const codes = new Set<string>();
    LISTINGS.forEach((item, i) => {
      const hits = HITS[i % HITS.length] as NoticeHit[];
      // Alternate which form meets a title first, so a cache that mixed the forms would show.
      const one = i % 2 === 0 ? assessListingIn(language, item, rules, hits, 'strict') : undefined;
      const both = assessListing(item, rules, hits, 'strict');
      const expected = inOneLanguage(both, language);
      expect(one ?? assessListingIn(language, item, rules, hits, 'strict')).toStrictEqual(expected);
      for (const reason of both.reasons) codes.add(reason.code);
    });
    // The sample reaches every kind of reason the wording has, notices included.
    expect([...codes].sort()).toEqual(
      expect.arrayContaining(['brand', 'counterfeit-term', 'lookalike', 'accessory', 'indirect-name', 'price-below-floor', 'price-far-below-floor', 'notice-item', 'notice-shop', 'notice-brand', 'brand-stuffing', 'second-hand', 'factory-wording']),
    );
  });
});
