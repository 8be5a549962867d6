/**
 * `npm run bench:cli`: the installed CLI against a naive script with the same JSON-lines I/O, side by
 * side in one run, over 300,000 generated listings (issue 15).
 *
 * - `counterfeit-radar assess` is the bundled dist/cli.mjs (built first by the npm script), run as a
 *   command: node dist/cli.mjs assess < listings.jsonl > /dev/null.
 * - The naive script reads the same file line by line, parses each line, NFKC-folds and lower-cases the
 *   title, runs one regex alternation of every alias and term of the built-in packs, and writes one
 *   JSON line per listing in 64 kB chunks: the least a keyword filter can do with this I/O.
 * Rounds alternate the two; medians are printed with their ratio, and the CLI's start-up to its first
 * verdict (one listing). Figures, not assertions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_PACKS } from '../../lib/rules/builtin-pack';
import { compileRules } from '../../lib/rules/compile-rules';
import { mergeRulePacks } from '../../lib/rules/merge-packs';
import { generateListings } from './bench-listings';

const LISTINGS = 300_000;
const ROUNDS = 3;
const root = join(import.meta.dirname, '..', '..');
const cliPath = join(root, 'dist', 'cli.mjs');
if (!existsSync(cliPath)) {
  console.error('bench:cli: dist/cli.mjs is missing; run `npm run build:cli` first (npm run bench:cli does).');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'cr-cli-bench-'));
const input = join(dir, 'listings.jsonl');
const listings = generateListings(LISTINGS, mergeRulePacks(BUILTIN_PACKS));
writeFileSync(input, `${listings.map((listing) => JSON.stringify(listing)).join('\n')}\n`);

const rules = compileRules(BUILTIN_PACKS);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = [...new Set(rules.meanings.flatMap((meanings) => meanings.map((meaning) => meaning.text.normalize('NFKC').toLowerCase())))]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
const naivePath = join(dir, 'naive.mjs');
writeFileSync(
  naivePath,
  `import { createInterface } from 'node:readline';
const pattern = new RegExp(${JSON.stringify(alternation)});
let out = '';
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line) continue;
  const listing = JSON.parse(line);
  const match = pattern.exec(listing.title.normalize('NFKC').toLowerCase());
  out += JSON.stringify({ itemId: listing.itemId, match: match ? match[0] : null }) + '\\n';
  if (out.length >= 65536) { if (!process.stdout.write(out)) await new Promise((r) => process.stdout.once('drain', r)); out = ''; }
}
process.stdout.write(out);
`,
);

function timed(args: string[], file: string): number {
  const stdin = openSync(file, 'r');
  const stdout = openSync('/dev/null', 'w');
  const begin = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: [stdin, stdout, 'pipe'] });
  const ms = performance.now() - begin;
  closeSync(stdin);
  closeSync(stdout);
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr.toString().slice(0, 500)}`);
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const cliTimes: number[] = [];
const naiveTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  cliTimes.push(timed([cliPath, 'assess', '--quiet'], input));
  naiveTimes.push(timed([naivePath], input));
}
const one = join(dir, 'one.jsonl');
writeFileSync(one, `${JSON.stringify(listings[0])}\n`);
const startups = Array.from({ length: 5 }, () => timed([cliPath, 'assess'], one));
rmSync(dir, { recursive: true, force: true });

const rate = (ms: number) => Math.round((LISTINGS / ms) * 1000);
const cliRate = rate(median(cliTimes));
const naiveRate = rate(median(naiveTimes));
const format = (n: number) => n.toLocaleString('en-US');
console.log(`CLI benchmark (Node ${process.version}): ${format(LISTINGS)} listings, JSON lines in and out, medians of ${ROUNDS} alternating rounds`);
console.log(`  counterfeit-radar assess (dist/cli.mjs)   ${format(cliRate).padStart(9)} listings/s  (${(median(cliTimes) / 1000).toFixed(2)} s)`);
console.log(`  naive: parse + NFKC + one regex + write   ${format(naiveRate).padStart(9)} listings/s  (${(median(naiveTimes) / 1000).toFixed(2)} s, ${alternation.split('|').length} alternatives)`);
console.log(`  ratio: ${(cliRate / naiveRate).toFixed(2)}× (target ≥ 0.8×)`);
console.log(`  start-up to the first verdict (one listing): median ${median(startups).toFixed(0)} ms (target ≤ 150 ms)`);
