import type { CliCommand } from './cli-io';

export const runExtract: CliCommand = async () => 0;
