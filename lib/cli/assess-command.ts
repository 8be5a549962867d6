/**
 * `cli assess [--rules extra-pack.json] [--sensitivity relaxed|balanced|strict] [--lang en|zh_CN|both]
 * [--format jsonl|csv] [--quiet]`: Listing JSON lines on stdin, one verdict per listing on stdout (a
 * JSON line, or a CSV row), in the same order. Only `title` is required. Reasons are written in one
 * language (English by default). On a terminal, stderr shows progress unless --quiet.
 * A bad line is reported on stderr as `line N: <path>: <reason>` and skipped; the rest still run, and
 * the exit code is 1 if any line was bad. Blank lines are ignored. Input must be UTF-8: a line that is
 * not is one of those bad lines, named by its number. Titles are cut to the extension's own cap
 * (MAX_TITLE_LENGTH), so a batch gets the verdict the badge would show and a huge title costs no more
 * than a real one.
 */
import { fstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { assessableListingSchema } from '../rules/assessable-listing';
import { BUILTIN_PACKS } from '../rules/builtin-pack';
import { compileRules, type CompiledRules } from '../rules/compile-rules';
import { issuePath } from '../rules/issue-path';
import { parseRulePack, RulePackError, type RulePack } from '../rules/rule-pack';
import { SENSITIVITIES, type Sensitivity } from '../rules/sensitivity';
import type { NoticeIndex } from '../notices/notice-index';
import { MAX_TITLE_LENGTH } from '../extract/make-listing';
import { CliError, optionChoice, write, type CliCommand } from './cli-io';
import { COMMAND_USAGE } from './command-usage';
import { fastAssessable } from './fast-listing';
import { NO_PROGRESS, progressLine } from './progress-line';
import { utf8LineBatches, type Utf8Line } from './utf8-lines';
import { assessInLang, csvRow, FORMATS, LANGS, VERDICT_CSV_COLUMNS, verdictCsvCells, verdictJsonLine, type Format, type Lang } from './verdict-output';

const USAGE = `usage: ${COMMAND_USAGE.assess}`;
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
  // Loaded only when asked for: the feed parsers are not part of a plain run's start-up.
  const [{ loadNoticeFile }, { NoticeFeedError }] = await Promise.all([import('../notices/load-notice-file'), import('../notices/notice-feed')]);
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

/** The size of stdin when it is a regular file (`< listings.jsonl`), for the ETA; else null. */
function inputSize(stdin: NodeJS.ReadableStream): number | null {
  const fd = (stdin as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return null;
  try {
    const stat = fstatSync(fd);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}


export const runAssess: CliCommand = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        rules: { type: 'string' },
        notices: { type: 'string' },
        sensitivity: { type: 'string' },
        lang: { type: 'string' },
        format: { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  const sensitivity = optionChoice<Sensitivity>(parsed.values.sensitivity, SENSITIVITIES, 'balanced', 'sensitivity', USAGE);
  const lang = optionChoice<Lang>(parsed.values.lang, LANGS, 'en', 'lang', USAGE);
  const format = optionChoice<Format>(parsed.values.format, FORMATS, 'jsonl', 'format', USAGE);
  const assess = assessInLang(lang);
  const packs = [...BUILTIN_PACKS];
  if (parsed.values.rules !== undefined) packs.push(await readExtraPack(parsed.values.rules));
  const rules = compile(packs);
  const notices = parsed.values.notices === undefined ? null : await readNotices(parsed.values.notices);
  const progress = !parsed.values.quiet && (io.stderr as { isTTY?: boolean }).isTTY ? progressLine(io.stderr, inputSize(io.stdin)) : NO_PROGRESS;

  let lineNumber = 0;
  let failed = 0;
  let done = 0;
  const fail = (message: string): '' => {
    io.stderr.write(`line ${lineNumber}: ${message}\n`);
    return '';
  };
  /** The output for one line, '' when it is blank or bad (reported on stderr). */
  const outputFor = (read: Utf8Line): string => {
    lineNumber = read.number;
    if (read.text === null) {
      failed++;
      return fail(read.reason);
    }
    const line = read.text;
    if (line.trim() === '') return '';
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      failed++;
      return fail(`not JSON: ${(error as Error).message}`);
    }
    let listing = fastAssessable(json);
    if (listing === null) {
      const result = v.safeParse(assessableListingSchema, json, { abortEarly: false });
      if (!result.success) {
        failed++;
        for (const issue of result.issues) fail(`${issuePath(issue) || '(listing)'}: ${issue.message}`);
        return '';
      }
      listing = result.output;
    }
    if (listing.title.length > MAX_TITLE_LENGTH) listing = { ...listing, title: listing.title.slice(0, MAX_TITLE_LENGTH) };
    const verdict = assess(listing, rules, notices?.hitsFor(listing) ?? [], sensitivity);
    done++;
    return format === 'csv' ? csvRow(verdictCsvCells(verdict)) : verdictJsonLine(verdict);
  };

  // Lines are gathered and joined once per chunk: a string grown by += is a rope of 64 kB of pieces,
  // which costs twice as much to flatten and encode as a join.
  const pending: string[] = format === 'csv' ? [csvRow(VERDICT_CSV_COLUMNS)] : [];
  let pendingLength = 0;
  for await (const batch of utf8LineBatches(io.stdin as AsyncIterable<Buffer | string>)) {
    for (const read of batch.lines) {
      const output = outputFor(read);
      if (output === '') continue;
      pending.push(output);
      pendingLength += output.length;
    }
    if (pendingLength >= FLUSH_AT) {
      await write(io.stdout, pending.join(''));
      pending.length = 0;
      pendingLength = 0;
      progress.update(done, batch.bytesRead);
    }
  }
  if (pending.length > 0) await write(io.stdout, pending.join(''));
  progress.finish(done);
  if (failed > 0) io.stderr.write(`${failed} of ${lineNumber} lines could not be assessed\n`);
  return failed > 0 ? 1 : 0;
};
