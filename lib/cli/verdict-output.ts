/**
 * What `cli assess` and `cli scan` write for a verdict: reasons in the language asked for (a batch
 * rarely needs both, and writing both doubles the output), as JSON lines or CSV rows. The engine
 * words the verdict in that language alone (assessListingIn), so the other is never built.
 */
import { safeCell } from '../activity/csv-cells';
import type { AssessableListing } from '../rules/assessable-listing';
import { assessListing, assessListingIn } from '../rules/assess-listing';
import type { CompiledRules } from '../rules/compile-rules';
import type { Sensitivity } from '../rules/sensitivity';
import type { LocalizedText, NoticeHit, Verdict } from '../verdict';

export const LANGS = ['en', 'zh_CN', 'both'] as const;
export type Lang = (typeof LANGS)[number];
export const FORMATS = ['jsonl', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** A verdict as the CLI writes it: one language's texts, or both (as the extension keeps them). */
export type OutputVerdict = Verdict<string> | Verdict<LocalizedText>;

export type Assess = (listing: AssessableListing, rules: CompiledRules, noticeHits: readonly NoticeHit[], sensitivity: Sensitivity) => OutputVerdict;

/** The assessment that words its verdicts in `lang`. */
export function assessInLang(lang: Lang): Assess {
  if (lang === 'both') return assessListing;
  return (listing, rules, noticeHits, sensitivity) => assessListingIn(lang, listing, rules, noticeHits, sensitivity);
}

/** A cached reason is frozen and shared between verdicts (scoring.ts): its JSON is written once. */
const reasonJsonCache = new WeakMap<object, string>();

function reasonJson(reason: object): string {
  if (!Object.isFrozen(reason)) return JSON.stringify(reason);
  let json = reasonJsonCache.get(reason);
  if (json === undefined) {
    json = JSON.stringify(reason);
    reasonJsonCache.set(reason, json);
  }
  return json;
}

/**
 * JSON.stringify(verdict) and a newline, byte for byte (the fields in the engine's order), with each
 * shared reason serialised once instead of once per verdict: most of a verdict line is its reasons.
 */
export function verdictJsonLine(verdict: OutputVerdict): string {
  let json = `{"itemId":${JSON.stringify(verdict.itemId)},"risk":"${verdict.risk}","brand":${verdict.brand === null ? 'null' : JSON.stringify(verdict.brand)}`;
  if (verdict.brandName !== undefined) json += `,"brandName":${JSON.stringify(verdict.brandName)}`;
  json += `,"score":${JSON.stringify(verdict.score)},"reasons":[`;
  const reasons: readonly object[] = verdict.reasons;
  for (let i = 0; i < reasons.length; i++) json += i === 0 ? reasonJson(reasons[i] as object) : `,${reasonJson(reasons[i] as object)}`;
  json += verdict.notice === undefined ? ']}\n' : `],"notice":${JSON.stringify(verdict.notice)}}\n`;
  return json;
}

export const VERDICT_CSV_COLUMNS = ['item_id', 'risk', 'score', 'brand', 'brand_name', 'reason_codes', 'reasons'] as const;

/** One CSV cell: quoted when it must be, formula-safe (titles come from hostile pages). */
export function csvCell(value: string | number | null): string {
  const text = safeCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const cellText = (text: string | LocalizedText): string => (typeof text === 'string' ? text : `${text.en} / ${text.zh_CN}`);

export function verdictCsvCells(verdict: OutputVerdict): (string | number | null)[] {
  const reasons: readonly { code: string; text: string | LocalizedText }[] = verdict.reasons;
  return [
    verdict.itemId,
    verdict.risk,
    verdict.score,
    verdict.brand,
    verdict.brandName ? cellText(verdict.brandName) : null,
    reasons.map((r) => r.code).join(';'),
    reasons.map((r) => cellText(r.text)).join(' | '),
  ];
}

export const csvRow = (cells: readonly (string | number | null)[]): string => `${cells.map(csvCell).join(',')}\r\n`;
