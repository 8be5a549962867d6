/** What a CLI command may touch, passed in so tests can run commands without spawning a process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** A usage or input error: printed as one line on stderr, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
}

/** The value of an option that must be one of `choices` (`fallback` when absent), else a usage error. */
export function optionChoice<T extends string>(value: string | undefined, choices: readonly T[], fallback: T, option: string, usage: string): T {
  const chosen = (value ?? fallback) as T;
  if (!choices.includes(chosen)) throw new CliError(`--${option} must be one of ${choices.join(', ')}\n${usage}`);
  return chosen;
}

/** Writes, waiting for the stream to drain when it asks to: 100k verdicts must not pile up. */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}
