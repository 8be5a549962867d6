/** What a listing's details say about its photo, as the background answers it; the content script checks it. */
import * as v from 'valibot';

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));

export const photoSummarySchema = v.nullable(
  v.pipe(
    v.strictObject({
      /** Other shops whose listings show a near-identical photo. */
      otherShops: count,
      /** Of those, how many are flagged (high or medium in the history), reported, named in notices. */
      flaggedShops: count,
      reportedShops: count,
      namedShops: count,
    }),
    v.check((s) => s.flaggedShops <= s.otherShops && s.reportedShops <= s.otherShops && s.namedShops <= s.otherShops, 'counts more shops than share the photo'),
  ),
);

/** null: the photo is not hashed (no image, not on the image CDN, the download failed). */
export type PhotoSummary = v.InferOutput<typeof photoSummarySchema>;
