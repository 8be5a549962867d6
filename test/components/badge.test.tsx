// @vitest-environment happy-dom
import { act, fireEvent, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOVER_CLOSE_DELAY_MS, HOVER_OPEN_DELAY_MS } from '../../components/badge/badge';
import type { BadgeOptions } from '../../components/badge/badge-options';
import { BADGE_CSS } from '../../components/badge/badge-styles';
import { type BadgeHandle, isBadgeHost, mountBadge } from '../../components/badge/mount-badge';
import { brandMakerText, counterfeitTermText, factoryText, inBothLanguages, noticeBrandText, noticeNamedText, priceBelowFloorText } from '../../lib/rules/reason-texts';
import type { NoticeHit, Verdict } from '../../lib/verdict';
import { fakeTranslate, type Locale } from './locale-messages';

// happy-dom marks every dispatched event untrusted, as a browser marks a page script's: here the
// test stands in for the user. test/components/badge-user-events.test.tsx checks the refusal itself.
vi.mock('../../components/badge/user-event', () => ({
  isUserEvent: () => true,
  fromUser: (handler: (event: Event) => void) => handler,
}));

const ITEM_ID = '712345678901';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** An example notice, not a real one: its title and link are made up for the test. */
const NOTICE: NoticeHit = {
  match: 'shop',
  noticeId: 'example-2016-luxury',
  noticeTitle: '（示例）关于奢侈品牌商品专项整治的公告',
  publisher: '淘宝网',
  published: '2016-05-13',
  url: 'https://rule.taobao.com/example/notice-2016-luxury.htm',
  action: 'closed',
  date: '2016-05-20',
};

/** A made-up note, in the shape of a pack floor's `source`. */
const FLOOR_SOURCE = 'estimate: about 40 % of an example counter price';

const VERDICT: Verdict = {
  itemId: ITEM_ID,
  risk: 'high',
  brand: 'gucci',
  score: 100,
  reasons: [
    { code: 'brand', text: inBothLanguages(brandMakerText({ en: 'Gucci', zh_CN: '古驰' }, { en: 'bags', zh_CN: '包袋' })), weight: 'context' },
    { code: 'notice-shop', noticeId: NOTICE.noticeId, url: NOTICE.url!, text: inBothLanguages(noticeNamedText(NOTICE, 'shop')), weight: 'strong' },
    { code: 'counterfeit-term', text: inBothLanguages(counterfeitTermText('高仿')), weight: 'strong' },
    {
      code: 'price-far-below-floor',
      text: inBothLanguages(priceBelowFloorText(380, 6000, { en: 'Gucci bags', zh_CN: '古驰包袋' }, true, false)),
      weight: 'strong',
      source: FLOOR_SOURCE,
    },
    { code: 'factory-wording', text: inBothLanguages(factoryText('工厂')), weight: 'supporting' },
  ],
};

const handles: BadgeHandle[] = [];

// Clicks whose default is kept must not make happy-dom fetch Taobao: navigation is switched off.
const happyDom = (window as unknown as { happyDOM: { settings: { navigation: Record<string, boolean> } } }).happyDOM;
beforeAll(() => {
  Object.assign(happyDom.settings.navigation, {
    disableMainFrameNavigation: true,
    disableChildPageNavigation: true,
    disableChildFrameNavigation: true,
  });
});

