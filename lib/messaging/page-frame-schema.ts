/** The check for where a content script says the reported listing is (protocol.ts, frameForCapture). */
import * as v from 'valibot';

const pixels = v.pipe(v.number(), v.finite(), v.minValue(-1_000_000), v.maxValue(1_000_000));

export const pageFrameSchema = v.object({
  box: v.object({ x: pixels, y: pixels, width: v.pipe(pixels, v.minValue(0)), height: v.pipe(pixels, v.minValue(0)) }),
  viewportWidth: v.pipe(pixels, v.minValue(1)),
});
