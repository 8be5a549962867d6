/**
 * Where a saved page came from, read from the page itself: a folder of saved pages carries no URLs, and
 * the page kind and item ids depend on it. Chrome's "Save page as" writes `<!-- saved from url=(N)URL -->`;
 * pages also name themselves in `<link rel="canonical">` and `og:url`. Only Taobao/Tmall https/http
 * addresses are taken.
 */
import { taobaoPageUrl } from '../page/hosts';

const SAVED_FROM = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i;

function taobaoAddress(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  return taobaoPageUrl(candidate.startsWith('//') ? `https:${candidate}` : candidate)?.href ?? null;
}

/** The page's own address, from its saved-from mark, canonical link or og:url; null when none is Taobao's. */
export function addressOfSavedPage(html: string, doc: Document): string | null {
  return (
    taobaoAddress(SAVED_FROM.exec(html.slice(0, 4096))?.[1]) ??
    taobaoAddress(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    taobaoAddress(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'))
  );
}
