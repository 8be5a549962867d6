/**
 * Links the badge opens. None is copied from the page: the report link is rebuilt from a validated
 * item id, and a notice's source is shown only when it parses as http(s).
 */
import { isItemId } from '../../lib/page/item-id';

/** Alibaba's one-item report page (阿里巴巴全网举报). */
const TAOBAO_REPORT_PAGE = 'https://jubao.taobao.com/index.htm';

export function taobaoReportUrl(itemId: string): string {
  if (!isItemId(itemId)) throw new Error(`taobaoReportUrl: item id must be 5 or more digits, got ${JSON.stringify(itemId)}`);
  const url = new URL(TAOBAO_REPORT_PAGE);
  url.searchParams.set('itemId', itemId);
  return url.href;
}

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
