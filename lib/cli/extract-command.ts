/**
 * `cli extract --url <page URL> <saved.html>`: the listings on a page saved with the browser's
 * "Save page as", as the extension would find them. The URL is needed because a saved file no longer
 * knows where it came from, and the page kind and item ids depend on it.
 */
import { parseArgs } from 'node:util';
import { extractPage } from '../extract/extract-page';
import { CliError, type CliCommand } from './cli-io';
import { readSavedPage } from './saved-page';

export const runExtract: CliCommand = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { url: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const { url } = parsed.values;
  const [file, ...extra] = parsed.positionals;
  if (!url || !file || extra.length > 0) throw new CliError('usage: extract --url <page URL> <saved.html>');
  if (!URL.canParse(url)) throw new CliError(`--url is not a URL: ${url}`);

  const html = await readSavedPage(file);
  if (!/<(html|head|body|div|script)[\s>]/i.test(html)) throw new CliError(`${file} does not look like an HTML page`);
  // Loaded here, not at start-up: jsdom takes longer to load than `assess` takes to start.
  const { JSDOM } = await import('jsdom');
  const { document } = new JSDOM(html, { url }).window;
  const { page, found } = extractPage(document, url);
  io.stdout.write(`${JSON.stringify({ page, listings: found.map((f) => f.listing) }, null, 2)}\n`);
  return 0;
};
