import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { complaintText } from '../../lib/activity/reports';
import { COPY_NOTE_MS, ListingBadges, UNDO_MS, type BackgroundLink, type BadgeActions, type BadgeState } from '../../lib/content/listing-badges';
import type { PendingMarks } from '../../lib/content/checking-marks';
import { NO_RETRY, type RetryPolicy } from '../../lib/content/request-verdicts';
import type { FoundListing } from '../../lib/extract/found-listing';
import type { Listing } from '../../lib/listing';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import type { Risk } from '../../lib/verdict';

const doc = new JSDOM('<body></body>').window.document;

function found(n: number, shopId = '1001'): FoundListing {
  const itemId = String(700000000000 + n);
  const card = doc.createElement('a');
  card.textContent = `card ${n}`;
  const listing: Listing = {
    itemId,
    url: `https://item.taobao.com/item.htm?id=${itemId}`,
    title: `t${n}`,
    price: null,
    shop: { name: `shop ${shopId}`, id: shopId, platform: 'taobao', tier: 'store' },
    sales: null,
    location: null,
    image: null,
    isAd: false,
  };
  return { listing, elements: [card] };
}

function setup(
  risks: Record<string, Risk>,
  answer: { trusted?: string[]; reported?: string[]; refuses?: (listings: Listing[]) => boolean } = {},
  retry: RetryPolicy = NO_RETRY,
  marks: PendingMarks | null = null,
) {
  const mounted = new Map<string, { state: BadgeState; actions: BadgeActions; removed: boolean }>();
  const sent: number[] = [];
  const copied: string[] = [];
  /** The page's clipboard refuses writes while this is set (the page lost focus, or a permission prompt). */
  const clipboard = { refuses: false };
  const background: BackgroundLink = {
    assess: async (listings) => {
      sent.push(listings.length);
      if (answer.refuses?.(listings)) throw new Error('rejected a batch');
      return {
        verdicts: listings.map((l) => ({ itemId: l.itemId, risk: risks[l.itemId] ?? 'none', brand: 'gucci', score: 50, reasons: [] })),
        trusted: answer.trusted ?? [],
        reported: answer.reported ?? [],
      };
    },
    trust: async () => ({ key: 'x' }),
    untrust: async () => undefined,
    report: async (listing) => ({ reportId: 1, complaint: `complaint ${listing.itemId}`, screenshot: false, capture: null }),
  };
  const badges = new ListingBadges(
    (_anchor, state, actions) => {
      const record = { state, actions, removed: false };
      mounted.set(state.listing.itemId, record);
      return { update: (next) => (record.state = next), remove: () => (record.removed = true) };
    },
    background,
    DEFAULT_SETTINGS,
    {
      language: 'en',
      copy: async (text) => {
        if (clipboard.refuses) throw new DOMException('Document is not focused.', 'NotAllowedError');
        copied.push(text);
      },
    },
    () => undefined,
    retry,
    marks,
  );
  const shown = () => [...mounted.entries()].filter(([, m]) => !m.removed).map(([id]) => id).sort();
  return { badges, mounted, sent, copied, clipboard, shown, background };
}

const id = (n: number) => String(700000000000 + n);

