/**
 * Scores extraction on real saved pages (`<shared>/real-pages/expected.json`, read from the markup by a
 * person): how many of the listings a person sees are found, how many of their fields are right, and
 * whether a page with product data is called blocked. Files are split (page-split.json) into a part the
 * extractor may be tuned on and a part that is only scored; the scored part's figures are published.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { decodeSavedPage } from '../../lib/cli/saved-page';
import { extractPage } from '../../lib/extract/extract-page';
import { layoutUnrecognised } from '../../lib/extract/layout-check';
import { queryAll } from '../../lib/extract/selector';
import { selectorRegistry } from '../../lib/extract/selector-registry';
import type { Listing } from '../../lib/listing';
import type { EvalFigure, EvalReport } from './eval-report';
import split from './page-split.json';

interface ExpectedListing {
  itemId: string;
  title?: string;
  price?: { min: number; max: number | null } | null;
  shop?: string | null;
  platform?: string;
  sales?: string | null;
  location?: string | null;
  isAd?: boolean;
}

interface ExpectedFile {
  file: string;
  kind: string;
  url: string;
  acceptBlocked?: boolean;
  listings: ExpectedListing[];
}

/** One scored field: what a person read, what the extractor gave. */
interface FieldResult {
  itemId: string;
  field: string;
  expected: unknown;
  actual: unknown;
  right: boolean;
}

export interface PageResult {
  file: string;
  expectedKind: string;
  page: string;
  expected: number;
  found: number;
  /** Listings the extractor gave that a person does not see on the page. */
  invented: string[];
  fields: FieldResult[];
  calledBlocked: boolean;
  /** Whether the extension would say "This page's layout is not recognised". */
  layoutUnrecognised: boolean;
}

const TUNE_FILES = new Set<string>(split.tune);

const samePrice = (a: number, b: number) => Math.abs(a - b) < 0.005;
const noSpace = (text: string | null | undefined) => (text == null ? null : text.replace(/\s+/g, '') || null);

/** The fields a person read, compared by the set's conventions (absent = not scored, null = nothing shown). */
function scoreFields(expected: ExpectedListing, actual: Listing): FieldResult[] {
  const results: FieldResult[] = [];
  const add = (field: string, want: unknown, got: unknown, right: boolean) => results.push({ itemId: expected.itemId, field, expected: want, actual: got, right });
  if (expected.title !== undefined) add('title', expected.title, actual.title, noSpace(expected.title) === noSpace(actual.title));
  if (expected.price != null) {
    const { min, max } = expected.price;
    const got = actual.price;
    add('price', max === null ? `${min}起` : `${min}–${max}`, got ? `${got.min}–${got.max}` : null, got !== null && samePrice(got.min, min) && (max === null || samePrice(got.max, max)));
  }
  if (expected.shop !== undefined) add('shop', expected.shop, actual.shop.name, noSpace(expected.shop) === noSpace(actual.shop.name));
  if (expected.platform !== undefined) add('platform', expected.platform, actual.shop.platform, expected.platform === actual.shop.platform);
  if (expected.sales !== undefined) add('sales', expected.sales, actual.sales, noSpace(expected.sales) === noSpace(actual.sales));
  if (expected.location !== undefined) add('location', expected.location, actual.location, noSpace(expected.location) === noSpace(actual.location));
  if (expected.isAd !== undefined) add('isAd', expected.isAd, actual.isAd, expected.isAd === actual.isAd);
  return results;
}

function loadPage(sharedDir: string, expected: ExpectedFile): Document {
  const path = join(sharedDir, 'real-pages', expected.file);
  return new JSDOM(decodeSavedPage(readFileSync(path), path), { url: expected.url }).window.document;
}

export function scorePage(expected: ExpectedFile, document: Document): PageResult {
  const { page, found } = extractPage(document, expected.url);
  const byId = new Map(found.map((f) => [f.listing.itemId, f.listing]));
  const wanted = new Set(expected.listings.map((l) => l.itemId));
  const fields: FieldResult[] = [];
  let hits = 0;
  for (const listing of expected.listings) {
    const actual = byId.get(listing.itemId);
    if (!actual) continue;
    hits++;
    fields.push(...scoreFields(listing, actual));
  }
  return {
    file: expected.file,
    expectedKind: expected.kind,
    page,
    expected: expected.listings.length,
    found: hits,
    invented: [...byId.keys()].filter((id) => !wanted.has(id)),
    fields,
    calledBlocked: page === 'blocked',
    layoutUnrecognised: layoutUnrecognised(document, page, found.length),
  };
}

interface PageFigures {
  files: number;
  expected: number;
  found: number;
  fields: number;
  fieldsRight: number;
  withData: number;
  withDataNotBlocked: number;
  invented: number;
}

