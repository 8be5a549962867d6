/**
 * What `cli assess` and `cli scan` write for a verdict: reasons in the language asked for (a batch
 * rarely needs both, and writing both doubles the output), as JSON lines or CSV rows.
 */
import { safeCell } from '../activity/csv-cells';
import type { LocalizedText, Verdict } from '../verdict';

export const LANGS = ['en', 'zh_CN', 'both'] as const;
export type Lang = (typeof LANGS)[number];
export const FORMATS = ['jsonl', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

type Text = string | LocalizedText;
const inLang = (text: LocalizedText, lang: Lang): Text => (lang === 'both' ? text : text[lang]);

/** The verdict with its texts in one language (or both, as the engine gives them). */
export function verdictInLang(verdict: Verdict, lang: Lang): object {
  if (lang === 'both') return verdict;
  return {
    ...verdict,
    ...(verdict.brandName ? { brandName: verdict.brandName[lang] } : {}),
    reasons: verdict.reasons.map((reason) => ({ ...reason, text: inLang(reason.text, lang) })),
  };
}

export const VERDICT_CSV_COLUMNS = ['item_id', 'risk', 'score', 'brand', 'brand_name', 'reason_codes', 'reasons'] as const;

/** One CSV cell: quoted when it must be, formula-safe (titles come from hostile pages). */
export function csvCell(value: string | number | null): string {
  const text = safeCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function verdictCsvCells(verdict: Verdict, lang: Lang): (string | number | null)[] {
  const text = (t: LocalizedText) => (lang === 'both' ? `${t.en} / ${t.zh_CN}` : t[lang]);
  return [
    verdict.itemId,
    verdict.risk,
    verdict.score,
    verdict.brand,
    verdict.brandName ? text(verdict.brandName) : null,
    verdict.reasons.map((r) => r.code).join(';'),
    verdict.reasons.map((r) => text(r.text)).join(' | '),
  ];
}

export const csvRow = (cells: readonly (string | number | null)[]): string => `${cells.map(csvCell).join(',')}\r\n`;
