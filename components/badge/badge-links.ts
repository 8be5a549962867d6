/**
 * Links the badge opens. None is copied from the page: the report link is rebuilt from a validated
 * item id, the official store's from the rule pack's shop entry, and a notice's source is shown only
 * when it parses as http(s).
 */
export { officialStoreUrl } from '../../lib/page/official-store-url';
export { taobaoReportUrl } from '../../lib/page/taobao-report-url';

/** The URL, normalised, when it is absolute http(s); otherwise null (javascript:, data:, relative…). */
export function httpUrlOrNull(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
