/**
 * `cli assess [--rules extra-pack.json] [--sensitivity relaxed|balanced|strict]`: Listing JSON lines
 * on stdin, one Verdict JSON line per listing on stdout, in the same order. Only `title` is required.
 * A bad line is reported on stderr as `line N: <path>: <reason>` and skipped; the rest still run, and
 * the exit code is 1 if any line was bad. Blank lines are ignored. Input must be UTF-8: a line that is
 * not is one of those bad lines, named by its number. Titles are cut to the extension's own cap
 * (MAX_TITLE_LENGTH), so a batch gets the verdict the badge would show and a huge title costs no more
 * than a real one.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { assessListing } from '../rules/assess-listing';
import { assessableListingSchema } from '../rules/assessable-listing';
import { BUILTIN_PACKS } from '../rules/builtin-pack';
import { compileRules, type CompiledRules } from '../rules/compile-rules';
import { issuePath } from '../rules/issue-path';
import { parseRulePack, RulePackError, type RulePack } from '../rules/rule-pack';
import { SENSITIVITIES, type Sensitivity } from '../rules/sensitivity';
import { loadNoticeFile } from '../notices/load-notice-file';
import { NoticeFeedError } from '../notices/notice-feed';
import type { NoticeIndex } from '../notices/notice-index';
import { MAX_TITLE_LENGTH } from '../extract/make-listing';
import { CliError, type CliCommand } from './cli-io';
import { utf8Lines } from './utf8-lines';

const USAGE = 'usage: assess [--rules extra-pack.json] [--notices feed.json|feed.csv] [--sensitivity relaxed|balanced|strict] < listings.jsonl';
/** Verdict lines are written in chunks of about this many characters. */
const FLUSH_AT = 64 * 1024;

async function readExtraPack(path: string): Promise<RulePack> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CliError(`cannot read rules file ${path}: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`rules file ${path} is not JSON: ${(error as Error).message}`);
  }
  try {
    return parseRulePack(json);
  } catch (error) {
    if (error instanceof RulePackError) throw new CliError(`rules file ${path}: ${error.message}`);
    throw error;
  }
}

/** The same notice lookup the extension uses, built from a feed file instead of the database. */
async function readNotices(path: string): Promise<NoticeIndex> {
  try {
    return await loadNoticeFile(path);
  } catch (error) {
    if (error instanceof NoticeFeedError) throw new CliError(`notices file ${path}: ${error.message}`);
    throw error;
  }
}

function compile(packs: RulePack[]): CompiledRules {
  try {
    return compileRules(packs);
  } catch (error) {
    if (error instanceof RulePackError) throw new CliError(error.message);
    throw error;
  }
}

/** Writes, waiting for the stream to drain when it asks to: 100k verdicts must not pile up. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

export const runAssess: CliCommand = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { rules: { type: 'string' }, notices: { type: 'string' }, sensitivity: { type: 'string' } }, allowPositionals: false });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  const sensitivity = (parsed.values.sensitivity ?? 'balanced') as Sensitivity;
  if (!SENSITIVITIES.includes(sensitivity)) throw new CliError(`--sensitivity must be one of ${SENSITIVITIES.join(', ')}\n${USAGE}`);
  const packs = [...BUILTIN_PACKS];
  if (parsed.values.rules !== undefined) packs.push(await readExtraPack(parsed.values.rules));
  const rules = compile(packs);
  const notices = parsed.values.notices === undefined ? null : await readNotices(parsed.values.notices);

  let lineNumber = 0;
  let failed = 0;
  let pending = '';
  for await (const read of utf8Lines(io.stdin as AsyncIterable<Buffer | string>)) {
    lineNumber = read.number;
    if (read.text === null) {
      failed++;
      io.stderr.write(`line ${lineNumber}: ${read.reason}\n`);
      continue;
    }
    const line = read.text;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      failed++;
      io.stderr.write(`line ${lineNumber}: not JSON: ${(error as Error).message}\n`);
      continue;
    }
    const result = v.safeParse(assessableListingSchema, json, { abortEarly: false });
    if (!result.success) {
      failed++;
      for (const issue of result.issues) io.stderr.write(`line ${lineNumber}: ${issuePath(issue) || '(listing)'}: ${issue.message}\n`);
      continue;
    }
    const listing = result.output.title.length > MAX_TITLE_LENGTH ? { ...result.output, title: result.output.title.slice(0, MAX_TITLE_LENGTH) } : result.output;
    pending += `${JSON.stringify(assessListing(listing, rules, notices?.hitsFor(listing) ?? [], sensitivity))}\n`;
    if (pending.length >= FLUSH_AT) {
      await write(io.stdout, pending);
      pending = '';
    }
  }
  if (pending) await write(io.stdout, pending);
  if (failed > 0) io.stderr.write(`${failed} of ${lineNumber} lines could not be assessed\n`);
  return failed > 0 ? 1 : 0;
};
