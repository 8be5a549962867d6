/** Alibaba's one-item report page (阿里巴巴全网举报), rebuilt from a validated item id, never copied from a page. */
import { isItemId } from './item-id';

const TAOBAO_REPORT_PAGE = 'https://jubao.taobao.com/index.htm';

export function taobaoReportUrl(itemId: string): string {
  if (!isItemId(itemId)) throw new Error(`taobaoReportUrl: item id must be 5 or more digits, got ${JSON.stringify(itemId)}`);
  const url = new URL(TAOBAO_REPORT_PAGE);
  url.searchParams.set('itemId', itemId);
  return url.href;
}
