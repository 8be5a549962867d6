/**
 * `cli extract --url <page URL> <saved.html>`: the listings on a page saved with the browser's
 * "Save page as", as the extension would find them. The URL is needed because a saved file no longer
 * knows where it came from, and the page kind and item ids depend on it.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { extractPage } from '../extract/extract-page';
import { CliError, type CliCommand } from './cli-io';

async function readHtml(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CliError(`cannot read ${path}: ${reason}`);
  }
  if (bytes.includes(0)) throw new CliError(`${path} is not an HTML page (it holds binary data)`);
  // Taobao pages were GBK until ~2018 and say so in <meta charset>; saved pages keep that encoding.
  const head = bytes.subarray(0, 2048).toString('latin1');
  const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const encoding = charset && /^(gbk|gb2312|gb18030)$/.test(charset) ? 'gb18030' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

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

  const html = await readHtml(file);
  if (!/<(html|head|body|div|script)[\s>]/i.test(html)) throw new CliError(`${file} does not look like an HTML page`);
  // Loaded here, not at start-up: jsdom takes longer to load than `assess` takes to start.
  const { JSDOM } = await import('jsdom');
  const { document } = new JSDOM(html, { url }).window;
  const { page, found } = extractPage(document, url);
  io.stdout.write(`${JSON.stringify({ page, listings: found.map((f) => f.listing) }, null, 2)}\n`);
  return 0;
};
