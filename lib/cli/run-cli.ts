/**
 * Dispatches `cli <command> [args]`. Each command lives in its own file and is loaded only when it
 * runs: `assess` must start fast, and the photo, evidence and page commands bring decoders, zip
 * and jsdom that it never needs. Adding a command is one line here and one in command-usage.ts.
 * Kept apart from `main.ts` so tests can run commands in-process.
 */
import { CliError, type CliCommand, type CliIo } from './cli-io';
import { COMMAND_USAGE, type CommandName } from './command-usage';

const COMMANDS: Record<CommandName, () => Promise<CliCommand>> = {
  extract: async () => (await import('./extract-command')).runExtract,
  assess: async () => (await import('./assess-command')).runAssess,
  scan: async () => (await import('./scan-command')).runScan,
  notices: async () => (await import('./notices-command')).runNotices,
  evidence: async () => (await import('./evidence-command')).runEvidence,
  'photo-hash': async () => (await import('./photo-command')).runPhotoHash,
  'photo-match': async () => (await import('./photo-command')).runPhotoMatch,
};

function usage(): string {
  return ['usage: cli <command>', ...Object.values(COMMAND_USAGE).map((line) => `  cli ${line}`)].join('\n');
}

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(COMMANDS, name);

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!isCommand(name)) {
    io.stderr.write(`${name ? `unknown command "${name}"\n` : ''}${usage()}\n`);
    return 2;
  }
  try {
    const run = await COMMANDS[name]();
    return await run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`cli ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
