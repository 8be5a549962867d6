/** The Verdict contract as a schema: the content script checks what the background answers. */
import * as v from 'valibot';
import type { Verdict } from '../verdict';

const localized = v.strictObject({ en: v.string(), zh_CN: v.string() });

export const verdictSchema = v.strictObject({
  itemId: v.string(),
  risk: v.picklist(['high', 'medium', 'low', 'none']),
  brand: v.nullable(v.string()),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  reasons: v.array(
    v.looseObject({
      code: v.string(),
      text: localized,
      noticeId: v.optional(v.string()),
      url: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//))),
    }),
  ),
}) satisfies v.GenericSchema<unknown, Verdict>;

export const verdictBatchSchema = v.array(verdictSchema);
