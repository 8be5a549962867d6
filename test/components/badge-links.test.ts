import { describe, expect, it } from 'vitest';
import { httpUrlOrNull, taobaoReportUrl } from '../../components/badge/badge-links';
import { placePanel } from '../../components/badge/panel-placement';

describe('taobaoReportUrl', () => {
  it('builds the report page link from the item id', () => {
    expect(taobaoReportUrl('712345678901')).toBe('https://jubao.taobao.com/index.htm?itemId=712345678901');
  });

  it.each(['', '1234', '7123&x=1', '712345678901"><img', 'javascript:alert(1)'])('refuses %j', (id) => {
    expect(() => taobaoReportUrl(id)).toThrow(/5 or more digits/);
  });
});

describe('httpUrlOrNull', () => {
  it.each([
    ['https://www.taobao.com/notice/1.htm', 'https://www.taobao.com/notice/1.htm'],
    ['http://news.example.cn/a?b=1', 'http://news.example.cn/a?b=1'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['//evil.example/x', null],
    ['/relative/path', null],
    ['ftp://files.example/x', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (input, expected) => {
    expect(httpUrlOrNull(input)).toBe(expected);
  });
});

describe('placePanel', () => {
  const viewport = { width: 1280, height: 800 };
  const panel = { width: 300, height: 200 };

  it.each([
    ['below the badge when it fits', { top: 100, left: 50, bottom: 124 }, { top: 128, left: 50, maxHeight: 664 }],
    ['above the badge near the bottom', { top: 700, left: 50, bottom: 724 }, { top: 496, left: 50, maxHeight: 688 }],
    ['inside the right edge', { top: 100, left: 1200, bottom: 124 }, { top: 128, left: 972, maxHeight: 664 }],
    ['inside the left edge', { top: 100, left: -40, bottom: 124 }, { top: 128, left: 8, maxHeight: 664 }],
  ])('%s', (_, badge, expected) => {
    expect(placePanel(badge, panel, viewport)).toEqual(expected);
  });

  /** The panel as placed lies wholly inside the viewport, at most as tall as it may be. */
  function expectInside(place: { top: number; maxHeight: number }, height: number, view: { height: number }) {
    const shown = Math.min(height, place.maxHeight);
    expect(place.top).toBeGreaterThanOrEqual(8);
    expect(place.top + shown).toBeLessThanOrEqual(view.height - 8);
  }

  it('when it fits on neither side, takes the side with more room and is cut to it', () => {
    const tall = { width: 300, height: 600 };
    const view = { width: 1280, height: 700 };
    const nearTop = placePanel({ top: 200, left: 50, bottom: 224 }, tall, view);
    expect(nearTop).toEqual({ top: 228, left: 50, maxHeight: 464 });
    const nearBottom = placePanel({ top: 480, left: 50, bottom: 504 }, tall, view);
    expect(nearBottom).toEqual({ top: 8, left: 50, maxHeight: 468 });
    expectInside(nearTop, tall.height, view);
    expectInside(nearBottom, tall.height, view);
  });

  it.each([
    ['at the very bottom', { top: 780, left: 50, bottom: 804 }, { width: 1280, height: 800 }],
    ['half scrolled out at the top', { top: -10, left: 50, bottom: 14 }, { width: 1280, height: 800 }],
    ['in a short viewport', { top: 100, left: 50, bottom: 124 }, { width: 1280, height: 260 }],
  ])('stays inside the viewport with room to show something, %s', (_, badge, view) => {
    const place = placePanel(badge, { width: 300, height: 420 }, view);
    expect(place.maxHeight).toBeGreaterThanOrEqual(Math.min(160, view.height - 16));
    expectInside(place, 420, view);
  });
});
