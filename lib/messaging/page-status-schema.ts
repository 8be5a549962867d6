/** The check for what a content script reports of its page (protocol.ts, pageStatus). */
import * as v from 'valibot';

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));

export const pageStatusSchema = v.object({ checked: count, high: count, medium: count, layoutUnrecognised: v.boolean() });
