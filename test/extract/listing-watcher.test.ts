import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { FoundListing } from '../../lib/extract/found-listing';
import { SLICE_BUDGET_MS, watchListings } from '../../lib/extract/listing-watcher';

const URL_2025 = 'https://s.taobao.com/search?q=gucci&tab=all';

function card(doc: Document, id: string, title: string): Element {
  const a = doc.createElement('a');
  a.className = 'doubleCardWrapperAdapt--gt6Gs7uk';
  a.id = `item_id_${id}`;
  a.href = `//item.taobao.com/item.htm?id=${id}`;
  const titleEl = doc.createElement('div');
  titleEl.className = 'title--qJ7Xg_90';
  titleEl.title = title;
  titleEl.textContent = title;
  a.append(titleEl);
  return a;
}

interface SetupOptions {
  cards?: number;
  /** Runs on the document before the watcher starts (a page that pre-marks its cards, say). */
  before?: (doc: Document) => void;
  now?: () => number;
}

// The clock stands still unless a test moves it: how much fits in a slice must not depend on the machine.
function setup({ cards = 3, before, now = () => 0 }: SetupOptions = {}) {
  const { window } = new JSDOM('<!DOCTYPE html><body><div id="content_items_wrapper"></div></body>', { url: URL_2025 });
  const doc = window.document;
  const list = doc.getElementById('content_items_wrapper')!;
  for (let i = 0; i < cards; i++) list.append(card(doc, String(710000000000 + i), `GUCCI 包 ${i}`));
  before?.(doc);
  const batches: FoundListing[][] = [];
  const queued: (() => void)[] = [];
  const controller = new AbortController();
  const ownUi = new WeakSet<Element>();
  const watcher = watchListings({
    document: doc,
    currentUrl: () => window.location.href,
    onListings: (found) => batches.push(found),
    schedule: (work) => queued.push(work),
    signal: controller.signal,
    isOwnUi: (element) => ownUi.has(element),
    now,
  });
  // MutationObserver callbacks are microtasks; the scheduled scan runs when the test says so.
  const flush = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    queued.splice(0).forEach((work) => work());
  };
  return { doc, list, batches, queued, controller, watcher, flush, ownUi };
}

