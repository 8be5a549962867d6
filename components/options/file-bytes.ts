/**
 * A chosen file's bytes as base64, the form `importNoticeFile` carries: the background decodes the
 * text itself (UTF-8, BOM or GBK), so the page must not decode it first.
 */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // In slices: String.fromCharCode with a whole large file would overflow the argument limit.
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}
