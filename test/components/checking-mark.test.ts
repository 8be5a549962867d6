// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mountCheckingMark } from '../../components/badge/checking-mark';
import { isBadgeHost } from '../../components/badge/mount-badge';
import { fakeTranslate, type Locale } from './locale-messages';

function card(): HTMLElement {
  const anchor = document.createElement('a');
  anchor.href = 'https://item.taobao.com/item.htm?id=712345678901';
  anchor.textContent = 'GUCCI 古驰 女包';
  document.body.append(anchor);
  return anchor;
}

describe('mountCheckingMark', () => {
  it.each<[Locale, string, string]>([
    ['en', 'Checking…', 'Not checked'],
    ['zh_CN', '检查中…', '未检查'],
  ])('says "checking", then "not checked" with a hint, in %s', (locale, checking, notChecked) => {
    const t = fakeTranslate(locale);
    const anchor = card();
    const mark = mountCheckingMark(anchor, 'checking', t);
    const text = () => mark.shadowRoot.querySelector('span');
    expect(text()?.textContent).toBe(checking);
    expect(text()?.hasAttribute('title')).toBe(false);
    mark.update('unchecked');
    expect(text()?.textContent).toBe(notChecked);
    expect(text()?.title).toBe(t('badgeNotCheckedHint'));
  });

  it('sits over the card in a closed root the page cannot read, known to the listing watcher as ours', () => {
    const anchor = card();
    const mark = mountCheckingMark(anchor, 'checking', fakeTranslate('en'));
    expect(anchor.firstElementChild).toBe(mark.host);
    expect(mark.host.shadowRoot).toBeNull();
    expect(isBadgeHost(mark.host)).toBe(true);
    expect(mark.host.textContent).toBe('');
    mark.remove();
    expect(anchor.contains(mark.host)).toBe(false);
    mark.update('unchecked'); // after removal: nothing, no error
  });

  it('goes before an item page title, not over its words', () => {
    const title = document.createElement('h1');
    title.textContent = 'GUCCI 古驰 女包';
    document.body.append(title);
    const mark = mountCheckingMark(title, 'checking', fakeTranslate('en'), 'before');
    expect(title.previousElementSibling).toBe(mark.host);
  });
});
