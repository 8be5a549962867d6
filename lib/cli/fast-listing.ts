/**
 * A listing line checked by hand, for the common case of a well-formed line: the full schema
 * (assessableListingSchema) costs more than assessing the listing. It accepts only what the schema
 * accepts; anything else returns null and the schema runs, for its line-numbered error messages.
 */
import type { AssessableListing } from '../rules/assessable-listing';

const PLATFORMS = new Set(['taobao', 'tmall', 'tmall-global']);
const TIERS = new Set(['official-flagship', 'flagship', 'franchise', 'store']);

const optionalText = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const amount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function priceOk(price: unknown): boolean {
  if (price === undefined || price === null) return true;
  if (typeof price !== 'object' || Array.isArray(price)) return false;
  const { min, max, currency } = price as Record<string, unknown>;
  return amount(min) && amount(max) && min <= max && (currency === undefined || currency === 'CNY');
}

function shopOk(shop: unknown): boolean {
  if (shop === undefined || shop === null) return true;
  if (typeof shop !== 'object' || Array.isArray(shop)) return false;
  const { name, id, platform, tier } = shop as Record<string, unknown>;
  return (
    optionalText(name) &&
    optionalText(id) &&
    (platform === undefined || (typeof platform === 'string' && PLATFORMS.has(platform))) &&
    (tier === undefined || tier === null || (typeof tier === 'string' && TIERS.has(tier)))
  );
}

export function fastAssessable(json: unknown): AssessableListing | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const line = json as Record<string, unknown>;
  if (typeof line.title !== 'string') return null;
  if (!optionalText(line.itemId) || !optionalText(line.url) || !optionalText(line.sales) || !optionalText(line.location) || !optionalText(line.image)) return null;
  if (!priceOk(line.price) || !shopOk(line.shop)) return null;
  if (line.isAd !== undefined && typeof line.isAd !== 'boolean') return null;
  return line as unknown as AssessableListing;
}
