import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { FoundListing } from '../../lib/extract/found-listing';
import { ITEM_MARK, OWN_UI_MARK, watchListings } from '../../lib/extract/listing-watcher';

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

function setup() {
  const { window } = new JSDOM('<!DOCTYPE html><body><div id="content_items_wrapper"></div></body>', { url: URL_2025 });
  const doc = window.document;
  const list = doc.getElementById('content_items_wrapper')!;
  for (let i = 0; i < 3; i++) list.append(card(doc, String(710000000000 + i), `GUCCI 包 ${i}`));
  const batches: FoundListing[][] = [];
  const queued: (() => void)[] = [];
  const controller = new AbortController();
  const watcher = watchListings({
    document: doc,
    currentUrl: () => window.location.href,
    onListings: (found) => batches.push(found),
    schedule: (work) => queued.push(work),
    signal: controller.signal,
  });
  // MutationObserver callbacks are microtasks; the scheduled scan runs when the test says so.
  const flush = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    queued.splice(0).forEach((work) => work());
  };
  return { doc, list, batches, queued, controller, watcher, flush };
}

describe('watchListings', () => {
  it('reports the listings on the page at once and marks their elements', () => {
    const { doc, batches } = setup();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((f) => f.listing.itemId)).toEqual(['710000000000', '710000000001', '710000000002']);
    expect([...doc.querySelectorAll(`[${ITEM_MARK}]`)].map((el) => el.getAttribute(ITEM_MARK))).toEqual(['710000000000', '710000000001', '710000000002']);
  });

  it('scans once per batch of mutations and reports only new listings', async () => {
    const { doc, list, batches, queued, flush } = setup();
    for (let i = 3; i < 43; i++) list.append(card(doc, String(710000000000 + i), `新品 ${i}`));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queued).toHaveLength(1); // forty insertions, one scheduled scan
    await flush();
    expect(batches).toHaveLength(2);
    expect(batches[1]).toHaveLength(40);
    expect(doc.querySelectorAll(`[${ITEM_MARK}]`)).toHaveLength(43);
  });

  it('does not report a listing twice, and ignores its own UI', async () => {
    const { doc, list, batches, queued, flush } = setup();
    const badge = doc.createElement('div');
    badge.setAttribute(OWN_UI_MARK, '');
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
