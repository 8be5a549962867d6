import { describe, expect, it } from 'vitest';
import { requestVerdicts } from '../../lib/content/request-verdicts';
import type { Listing } from '../../lib/listing';
import type { Verdict } from '../../lib/verdict';

function listing(n: number): Listing {
  const itemId = String(700000000000 + n);
  return {
    itemId,
    url: `https://item.taobao.com/item.htm?id=${itemId}`,
    title: `古驰 包 ${n}`,
    price: null,
    shop: { name: null, id: null, platform: 'taobao', tier: null },
    sales: null,
    location: null,
    image: null,
    isAd: false,
  };
}

const verdictFor = (l: Listing): Verdict => ({ itemId: l.itemId, risk: 'low', brand: 'gucci', score: 10, reasons: [] });

describe('requestVerdicts', () => {
  it('sends one message per batch of at most 100 listings', async () => {
    const sent: number[] = [];
    const verdicts = await requestVerdicts(Array.from({ length: 230 }, (_, i) => listing(i)), async (batch) => {
      sent.push(batch.length);
      return { verdicts: batch.map(verdictFor) };
    });
    expect(sent).toEqual([100, 100, 30]);
    expect(verdicts.size).toBe(230);
  });

  it('refuses a malformed answer', async () => {
    await expect(requestVerdicts([listing(1)], async () => ({ verdicts: [{ itemId: '1', risk: 'catastrophic' }] }))).rejects.toThrow(/malformed/);
  });

  it('ignores verdicts for listings it did not ask about', async () => {
    const verdicts = await requestVerdicts([listing(1)], async (batch) => ({ verdicts: [...batch.map(verdictFor), verdictFor(listing(99))] }));
    expect([...verdicts.keys()]).toEqual(['700000000001']);
  });
});
