/**
 * Our badges and marks out of sight for a moment: a screenshot taken as evidence shows the seller's
 * page as the platform would, not our drawings over the sellers' photos. Visibility, not display, so
 * nothing on the page moves; the returned function puts each back as it was.
 */
import { BADGE_TAG, isBadgeHost } from './mount-badge';

export function hideOwnUi(doc: Document): () => void {
  const hidden: { host: HTMLElement; was: string; priority: string }[] = [];
  for (const host of doc.querySelectorAll<HTMLElement>(BADGE_TAG)) {
    if (!isBadgeHost(host)) continue;
    hidden.push({ host, was: host.style.getPropertyValue('visibility'), priority: host.style.getPropertyPriority('visibility') });
    host.style.setProperty('visibility', 'hidden', 'important');
  }
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    for (const { host, was, priority } of hidden) {
      if (was) host.style.setProperty('visibility', was, priority);
      else host.style.removeProperty('visibility');
    }
  };
}
