/**
 * Scores the rules engine on real listing titles (`<shared>/real-titles/titles.tsv`: label, brand,
 * title, price, shop, shop type, source), each judged on what a page shows: title, price and shop.
 * The rows are split by source (title-split.json): the tune part may be used to tune rules, the
 * scored part only measures, and its figures are the published ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessListing, BUILTIN_PACKS, compileRules, type CompiledRules } from '../../lib/rules';
import type { AssessableListing } from '../../lib/rules/assessable-listing';
import type { Risk, Verdict } from '../../lib/verdict';
import type { EvalFigure, EvalReport } from './eval-report';
import split from './title-split.json';

export type Label = 'suspect' | 'lookalike' | 'clean' | 'accessory';
const LABELS: readonly Label[] = ['suspect', 'lookalike', 'accessory', 'clean'];
const RISKS: readonly Risk[] = ['high', 'medium', 'low', 'none'];
const COLUMNS = ['label', 'brand', 'title', 'price', 'shopName', 'shopType', 'source'] as const;

export interface TitleRow {
  line: number;
  label: Label;
  brand: string;
  title: string;
  price: number | null;
  shopName: string;
  shopType: string;
  source: string;
}

/** Reads titles.tsv; a malformed row is an error naming its line and field. */
export function readTitleRows(file: string): TitleRow[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const header = lines[0]?.split('\t') ?? [];
  if (COLUMNS.some((column, i) => header[i] !== column)) throw new Error(`${file}:1: expected the columns ${COLUMNS.join(', ')}`);
  const rows: TitleRow[] = [];
  lines.slice(1).forEach((text, i) => {
    if (text.trim() === '') return;
    const line = i + 2;
    const cells = text.split('\t');
    if (cells.length !== COLUMNS.length) throw new Error(`${file}:${line}: ${cells.length} fields, expected ${COLUMNS.length}`);
    const [label, brand, title, price, shopName, shopType, source] = cells as [string, string, string, string, string, string, string];
    if (!LABELS.includes(label as Label)) throw new Error(`${file}:${line}: label: "${label}" is not one of ${LABELS.join(', ')}`);
    const amount = price.trim() === '' ? null : Number(price);
    if (amount !== null && !(amount >= 0)) throw new Error(`${file}:${line}: price: "${price}" is not a number`);
    rows.push({ line, label: label as Label, brand, title, price: amount, shopName, shopType, source });
  });
  return rows;
}

/** The listing as a page shows it: only what the source gives. */
export function listingOf(row: TitleRow): AssessableListing {
  const platform = row.shopType === 'tmall' ? 'tmall' : row.shopType === 'taobao' ? 'taobao' : undefined;
  return {
    title: row.title,
    price: row.price === null ? null : { min: row.price, max: row.price, currency: 'CNY' },
    shop: row.shopName === '' ? null : { name: row.shopName, id: null, ...(platform ? { platform } : {}), tier: null },
  };
}

const TUNE_SOURCES = new Set<string>(split.tune);
export const isTuneRow = (row: TitleRow): boolean => TUNE_SOURCES.has(row.source);

interface Judged {
  row: TitleRow;
  verdict: Verdict;
}

const flagged = (risk: Risk): boolean => risk === 'high' || risk === 'medium';
const share = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

export interface TitleFigures {
  rows: number;
  highPrecision: number;
  flaggedPrecision: number;
  suspectRecall: number;
  cleanFlagged: number;
  lookalikeHigh: number;
  brandAccuracy: number;
  counts: { high: number; flagged: number; suspectsInPack: number; clean: number; lookalikes: number; nonClean: number };
}

export function figuresOf(judged: readonly Judged[], packBrands: ReadonlySet<string>): TitleFigures {
  const high = judged.filter((j) => j.verdict.risk === 'high');
  const flaggedRows = judged.filter((j) => flagged(j.verdict.risk));
  const suspectsInPack = judged.filter((j) => j.row.label === 'suspect' && packBrands.has(j.row.brand));
  const clean = judged.filter((j) => j.row.label === 'clean');
  const lookalikes = judged.filter((j) => j.row.label === 'lookalike');
  const nonClean = judged.filter((j) => j.row.label !== 'clean');
  return {
    rows: judged.length,
    highPrecision: share(high.filter((j) => j.row.label === 'suspect').length, high.length),
    flaggedPrecision: share(flaggedRows.filter((j) => j.row.label === 'suspect').length, flaggedRows.length),
    suspectRecall: share(suspectsInPack.filter((j) => flagged(j.verdict.risk)).length, suspectsInPack.length),
    cleanFlagged: share(clean.filter((j) => flagged(j.verdict.risk)).length, clean.length),
    lookalikeHigh: share(lookalikes.filter((j) => j.verdict.risk === 'high').length, lookalikes.length),
    brandAccuracy: share(nonClean.filter((j) => (j.verdict.brand ?? 'none') === j.row.brand).length, nonClean.length),
    counts: { high: high.length, flagged: flaggedRows.length, suspectsInPack: suspectsInPack.length, clean: clean.length, lookalikes: lookalikes.length, nonClean: nonClean.length },
  };
}

function confusionTable(judged: readonly Judged[]): string[] {
  const lines = [`    ${'label'.padEnd(10)}${RISKS.map((risk) => risk.padStart(8)).join('')}${'total'.padStart(8)}`];
  for (const label of LABELS) {
    const ofLabel = judged.filter((j) => j.row.label === label);
    if (ofLabel.length === 0) continue;
    lines.push(`    ${label.padEnd(10)}${RISKS.map((risk) => String(ofLabel.filter((j) => j.verdict.risk === risk).length).padStart(8)).join('')}${String(ofLabel.length).padStart(8)}`);
  }
  return lines;
}

