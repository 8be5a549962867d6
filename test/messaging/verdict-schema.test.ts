import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { verdictSchema } from '../../lib/messaging/verdict-schema';
import type { Verdict } from '../../lib/verdict';

const VERDICT: Verdict = {
  itemId: '712345678901',
  risk: 'medium',
  brand: 'gucci',
  score: 40,
  reasons: [
    { code: 'brand', text: { en: 'Offered as Gucci.', zh_CN: '以古驰名义出售。' }, weight: 'context' },
    { code: 'price-below-floor', text: { en: 'Cheap.', zh_CN: '便宜。' }, weight: 'supporting', source: 'estimate: an example note' },
  ],
};

describe('verdictSchema: what the content script accepts from the background', () => {
  it('keeps each reason’s weight and a price floor’s source, which the details panel shows', () => {
    const parsed = v.parse(verdictSchema, VERDICT);
    expect(parsed.reasons.map((reason) => [reason.weight, reason.source])).toEqual([
      ['context', undefined],
      ['supporting', 'estimate: an example note'],
    ]);
  });

  it.each([
    ['an unknown weight', { weight: 'decisive' }],
    ['a source that is not text', { source: { html: '<b>' } }],
  ])('refuses %s', (_, change) => {
    const verdict = { ...VERDICT, reasons: [{ ...VERDICT.reasons[1]!, ...change }] };
    expect(v.safeParse(verdictSchema, verdict).success).toBe(false);
  });

  it('keeps the official shops the badge builds its link from, and refuses any that could not be one', () => {
    const shops = [
      { name: 'GUCCI古驰官方旗舰店', shopId: '57301234' },
      { name: 'GUCCI古驰官方旗舰店', shopId: null },
    ];
    expect(v.parse(verdictSchema, { ...VERDICT, officialShops: shops }).officialShops).toEqual(shops);
    for (const officialShops of [
      [{ name: 'X', shopId: '57301234.evil.example' }],
      [{ name: 'X', shopId: '1/../evil' }],
      [{ name: '', shopId: null }],
      [{ name: '店'.repeat(101), shopId: null }],
      [{ name: 'X', shopId: null, url: 'https://evil.example/' }],
      Array.from({ length: 4 }, () => shops[0]),
    ]) {
      expect(v.safeParse(verdictSchema, { ...VERDICT, officialShops }).success, JSON.stringify(officialShops).slice(0, 80)).toBe(false);
    }
  });
});
