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
