/**
 * assessListing: from a title (plus price, shop and any notice hits) to a Verdict with reasons. It
 * reads the title (title-analysis.ts: what is sold, which brand, and the brand's role), weighs that
 * against price, shop and notices (scoring.ts), and turns the score into a risk level by the
 * sensitivity's thresholds (sensitivity.ts).
 */
import type { LocalizedText, NoticeHit, Verdict } from '../verdict';
import type { AssessableListing } from './assessable-listing';
import { scratchFor } from './assessment-scratch';
import type { CompiledBrand, CompiledRules } from './compile-rules';
import type { TextLanguage } from './reason-texts';
import { scoreReading } from './scoring';
import { riskForScore, type Sensitivity } from './sensitivity';
import { readTitle } from './title-analysis';
import { BOTH_LANGUAGES, oneLanguage, type VerdictLanguage } from './verdict-language';

const NO_NOTICES: readonly NoticeHit[] = Object.freeze([]);

/**
 * Pure and deterministic: the same listing, rules, hits and sensitivity give the same verdict. Its
 * texts are in both languages, as the extension messages, stores and shows them.
 */
export function assessListing(
  listing: AssessableListing,
  rules: CompiledRules,
  noticeHits: readonly NoticeHit[] = NO_NOTICES,
  sensitivity: Sensitivity = 'balanced',
): Verdict<LocalizedText> {
  return assessIn(BOTH_LANGUAGES, listing, rules, noticeHits, sensitivity);
}

/** The same verdict as assessListing with its texts in one language only: the other is never built. */
export function assessListingIn(
  language: TextLanguage,
  listing: AssessableListing,
  rules: CompiledRules,
  noticeHits: readonly NoticeHit[] = NO_NOTICES,
  sensitivity: Sensitivity = 'balanced',
): Verdict<string> {
  return assessIn(oneLanguage(language), listing, rules, noticeHits, sensitivity);
}

function assessIn<Text>(language: VerdictLanguage<Text>, listing: AssessableListing, rules: CompiledRules, noticeHits: readonly NoticeHit[], sensitivity: Sensitivity): Verdict<Text> {
  const itemId = listing.itemId ?? '';
  const scratch = scratchFor(rules);
  const reading = readTitle(rules, scratch, listing.title);
  const { score, reasons, notice } = scoreReading(rules, scratch, reading, listing, noticeHits, language);
  const noticeField = notice ? { notice } : {};
  if (reading.brand === -1) {
    return { itemId, risk: score > 0 ? riskForScore(score, sensitivity) : 'none', brand: null, score, reasons, ...noticeField };
  }
  const brand = rules.brands[reading.brand] as CompiledBrand;
  return { itemId, risk: riskForScore(score, sensitivity), brand: brand.id, brandName: language.name(brand.names), score, reasons, ...noticeField };
}
