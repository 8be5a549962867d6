/**
 * Lines of a byte stream, each decoded as strict UTF-8. readline decodes leniently: a byte that is not
 * UTF-8 silently becomes U+FFFD and a listing is judged on a title it never had. Here each line is
 * decoded on its own with a fatal decoder, so a bad line is reported by number and the others still
 * run. "\n" and "\r\n" end lines; a UTF-8 BOM at the very start is dropped. A line longer than
 * `maxLineBytes` is not held in memory: it is reported as too long and skipped up to its end.
 */

/** `bytesRead`: bytes of the input consumed up to this line's end (for a progress estimate). */
export type Utf8Line = ({ number: number; text: string } | { number: number; text: null; reason: string }) & { bytesRead: number };

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** A listing line is a few kilobytes; a 100,000-character title is 300 kB. Longer is not a listing. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export async function* utf8Lines(input: AsyncIterable<Buffer | Uint8Array | string>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<Utf8Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let number = 0;
  let bytesRead = 0;
  const lineOf = (bytes: Uint8Array): Utf8Line => {
    number++;
    bytesRead += bytes.length + 1;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === RETURN) end--;
    let start = 0;
    if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    const body = bytes.subarray(start, end);
    try {
      return { number, text: decoder.decode(body), bytesRead };
    } catch {
      return { number, text: null, reason: `is not UTF-8 text (byte ${firstBadByte(body) + 1} of the line); save the file as UTF-8`, bytesRead };
    }
  };
  // A long line spans many chunks: its pieces are kept and joined once, never copied per chunk.
  let pieces: Uint8Array[] = [];
  let held = 0;
  let tooLong = false;
  const endOfLine = (): Utf8Line => {
    let line: Utf8Line;
    if (tooLong) {
      bytesRead += held + 1;
      line = { number: ++number, text: null, reason: `is longer than ${maxLineBytes} bytes; a listing line is far shorter`, bytesRead };
    } else line = lineOf(joined(pieces));
    pieces = [];
    held = 0;
    tooLong = false;
    return line;
  };
  const hold = (piece: Uint8Array, copy: boolean): void => {
    held += piece.length;
    if (tooLong) return;
    if (held > maxLineBytes) {
      tooLong = true;
      pieces = [];
      return;
    }
    // Copied when kept past this chunk: a stream may reuse a chunk's memory once we move on.
    pieces.push(copy ? piece.slice() : piece);
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    let from = 0;
    for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, from)) {
      hold(bytes.subarray(from, at), false);
      yield endOfLine();
      from = at + 1;
    }
    if (from < bytes.length) hold(bytes.subarray(from), true);
  }
  if (pieces.length > 0 || tooLong) yield endOfLine();
}

function joined(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0] as Uint8Array;
  const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}

/**
 * The 0-based offset of the first bad byte, or of the start of the first sequence broken off. A
 * streaming decoder refuses a prefix exactly when it holds an error (an unfinished sequence at its end
 * is not one yet), so the shortest refused prefix is found by bisection.
 */
function firstBadByte(bytes: Uint8Array): number {
  const refused = (length: number, stream: boolean): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream });
      return false;
    } catch {
      return true;
    }
  };
  let detected = bytes.length; // a line that only ends inside a sequence is refused at its very end
  if (refused(bytes.length, true)) {
    let low = 1;
    let high = bytes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (refused(mid, true)) high = mid;
      else low = mid + 1;
    }
    detected = low - 1;
  }
  // The byte found may only be where a sequence begun before it was seen to be broken.
  if (refused(detected, false)) {
    for (let at = detected - 1; at >= Math.max(0, detected - 3); at--) if ((bytes[at] as number) >= 0xc0) return at;
  }
  return detected;
}
