import { describe, expect, it } from 'vitest';
import { queryAll, type Selector } from '../../lib/extract/selector';
import { selectorRegistry } from '../../lib/extract/selector-registry';
import { fixturePages } from './fixture-pages';

// Like refined-github's selector expectations: every alternative states on which synthetic pages it
// matches and how often, and on every other page it must match nothing. A changed count means the
// alternative now finds something else (or nothing): the fixture or the selector must say why.
const documents = fixturePages().map((page) => ({ name: page.name, doc: page.document() }));

describe('selector registry', () => {
  it.each(selectorRegistry().map(({ name, selector }) => [name, selector] as const))('%s matches where it says, as often as it says', (_name, selector: Selector) => {
    const actual: Record<string, number> = {};
    for (const { name, doc } of documents) {
      const count = queryAll(doc, [selector]).length;
      if (count > 0) actual[name] = count;
    }
    expect(actual).toEqual(selector.expect.fixtures);
  });

  it('has no dead alternative: each matches at least one page', () => {
    const dead = selectorRegistry().filter(({ selector }) => Object.keys(selector.expect.fixtures).length === 0 && Object.keys(selector.expect.real ?? {}).length === 0);
    expect(dead.map((d) => d.name)).toEqual([]);
  });

  it('names only fixture pages that exist', () => {
    const names = new Set(documents.map((d) => d.name));
    const unknown = selectorRegistry().flatMap(({ name, selector }) => Object.keys(selector.expect.fixtures).filter((page) => !names.has(page)).map((page) => `${name}: ${page}`));
    expect(unknown).toEqual([]);
  });
});
