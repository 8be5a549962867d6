/**
 * A page saved from the browser, as text: saved pages keep the encoding they were served in (Taobao
 * was GBK until ~2018 and says so in `<meta charset>`), and UTF-16 saves carry NUL bytes.
 */
import { readFile } from 'node:fs/promises';
import { CliError } from './cli-io';

export function decodeSavedPage(bytes: Uint8Array, path: string): string {
  if (bytes.includes(0)) throw new CliError(`${path} is not an HTML page (it holds binary data)`);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const encoding = charset && /^(gbk|gb2312|gb18030)$/.test(charset) ? 'gb18030' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

export async function readSavedPage(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CliError(`cannot read ${path}: ${reason}`);
  }
  return decodeSavedPage(bytes, path);
}
