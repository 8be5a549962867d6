/**
 * `npm run bench`: how fast the rules engine assesses listings, on one core, in-process.
 *
 * Prints, for 120 000 generated listings shaped like Taobao search results:
 * - compiling the built-in pack (the first compile also builds the folding table);
 * - the whole assessment (fold + match + rules + verdict with reasons), listings per second;
 * - the matcher alone (fold + automaton, no rule logic);
 * - a bare baseline: NFKC-normalise the title and run one regex alternation of every alias and
 *   term, with no rule logic — measured case-insensitive and with the title lower-cased first; the
 *   faster of the two is the baseline — and the ratio of the assessment to it.
 * The four are measured in interleaved rounds (one of each per round, medians over the rounds), so a
 * busy machine slows them alike. Targets (issue 10): the assessment at ≥ 0.8 × the baseline, and
 * compiling the built-in packs under 50 ms. Numbers, not assertions: timings depend on the machine
 * and on what else runs on it.
 */
import { assessListing } from '../../lib/rules/assess-listing';
import { compileRules } from '../../lib/rules/compile-rules';
import { BUILTIN_PACKS } from '../../lib/rules/builtin-pack';
import { mergeRulePacks } from '../../lib/rules/merge-packs';

import { foldTable } from '../../lib/rules/text-folding';
import { ScanBuffers } from '../../lib/rules/title-matcher';
import type { Risk } from '../../lib/verdict';
import { generateListings } from './bench-listings';

// The folding table is built once per process, on first use.
let start = performance.now();
foldTable();
const foldTableMs = performance.now() - start;
start = performance.now();
const BUILTIN = mergeRulePacks(BUILTIN_PACKS);
const mergeMs = performance.now() - start;

const LISTINGS = 120_000;
const ROUNDS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

interface Measure {
  run: () => number;
  times: number[];
  check: number;
}
const measure = (run: () => number): Measure => ({ run, times: [], check: 0 });

/** One warm-up of each, then ROUNDS rounds that run each measure once, in turn. */
function timeInterleaved(measures: readonly Measure[]): void {
  for (const m of measures) m.check += m.run();
  for (let r = 0; r < ROUNDS; r++) {
    for (const m of measures) {
      const begin = performance.now();
      m.check += m.run();
      m.times.push(performance.now() - begin);
    }
  }
}
const msOf = (m: Measure): number => median(m.times);

const perSecond = (count: number, ms: number): string => `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

start = performance.now();
const rules = compileRules(BUILTIN_PACKS);
const firstCompile = performance.now() - start;
const compiles: number[] = [];
for (let i = 0; i < 5; i++) {
  start = performance.now();
  compileRules(BUILTIN_PACKS);
  compiles.push(performance.now() - start);
}

// The same compile once the code is warm (as on the worker's tenth settings change, not its start).
const warmCompiles: number[] = [];
for (let i = 0; i < 15; i++) {
  start = performance.now();
  compileRules(BUILTIN_PACKS);
  warmCompiles.push(performance.now() - start);
}

const listings = generateListings(LISTINGS, BUILTIN);
const averageLength = listings.reduce((sum, listing) => sum + listing.title.length, 0) / listings.length;

const whole = measure(() => {
  let flagged = 0;
  for (const listing of listings) if (assessListing(listing, rules).score >= 30) flagged++;
  return flagged;
});

const buffers = new ScanBuffers();
const matcherOnly = measure(() => {
  let hits = 0;
  for (const listing of listings) hits += rules.matcher.scan(listing.title, buffers);
  return hits;
});

const alternation = [...new Set(rules.meanings.flatMap((meanings) => meanings.map((meaning) => meaning.text.normalize('NFKC').toLowerCase())))]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
const caseless = new RegExp(alternation, 'gi');
const baselineCaseless = measure(() => {
  let hits = 0;
  for (const listing of listings) {
    const title = listing.title.normalize('NFKC');
    caseless.lastIndex = 0;
    while (caseless.test(title)) hits++;
  }
  return hits;
});
const lower = new RegExp(alternation, 'g');
const baselineLower = measure(() => {
  let hits = 0;
  for (const listing of listings) {
    const title = listing.title.normalize('NFKC').toLowerCase();
    lower.lastIndex = 0;
    while (lower.test(title)) hits++;
  }
  return hits;
});
timeInterleaved([whole, matcherOnly, baselineCaseless, baselineLower]);
const baseline = msOf(baselineLower) < msOf(baselineCaseless) ? baselineLower : baselineCaseless;

const risks: Record<Risk, number> = { high: 0, medium: 0, low: 0, none: 0 };
for (const listing of listings) risks[assessListing(listing, rules).risk]++;

const wholeRate = (LISTINGS / msOf(whole)) * 1000;
const baselineRate = (LISTINGS / msOf(baseline)) * 1000;
const ratio = wholeRate / baselineRate;
const verdictShare = (Object.entries(risks) as [Risk, number][]).map(([risk, n]) => `${risk} ${((n / LISTINGS) * 100).toFixed(1)}%`).join(', ');

console.log(`rules engine benchmark (Node ${process.version}, one thread)`);
console.log(`  built-in pack: ${rules.stats.patterns} patterns, ${rules.stats.states} automaton states, ${rules.stats.classes} character classes`);
console.log(`  start-up: folding table ${foldTableMs.toFixed(1)} ms, merging the built-in packs ${mergeMs.toFixed(1)} ms`);
console.log(`  compiling the built-in pack: first ${firstCompile.toFixed(1)} ms (cold code), then median ${median(compiles).toFixed(1)} ms, warm median ${median(warmCompiles.slice(5)).toFixed(1)} ms`);
console.log(`  listings: ${LISTINGS.toLocaleString('en-US')} generated, titles ${averageLength.toFixed(1)} characters on average; verdicts: ${verdictShare}`);
console.log(`  median of ${ROUNDS} interleaved rounds after a warm-up:`);
console.log(`    whole assessment (verdicts with reasons) ${perSecond(LISTINGS, msOf(whole)).padStart(14)}  (${((msOf(whole) * 1e6) / LISTINGS).toFixed(0)} ns each)`);
console.log(`    matcher alone (fold + automaton)         ${perSecond(LISTINGS, msOf(matcherOnly)).padStart(14)}`);
console.log(`    baseline: NFKC + regex alternation /gi   ${perSecond(LISTINGS, msOf(baselineCaseless)).padStart(14)}  (${alternation.split('|').length} alternatives)`);
console.log(`    baseline: NFKC + lower case + /g         ${perSecond(LISTINGS, msOf(baselineLower)).padStart(14)}`);
console.log(`  assessment / faster baseline: ${ratio.toFixed(2)}×`);
const compileMs = median(compiles);
console.log(`  targets: ≥ 0.8× the baseline ${ratio >= 0.8 ? 'met' : 'NOT met'}; compiling under 50 ms ${compileMs < 50 ? 'met' : 'NOT met'}`);
// Keeps the measured loops from being optimised away.
if (whole.check + matcherOnly.check + baselineCaseless.check + baselineLower.check < 0) console.log('unreachable');
