import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import published from './published-figures.json';

/**
 * The README publishes the error rates `npm run eval` measures, and CI holds the evaluation to
 * published-figures.json: the two must say the same, or the README promises what CI does not check.
 */
const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
const ROW = /^\|[^|]+\|\s*`([a-z]+\.[A-Za-z]+)`\s*\|\s*(\d+(?:\.\d+)?) %\s*\|/;

function readmeFigures(): Record<string, number> {
  const section = README.slice(README.indexOf('## How often it is wrong'));
  const figures: Record<string, number> = {};
  for (const line of section.split('\n')) {
    const row = ROW.exec(line);
    if (row) figures[row[1]!] = Number(row[2]);
  }
  return figures;
}

describe('published error rates', () => {
  it('the README has the section the evaluation refers to', () => {
    expect(README).toContain('## How often it is wrong');
  });

  it("the README's table states exactly the floors CI holds the evaluation to", () => {
    const floors = Object.fromEntries(Object.entries(published.floors as Record<string, number>).map(([key, share]) => [key, Math.round(share * 1000) / 10]));
    expect(readmeFigures()).toEqual(floors);
  });
});