/** Rows the engine got wrong: a suspect not flagged, a clean row flagged, a lookalike at high, a wrong brand. */
function misses(judged: readonly Judged[]): string[] {
  return judged
    .filter(({ row, verdict }) =>
      (row.label === 'suspect' && !flagged(verdict.risk)) ||
      (row.label === 'clean' && flagged(verdict.risk)) ||
      (row.label === 'lookalike' && verdict.risk === 'high') ||
      (row.label !== 'clean' && (verdict.brand ?? 'none') !== row.brand),
    )
    .map(({ row, verdict }) => `    line ${row.line} [${row.source}] ${row.label}/${row.brand} → ${verdict.risk}/${verdict.brand ?? 'none'} (${verdict.reasons.map((r) => r.code).join(', ')}): ${row.title} ¥${row.price ?? '-'} ${row.shopName}`);
}

/**
 * The 95 % Wilson interval of a share measured on `whole` rows: with a dozen suspects a figure can
 * move by tens of points, and a reader should see that.
 */
export function wilsonInterval(value: number, whole: number): [number, number] {
  if (whole === 0) return [0, 1];
  const z = 1.96;
  const centre = (value + (z * z) / (2 * whole)) / (1 + (z * z) / whole);
  const half = (z * Math.sqrt((value * (1 - value)) / whole + (z * z) / (4 * whole * whole))) / (1 + (z * z) / whole);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function figureLines(name: string, f: TitleFigures): string[] {
  const range = (value: number, whole: number) => {
    const [low, high] = wilsonInterval(value, whole);
    return `[95 % interval ${(low * 100).toFixed(0)}–${(high * 100).toFixed(0)} %]`;
  };
  return [
    `  ${name}: ${f.rows} rows`,
    `    high-risk precision        ${percent(f.highPrecision)}  (${f.counts.high} high) ${range(f.highPrecision, f.counts.high)}`,
    `    medium-or-high precision   ${percent(f.flaggedPrecision)}  (${f.counts.flagged} flagged) ${range(f.flaggedPrecision, f.counts.flagged)}`,
    `    suspect recall (in pack)   ${percent(f.suspectRecall)}  (${f.counts.suspectsInPack} suspects of brands in the pack) ${range(f.suspectRecall, f.counts.suspectsInPack)}`,
    `    clean listings flagged     ${percent(f.cleanFlagged)}  (${f.counts.clean} clean) ${range(f.cleanFlagged, f.counts.clean)}`,
    `    lookalikes at high         ${percent(f.lookalikeHigh)}  (${f.counts.lookalikes} lookalikes) ${range(f.lookalikeHigh, f.counts.lookalikes)}`,
    `    brand right (non-clean)    ${percent(f.brandAccuracy)}  (${f.counts.nonClean} rows) ${range(f.brandAccuracy, f.counts.nonClean)}`,
  ];
}

export interface TitlesEvalOptions {
  rules?: CompiledRules;
  /** Also list the scored part's misses (to read, not to tune on). */
  showScoredMisses?: boolean;
}

export function evaluateTitles(sharedDir: string, options: TitlesEvalOptions = {}): EvalReport {
  const file = join(sharedDir, 'real-titles', 'titles.tsv');
  const rows = readTitleRows(file);
  const rules = options.rules ?? compileRules(BUILTIN_PACKS);
  const packBrands = new Set(rules.brands.map((brand) => brand.id));
  const judged = rows.map((row) => ({ row, verdict: assessListing(listingOf(row), rules) }));
  const tune = judged.filter((j) => isTuneRow(j.row));
  const scored = judged.filter((j) => !isTuneRow(j.row));
  const tuneFigures = figuresOf(tune, packBrands);
  const scoredFigures = figuresOf(scored, packBrands);
  const sources = (part: readonly Judged[]) => [...new Set(part.map((j) => j.row.source))].sort().join(', ');
  const lines = [
    `${file}: ${rows.length} real titles from ${new Set(rows.map((r) => r.source)).size} sources; balanced sensitivity.`,
    `  scored part, sources: ${sources(scored)}`,
    `  tune part, sources: ${sources(tune)}`,
    ...figureLines('scored part (published)', scoredFigures),
    '    confusion (rows: label, columns: risk)',
    ...confusionTable(scored),
    ...figureLines('tune part', tuneFigures),
    ...confusionTable(tune),
    `  tune part misses (${misses(tune).length}):`,
    ...misses(tune),
  ];
  if (options.showScoredMisses) lines.push(`  scored part misses (${misses(scored).length}):`, ...misses(scored));
  const figures: EvalFigure[] = [
    { key: 'titles.highPrecision', label: 'high-risk precision', value: scoredFigures.highPrecision },
    { key: 'titles.flaggedPrecision', label: 'medium-or-high precision', value: scoredFigures.flaggedPrecision },
    { key: 'titles.suspectRecall', label: 'suspect recall, brands in the pack', value: scoredFigures.suspectRecall },
    { key: 'titles.cleanKept', label: 'clean listings not flagged', value: 1 - scoredFigures.cleanFlagged },
    { key: 'titles.lookalikesNotHigh', label: 'lookalikes not at high', value: 1 - scoredFigures.lookalikeHigh },
    { key: 'titles.brandAccuracy', label: 'brand right on non-clean rows', value: scoredFigures.brandAccuracy },
  ];
  return { title: 'Detection on real listing titles', lines, figures };
}