describe('ListingBadges', () => {
  it('badges medium and high listings only, asking once per batch', async () => {
    const t = setup({ [id(1)]: 'high', [id(2)]: 'medium', [id(3)]: 'low', [id(4)]: 'none' });
    await t.badges.add([found(1), found(2), found(3), found(4)]);
    expect(t.shown()).toEqual([id(1), id(2)]);
    expect(t.sent).toEqual([4]);
    await t.badges.add([found(1)]); // seen again: no new question
    expect(t.sent).toEqual([4]);
  });

  it('shows low-risk marks when the user turns them on', async () => {
    const t = setup({ [id(3)]: 'low' });
    await t.badges.add([found(3)]);
    expect(t.shown()).toEqual([]);
    t.badges.setSettings({ ...DEFAULT_SETTINGS, showLowMarks: true });
    expect(t.shown()).toEqual([id(3)]);
  });

  it('hides trusted listings, and every listing of a shop trusted from a badge, offering Undo for a while on the one clicked', async () => {
    vi.useFakeTimers();
    try {
      const t = setup({ [id(1)]: 'high', [id(2)]: 'high', [id(3)]: 'high', [id(5)]: 'high' }, { trusted: [id(5)] });
      await t.badges.add([found(1), found(2), found(3, '2002'), found(5)]);
      expect(t.shown()).toEqual([id(1), id(2), id(3)]);
      await t.mounted.get(id(1))!.actions.trust('shop');
      expect(t.shown()).toEqual([id(1), id(3)]);
      expect(t.mounted.get(id(1))!.state.undo?.kind).toBe('shop');
      vi.advanceTimersByTime(UNDO_MS);
      expect(t.shown()).toEqual([id(3)]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops the Undo offer when the trust was undone elsewhere (the popup) meanwhile', async () => {
    const t = setup({ [id(1)]: 'high' });
    await t.badges.add([found(1)]);
    await t.mounted.get(id(1))!.actions.trust('item');
    expect(t.mounted.get(id(1))!.state.undo).not.toBeNull();
    await t.badges.reassessAll();
    expect(t.shown()).toEqual([id(1)]);
    expect(t.mounted.get(id(1))!.state.undo).toBeNull();
  });

  it('Undo right after a trust takes it back: the background is told, and every badge of the shop returns', async () => {
    const t = setup({ [id(1)]: 'high', [id(2)]: 'high', [id(3)]: 'high' });
    const untrusted: string[] = [];
    t.background.untrust = async (kind, listing) => void untrusted.push(`${kind}:${listing.itemId}`);
    await t.badges.add([found(1), found(2), found(3, '2002')]);
    await t.mounted.get(id(1))!.actions.trust('shop');
    t.mounted.get(id(1))!.state.undo!.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(untrusted).toEqual([`shop:${id(1)}`]);
    expect(t.shown()).toEqual([id(1), id(2), id(3)]);
    expect(t.mounted.get(id(1))!.state.undo).toBeNull();
  });

  it('marks a report, copies the complaint, and knows earlier reports', async () => {
    const t = setup({ [id(1)]: 'high', [id(2)]: 'high' }, { reported: [id(2)] });
    await t.badges.add([found(1), found(2)]);
    expect(t.mounted.get(id(2))!.state.reported).toBe(true);
    await t.mounted.get(id(1))!.actions.report();
    expect(t.mounted.get(id(1))!.state.reported).toBe(true);
    // The complaint the background would word: the listing's URL, title and reasons.
    expect(t.copied).toEqual([complaintText({ listing: found(1).listing, verdict: { itemId: id(1), risk: 'high', brand: 'gucci', score: 50, reasons: [] } }, 'en')]);
  });

  it('says on the badge, for a while, that the complaint was copied, or that the copy failed', async () => {
    vi.useFakeTimers();
    try {
      const t = setup({ [id(1)]: 'high', [id(2)]: 'high' });
      await t.badges.add([found(1), found(2)]);
      expect(t.mounted.get(id(1))!.state.complaintCopy).toBeNull();
      await t.mounted.get(id(1))!.actions.report();
      expect(t.mounted.get(id(1))!.state).toMatchObject({ reported: true, complaintCopy: 'copied' });
      expect(t.mounted.get(id(2))!.state.complaintCopy).toBeNull();

      t.clipboard.refuses = true;
      await t.mounted.get(id(2))!.actions.report();
      expect(t.mounted.get(id(2))!.state).toMatchObject({ reported: true, complaintCopy: 'failed' });
      expect(t.copied).toHaveLength(1);

      vi.advanceTimersByTime(COPY_NOTE_MS);
      expect(t.mounted.get(id(1))!.state.complaintCopy).toBeNull();
      expect(t.mounted.get(id(2))!.state.complaintCopy).toBeNull();
      expect(t.mounted.get(id(2))!.state.reported).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("confirms the copy of a menu or shortcut report's complaint, made by the page", async () => {
    const t = setup({ [id(1)]: 'high' });
    await t.badges.add([found(1)]);
    t.badges.markReported(id(1), Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')));
    expect(t.mounted.get(id(1))!.state.reported).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.mounted.get(id(1))!.state.complaintCopy).toBe('failed');
    t.badges.markReported(id(1), Promise.resolve());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.mounted.get(id(1))!.state.complaintCopy).toBe('copied');
  });

  it('shows every batch that was answered when another batch fails', async () => {
    const risks = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [id(i), 'high' as Risk]));
    const t = setup(risks, { refuses: (listings) => listings.some((l) => l.itemId === id(10)) });
    await expect(t.badges.add(Array.from({ length: 150 }, (_, i) => found(i)))).rejects.toThrow(AggregateError);
    expect(t.shown()).toHaveLength(50);
  });

  it('asks a failed batch again, and shows its verdicts when the retry is answered', async () => {
    let refusals = 1;
    const waits: number[] = [];
    const t = setup({ [id(1)]: 'high' }, { refuses: () => refusals-- > 0 }, { delaysMs: [500, 2000], wait: async (ms) => void waits.push(ms) });
    await t.badges.add([found(1)]);
    expect(t.sent).toEqual([1, 1]);
    expect(waits).toEqual([500]);
    expect(t.shown()).toEqual([id(1)]);
    expect(t.badges.pending).toBe(0);
  });

  it('gives up after the last retry, and counts nothing as pending any more', async () => {
    const t = setup({ [id(1)]: 'high' }, { refuses: () => true }, { delaysMs: [1, 1], wait: async () => undefined });
    await expect(t.badges.add([found(1)])).rejects.toThrow(AggregateError);
    expect(t.sent).toEqual([1, 1, 1]);
    expect(t.badges.pending).toBe(0);
  });

  it('tells the marks which listings are waiting for a first verdict, which were answered, and which gave up', async () => {
    const log: string[] = [];
    const text = (anchors: readonly Element[]) => anchors.map((a) => a.textContent).join(',');
    const marks: PendingMarks = {
      waiting: (anchors) => void log.push(`waiting ${text(anchors)}`),
      answered: (anchors) => void log.push(`answered ${text(anchors)}`),
      gaveUp: (anchors) => void log.push(`gave up ${text(anchors)}`),
      clear: () => void log.push('clear'),
    };
    const t = setup({ [id(1)]: 'high', [id(2)]: 'none' }, { refuses: (listings) => listings.some((l) => l.itemId === id(3)) }, NO_RETRY, marks);
    await t.badges.add([found(1), found(2)]);
    expect(log).toEqual(['waiting card 1,card 2', 'answered card 1', 'answered card 2']);
    log.length = 0;
    await expect(t.badges.add([found(3)])).rejects.toThrow(AggregateError);
    expect(log).toEqual(['waiting card 3', 'gave up card 3']);
    log.length = 0;
    // A re-ask: listings with a verdict keep their badge and get no mark; the one never judged is checking again.
    await expect(t.badges.reassessAll()).rejects.toThrow(AggregateError);
    expect(log).toEqual(['waiting card 3', 'gave up card 3']);
    t.badges.clear();
    expect(log.at(-1)).toBe('clear');
  });

  it('asks again for every listing when the background says something changed, and updates in place', async () => {
    const risks: Record<string, Risk> = { [id(1)]: 'high', [id(2)]: 'none' };
    const t = setup(risks);
    await t.badges.add([found(1), found(2)]);
    expect(t.shown()).toEqual([id(1)]);
    risks[id(1)] = 'none';
    risks[id(2)] = 'medium';
    await t.badges.reassessAll();
    expect(t.sent).toEqual([2, 2]);
    expect(t.shown()).toEqual([id(2)]);
  });

  it('counts checked, high and medium listings, and lists the flagged ones high first', async () => {
    const t = setup({ [id(1)]: 'medium', [id(2)]: 'high', [id(3)]: 'low' }, { trusted: [] });
    await t.badges.add([found(1), found(2), found(3)]);
    expect(t.badges.status(false)).toEqual({ checked: 3, high: 1, medium: 1, layoutUnrecognised: false });
    expect(t.badges.flagged().map((f) => [f.itemId, f.risk])).toEqual([
      [id(2), 'high'],
      [id(1), 'medium'],
    ]);
    t.badges.clear();
    expect(t.badges.status(false).checked).toBe(0);
    expect(t.shown()).toEqual([]);
  });

  it('finds the listing under the pointer from its own marks, not from DOM attributes', async () => {
    const t = setup({ [id(1)]: 'high', [id(2)]: 'high' });
    const one = found(1);
    const two = found(2);
    const inside = doc.createElement('span');
    one.elements[0]!.append(inside);
    await t.badges.add([one, two]);
    expect(t.badges.listingAt(inside)?.listing.itemId).toBe(id(1));
    // A page that stamps another item's id on a card cannot redirect a report.
    one.elements[0]!.setAttribute('data-cr-item', id(2));
    expect(t.badges.listingAt(inside)?.listing.itemId).toBe(id(1));
    const stray = doc.createElement('div');
    stray.setAttribute('data-cr-item', id(2));
    expect(t.badges.listingAt(stray)).toBeNull();
  });
});
