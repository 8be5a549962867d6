/**
 * `npm run eval [-- --data DIR] [--show-scored-misses]`: scores detection on real listing titles and
 * extraction on real saved pages (DIR defaults to ../shared beside the repository), prints the
 * figures, and fails when one falls below what the README publishes (published-figures.json, which
 * a unit test keeps equal to the README's table).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EvalReport } from './eval-report';
import published from './published-figures.json';
import { evaluatePages } from './pages-eval';
import { evaluateTitles } from './titles-eval';

const { values } = parseArgs({
  options: { data: { type: 'string' }, 'show-scored-misses': { type: 'boolean', default: false } },
});
const dataDir = resolve(values.data ?? join(import.meta.dirname, '..', '..', '..', 'shared'));
if (!existsSync(join(dataDir, 'real-titles', 'titles.tsv'))) {
  console.error(`npm run eval: no real data in ${dataDir} (expected real-titles/titles.tsv and real-pages/expected.json).`);
  console.error('The team keeps it in ../shared beside the repository; pass --data DIR to use another copy.');
  process.exit(2);
}

const reports: EvalReport[] = [evaluateTitles(dataDir, { showScoredMisses: values['show-scored-misses'] })];
if (existsSync(join(dataDir, 'real-pages', 'expected.json'))) reports.push(evaluatePages(dataDir));
else console.error(`npm run eval: no real pages in ${dataDir} (real-pages/expected.json): extraction not scored.`);
const floors = published.floors as Record<string, number>;
let failed = 0;
for (const report of reports) {
  console.log(`\n== ${report.title}\n${report.lines.join('\n')}`);
  console.log('  published figures:');
  for (const figure of report.figures) {
    const floor = floors[figure.key];
    const below = floor !== undefined && figure.value + 1e-9 < floor;
    if (below) failed++;
    console.log(`    ${figure.label.padEnd(40)} ${(figure.value * 100).toFixed(1).padStart(5)} %${floor === undefined ? '' : `   (README: at least ${(floor * 100).toFixed(0)} %)${below ? '   BELOW' : ''}`}`);
  }
}
if (failed > 0) {
  console.error(`\n${failed} figure(s) fell below what the README states.`);
  process.exit(1);
}
