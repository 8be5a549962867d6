// Bundles the command-line tool into ES modules (dist/cli.mjs, the package's `bin`, and the chunks
// it loads from dist/cli/), so an installed tarball runs it with plain Node: no tsx, no TypeScript
// compile before the first line. Split at each command (run-cli.ts imports them lazily), so
// `assess` parses only its own code, not the photo decoders, zip reader or page extractors.
// jsdom stays outside the bundle (it loads files of its own at run time) and is loaded only by the
// commands that read saved pages.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'lib/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'cli/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['jsdom'],
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
