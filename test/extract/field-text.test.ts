import { describe, expect, it } from 'vitest';
import { cleanImageUrl, cleanText, joinPrice, parseLocation, parsePrice, parseSales } from '../../lib/extract/field-text';

describe('parsePrice', () => {
  it.each([
    ['¥99.90', 99.9, 99.9],
    ['￥ 1,280.00', 1280, 1280],
    ['1280-1580', 1280, 1580],
    ['¥1,280.00 - ¥1,580.00', 1280, 1580],
    ['99', 99, 99],
    ['券后 ¥89 起', 89, 89],
  ])('%s', (text, min, max) => {
    expect(parsePrice(text)).toEqual({ min, max, currency: 'CNY' });
  });
  it.each([[''], ['面议'], [null]])('%s has no price', (text) => {
    expect(parsePrice(text)).toBeNull();
  });
  it('joins a search card price', () => {
    expect(joinPrice('1299', '.50')).toEqual({ min: 1299.5, max: 1299.5, currency: 'CNY' });
    expect(joinPrice('88', null)).toEqual({ min: 88, max: 88, currency: 'CNY' });
  });
});

describe('parseSales', () => {
  it.each([
    ['已售 1万+', '1万+'],
    ['82人付款', '82'],
    ['1万+人付款', '1万+'],
    ['月销 200+', '200+'],
    ['总销量：12', '12'],
    ['200+人收货', '200+'],
    ['暂无销量', null],
  ])('%s → %s', (text, sales) => {
    expect(parseSales(text)).toBe(sales);
  });
});

describe('parseLocation and cleanText', () => {
  it('keeps the origin of a ship-from line', () => {
    expect(parseLocation('浙江嘉兴 至 北京市')).toBe('浙江嘉兴');
    expect(parseLocation('  广东   广州 ')).toBe('广东 广州');
    expect(parseLocation(' ')).toBeNull();
  });
  it('drops invisible characters used to dodge filters', () => {
    expect(cleanText('G\u200bU\u200dCCI  包\uFEFF')).toBe('GUCCI 包');
  });
});

describe('cleanImageUrl', () => {
  it.each([
    ['//img.alicdn.com/imgextra/i1/2200/O1CN01abc.jpg_q50.jpg_.webp', 'https://img.alicdn.com/imgextra/i1/2200/O1CN01abc.jpg'],
    ['https://gw.alicdn.com/bao/uploaded/i4/O1CN01x.png_460x460q90.jpg', 'https://gw.alicdn.com/bao/uploaded/i4/O1CN01x.png'],
    ['http://img.alicdn.com/i2/O1CN01y.jpg', 'https://img.alicdn.com/i2/O1CN01y.jpg'],
    ['//img.alicdn.com/imgextra/i1/O1CN01CYtPWu1MUBqQAUK9D_!!6000000001437-2-tps-2-2.png', null],
    ['//g.alicdn.com/s.gif', null],
    ['https://assets.alicdn.com/app/search/spaceball.gif', null],
    ['javascript:alert(1)', null],
    ['data:image/gif;base64,R0lGOD', null],
    ['', null],
  ])('%s → %s', (raw, url) => {
    expect(cleanImageUrl(raw)).toBe(url);
  });
});
