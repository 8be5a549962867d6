import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CardFields } from '../../lib/extract/card-fields';
import { extractPage } from '../../lib/extract/extract-page';
import { cardScopeOf, extractScoped, scopesOfCards } from '../../lib/extract/scoped-extract';
import { SEARCH_CARD } from '../../lib/extract/selectors';
import type { Listing } from '../../lib/listing';
import { fixturePages } from './fixture-pages';

/** Listings by id; a listing seen in two scopes (ad shell and card) is the whole-page merge's. */
const byId = (listings: readonly Listing[]) => new Map(listings.map((l) => [l.itemId, l]));

describe('scoped extraction: reading a search page card by card', () => {
  const searchPages = fixturePages().filter((p) => p.expected.page === 'search');

  it.each(searchPages.map((p) => [p.name, p] as const))('finds on %s the listings the whole-page extraction finds', (_name, page) => {
    const doc = page.document();
    // A page without today's cards (classic search) is read whole: its JSON-only listings count too.
    const whole = extractPage(doc, page.url).found;
    const scoped = extractScoped(doc, page.url, scopesOfCards(doc));
    expect([...byId(scoped.map((f) => f.listing)).keys()].sort()).toEqual(whole.map((f) => f.listing.itemId).sort());
    // Each listing's fields as the whole page reads them (duplicates aside: merged there, twice here).
    const scopedById = new Map<string, Listing[]>();
    for (const f of scoped) scopedById.set(f.listing.itemId, [...(scopedById.get(f.listing.itemId) ?? []), f.listing]);
    for (const f of whole) {
      const copies = scopedById.get(f.listing.itemId) ?? [];
      if (copies.length === 1) expect(copies[0]).toEqual(f.listing);
      else expect(copies.map((c) => c.title)).toContain(f.listing.title);
    }
  });

  it('reads a change inside a card as that card', () => {
    const page = searchPages.find((p) => p.name === 'search-2025')!;
    const doc = page.document();
    const title = doc.querySelector('[class*="title--"]')!;
    const card = cardScopeOf(title)!;
    expect(card.id).toMatch(/^item_id_\d+$/);
    expect(extractScoped(doc, page.url, [title, card]).map((f) => f.listing.itemId)).toEqual([card.id.slice('item_id_'.length)]);
  });
});

describe('card fields on a long grid', () => {
  it('assigns the fields of 2,000 sibling cards to their own cards, split-off shop blocks included', () => {
    const doc = new JSDOM('<!DOCTYPE html><body><div id="grid"></div></body>').window.document;
    const grid = doc.getElementById('grid')!;
    for (let i = 0; i < 2_000; i++) {
      const card = doc.createElement('a');
      card.className = 'doubleCardWrapperAdapt--x';
      card.id = `item_id_${700000000000 + i}`;
      const title = doc.createElement('div');
      title.className = 'title--y';
      title.textContent = `t${i}`;
      card.append(title);
      // The shop block as the HTML parser leaves a nested link: a sibling after the card.
      const shop = doc.createElement('a');
      shop.className = 'shopName--z';
      const name = doc.createElement('span');
      name.className = 'shopNameText--w';
      name.textContent = `s${i}`;
      shop.append(name);
      grid.append(card, shop);
    }
    const cards = [...grid.querySelectorAll('a[id^="item_id_"]')];
    const fields = new CardFields(doc, cards, SEARCH_CARD);
    expect(cards.every((card, i) => fields.first(card, 'title')?.textContent === `t${i}` && fields.first(card, 'shopName')?.textContent === `s${i}`)).toBe(true);
  });
});
