import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readNoticeFile } from '../../lib/notices/load-notice-file';
import { MAX_FEED_BYTES } from '../../lib/notices/parse-notice-file';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

describe('readNoticeFile', () => {
  it('refuses a file over the feed limit by its size, before reading it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cr-feed-'));
    const path = join(dir, 'huge.json');
    // A sparse file: its size is over the limit without writing (or reading) that many bytes.
    const file = await open(path, 'w');
    await file.truncate(MAX_FEED_BYTES + 1);
    await file.close();
    await expect(readNoticeFile(path)).rejects.toThrow(`${path}: 1 problem, nothing imported\n  (file): is ${MAX_FEED_BYTES + 1} bytes; feeds are limited to ${MAX_FEED_BYTES}`);
  });
});
