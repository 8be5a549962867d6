/**
 * A lexicon term may count only right before a brand name, only right after it, or both: 仿LV and
 * LV仿, 跨境D家 and D家跨境. Merging keeps the two positions of one term as two entries.
 */
import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { compileRules } from '../../lib/rules/compile-rules';
import { mergeRulePacks } from '../../lib/rules/merge-packs';
import { parseRulePack } from '../../lib/rules/rule-pack';
import { BUILTIN_RULES, listing } from './builtin-rules';

const pack = parseRulePack({
  format: 'counterfeit-radar.rules',
  formatVersion: 2,
  id: 'positions',
  version: '1',
  brands: [{ id: 'acme', names: { en: 'Acme', zh_CN: '阿克米' }, aliases: ['阿克米'], sells: ['bag'] }],
  categories: [{ id: 'bag', names: { en: 'bags', zh_CN: '包' }, terms: ['包包'] }],
  lexicons: {
    counterfeit: [
      { term: '仿', position: 'before-brand' },
      { term: '仿', position: 'after-brand' },
    ],
  },
});

const codes = (title: string): string[] => assessListing(listing(title, 5000), compileRules([pack])).reasons.map((reason) => reason.code);

describe('a term in both positions', () => {
  it('is kept twice by merging', () => {
    expect(mergeRulePacks([pack]).lexicons.counterfeit).toEqual([
      { term: '仿', position: 'before-brand' },
      { term: '仿', position: 'after-brand' },
    ]);
  });

  it('counts before the name and after it, and not apart from it', () => {
    expect(codes('仿阿克米 包包')).toContain('counterfeit-term');
    expect(codes('阿克米仿 包包')).toContain('counterfeit-term');
    expect(codes('阿克米 包包 仿')).not.toContain('counterfeit-term');
  });

  it('the built-in 跨境 is factory wording right next to a nickname, on either side', () => {
    for (const title of ['D家跨境 新款 墨镜', '跨境D家 新款 墨镜']) {
      expect(assessListing(listing(title, 900), BUILTIN_RULES).reasons.map((reason) => reason.code)).toContain('factory-wording');
    }
    expect(assessListing(listing('跨境 新款 墨镜 D家', 900), BUILTIN_RULES).reasons.map((reason) => reason.code)).not.toContain('factory-wording');
  });
});
