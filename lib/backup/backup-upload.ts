/**
 * A backup's text carried from the options page to the background in chunks, as notice files are:
 * a browser message is limited to 64 MiB (Chromium), so a backup with many screenshots could not be
 * restored in one message although the backup format allows far more. The page splits the text
 * (backupChunks) and sends each chunk with its index; the background keeps them (BackupUploads) and
 * takes the whole text when the restore is asked for.
 */

/** The most backup text accepted, in UTF-16 code units: what the restore message has always allowed. */
export const MAX_BACKUP_CHARS = 512 * 1024 * 1024;

/** Characters a chunk: 8 Mi characters are at most 48 MiB as JSON even if every one is escaped as \uXXXX. */
export const BACKUP_CHUNK_CHARS = 8 * 1024 * 1024;

/** Uploads kept at once: a page closed mid-upload leaves one behind, and it must not pile up. */
const MAX_UPLOADS = 2;

/** The text cut into chunks of at most `size` characters, never between the halves of a surrogate pair. */
export function backupChunks(text: string, size = BACKUP_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

export class BackupUploadError extends Error {
  override name = 'BackupUploadError';
}

export class BackupUploads {
  readonly #uploads = new Map<string, { chunks: string[]; chars: number }>();

  /** Keeps chunk `index` of an upload; chunks come in order (messages from one page do). */
  receive(uploadId: string, index: number, text: string): void {
    const upload = index === 0 ? { chunks: [], chars: 0 } : this.#uploads.get(uploadId);
    if (!upload || upload.chunks.length !== index) {
      this.#uploads.delete(uploadId);
      throw new BackupUploadError(`chunk ${index} of backup upload ${uploadId} came out of order; send the backup again`);
    }
    if (upload.chars + text.length > MAX_BACKUP_CHARS) {
      this.#uploads.delete(uploadId);
      throw new BackupUploadError(`the backup is larger than ${MAX_BACKUP_CHARS} characters, the most a backup may be`);
    }
    upload.chunks.push(text);
    upload.chars += text.length;
    if (index === 0) {
      this.#uploads.set(uploadId, upload);
      for (const stale of [...this.#uploads.keys()].slice(0, Math.max(0, this.#uploads.size - MAX_UPLOADS))) this.#uploads.delete(stale);
    }
  }

  /** The whole text of an upload, which is then forgotten; null when no chunk of it arrived. */
  take(uploadId: string): string | null {
    const upload = this.#uploads.get(uploadId);
    this.#uploads.delete(uploadId);
    return upload ? upload.chunks.join('') : null;
  }
}
