/**
 * The labelled corpus (labelled-titles.jsonl): realistic Taobao-style titles, each with a price and
 * a shop, labelled by hand:
 *   suspect   – counterfeit slang with a brand, or a price no genuine item could have;
 *   clean     – official shops, second-hand at fair prices, accessories made for a brand, and
 *               collisions (LV5 锂电池, MK2 相机滑轨, 爱马仕橙 口红, 小香风外套 …);
 *   lookalike – sold as looking like a brand (同款, …风, 平替, motifs such as 四叶草 or 老花).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import type { Risk } from '../../lib/verdict';
import { BUILTIN_RULES } from './builtin-rules';

type Label = 'suspect' | 'clean' | 'lookalike';
interface Row {
  label: Label;
  title: string;
  price: number;
  shop: string;
}

const rows: Row[] = readFileSync(new URL('./labelled-titles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);

const RISKS: Risk[] = ['high', 'medium', 'low', 'none'];
const LABELS: Label[] = ['suspect', 'clean', 'lookalike'];

const results = rows.map((row) => ({
  row,
  verdict: assessListing({ title: row.title, price: { min: row.price, max: row.price, currency: 'CNY' }, shop: { name: row.shop, id: null, platform: 'taobao', tier: null } }, BUILTIN_RULES),
}));

function confusionTable(): string {
  const lines = [`${'label'.padEnd(10)}${RISKS.map((risk) => risk.padStart(8)).join('')}${'total'.padStart(8)}`];
  for (const label of LABELS) {
    const ofLabel = results.filter((result) => result.row.label === label);
    const counts = RISKS.map((risk) => String(ofLabel.filter((result) => result.verdict.risk === risk).length).padStart(8));
    lines.push(`${label.padEnd(10)}${counts.join('')}${String(ofLabel.length).padStart(8)}`);
  }
  return lines.join('\n');
}

const share = (label: Label, risks: Risk[]): number => {
  const ofLabel = results.filter((result) => result.row.label === label);
  return ofLabel.filter((result) => risks.includes(result.verdict.risk)).length / ofLabel.length;
};

describe('the labelled corpus', () => {
  it('is large, complete and holds the collisions the issue names', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    for (const row of rows) {
      expect(LABELS).toContain(row.label);
      expect(row.title.length).toBeGreaterThan(4);
      expect(row.price).toBeGreaterThan(0);
      expect(row.shop.length).toBeGreaterThan(0);
    }
    const clean = rows.filter((row) => row.label === 'clean').map((row) => row.title);
    for (const collision of ['LV5 锂电池', 'MK2 相机滑轨', '爱马仕橙 口红', '迪奥红', '小香风外套']) {
      expect(clean.some((title) => title.includes(collision)), collision).toBe(true);
    }
  });

  it('meets the per-class targets (confusion table printed)', () => {
    console.log(`confusion table, balanced sensitivity (rows: label, columns: risk)\n${confusionTable()}`);
    const misses = results.filter(({ row, verdict }) =>
      row.label === 'suspect' ? !['high', 'medium'].includes(verdict.risk) : row.label === 'clean' ? ['high', 'medium'].includes(verdict.risk) : verdict.risk === 'high',
    );
    if (misses.length > 0) console.log(misses.map(({ row, verdict }) => `  ${row.label} → ${verdict.risk}: ${row.title} ¥${row.price}`).join('\n'));

    expect(share('suspect', ['high', 'medium'])).toBeGreaterThanOrEqual(0.95);
    expect(share('clean', ['high', 'medium'])).toBeLessThanOrEqual(0.03);
    expect(share('lookalike', ['high'])).toBe(0);
  });

  it('gives every flagged listing a reason beyond naming the brand', () => {
    for (const { verdict } of results) {
      if (verdict.risk === 'high' || verdict.risk === 'medium') expect(verdict.reasons.some((reason) => reason.code !== 'brand')).toBe(true);
    }
  });
});
