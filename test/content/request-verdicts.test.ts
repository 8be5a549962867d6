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
    const { verdicts, failures } = await requestVerdicts(Array.from({ length: 230 }, (_, i) => listing(i)), async (batch) => {
      sent.push(batch.length);
      return { verdicts: batch.map(verdictFor) };
    });
    expect(sent).toEqual([100, 100, 30]);
    expect(verdicts.size).toBe(230);
    expect(failures).toEqual([]);
  });

  it('refuses a malformed answer', async () => {
    const { verdicts, failures } = await requestVerdicts([listing(1)], async () => ({ verdicts: [{ itemId: '1', risk: 'catastrophic' }] }));
    expect(verdicts.size).toBe(0);
    expect(String(failures[0])).toMatch(/malformed/);
  });

  it('settles each batch on its own: a refused batch costs only its own listings', async () => {
    const shown: number[] = [];
    const { verdicts, failures } = await requestVerdicts(
      Array.from({ length: 250 }, (_, i) => listing(i)),
      async (batch) => {
        if (batch.some((l) => l.itemId === listing(120).itemId)) throw new Error('rejected a batch: 20.shop.name: Invalid length');
        return { verdicts: batch.map(verdictFor) };
      },
      (answered) => shown.push(answered.size),
    );
    expect(shown).toEqual([100, 50]);
    expect(verdicts.size).toBe(150);
    expect(verdicts.has(listing(120).itemId)).toBe(false);
    expect(failures).toHaveLength(1);
  });

  it('ignores verdicts for listings it did not ask about', async () => {
    const { verdicts } = await requestVerdicts([listing(1)], async (batch) => ({ verdicts: [...batch.map(verdictFor), verdictFor(listing(99))] }));
    expect([...verdicts.keys()]).toEqual(['700000000001']);
  });
});
