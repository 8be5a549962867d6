/**
 * `npm run selectors:counts [-- --data DIR]`: every selector alternative's actual matches — on each
 * synthetic fixture page and, when the team's real pages are beside the repository, on each of them —
 * printed in the shape lib/extract/selectors.ts states them. After adding a fixture or an alternative,
 * compare with what selectors.ts says, and let each changed count be explained by the page before it
 * is written down.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { decodeSavedPage } from '../../lib/cli/saved-page';
import { queryAll } from '../../lib/extract/selector';
import { selectorRegistry } from '../../lib/extract/selector-registry';
import { fixturePages } from './fixture-pages';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const realDir = join(resolve(values.data ?? join(import.meta.dirname, '..', '..', '..', 'shared')), 'real-pages');
const fixtures = fixturePages().map((page) => ({ name: page.name, doc: page.document() }));
const real = existsSync(join(realDir, 'expected.json'))
  ? (JSON.parse(readFileSync(join(realDir, 'expected.json'), 'utf8')) as { files: { file: string; url: string }[] }).files.map((f) => ({
      name: f.file.replace(/\.html$/, ''),
      doc: new JSDOM(decodeSavedPage(readFileSync(join(realDir, f.file)), f.file), { url: f.url }).window.document,
    }))
  : [];

const counts = (docs: readonly { name: string; doc: Document }[], selector: Parameters<typeof queryAll>[1][number]) =>
  Object.fromEntries(docs.map(({ name, doc }) => [name, queryAll(doc, [selector]).length] as const).filter(([, n]) => n > 0));
const literal = (o: Record<string, number>) => `{ ${Object.entries(o).map(([k, n]) => `'${k}': ${n}`).join(', ')} }`.replace('{  }', '{}');

for (const { name, selector } of selectorRegistry()) {
  const stated = JSON.stringify(selector.expect);
  const found = { fixtures: counts(fixtures, selector), ...(real.length > 0 ? { real: counts(real, selector) } : {}) };
  const same = stated === JSON.stringify(found.real && Object.keys(found.real).length === 0 ? { fixtures: found.fixtures } : found);
  console.log(`${same ? '  ' : '≠ '}${name}\n    { fixtures: ${literal(found.fixtures)}${found.real && Object.keys(found.real).length > 0 ? `, real: ${literal(found.real)}` : ''} }`);
}
if (real.length === 0) console.log(`(no real pages in ${realDir}: only the synthetic counts are shown)`);
