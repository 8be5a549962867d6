/**
 * Dispatches `cli <command> [args]`. Each command lives in its own file; adding one is one line in
 * `COMMANDS`. Kept apart from `main.ts` so tests can run commands in-process.
 */
import { ASSESS_USAGE, runAssess } from './assess-command';
import { CliError, type CliCommand, type CliIo } from './cli-io';
import { runEvidence } from './evidence-command';
import { runExtract } from './extract-command';
import { runNotices } from './notices-command';
import { runPhotoHash, runPhotoMatch } from './photo-command';
import { runScan, SCAN_USAGE } from './scan-command';

const COMMANDS: Record<string, { run: CliCommand; usage: string }> = {
  extract: { run: runExtract, usage: 'extract --url <page URL> <saved.html>' },
  assess: { run: runAssess, usage: ASSESS_USAGE },
  scan: { run: runScan, usage: SCAN_USAGE },
  notices: { run: runNotices, usage: 'notices check <feed.json|feed.csv>' },
  evidence: { run: runEvidence, usage: 'evidence verify <evidence.zip> [--key <public key, base64>]' },
  'photo-hash': { run: runPhotoHash, usage: 'photo-hash <image.jpg|.png|.webp>...' },
  'photo-match': { run: runPhotoMatch, usage: 'photo-match <image a> <image b>' },
};

function usage(): string {
  return ['usage: cli <command>', ...Object.values(COMMANDS).map((c) => `  cli ${c.usage}`)].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.stderr.write(`${name ? `unknown command "${name}"\n` : ''}${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`cli ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
