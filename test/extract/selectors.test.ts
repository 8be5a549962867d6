import { describe, expect, it } from 'vitest';
import { queryAll, type Selector } from '../../lib/extract/selector';
import { BLOCKED_PAGE, ITEM_PAGE, SEARCH_CARD, SHOP_GRID } from '../../lib/extract/selectors';
import { fixturePages } from './fixture-pages';

// Like refined-github's selector checks: every alternative in the registry must still match something
// on at least one saved page, or it is dead weight that hides a broken extractor.
const documents = fixturePages().map((page) => ({ name: page.name, doc: page.document() }));

const registry: [string, Selector][] = [
  ...Object.entries(ITEM_PAGE).flatMap(([field, list]) => list.map((s): [string, Selector] => [`ITEM_PAGE.${field}`, s])),
  ...Object.entries(SEARCH_CARD).flatMap(([field, list]) => list.map((s): [string, Selector] => [`SEARCH_CARD.${field}`, s])),
  ...Object.entries(SHOP_GRID).flatMap(([field, list]) => list.map((s): [string, Selector] => [`SHOP_GRID.${field}`, s])),
  ...BLOCKED_PAGE.map((s): [string, Selector] => ['BLOCKED_PAGE', s]),
];

describe('selector registry', () => {
  it.each(registry.map(([group, selector]) => [`${group} ${selector.label}`, selector] as const))('%s matches a fixture page', (_label, selector) => {
    const matching = documents.filter(({ doc }) => queryAll(doc, [selector]).length > 0).map((d) => d.name);
    expect(matching.length).toBeGreaterThan(0);
  });
});
