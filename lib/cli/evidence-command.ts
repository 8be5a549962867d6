/**
 * `cli evidence verify <evidence.zip>`: checks an evidence zip exported from the Reports desk offline
 * (lib/evidence/verify-evidence-zip.ts). Exit 0 when everything verifies, 1 naming the first entry
 * or file that does not. `--key` requires the signature of that installation's key.
 */
import { readFile } from 'node:fs/promises';
import { verifyEvidenceZip } from '../evidence/verify-evidence-zip';
import { CliError, type CliCommand } from './cli-io';

const USAGE = 'usage: evidence verify <evidence.zip> [--key <public key, base64>]';

export const runEvidence: CliCommand = async (args, io) => {
  const [subcommand, path, ...rest] = args;
  if (subcommand !== 'verify' || path === undefined || path.startsWith('--')) throw new CliError(USAGE);
  let publicKey: string | undefined;
  if (rest.length > 0) {
    if (rest.length !== 2 || rest[0] !== '--key' || !rest[1]) throw new CliError(USAGE);
    publicKey = rest[1];
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const verdict = await verifyEvidenceZip(bytes, publicKey === undefined ? {} : { publicKey });
  if (!verdict.ok) {
    io.stderr.write(`${path}: does not verify: ${verdict.reason}\n`);
    return 1;
  }
  io.stdout.write(
    [
      `${path}: verifies: chain of ${verdict.entries} entr${verdict.entries === 1 ? 'y' : 'ies'}, head ${verdict.head}`,
      `  ${verdict.reports} report${verdict.reports === 1 ? '' : 's'}, ${verdict.files} files, each matching the manifest and its chain entry`,
      ...(verdict.signedBy ? [`  signed by installation key ${verdict.signedBy.fingerprint} (${verdict.signedBy.publicKey})`] : []),
      ...verdict.notes.map((note) => `  note: ${note}`),
    ].join('\n') + '\n',
  );
  return 0;
};
