/**
 * Offers text as a file download: a Blob URL behind an `<a download>`, clicked once. The URL is
 * revoked a little later, since the download may start after the click returns.
 */
export function saveTextFile(doc: Document, fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
