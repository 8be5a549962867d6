import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { layoutUnrecognised, structuralSnapshot } from '../../lib/extract/layout-check';
import { fixturePages } from './fixture-pages';

const page = (html: string, url = 'https://s.taobao.com/search?q=x') => new JSDOM(html, { url }).window.document;

describe('layoutUnrecognised', () => {
  it('is false on every synthetic fixture that yields listings, and on pages that should show none', () => {
    for (const fixture of fixturePages()) {
      const { page: kind, listings } = fixture.expected;
      expect(layoutUnrecognised(fixture.document(), kind, listings.length), fixture.name).toBe(false);
    }
  });

  it('is true for a search page whose result container holds cards we cannot read', () => {
    const doc = page('<div id="content_items_wrapper"><a class="newCard--x1"><div class="newTitle--y2">包</div></a></div>');
    expect(layoutUnrecognised(doc, 'search', 0)).toBe(true);
  });

  it('is true for an item page where no item was found', () => {
    expect(layoutUnrecognised(page('<div id="ice-container"><h2 class="newHeading--a">x</h2></div>', 'https://item.taobao.com/item.htm?id=1234567890'), 'item', 0)).toBe(true);
  });

  it('is false for a search page without a result container (no results, or not rendered yet)', () => {
    expect(layoutUnrecognised(page('<div id="root"></div>'), 'search', 0)).toBe(false);
  });
});

describe('structuralSnapshot', () => {
  it('keeps tags, ids and class names, and drops text, attribute values and URLs', () => {
    const doc = page('<div id="root" class="wrap--a1 x"><a href="https://item.taobao.com/item.htm?id=123456789012" title="秘密标题" class="card--b2"><span>￥88 卖家电话 13800000000</span></a><script>var secret = 1;</script><div class="bad&quot;&lt;img"></div></div>');
    const snapshot = structuralSnapshot(doc, 'search');
    expect(snapshot).toBe(['host: s.taobao.com', 'page kind: search', 'body', '  div#root.wrap--a1.x', '    a.card--b2', '      span', '    div.…'].join('\n'));
  });

  it('stops at its element budget and says how much it left out', () => {
    const doc = page(`<ul>${'<li class="item--z"></li>'.repeat(50)}</ul>`);
    const snapshot = structuralSnapshot(doc, 'search', { maxElements: 10, maxDepth: 40 });
    expect(snapshot.split('\n')).toHaveLength(2 + 10 + 1);
    expect(snapshot).toMatch(/… 42 more elements$/);
  });
});
