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
