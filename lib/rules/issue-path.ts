/** Where a valibot issue points, written the way a person would: "brands[2].floors[0].price". */
import type { BaseIssue } from 'valibot';

export function issuePath(issue: BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path;
}
