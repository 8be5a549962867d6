/**
 * `cli scan <folder> [--urls urls.tsv] [--format jsonl|csv] [--lang en|zh_CN|both] [--sensitivity …]`:
 * extracts and assesses every saved page (*.html, *.htm) in a folder and its subfolders, and writes one
 * record per listing with the page it came from — a team's saved pages become one table. A page's
 * address comes from `--urls` (lines `relative/path.html<TAB>URL`), else from the page itself (its
 * saved-from mark, canonical link or og:url); a page without one, or one that cannot be read, is
 * reported on stderr by path and the others still run (exit code 1).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { extractPage } from '../extract/extract-page';
import type { Listing } from '../listing';
import { BUILTIN_PACKS } from '../rules/builtin-pack';
import { compileRules } from '../rules/compile-rules';
import { SENSITIVITIES, type Sensitivity } from '../rules/sensitivity';
import { CliError, optionChoice, write, type CliCommand } from './cli-io';
import { COMMAND_USAGE } from './command-usage';
import { addressOfSavedPage } from './page-address';
import { readSavedPage } from './saved-page';
import { assessInLang, csvRow, FORMATS, LANGS, verdictCsvCells, VERDICT_CSV_COLUMNS, type Format, type Lang, type OutputVerdict } from './verdict-output';

const USAGE = `usage: ${COMMAND_USAGE.scan}`;
const PAGE_FILE = /\.html?$/i;
const CSV_COLUMNS = ['page', 'page_url', 'page_kind', 'title', 'price_min', 'price_max', 'shop_name', 'platform', ...VERDICT_CSV_COLUMNS] as const;

/** Every saved page under `folder`, as paths relative to it with `/` separators, sorted. */
async function savedPages(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new CliError(`cannot read folder ${folder}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
  }
  return entries
    .filter((entry) => entry.isFile() && PAGE_FILE.test(entry.name))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

async function readUrlMap(path: string | undefined): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (path === undefined) return map;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read --urls file ${path}: ${(error as Error).message}`);
  }
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [page, url, ...rest] = line.split('\t');
    if (!page || !url || rest.length > 0 || !URL.canParse(url)) throw new CliError(`--urls file ${path}, line ${i + 1}: expected "relative/path.html<TAB>URL"`);
    map.set(page, url);
  });
  return map;
}


function record(page: string, url: string, kind: string, listing: Listing, verdict: OutputVerdict, format: Format): string {
  if (format === 'csv') {
    return csvRow([page, url, kind, listing.title, listing.price?.min ?? null, listing.price?.max ?? null, listing.shop.name, listing.shop.platform, ...verdictCsvCells(verdict)]);
  }
  return `${JSON.stringify({ page, pageUrl: url, pageKind: kind, listing, verdict })}\n`;
}

export const runScan: CliCommand = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { urls: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, sensitivity: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  const [folder, ...extra] = parsed.positionals;
  if (!folder || extra.length > 0) throw new CliError(USAGE);
  const format = optionChoice<Format>(parsed.values.format, FORMATS, 'jsonl', 'format', USAGE);
  const lang = optionChoice<Lang>(parsed.values.lang, LANGS, 'en', 'lang', USAGE);
  const sensitivity = optionChoice<Sensitivity>(parsed.values.sensitivity, SENSITIVITIES, 'balanced', 'sensitivity', USAGE);
  const assess = assessInLang(lang);
  const urls = await readUrlMap(parsed.values.urls);
  const pages = await savedPages(folder);
  const rules = compileRules(BUILTIN_PACKS);
  // Loaded here, not at start-up: jsdom takes longer to load than `assess` takes to start.
  const { JSDOM } = await import('jsdom');

  if (format === 'csv') await write(io.stdout, csvRow(CSV_COLUMNS));
  let failed = 0;
  let listings = 0;
  for (const page of pages) {
    try {
      const html = await readSavedPage(join(folder, page));
      const dom = new JSDOM(html);
      const url = urls.get(page) ?? addressOfSavedPage(html, dom.window.document);
      if (!url) throw new CliError('no address: the page names none (saved-from mark, canonical link, og:url); give it with --urls');
      dom.reconfigure({ url });
      const { page: kind, found } = extractPage(dom.window.document, url);
      let out = '';
      for (const { listing } of found) out += record(page, url, kind, listing, assess(listing, rules, [], sensitivity), format);
      listings += found.length;
      if (out) await write(io.stdout, out);
    } catch (error) {
      failed++;
      io.stderr.write(`${page}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  io.stderr.write(`${listings} listings from ${pages.length - failed} of ${pages.length} pages\n`);
  return failed > 0 ? 1 : 0;
};
