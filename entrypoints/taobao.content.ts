/**
 * Runs on Taobao and Tmall pages: finds the listings (lib/extract), keeps finding them as results
 * change, and marks each handled element. Every observer, listener and timer goes through WXT's `ctx`,
 * so an updated or removed extension leaves nothing running in the page.
 */
import { TAOBAO_HOST_PATTERNS } from '@/lib/page/hosts';
import { watchListings } from '@/lib/extract/listing-watcher';

export default defineContentScript({
  matches: [...TAOBAO_HOST_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    const watcher = watchListings({
      document,
      currentUrl: () => location.href,
      onListings: () => {
        // Assessment and badges hook in here (rules engine, then badges).
      },
      // A frame is the natural batch; the timeout covers background tabs, where frames do not fire.
      schedule: (work) => {
        let done = false;
        const once = () => {
          if (done) return;
          done = true;
          work();
        };
        ctx.requestAnimationFrame(once);
        ctx.setTimeout(once, 100);
      },
      signal: ctx.signal,
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.rescan());
  },
});
