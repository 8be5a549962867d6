/**
 * The service worker owns everything stateful: the compiled rules and (soon) the notices database.
 * Listeners are registered synchronously at start, as MV3 requires for a worker woken by a message.
 */
import { assessBatch } from '@/lib/background/assess-batch';
import { onMessage } from '@/lib/messaging/protocol';
import { BUILTIN_PACK, compileRules } from '@/lib/rules';

export default defineBackground(() => {
  // Compiling the built-in pack takes a few milliseconds: cheaper than persisting it across restarts.
  const rules = compileRules([BUILTIN_PACK]);

  onMessage('assessListings', ({ data }) => ({
    verdicts: assessBatch(data.listings, { rules, noticeHits: () => [], sensitivity: 'balanced' }),
  }));
});
