/**
 * A chosen file's bytes as base64, the form `importNoticeFile` carries: the background decodes the
 * text itself (UTF-8, BOM or GBK), so the page must not decode it first.
 */
/** A chunk's worth of bytes: small enough that encoding and sending one never holds a frame long. */
export const CHUNK_BYTES = 512 * 1024;

/** The file's bytes as base64 chunks of CHUNK_BYTES, yielding to the page between chunks. */
export async function* fileBase64Chunks(file: Blob): AsyncGenerator<string> {
  for (let start = 0; start < file.size; start += CHUNK_BYTES) {
    yield await fileBase64(file.slice(start, start + CHUNK_BYTES));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // In slices: String.fromCharCode with a whole large file would overflow the argument limit.
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}
