/** The saved fixture pages and their expected listings, parsed the way the CLI parses a saved page. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Listing } from '../../lib/listing';
import type { PageKind } from '../../lib/page/page-kind';

export const PAGES_DIR = join(import.meta.dirname, '..', 'fixtures', 'pages', 'synthetic');

export interface FixturePage {
  name: string;
  file: string;
  url: string;
  expected: { page: PageKind; listings: Listing[] };
  document(): Document;
}

export function fixturePages(): FixturePage[] {
  return readdirSync(PAGES_DIR)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.html'.length);
      const expected = JSON.parse(readFileSync(join(PAGES_DIR, `${name}.expected.json`), 'utf8')) as FixturePage['expected'] & { url: string };
      const path = join(PAGES_DIR, file);
      return {
        name,
        file: path,
        url: expected.url,
        expected,
        document: () => new JSDOM(readFileSync(path, 'utf8'), { url: expected.url }).window.document,
      };
    });
}
