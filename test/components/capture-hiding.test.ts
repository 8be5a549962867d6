// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mountCheckingMark } from '../../components/badge/checking-mark';
import { hideOwnUi } from '../../components/badge/own-ui-visibility';
import { framedElement, pageFrameOf } from '../../lib/content/capture-frame';
import { fakeTranslate } from './locale-messages';

const el = (tag: string, attrs: Record<string, string>, ...children: (Node | string)[]) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

const box = (el: Element, r: { left: number; top: number; width: number; height: number }) => {
  el.getBoundingClientRect = () => ({ ...r, x: r.left, y: r.top, right: r.left + r.width, bottom: r.top + r.height, toJSON: () => r }) as DOMRect;
};

describe('our marks out of sight for a screenshot', () => {
  it('hides only our hosts, keeps the layout, and puts each back as it was', () => {
    document.body.replaceChildren(el('a', { id: 'card' }, 'card'), el('cr-badge', { id: 'forged', style: 'visibility: visible' }));
    const card = document.getElementById('card')!;
    mountCheckingMark(card, 'checking', fakeTranslate('en'));
    const ours = card.querySelector('cr-badge') as HTMLElement;
    const before = ours.style.cssText;
    const show = hideOwnUi(document);
    expect(ours.style.getPropertyValue('visibility')).toBe('hidden');
    expect(ours.style.display).not.toBe('none');
    // A page's own element with our tag name is not ours: left as it is.
    expect((document.getElementById('forged') as HTMLElement).style.visibility).toBe('visible');
    show();
    show();
    expect(ours.style.cssText).toBe(before);
  });
});

describe('the box a report crop frames', () => {
  it('is an item page header holding both title and price when it fits the screen, else the title', () => {
    document.body.replaceChildren(
      el('main', {}, el('div', { id: 'header' }, el('h1', { id: 'title' }, '古驰 女包'), el('p', {}, el('span', { id: 'price' }, '299')))),
    );
    const title = document.getElementById('title')!;
    const price = document.getElementById('price')!;
    const header = document.getElementById('header')!;
    box(header, { left: 0, top: 100, width: 800, height: 300 });
    expect(framedElement(title, price, 900)).toBe(header);
    expect(framedElement(title, price, 200)).toBe(title);
    expect(framedElement(title, null, 900)).toBe(title);
    // Sharing nothing below the body: the title alone.
    document.body.replaceChildren(el('h1', { id: 't' }, '古驰'), el('span', { id: 'p' }, '299'));
    expect(framedElement(document.getElementById('t')!, document.getElementById('p')!, 900)).toBe(document.getElementById('t'));
  });

  it('is given in viewport pixels, or not at all when the element is off screen', () => {
    const card = document.createElement('a');
    box(card, { left: 10, top: 20, width: 200, height: 300 });
    expect(pageFrameOf(card, { innerWidth: 1280, innerHeight: 900 })).toEqual({ box: { x: 10, y: 20, width: 200, height: 300 }, viewportWidth: 1280 });
    box(card, { left: 10, top: 1200, width: 200, height: 300 });
    expect(pageFrameOf(card, { innerWidth: 1280, innerHeight: 900 })).toBeNull();
  });
});
