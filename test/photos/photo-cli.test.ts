import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hexDistance } from '../../lib/photos/hash-words';
import { photoHash } from '../../lib/photos/photo-hash';
import { SAME_PHOTO } from '../../lib/photos/same-photo';
import { cli } from '../cli/cli-harness';
import { writePhoto } from './photo-files';
import { resize } from './photo-transforms';
import { syntheticPhotos } from './synthetic-photos';

const scratch = mkdtempSync(join(tmpdir(), 'cr-photos-'));
const at = (name: string) => join(scratch, name);
const [photo, other] = syntheticPhotos(2, 9) as [NonNullable<ReturnType<typeof syntheticPhotos>[number]>, NonNullable<ReturnType<typeof syntheticPhotos>[number]>];

beforeAll(async () => {
  await writePhoto(at('bag.jpg'), photo);
  await writePhoto(at('bag.png'), photo);
  await writePhoto(at('bag.webp'), photo);
  await writePhoto(at('bag-small.jpg'), resize(photo, 0.5));
  await writePhoto(at('other.png'), other);
  writeFileSync(at('notes.jpg'), 'not an image at all');
  writeFileSync(at('broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x01]));
  mkdirSync(at('folder.jpg'));
});

describe('cli photo-hash', () => {
  it('prints "<hash> <file>" for JPEG, PNG and WebP, each near the hash of the pixels themselves', async () => {
    const files = ['bag.jpg', 'bag.png', 'bag.webp'].map(at);
    const result = await cli(['photo-hash', ...files]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.map((line) => line.slice(81))).toEqual(files);
    const direct = photoHash(photo);
    for (const line of lines) {
      expect(line).toMatch(/^[0-9a-f]{80} /);
      expect(hexDistance(line.slice(0, 80), direct)).toBeLessThanOrEqual(SAME_PHOTO.fine / 2);
    }
    expect(lines[1]!.slice(0, 80)).toBe(direct); // PNG is lossless
  });

  it('names each file it cannot hash, hashes the rest and exits 1', async () => {
    const result = await cli(['photo-hash', at('notes.jpg'), at('bag.png'), at('missing.webp'), at('broken.png'), at('folder.jpg')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${photoHash(photo)} ${at('bag.png')}\n`);
    const errors = result.stderr.trim().split('\n');
    expect(errors).toHaveLength(4);
    expect(errors[0]).toBe(`cli photo-hash: ${at('notes.jpg')}: not a JPEG, PNG or WebP image`);
    expect(errors[1]).toBe(`cli photo-hash: cannot read ${at('missing.webp')}: no such file`);
    expect(errors[2]).toMatch(new RegExp(`^cli photo-hash: ${at('broken.png').replace(/[.\\]/g, '\\$&')}: cannot decode this PNG image`));
    expect(errors[3]).toBe(`cli photo-hash: cannot read ${at('folder.jpg')}: it is a directory`);
  });

  it('needs at least one file', async () => {
    const result = await cli(['photo-hash']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: photo-hash <image>/);
  });
});

describe('cli photo-match', () => {
  it('calls a re-encoded, resized copy the same photo and another photo different', async () => {
    const same = await cli(['photo-match', at('bag.png'), at('bag-small.jpg')]);
    expect(same.code).toBe(0);
    const [coarse, fine, verdict] = same.stdout.trim().split(' ');
    expect(Number(coarse)).toBeLessThanOrEqual(SAME_PHOTO.coarse);
    expect(Number(fine)).toBeLessThanOrEqual(SAME_PHOTO.fine);
    expect(verdict).toBe('same');
    const different = await cli(['photo-match', at('bag.webp'), at('other.png')]);
    expect(different.stdout).toMatch(/^\d+ \d+ different\n$/);
    const [farCoarse, farFine] = different.stdout.split(' ').map(Number) as [number, number];
    expect(farCoarse > SAME_PHOTO.coarse || farFine > SAME_PHOTO.fine).toBe(true);
  });

  it('needs exactly two files and names the one it cannot read', async () => {
    expect((await cli(['photo-match', at('bag.png')])).stderr).toMatch(/usage: photo-match <a> <b>/);
    const missing = await cli(['photo-match', at('bag.png'), at('gone.jpg')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`cli photo-match: cannot read ${at('gone.jpg')}: no such file\n`);
  });
});