function figuresOf(results: readonly PageResult[]): PageFigures {
  const withData = results.filter((r) => r.expected > 0);
  return {
    files: results.length,
    expected: results.reduce((n, r) => n + r.expected, 0),
    found: results.reduce((n, r) => n + r.found, 0),
    fields: results.reduce((n, r) => n + r.fields.length, 0),
    fieldsRight: results.reduce((n, r) => n + r.fields.filter((f) => f.right).length, 0),
    withData: withData.length,
    withDataNotBlocked: withData.filter((r) => !r.calledBlocked).length,
    invented: results.reduce((n, r) => n + r.invented.length, 0),
  };
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const percent = (value: number) => `${(value * 100).toFixed(1).padStart(5)} %`;

function figureLines(name: string, f: PageFigures): string[] {
  return [
    `  ${name}: ${f.files} pages`,
    `    listings found             ${percent(share(f.found, f.expected))}  (${f.found} of ${f.expected})`,
    `    fields right               ${percent(share(f.fieldsRight, f.fields))}  (${f.fieldsRight} of ${f.fields})`,
    `    pages with data not blocked ${percent(share(f.withDataNotBlocked, f.withData))} (${f.withDataNotBlocked} of ${f.withData})`,
    `    listings invented          ${f.invented}`,
  ];
}

function fileLines(results: readonly PageResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const wrong = r.fields.filter((f) => !f.right);
    const part = TUNE_FILES.has(r.file) ? 'tune' : 'scored';
    lines.push(`    ${r.file.padEnd(32)} ${part.padEnd(6)} ${r.expectedKind.padEnd(11)} → ${r.page.padEnd(11)} found ${r.found}/${r.expected}, fields ${r.fields.length - wrong.length}/${r.fields.length}${r.invented.length > 0 ? `, invented ${r.invented.length}` : ''}${r.layoutUnrecognised ? ', layout NOT RECOGNISED' : ''}`);
    for (const f of wrong.slice(0, 8)) lines.push(`      ${f.itemId} ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`);
    if (wrong.length > 8) lines.push(`      … and ${wrong.length - 8} more wrong fields`);
  }
  return lines;
}

/**
 * The selectors' stated matches on real pages (selectors.ts `real`), checked here because the pages
 * live outside the repository; and the alternatives no real page exercises, which only synthetic
 * pages vouch for.
 */
function selectorLines(documents: ReadonlyMap<string, Document>): string[] {
  const wrong: string[] = [];
  const syntheticOnly: string[] = [];
  for (const { name, selector } of selectorRegistry()) {
    const stated = selector.expect.real ?? {};
    let matchesReal = false;
    for (const [page, doc] of documents) {
      const count = queryAll(doc, [selector]).length;
      if (count > 0) matchesReal = true;
      const want = stated[page];
      if (want !== undefined && want !== count) wrong.push(`    ${name}: ${page} matches ${count}, selectors.ts says ${want}`);
      else if (want === undefined && count > 0) wrong.push(`    ${name}: also matches ${page} (${count}×), not stated in selectors.ts`);
    }
    if (!matchesReal) syntheticOnly.push(name);
  }
  return [
    `  selector expectations on real pages: ${wrong.length === 0 ? 'all as stated' : `${wrong.length} differ`}`,
    ...wrong,
    `  alternatives no real page exercises (only synthetic fixtures vouch for them): ${syntheticOnly.length} of ${selectorRegistry().length}`,
    ...syntheticOnly.map((name) => `    ${name}`),
  ];
}

export function evaluatePages(sharedDir: string): EvalReport {
  const file = join(sharedDir, 'real-pages', 'expected.json');
  const { files } = JSON.parse(readFileSync(file, 'utf8')) as { files: ExpectedFile[] };
  const documents = new Map(files.map((expected) => [expected.file.replace(/\.html$/, ''), loadPage(sharedDir, expected)]));
  const results = files.map((expected) => scorePage(expected, documents.get(expected.file.replace(/\.html$/, '')) as Document));
  const scored = figuresOf(results.filter((r) => !TUNE_FILES.has(r.file)));
  const tune = figuresOf(results.filter((r) => TUNE_FILES.has(r.file)));
  const lines = [
    `${file}: ${files.length} real saved pages, ${results.reduce((n, r) => n + r.expected, 0)} listings a person reads from them.`,
    ...figureLines('scored part (published)', scored),
    ...figureLines('tune part', tune),
    '  per page (expected kind → what the extractor called it):',
    ...fileLines(results),
    ...selectorLines(documents),
  ];
  const figures: EvalFigure[] = [
    { key: 'pages.listingsFound', label: 'listings found on real pages', value: share(scored.found, scored.expected) },
    { key: 'pages.fieldsRight', label: 'fields right on found listings', value: share(scored.fieldsRight, scored.fields) },
    { key: 'pages.noWronglyBlocked', label: 'pages with data not called blocked', value: share(scored.withDataNotBlocked, scored.withData) },
  ];
  return { title: 'Extraction on real saved pages', lines, figures };
}
