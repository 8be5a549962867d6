/**
 * Offers data as a file download: a Blob URL behind an `<a download>`, clicked once. The URL is
 * revoked a little later, since the download may start after the click returns (and a popup that
 * closes first frees it anyway).
 */
export function saveFile(doc: Document, fileName: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A CSV as a file: with a byte-order mark, so Excel reads the UTF-8 Chinese text as UTF-8. */
export function csvBlob(csv: string): Blob {
  return new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
}

/** The day in a file name, "2026-11-29" (UTC). */
export function fileStamp(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
