/**
 * Feed files as bytes → text. UTF-8 with or without a BOM is the format; GBK is what Excel in China
 * writes when told "CSV", so a file that is not valid UTF-8 is tried as GBK and, if that decodes, read
 * with a note saying so (the note matters: a wrong guess shows as garbled shop names, and the user
 * should look).
 */
import { NoticeFeedError, type FeedEncoding } from './notice-feed';

export interface DecodedFeed {
  text: string;
  encoding: FeedEncoding;
  notes: string[];
}

export const GBK_NOTE = 'decoded as GBK (the file is not valid UTF-8): check that Chinese shop names read correctly, or save the file as "CSV UTF-8"';

export function decodeFeedBytes(bytes: Uint8Array, label: string): DecodedFeed {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new NoticeFeedError(label, [
      { line: null, field: '(file)', reason: 'is UTF-16 (Excel "Unicode text"); save it as "CSV UTF-8" or as UTF-8 JSON' },
    ]);
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', notes: [] };
  } catch {
    // Not UTF-8: a BOM promised UTF-8, so GBK would be a guess against the file's own word.
  }
  if (!hasBom) {
    try {
      return { text: new TextDecoder('gbk', { fatal: true }).decode(body), encoding: 'gbk', notes: [GBK_NOTE] };
    } catch {
      // Neither: reported below, with where the first bad byte is.
    }
  }
  const line = lineOfFirstBadByte(body);
  throw new NoticeFeedError(label, [
    {
      line,
      field: '(file)',
      reason: hasBom ? 'starts with a UTF-8 mark but is not valid UTF-8' : 'is neither UTF-8 nor GBK text; save it as UTF-8',
    },
  ]);
}

/** The line of the first byte UTF-8 cannot decode (a lenient decode marks it U+FFFD). */
function lineOfFirstBadByte(bytes: Uint8Array): number | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  const at = text.indexOf('\uFFFD');
  if (at < 0) return null;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
