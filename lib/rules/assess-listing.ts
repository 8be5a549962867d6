/**
 * assessListing: from a title (plus price, shop and any notice hits) to a Verdict with reasons. It
 * reads the title (title-analysis.ts: what is sold, which brand, and the brand's role), weighs that
 * against price, shop and notices (scoring.ts), and turns the score into a risk level by the
 * sensitivity's thresholds (sensitivity.ts).
 */
import type { NoticeHit, Verdict } from '../verdict';
import type { AssessableListing } from './assessable-listing';
import { scratchFor } from './assessment-scratch';
import type { CompiledBrand, CompiledRules } from './compile-rules';
import { scoreReading } from './scoring';
import { riskForScore, type Sensitivity } from './sensitivity';
import { readTitle } from './title-analysis';

const NO_NOTICES: readonly NoticeHit[] = Object.freeze([]);

/** Pure and deterministic: the same listing, rules, hits and sensitivity give the same verdict. */
export function assessListing(
  listing: AssessableListing,
  rules: CompiledRules,
  noticeHits: readonly NoticeHit[] = NO_NOTICES,
  sensitivity: Sensitivity = 'balanced',
): Verdict {
  const itemId = listing.itemId ?? '';
  const scratch = scratchFor(rules);
  const reading = readTitle(rules, scratch, listing.title);
  const { score, reasons, notice } = scoreReading(rules, scratch, reading, listing, noticeHits);
  const noticeField = notice ? { notice } : {};
  if (reading.brand === -1) {
    return { itemId, risk: score > 0 ? riskForScore(score, sensitivity) : 'none', brand: null, score, reasons, ...noticeField };
  }
  const brand = rules.brands[reading.brand] as CompiledBrand;
  return { itemId, risk: riskForScore(score, sensitivity), brand: brand.id, brandName: brand.names, score, reasons, ...noticeField };
}
