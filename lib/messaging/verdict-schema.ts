/** The Verdict contract as a schema: the content script checks what the background answers. */
import * as v from 'valibot';
import { isShopId, MAX_OFFICIAL_SHOPS, MAX_SHOP_NAME } from '../page/official-store-url';
import type { NoticeHit, Verdict } from '../verdict';

const localized = v.strictObject({ en: v.string(), zh_CN: v.string() });
const httpUrl = v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//));

const noticeHitSchema = v.object({
  match: v.picklist(['item', 'shop', 'brand']),
  noticeId: v.string(),
  noticeTitle: v.string(),
  publisher: v.string(),
  published: v.nullable(v.string()),
  // The feed's link as given: the badge shows it only when it parses as http(s).
  url: v.nullable(v.string()),
  brand: v.optional(v.string()),
  action: v.optional(v.picklist(['removed', 'closed', 'warned', 'rectify'])),
  date: v.optional(v.nullable(v.string())),
}) satisfies v.GenericSchema<unknown, NoticeHit>;

export const verdictSchema = v.strictObject({
  itemId: v.string(),
  risk: v.picklist(['high', 'medium', 'low', 'none']),
  brand: v.nullable(v.string()),
  brandName: v.optional(localized),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  reasons: v.array(
    v.looseObject({
      code: v.string(),
      text: localized,
      noticeId: v.optional(v.string()),
      url: v.optional(httpUrl),
      weight: v.optional(v.picklist(['strong', 'supporting', 'context'])),
      // A pack's note on a price floor: shown as text, never as a link.
      source: v.optional(v.string()),
    }),
  ),
  notice: v.optional(noticeHitSchema),
  // The badge builds its link from these (lib/page/official-store-url.ts), so they are checked here too.
  officialShops: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_SHOP_NAME)),
          shopId: v.nullable(v.pipe(v.string(), v.check(isShopId, 'must be a shop id'))),
        }),
      ),
      v.maxLength(MAX_OFFICIAL_SHOPS),
    ),
  ),
}) satisfies v.GenericSchema<unknown, Verdict>;

export const verdictBatchSchema = v.array(verdictSchema);
