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
    ['below the badge when it fits', { top: 100, left: 50, bottom: 124 }, { top: 128, left: 50 }],
    ['above the badge near the bottom', { top: 700, left: 50, bottom: 724 }, { top: 496, left: 50 }],
    ['below anyway when neither fits', { top: 100, left: 50, bottom: 124 }, { top: 128, left: 50 }, { width: 1280, height: 250 }],
    ['inside the right edge', { top: 100, left: 1200, bottom: 124 }, { top: 128, left: 972 }],
    ['inside the left edge', { top: 100, left: -40, bottom: 124 }, { top: 128, left: 8 }],
  ])('%s', (_, badge, expected, view = viewport) => {
    expect(placePanel(badge, panel, view)).toEqual(expected);
  });
});
