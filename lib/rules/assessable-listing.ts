/**
 * What `assessListing` needs: a Listing in which only the title is required. Batch users feed the
 * CLI titles with a price and a shop name and nothing else; the extension passes full Listings,
 * which fit this type as they are.
 */
import * as v from 'valibot';
import type { Listing } from '../listing';

const nullableText = v.optional(v.nullable(v.string('must be a string or null')));
/** A missing key is reported at its own path ("title: is required"), anything else as a type error. */
const objectMessage = (what: string) => (issue: v.BaseIssue<unknown>): string =>
  issue.kind === 'schema' && issue.expected?.startsWith('"') ? 'is required' : `must be ${what}`;
const amount = v.pipe(v.number('must be a number'), v.finite('must be a finite number'), v.minValue(0, 'must not be negative'));

export const assessableListingSchema = v.looseObject({
  title: v.string('must be a string'),
  itemId: nullableText,
  url: nullableText,
  price: v.optional(
    v.nullable(
      v.pipe(
        v.looseObject({ min: amount, max: amount, currency: v.optional(v.literal('CNY', 'must be "CNY"')) }, objectMessage('an object with min and max, or null')),
        v.forward(
          v.check((price) => price.min <= price.max, 'min must not exceed max'),
          ['max'],
        ),
      ),
    ),
  ),
  shop: v.optional(
    v.nullable(
      v.looseObject({
        name: nullableText,
        id: nullableText,
        platform: v.optional(v.picklist(['taobao', 'tmall', 'tmall-global'], 'must be "taobao", "tmall" or "tmall-global"')),
        tier: v.optional(v.nullable(v.picklist(['official-flagship', 'flagship', 'franchise', 'store'], 'is not a known shop tier'))),
      }, objectMessage('an object, or null')),
    ),
  ),
  sales: nullableText,
  location: nullableText,
  image: nullableText,
  isAd: v.optional(v.boolean('must be true or false')),
}, objectMessage('a JSON object with at least a "title"'));

export type AssessableListing = Pick<Listing, 'title'> & {
  itemId?: string | null;
  url?: string | null;
  price?: { min: number; max: number; currency?: 'CNY' } | null;
  shop?: { name?: string | null; id?: string | null; platform?: Listing['shop']['platform']; tier?: Listing['shop']['tier'] } | null;
  sales?: string | null;
  location?: string | null;
  image?: string | null;
  isAd?: boolean;
};
