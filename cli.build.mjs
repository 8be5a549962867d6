// Bundles the command-line tool into one ES module (dist/cli.mjs, the package's `bin`), so an
// installed tarball runs it with plain Node: no tsx, no TypeScript compile before the first line.
// jsdom stays outside the bundle (it loads files of its own at run time) and is loaded only by the
// commands that read saved pages.
import { build } from 'esbuild';

await build({
  entryPoints: ['lib/cli/main.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['jsdom'],
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
