/**
 * The service worker: everything stateful lives here (the rules in force, the activity and notice
 * databases). lib/background/background-main.ts does the work; this file hands it the browser.
 */
import { browser } from 'wxt/browser';
import { startBackground } from '@/lib/background/background-main';
import { onPageMessage, sendPageMessage } from '@/lib/messaging/page-protocol';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';

export default defineBackground(() => {
  startBackground({
    browser,
    content: { onMessage, sendMessage },
    pages: { onMessage: onPageMessage, sendMessage: sendPageMessage },
    fetch: (input, init) => fetch(input, init),
  });
});
