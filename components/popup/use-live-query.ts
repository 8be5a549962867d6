/** A Dexie liveQuery as Preact state: undefined while the first answer is on its way. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (next) => setValue(() => next),
      error: (error: unknown) => console.warn('Counterfeit Radar: could not read the activity database', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
