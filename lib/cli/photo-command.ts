/**
 * `cli photo-hash <image>...` prints `<hash-hex> <file>` per JPEG, PNG or WebP file;
 * `cli photo-match <a> <b>` prints the distances between two photos (64-bit part, 256-bit part) and
 * `same` or `different` by the extension's own thresholds (a photo and the other's mirror image count, as in the extension's lookup).
 * The same hashing code the extension runs (lib/photos).
 */
import { readPhotoFile } from '../photos/decode-photo';
import { photoHashes, type PhotoHashes } from '../photos/photo-hash';
import { distanceToPhoto, isSamePhoto } from '../photos/same-photo';
import { CliError, type CliCommand } from './cli-io';

async function hashFile(path: string): Promise<PhotoHashes> {
  try {
    return photoHashes(await readPhotoFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`cannot read ${path}: no such file`);
    if (code === 'EISDIR') throw new CliError(`cannot read ${path}: it is a directory`);
    throw new CliError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const runPhotoHash: CliCommand = async (args, io) => {
  if (args.length === 0) throw new CliError('usage: photo-hash <image>...');
  let failed = 0;
  for (const path of args) {
    try {
      io.stdout.write(`${(await hashFile(path)).hash} ${path}\n`);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.stderr.write(`cli photo-hash: ${error.message}\n`);
      failed++;
    }
  }
  return failed === 0 ? 0 : 1;
};

export const runPhotoMatch: CliCommand = async (args, io) => {
  if (args.length !== 2) throw new CliError('usage: photo-match <a> <b>');
  const [a, b] = (await Promise.all(args.map(hashFile))) as [PhotoHashes, PhotoHashes];
  const distance = distanceToPhoto(a, b.hash);
  io.stdout.write(`${distance.coarse} ${distance.fine} ${isSamePhoto(distance) ? 'same' : 'different'}\n`);
  return 0;
};