afterEach(() => {
  for (const handle of handles.splice(0)) handle.remove();
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** A 2025-style search card: the whole card is one link to the item. */
function searchCard(): HTMLAnchorElement {
  const card = document.createElement('a');
  card.className = 'doubleCardWrapperAdapt--gt6Gs7uk';
  card.id = `item_id_${ITEM_ID}`;
  card.href = `https://item.taobao.com/item.htm?id=${ITEM_ID}&spm=a21n57.1.0.0`;
  const title = document.createElement('div');
  title.className = 'title--qJ7Xg_90';
  title.textContent = 'GUCCI古驰 高仿 马衔扣 女士单肩包';
  card.append(title);
  document.body.append(card);
  return card;
}

function setup(overrides: Partial<BadgeOptions> = {}, locale: Locale = 'en') {
  const card = searchCard();
  const onTrust = vi.fn();
  const onReport = vi.fn();
  const handle = mountBadge(card, {
    verdict: VERDICT,
    brandName: 'Gucci 古驰',
    notice: NOTICE,
    shop: { name: '潮牌精品小店', id: '57301234' },
    uiLanguage: locale,
    role: 'shopper',
    t: fakeTranslate(locale),
    onTrust,
    onReport,
    ...overrides,
  });
  handles.push(handle);
  const shadow = handle.shadowRoot;
  const ui = within(shadow as unknown as HTMLElement);
  const button = () => shadow.querySelector<HTMLButtonElement>('button.badge');
  const panel = () => shadow.querySelector<HTMLElement>('.panel');
  const root = () => shadow.querySelector<HTMLElement>('.root')!;
  const open = () => fireEvent.focusIn(button()!);
  return { card, handle, shadow, ui, button, panel, root, open, onTrust, onReport };
}

describe('mountBadge: the host element', () => {
  it('is a custom element with its own closed shadow root and stylesheet, first in the card, and no verdict data', () => {
    const { card, handle, shadow } = setup();
    const { host } = handle;
    expect(host.localName).toBe('cr-badge');
    expect(isBadgeHost(host)).toBe(true);
    expect(host.getAttributeNames()).toEqual(['style']);
    expect(card.firstElementChild).toBe(host);
    expect(shadow.mode).toBe('closed');
    expect(host.shadowRoot).toBeNull();
    // The stylesheet: one constructed sheet adopted by the root, or (where the browser will not adopt
    // it) a <style> of its own.
    const adopted = shadow.adoptedStyleSheets;
    if (adopted.length > 0) {
      expect(adopted).toHaveLength(1);
      expect(shadow.querySelector('style')).toBeNull();
    } else {
      expect(shadow.querySelector('style')!.textContent).toBe(BADGE_CSS);
    }
    // Taken out of the flow, and the card itself left alone.
    expect(host.style.getPropertyValue('position')).toBe('absolute');
    expect(host.style.getPropertyPriority('position')).toBe('important');
    expect(card.hasAttribute('style')).toBe(false);
    // Nothing of the badge is in the card's light DOM: the page's extractors read the same text.
    expect(host.childNodes).toHaveLength(0);
  });

  it('shares one parsed stylesheet between the badges of a page', () => {
    const first = setup();
    const second = setup();
    const sheets = [first.shadow, second.shadow].map((root) => root.adoptedStyleSheets[0] ?? root.querySelector('style'));
    if (first.shadow.adoptedStyleSheets.length > 0) expect(sheets[0]).toBe(sheets[1]);
    else expect(sheets[0]).not.toBe(sheets[1]);
  });

  it('goes in flow before an item page title ("before"), leaving the title itself untouched', () => {
    const header = document.createElement('div');
    const title = document.createElement('h1');
    title.textContent = 'PRADA普拉达 Re-Edition 2005 原单';
    header.append(title);
    document.body.append(header);
    const { host } = mountBadge(title, setupOptions(), 'before');
    expect(title.previousElementSibling).toBe(host);
    expect(title.childNodes).toHaveLength(1);
    expect(host.style.getPropertyValue('position')).toBe('relative');
    expect(host.style.getPropertyValue('display')).toBe('block');
  });

  it('goes in flow just after an item page’s price ("after"), the price untouched, and can be large', () => {
    const row = document.createElement('div');
    const price = document.createElement('span');
    price.textContent = '¥380';
    row.append(price);
    document.body.append(row);
    const handle = mountBadge(price, { ...setupOptions(), large: true }, 'after');
    handles.push(handle);
    expect(price.nextElementSibling).toBe(handle.host);
    expect(price.childNodes).toHaveLength(1);
    expect(handle.host.style.getPropertyValue('position')).toBe('relative');
    expect(handle.host.getAttributeNames()).toEqual(['style']);
    expect(handle.shadowRoot.querySelector<HTMLElement>('button.badge')!.dataset.size).toBe('large');
    expect(BADGE_CSS).toMatch(/\.badge\[data-size="large"\] \{[^}]*font-size: 15px;/);
    // A search card's badge keeps the small size.
    expect(setup().button()!.dataset.size).toBeUndefined();
  });

  it('goes first in the body when the page has no title element to put it before', () => {
    const { host } = mountBadge(document.body, setupOptions(), 'before');
    expect(document.body.firstElementChild).toBe(host);
  });

  it('refuses an item id that is not one', () => {
    const card = searchCard();
    const options = { ...setupOptions(), verdict: { ...VERDICT, itemId: '12"><img' } };
    expect(() => mountBadge(card, options)).toThrow(/5 or more digits/);
    expect(card.querySelector('cr-badge')).toBeNull();
  });

  it('follows update(): new verdict and level, still nothing on the host', () => {
    const { handle, button } = setup();
    act(() => handle.update({ verdict: { ...VERDICT, risk: 'medium', itemId: '723456789012' } }));
    expect(handle.host.getAttributeNames()).toEqual(['style']);
    expect(button()!.textContent).toContain('Medium risk');
  });

  it('remove() takes the host away, and is safe to repeat', () => {
    const { card, handle } = setup();
    handle.remove();
    expect(handle.host.isConnected).toBe(false);
    expect(card.querySelector('cr-badge')).toBeNull();
    expect(card.childElementCount).toBe(1);
    expect(() => handle.remove()).not.toThrow();
    expect(() => handle.update({ reported: true })).not.toThrow();
    expect(card.querySelector('cr-badge')).toBeNull();
  });

  it('remove() during the hover-close delay leaves no timer behind', () => {
    vi.useFakeTimers();
    const { handle, root } = setup();
    fireEvent.mouseEnter(root());
    fireEvent.mouseLeave(root());
    handle.remove();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('mounts 60 badges on 60 cards, one each', () => {
    const cards = Array.from({ length: 60 }, (_, i) => {
      const card = document.createElement('a');
      card.id = `item_id_${7100000000 + i}`;
      document.body.append(card);
      return card;
    });
    for (const [i, card] of cards.entries()) {
      handles.push(mountBadge(card, { ...setupOptions(), verdict: { ...VERDICT, itemId: String(7100000000 + i) } }));
    }
    expect(document.querySelectorAll('cr-badge')).toHaveLength(60);
    expect(cards.every((card) => card.querySelectorAll('cr-badge').length === 1)).toBe(true);
  });
});

function setupOptions(): BadgeOptions {
  return {
    verdict: VERDICT,
    brandName: 'Gucci 古驰',
    uiLanguage: 'en',
    role: 'shopper',
    t: fakeTranslate('en'),
    onTrust: () => {},
    onReport: () => {},
  };
}

describe('the badge states the level in words', () => {
  it.each([
    ['high', 'en', 'High risk'],
    ['medium', 'en', 'Medium risk'],
    ['low', 'en', 'Brand listing'],
    ['high', 'zh_CN', '高风险'],
    ['medium', 'zh_CN', '中风险'],
    ['low', 'zh_CN', '品牌商品'],
  ] as const)('%s in %s: "%s"', (risk, locale, words) => {
    const { button } = setup({ verdict: { ...VERDICT, risk }, showLowMark: true }, locale);
    expect(button()!.textContent).toContain(words);
    expect(button()!.dataset.level).toBe(risk);
  });

  it.each([
    ['low without the option', 'low', false],
    ['none', 'none', true],
  ] as const)('draws nothing for %s', (_, risk, showLowMark) => {
    const { handle, button } = setup({ verdict: { ...VERDICT, risk }, showLowMark });
    expect(button()).toBeNull();
    expect(handle.host.style.getPropertyValue('display')).toBe('none');
  });

  it('shows the low mark once the option is turned on', () => {
    const { handle, button } = setup({ verdict: { ...VERDICT, risk: 'low' } });
    expect(button()).toBeNull();
    act(() => handle.update({ showLowMark: true }));
    expect(button()!.textContent).toContain('Brand listing');
    expect(handle.host.style.getPropertyValue('display')).toBe('block');
  });

  it.each([
    ['en', false, 'Counterfeit Radar: High risk, brand \u2068Gucci 古驰\u2069. Show details'],
    ['en', true, 'Counterfeit Radar: High risk, brand \u2068Gucci 古驰\u2069, reported. Show details'],
    ['zh_CN', false, '假货雷达：高风险，品牌 \u2068Gucci 古驰\u2069。查看详情'],
  ] as const)('has an accessible name with level and brand (%s, reported %s)', (locale, reported, name) => {
    const { ui } = setup({ reported }, locale);
    const button = ui.getByRole('button', { name });
    expect(button.getAttribute('type')).toBe('button');
    expect(button.tabIndex).toBe(0);
  });

  it('names the brand by its id, or as unknown, when no display name is given', () => {
    expect(setup({ brandName: null }).button()!.getAttribute('aria-label')).toContain('\u2068gucci\u2069');
    const unknown = setup({ brandName: null, verdict: { ...VERDICT, brand: null } });
    expect(unknown.button()!.getAttribute('aria-label')).toContain('\u2068unknown brand\u2069');
  });

  it('shows the reported state on the badge and in the panel', () => {
    const { handle, button, panel, open } = setup({}, 'zh_CN');
    expect(button()!.textContent).not.toContain('已举报');
    act(() => handle.update({ reported: true }));
    expect(button()!.textContent).toContain('已举报');
    open();
    expect(panel()!.textContent).toContain('您已举报此商品。');
  });

  it.each([
    ['en', 'copied', 'Complaint copied — paste it into the form'],
    ['zh_CN', 'copied', '投诉内容已复制——请粘贴到表单中'],
    ['en', 'failed', 'Complaint not copied: the browser refused. Copy the listing’s URL from Reports in the toolbar popup'],
    ['zh_CN', 'failed', '未能复制投诉内容：浏览器拒绝了。可在工具栏弹出窗口的“举报”中复制商品链接'],
  ] as const)('confirms on the badge what became of the complaint copy (%s, %s), in a status region there from the start', (locale, outcome, words) => {
    const { handle, ui } = setup({ role: 'brand-staff' }, locale);
    const status = ui.getByRole('status');
    expect(status.textContent).toBe('');
    act(() => handle.update({ reported: true, complaintCopy: outcome }));
    // The same element, now with the words: a live region announces a change, not an arrival.
    expect(ui.getByRole('status')).toBe(status);
    expect(status.textContent).toBe(words);
    expect(status.dataset.copy).toBe(outcome);
    act(() => handle.update({ complaintCopy: null }));
    expect(status.textContent).toBe('');
  });
});

describe('the details panel opens and closes', () => {
  it('opens on focus and closes on Escape, focus back on the badge', () => {
    const { button, panel, ui } = setup();
    expect(panel()).toBeNull();
    act(() => button()!.focus());
    expect(panel()).not.toBeNull();
    expect(button()!.getAttribute('aria-expanded')).toBe('true');
    const link = ui.getByRole('link', { name: /Report to Taobao/ });
    act(() => link.focus());
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(panel()).toBeNull();
    expect(button()!.getAttribute('aria-expanded')).toBe('false');
    expect((handles[0]!.shadowRoot.activeElement as Element | null)?.className).toBe('badge');
  });

  it('stays open while focus moves into the panel, closes when focus leaves the badge', () => {
    const { button, panel, ui, open } = setup();
    open();
    const trustItem = ui.getByRole('button', { name: /trust this item/ });
    fireEvent.focusOut(button()!, { relatedTarget: trustItem });
    expect(panel()).not.toBeNull();
    fireEvent.focusOut(trustItem, { relatedTarget: document.body });
    expect(panel()).toBeNull();
  });

  it('opens after a short hover and closes a moment after the pointer leaves', () => {
    vi.useFakeTimers();
    const { root, panel } = setup();
    fireEvent.mouseEnter(root());
    act(() => {
      vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS - 1);
    });
    expect(panel()).toBeNull();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(panel()).not.toBeNull();
    fireEvent.mouseLeave(root());
    act(() => {
      vi.advanceTimersByTime(HOVER_CLOSE_DELAY_MS - 1);
    });
    expect(panel()).not.toBeNull();
    // Back over the badge (or its panel) in time: it stays.
    fireEvent.mouseEnter(root());
    act(() => {
      vi.advanceTimersByTime(HOVER_CLOSE_DELAY_MS * 2);
    });
    expect(panel()).not.toBeNull();
    fireEvent.mouseLeave(root());
    act(() => {
      vi.advanceTimersByTime(HOVER_CLOSE_DELAY_MS);
    });
    expect(panel()).toBeNull();
  });

  it('does not open for a pointer that only passes over it', () => {
    vi.useFakeTimers();
    const { root, panel } = setup();
    fireEvent.mouseEnter(root());
    act(() => {
      vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS / 2);
    });
    fireEvent.mouseLeave(root());
    act(() => {
      vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS * 2);
    });
    expect(panel()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('opens at once on focus, without waiting for the hover delay', () => {
    vi.useFakeTimers();
    const { root, button, panel } = setup();
    fireEvent.mouseEnter(root());
    fireEvent.focusIn(button()!);
    expect(panel()).not.toBeNull();
  });

  it('keeps one panel open on the page: opening another closes the first', () => {
    vi.useFakeTimers();
    const first = setup();
    const second = setup();
    first.open();
    expect(first.panel()).not.toBeNull();
    fireEvent.click(second.button()!);
    expect(second.panel()).not.toBeNull();
    expect(first.panel()).toBeNull();
    expect(first.button()!.getAttribute('aria-expanded')).toBe('false');
    // By hover too, once the delay has passed.
    fireEvent.mouseEnter(first.root());
    act(() => {
      vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS);
    });
    expect(first.panel()).not.toBeNull();
    expect(second.panel()).toBeNull();
  });

  it('a removed badge’s panel leaves the page free for the next one', () => {
    const first = setup();
    const second = setup();
    first.open();
    first.handle.remove();
    second.open();
    expect(second.panel()).not.toBeNull();
  });

  it('after Escape under the pointer, a later focus still closes when focus leaves', () => {
    vi.useFakeTimers();
    const { root, button, panel } = setup();
    fireEvent.mouseEnter(root());
    act(() => {
      vi.advanceTimersByTime(HOVER_OPEN_DELAY_MS);
    });
    expect(panel()).not.toBeNull();
    fireEvent.keyDown(button()!, { key: 'Escape' });
    expect(panel()).toBeNull();
    fireEvent.focusIn(button()!);
    expect(panel()).not.toBeNull();
    fireEvent.focusOut(button()!, { relatedTarget: document.body });
    expect(panel()).toBeNull();
  });

  it('opens on a click or tap, without toggling shut', () => {
    const { button, panel } = setup();
    fireEvent.click(button()!);
    expect(panel()).not.toBeNull();
    fireEvent.click(button()!);
    expect(panel()).not.toBeNull();
  });
});

describe('the details panel says why', () => {
  it.each([
    ['en', ['Strong sign', 'Strong sign', 'Supporting sign'], 'Lowest plausible price from: '],
    ['zh_CN', ['强信号', '强信号', '辅助信号'], '最低合理价格依据：'],
  ] as const)('shows the brand as context above the findings, each finding with its weight, in %s', (locale, weights, floorWords) => {
    const { panel, open } = setup({}, locale);
    open();
    const texts = (selector: string) => [...panel()!.querySelectorAll(selector)].map((node) => node.textContent);
    expect(texts('.context li')).toEqual([VERDICT.reasons[0]!.text[locale]]);
    // The notice's own reason is told by the notice block instead; the brand is not a finding.
    expect(texts('.reasons li > .text:not(.floor-source)')).toEqual(VERDICT.reasons.slice(2).map((reason) => reason.text[locale]));
    expect(texts('.reasons .weight')).toEqual(weights);
    const context = panel()!.querySelector('.context')!;
    const findings = panel()!.querySelector('.reasons')!;
    expect(context.compareDocumentPosition(findings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Only the price finding says where its floor comes from.
    expect(texts('.floor-source')).toEqual([floorWords + FLOOR_SOURCE]);
    expect(panel()!.querySelectorAll('.reasons li')[1]!.querySelector('.floor-source')).not.toBeNull();
  });

  it('leaves out the findings heading when nothing but context was found, and tags no reason that has no weight', () => {
    const onlyContext = setup({ verdict: { ...VERDICT, reasons: [VERDICT.reasons[0]!] }, notice: null });
    onlyContext.open();
    expect(onlyContext.panel()!.textContent).not.toContain('What was found');
    expect(onlyContext.panel()!.querySelector('.reasons')).toBeNull();
    const unweighted = setup({ verdict: { ...VERDICT, reasons: [{ code: 'counterfeit-term', text: inBothLanguages(counterfeitTermText('高仿')) }] }, notice: null });
    unweighted.open();
    expect(unweighted.panel()!.querySelectorAll('.reasons li')).toHaveLength(1);
    expect(unweighted.panel()!.querySelector('.weight')).toBeNull();
  });

  it.each([
    ['en', 'Named in a rectification notice', 'Shop closed on 2016-05-20'],
    ['zh_CN', '见于整改公告', '2016-05-20 店铺关闭'],
  ] as const)('tells a notice that names the shop once, with what it did (%s)', (locale, heading, action) => {
    const { panel, open } = setup({}, locale);
    open();
    const text = panel()!.textContent!;
    expect(text.split(NOTICE.noticeTitle)).toHaveLength(2);
    expect(panel()!.querySelector('.notice')!.textContent).toContain(heading);
    expect(panel()!.querySelector('.notice-action')!.textContent).toBe(action);
  });

  it.each([
    ['en', 'Gucci 古驰 is under special rules in this notice:', 'This shop is not one Gucci 古驰 authorises.', 'Named in a rectification notice'],
    ['zh_CN', '以下公告对 Gucci 古驰 实行特别管理：', '该店铺并非 Gucci 古驰 授权店铺。', '见于整改公告'],
  ] as const)('words a brand under a notice’s special rules as that, once, and never as "named" (%s)', (locale, heading, shopLine, named) => {
    const notice: NoticeHit = { ...NOTICE, match: 'brand', brand: 'gucci', action: undefined, date: undefined };
    const verdict: Verdict = {
      ...VERDICT,
      reasons: [
        VERDICT.reasons[0]!,
        { code: 'notice-brand', noticeId: notice.noticeId, url: notice.url!, text: inBothLanguages(noticeBrandText(notice, { en: 'Gucci', zh_CN: '古驰' })), weight: 'strong' },
      ],
      notice,
    };
    const { panel, open, ui } = setup({ verdict, notice }, locale);
    open();
    const text = panel()!.textContent!;
    expect(text).not.toContain(named);
    expect(text.split(heading)).toHaveLength(2);
    expect(text.split(NOTICE.noticeTitle)).toHaveLength(2);
    expect(text).toContain(shopLine);
    expect(panel()!.querySelector('.notice-action')).toBeNull();
    expect(ui.getAllByRole('link', { name: /^(Source|来源)/ }).map((link) => link.getAttribute('href'))).toEqual([NOTICE.url]);
  });

  it('shows the brand, the shop, and the notice with its date and source', () => {
    const { panel, ui, open } = setup();
    open();
    const text = panel()!.textContent!;
    expect(text).toContain('Gucci 古驰');
    expect(text).toContain('潮牌精品小店');
    expect(text).toContain(NOTICE.noticeTitle);
    expect(text).toContain('淘宝网');
    expect(text).toContain('published 2016-05-13');
    const sources = ui.getAllByRole('link', { name: /^Source/ });
    // The reason's link is the notice's own: shown once.
    expect(sources).toHaveLength(1);
    expect(sources[0]!.getAttribute('href')).toBe(NOTICE.url);
    expect(sources[0]!.getAttribute('target')).toBe('_blank');
    expect(sources[0]!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('asks about the photo when the panel opens and says how many other shops use it, in both languages', async () => {
    const photoSignals = vi.fn(async () => ({ otherShops: 3, flaggedShops: 2, reportedShops: 1, namedShops: 0 }));
    const en = setup({ photoSignals });
    expect(photoSignals).not.toHaveBeenCalled();
    en.open();
    await act(async () => undefined);
    expect(photoSignals).toHaveBeenCalledTimes(1);
    expect(en.panel()!.textContent).toContain('3 other shops use a near-identical photo (of them 2 flagged, 1 reported, 0 named in notices)');
    const zh = setup({ photoSignals: async () => ({ otherShops: 1, flaggedShops: 0, reportedShops: 0, namedShops: 1 }) }, 'zh_CN');
    zh.open();
    await act(async () => undefined);
    expect(zh.panel()!.textContent).toContain('另有 1 家店铺使用几乎相同的图片（其中 0 家被标记，0 家被举报，1 家见于通报）');
  });

  it('says nothing of the photo when no other shop uses it, it is not hashed, or the question fails', async () => {
    for (const photoSignals of [async () => ({ otherShops: 0, flaggedShops: 0, reportedShops: 0, namedShops: 0 }), async () => null, () => Promise.reject(new Error('gone'))]) {
      const { panel, open } = setup({ photoSignals });
      open();
      await act(async () => undefined);
      expect(panel()!.querySelector('.shared-photo')).toBeNull();
    }
  });

  it('says so when the notice has no date', () => {
    const { panel, open } = setup({ notice: { ...NOTICE, published: null } }, 'zh_CN');
    open();
    expect(panel()!.textContent).toContain('未注明日期');
  });

  it.each([
    ['https://rule.taobao.com/example/1.htm', 'https://rule.taobao.com/example/1.htm'],
    ['http://news.example.cn/2016/luxury', 'http://news.example.cn/2016/luxury'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['//rule.taobao.com/protocol-relative', null],
    [null, null],
  ])('links the notice source %j only when it is http(s)', (url, href) => {
    const verdict = { ...VERDICT, reasons: VERDICT.reasons.map((reason) => ({ ...reason, url: url ?? undefined })) };
    const { ui, open } = setup({ verdict, notice: { ...NOTICE, url } });
    open();
    const links = ui.queryAllByRole('link', { name: /^Source/ });
    expect(links.map((link) => link.getAttribute('href'))).toEqual(href ? [href] : []);
  });

  it('links a reason source that is not the notice’s, when http(s)', () => {
    const verdict: Verdict = {
      ...VERDICT,
      reasons: [
        { code: 'notice-item', text: { en: 'Named.', zh_CN: '被点名。' }, url: 'https://example.org/a' },
        { code: 'notice-shop', text: { en: 'Named too.', zh_CN: '也被点名。' }, url: 'javascript:alert(1)' },
      ],
    };
    const { ui, open } = setup({ verdict, notice: null });
    open();
    expect(ui.getAllByRole('link', { name: /^Source/ }).map((link) => link.getAttribute('href'))).toEqual([
      'https://example.org/a',
    ]);
  });
});

describe('the panel’s actions', () => {
  it('links "Report to Taobao" to the report page rebuilt from the item id', () => {
    const { card, ui, open } = setup();
    card.href = 'javascript:alert(1)';
    open();
    const link = ui.getByRole('link', { name: /Report to Taobao/ });
    expect(link.getAttribute('href')).toBe(`https://jubao.taobao.com/index.htm?itemId=${ITEM_ID}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it.each([
    ['shopper', false],
    ['brand-staff', true],
  ] as const)('role %s: "Report with evidence" shown: %s', (role, shown) => {
    const { ui, open, onReport } = setup({ role });
    open();
    const report = ui.queryByRole('button', { name: 'Report with evidence' });
    expect(report !== null).toBe(shown);
    if (report) {
      fireEvent.click(report);
      expect(onReport).toHaveBeenCalledTimes(1);
    }
    // Both roles can report to Taobao and trust.
    expect(ui.getByRole('link', { name: /Report to Taobao/ })).toBeTruthy();
    expect(ui.getByRole('button', { name: /trust this item/ })).toBeTruthy();
  });

  it.each([
    ['Not counterfeit — trust this shop', 'shop'],
    ['Not counterfeit — trust this item', 'item'],
  ] as const)('"%s" calls onTrust("%s")', (name, kind) => {
    const { ui, open, onTrust, onReport } = setup();
    open();
    fireEvent.click(ui.getByRole('button', { name }));
    expect(onTrust).toHaveBeenCalledExactlyOnceWith(kind);
    expect(onReport).not.toHaveBeenCalled();
  });

  it.each([
    ['no shop at all', null],
    ['a shop with neither name nor id', { name: null, id: null }],
  ])('offers no shop trust for %s', (_, shop) => {
    const { ui, open } = setup({ shop });
    open();
    expect(ui.queryByRole('button', { name: /trust this shop/ })).toBeNull();
    expect(ui.getByRole('button', { name: /trust this item/ })).toBeTruthy();
  });

  it('offers shop trust by id when the shop name is unknown', () => {
    const { ui, open } = setup({ shop: { name: null, id: '57301234' } });
    open();
    expect(ui.getByRole('button', { name: /trust this shop/ })).toBeTruthy();
  });
});

describe('the details panel fits the viewport', () => {
  it('scrolls its body and keeps the actions outside it, always in view', () => {
    const { panel, open } = setup();
    open();
    const body = panel()!.querySelector('.panel-body')!;
    const actions = panel()!.querySelector('.actions')!;
    expect(actions.parentElement).toBe(panel());
    expect(body.contains(actions)).toBe(false);
    expect(body.querySelector('.reasons')).not.toBeNull();
    expect(BADGE_CSS).toMatch(/\.panel \{[^}]*display: flex;[^}]*flex-direction: column;[^}]*overflow: hidden;/);
    expect(BADGE_CSS).toMatch(/\.panel-body \{[^}]*min-height: 0;[^}]*overflow: auto;/);
    expect(BADGE_CSS).toMatch(/\.actions \{[^}]*flex: none;/);
  });
});

describe('"Buy from the official store"', () => {
  it.each([
    ['en', 'Buy from the official store'],
    ['zh_CN', '去官方店铺购买'],
  ] as const)('links a shop with an id to the shop address built from the id (%s)', (locale, words) => {
    const { ui, open } = setup({ verdict: { ...VERDICT, officialShops: [{ name: 'GUCCI古驰官方旗舰店', shopId: '57301234' }] } }, locale);
    open();
    const link = ui.getByRole('link', { name: new RegExp(words) });
    expect(link.getAttribute('href')).toBe('https://shop57301234.taobao.com/');
    expect(link.textContent).toContain('GUCCI古驰官方旗舰店');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('links a shop known only by name to a shop search for it', () => {
    const { ui, open } = setup({ verdict: { ...VERDICT, officialShops: [{ name: 'GUCCI古驰官方旗舰店', shopId: null }] } });
    open();
    const href = ui.getByRole('link', { name: /Buy from the official store/ }).getAttribute('href')!;
    expect(new URL(href).host).toBe('s.taobao.com');
    expect(new URL(href).searchParams.get('q')).toBe('GUCCI古驰官方旗舰店');
  });

  it('is not offered without official shops, and never for a shop entry no link can be built from', () => {
    const none = setup();
    none.open();
    expect(none.ui.queryByRole('link', { name: /official store/ })).toBeNull();
    const bad = setup({ verdict: { ...VERDICT, officialShops: [{ name: HOSTILE, shopId: 'javascript:alert(1)' }] } });
    bad.open();
    expect(bad.ui.queryByRole('link', { name: /official store/ })).toBeNull();
    expect(bad.panel()!.textContent).not.toContain(HOSTILE);
  });
});

describe('page data is hostile', () => {
  it('shows markup in reasons, titles, shop and brand names as text', () => {
    const hostileText = { en: `Uses counterfeit slang: “${HOSTILE}”.`, zh_CN: `使用仿冒用语“${HOSTILE}”。` };
    const { shadow, panel, button, open } = setup({
      brandName: HOSTILE,
      shop: { name: HOSTILE, id: null },
      notice: { ...NOTICE, noticeTitle: HOSTILE, publisher: HOSTILE },
      verdict: { ...VERDICT, reasons: [{ code: 'counterfeit-term', text: hostileText }] },
    });
    open();
    const texts = [...panel()!.querySelectorAll('.text')].map((node) => node.textContent);
    expect(texts).toEqual([HOSTILE, HOSTILE, HOSTILE, HOSTILE, hostileText.en]);
    expect(button()!.getAttribute('aria-label')).toContain(HOSTILE);
    expect(shadow.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('isolates right-to-left and zero-width text and lets it wrap anywhere', () => {
    const tricky = `\u202eGUCCI\u200b\u200b\u200d古驰${'包'.repeat(10_000)}`;
    const { panel, open } = setup({ notice: { ...NOTICE, noticeTitle: tricky } });
    open();
    const title = [...panel()!.querySelectorAll('.notice .text')].find((node) => node.textContent === tricky)!;
    expect(title.getAttribute('dir')).toBe('auto');
    expect(title.classList.contains('clip')).toBe(true);
    expect(BADGE_CSS).toMatch(/\.text \{[^}]*unicode-bidi: isolate;[^}]*overflow-wrap: anywhere;/);
    expect(BADGE_CSS).toMatch(/\.clip \{[^}]*-webkit-line-clamp: 3;/);
  });
});

describe('events inside the badge stay inside it', () => {
  function listenOnPage(card: HTMLElement, type: string) {
    const onCard = vi.fn();
    const onDocument = vi.fn();
    card.addEventListener(type, onCard);
    document.addEventListener(type, onDocument);
    return { onCard, onDocument };
  }

  it('a click on the badge is prevented and reaches no page listener', () => {
    const { card, button } = setup();
    const { onCard, onDocument } = listenOnPage(card, 'click');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    act(() => {
      button()!.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    expect(onCard).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();
  });

  it('a click on the panel’s background is prevented too', () => {
    const { card, panel, open } = setup();
    open();
    const { onCard } = listenOnPage(card, 'click');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    act(() => {
      panel()!.querySelector('.facts')!.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    expect(onCard).not.toHaveBeenCalled();
  });

  it('the panel’s own links keep their default (they open) and still reach no page listener', () => {
    const { card, ui, open } = setup();
    open();
    const { onCard } = listenOnPage(card, 'click');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    act(() => {
      ui.getByRole('link', { name: /Report to Taobao/ }).dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(false);
    expect(onCard).not.toHaveBeenCalled();
  });

  it.each(['pointerdown', 'mousedown', 'mouseup', 'keydown', 'keyup', 'touchstart'])(
    '%s does not reach the card and keeps its default',
    (type) => {
      const { card, button } = setup();
      const { onCard, onDocument } = listenOnPage(card, type);
      const event = new Event(type, { bubbles: true, cancelable: true, composed: true });
      button()!.dispatchEvent(event);
      expect(onCard).not.toHaveBeenCalled();
      expect(onDocument).not.toHaveBeenCalled();
      expect(event.defaultPrevented).toBe(false);
    },
  );

  it('a click on the card outside the badge still reaches the card and is not prevented', () => {
    const { card } = setup();
    const { onCard } = listenOnPage(card, 'click');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    card.querySelector('.title--qJ7Xg_90')!.dispatchEvent(event);
    expect(onCard).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(false);
  });
});
