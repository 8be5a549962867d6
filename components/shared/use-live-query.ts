/**
 * A Dexie liveQuery as Preact state, undefined while the first answer is on its way: it re-runs when
 * the tables it read change, including changes the background makes (Dexie tells other same-origin
 * contexts through a BroadcastChannel). Shared by the popup and the options page.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (next) => setValue(() => next),
      error: (error: unknown) => console.warn('Counterfeit Radar: a live query failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return value;
}
