// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refuseForgedStartSignal } from '../../lib/content/start-signal';

const EVENT = 'abcdefghijklmnop:taobao:wxt:content-script-started';
const controller = new AbortController();
afterEach(() => controller.abort());

/** WXT's own listener, as ContentScriptContext registers it: on document, invalidating on any match. */
function wxtListener() {
  const invalidate = vi.fn();
  document.addEventListener(EVENT, invalidate);
  return invalidate;
}

const forge = () => document.dispatchEvent(new CustomEvent(EVENT, { detail: { contentScriptName: 'taobao', messageId: 'forged' } }));

describe('refuseForgedStartSignal', () => {
  it('stops a start-up event while our extension is alive: a page cannot end the script', () => {
    const invalidate = wxtListener();
    refuseForgedStartSignal(window, EVENT, { extensionAlive: () => true, acceptAlways: false, signal: controller.signal });
    forge();
    expect(invalidate).not.toHaveBeenCalled();
  });

  it('lets it through once our extension context is gone (a stale copy after an update)', () => {
    const invalidate = wxtListener();
    refuseForgedStartSignal(window, EVENT, { extensionAlive: () => false, acceptAlways: false, signal: new AbortController().signal });
    forge();
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it('lets everything through in a development build', () => {
    const invalidate = wxtListener();
    refuseForgedStartSignal(window, EVENT, { extensionAlive: () => true, acceptAlways: true, signal: new AbortController().signal });
    forge();
    expect(invalidate).toHaveBeenCalledTimes(1);
  });
});
