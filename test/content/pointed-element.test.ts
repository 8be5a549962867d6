// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PointedElement } from '../../lib/content/pointed-element';

describe('PointedElement: the report target of the menu and the shortcut', () => {
  it('ignores a synthetic pointerover the page dispatches on another card', () => {
    const pointed = new PointedElement();
    const mine = document.createElement('a');
    const other = document.createElement('a');
    document.body.append(mine, other);
    document.addEventListener('pointerover', pointed.note, { capture: true });
    // The user's pointer (trusted: the browser sets the flag, which happy-dom cannot).
    pointed.note({ isTrusted: true, target: mine } as unknown as Event);
    other.dispatchEvent(new MouseEvent('pointerover', { bubbles: true }));
    expect(pointed.element).toBe(mine);
    document.removeEventListener('pointerover', pointed.note, { capture: true });
  });
});