describe('watchListings', () => {
  it('reports the listings on the page at once, leaving no mark in the DOM', () => {
    const { doc, batches } = setup();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((f) => f.listing.itemId)).toEqual(['710000000000', '710000000001', '710000000002']);
    expect(doc.querySelectorAll('[data-cr-item], [data-cr-ui], [data-cr-risk]')).toHaveLength(0);
  });

  it('judges a card the page pre-marked as handled (data-cr-item)', () => {
    const { batches } = setup({
      before: (doc) => doc.querySelectorAll('a').forEach((a) => a.setAttribute('data-cr-item', a.id.replace('item_id_', ''))),
    });
    expect(batches[0]!.map((f) => f.listing.itemId)).toEqual(['710000000000', '710000000001', '710000000002']);
  });

  it('still reads new cards the page disguises as our UI (data-cr-ui)', async () => {
    const { doc, list, batches, flush } = setup();
    const disguised = card(doc, '740000000000', 'GUCCI 包 hidden');
    disguised.setAttribute('data-cr-ui', '');
    list.append(disguised);
    await flush();
    expect(batches[1]!.map((f) => f.listing.itemId)).toEqual(['740000000000']);
  });

  it('reads again only the card that changed, not the page', async () => {
    const { list, batches, flush } = setup({ cards: 300 });
    expect(batches.flat()).toHaveLength(300);
    const changed = list.children[150]!;
    changed.id = 'item_id_720000000150';
    changed.setAttribute('href', '//item.taobao.com/item.htm?id=720000000150');
    // A busy page: text changes in other cards that show the same items as before.
    for (const other of [...list.children].slice(0, 40)) other.querySelector('div')!.append('!');
    await flush();
    expect(batches.slice(1).flat().map((f) => f.listing.itemId)).toEqual(['720000000150']);
  });

  it('leaves new text in a card already reported alone, and reads a card whose text arrives late', async () => {
    const { doc, list, batches, queued } = setup({ cards: 3 });
    // A page re-rendering its sales figures: no scan is even scheduled for it.
    for (const reported of list.children) reported.querySelector('div')!.textContent = '2000+人付款';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queued).toHaveLength(0);
    // A card rendered empty, its title filled in afterwards, is read when the text comes.
    const late = card(doc, '730000000001', '');
    late.querySelector('div')!.removeAttribute('title');
    list.append(late);
    await new Promise((resolve) => setTimeout(resolve, 0));
    queued.splice(0).forEach((work) => work());
    expect(batches.slice(1).flat()).toHaveLength(0);
    late.querySelector('div')!.textContent = 'GUCCI 包 晚到';
    await new Promise((resolve) => setTimeout(resolve, 0));
    queued.splice(0).forEach((work) => work());
    expect(batches.slice(1).flat().map((f) => f.listing.itemId)).toEqual(['730000000001']);
  });

  it('reads a card added during a big page\'s first scan before the rest of that scan', async () => {
    let clock = 0;
    const { doc, list, batches, queued } = setup({ cards: 1000, now: () => (clock += 1) });
    list.append(card(doc, '750000000000', 'GUCCI 包 new'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    queued.splice(0).forEach((work) => work());
    expect(batches[1]!.map((f) => f.listing.itemId)).toContain('750000000000');
    expect(new Set(batches.flat().map((f) => f.listing.itemId)).size).toBeLessThan(1001);
  });

  it('spreads a big page over frames, yielding once a slice has used its budget', async () => {
    let clock = 0;
    // Each look at the clock costs a millisecond: a slice sees its budget spent after a few steps.
    const { batches, queued } = setup({ cards: 1000, now: () => (clock += 1) });
    const firstSlice = batches.flat().length;
    expect(firstSlice).toBeGreaterThan(0);
    expect(firstSlice).toBeLessThan(1000);
    let frames = 1;
    while (queued.length > 0) {
      queued.splice(0).forEach((work) => work());
      frames++;
    }
    expect(frames).toBeGreaterThan(1);
    expect(new Set(batches.flat().map((f) => f.listing.itemId)).size).toBe(1000);
    expect(SLICE_BUDGET_MS).toBeLessThanOrEqual(8);
  });

  it('scans once per batch of mutations and reports only new listings', async () => {
    const { doc, list, batches, queued, flush } = setup();
    for (let i = 3; i < 43; i++) list.append(card(doc, String(710000000000 + i), `新品 ${i}`));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queued).toHaveLength(1); // forty insertions, one scheduled scan
    await flush();
    expect(batches).toHaveLength(2);
    expect(batches[1]).toHaveLength(40);
  });

  it('does not report a listing twice, and ignores its own UI', async () => {
    const { doc, list, batches, queued, flush, ownUi } = setup();
    const badge = doc.createElement('div');
    ownUi.add(badge);
    list.append(badge);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queued).toHaveLength(0);
    list.append(doc.createElement('div')); // a foreign node with no listing in it
    await flush();
    expect(batches).toHaveLength(1);
  });

  it('reports a re-used element that now shows another item', async () => {
    const { list, batches, flush } = setup();
    const first = list.firstElementChild!;
    first.id = 'item_id_720000000000';
    first.setAttribute('href', '//item.taobao.com/item.htm?id=720000000000');
    list.append(list.ownerDocument.createElement('span')); // React re-renders come with insertions
    await flush();
    expect(batches[1]!.map((f) => f.listing.itemId)).toEqual(['720000000000']);
  });

  it('stops observing when its context is invalidated', async () => {
    const { doc, list, queued, controller } = setup();
    controller.abort();
    list.append(card(doc, '730000000000', 'late'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queued).toHaveLength(0);
  });
});
