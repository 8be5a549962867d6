/**
 * Lines of a byte stream, each decoded as strict UTF-8. readline decodes leniently: a byte that is not
 * UTF-8 silently becomes U+FFFD and a listing is judged on a title it never had. Here input is checked
 * strictly, and a block that fails is decoded line by line, so a bad line is reported by number and
 * the others still run. "\n" and "\r\n" end lines; a UTF-8 BOM at the very start is dropped. A line longer than
 * `maxLineBytes` is not held in memory: it is reported as too long and skipped up to its end.
 */
import { isUtf8 } from 'node:buffer';

export type Utf8Line = { number: number; text: string } | { number: number; text: null; reason: string };

/** The lines one input chunk completed; `bytesRead`: input consumed up to their end (for a progress estimate). */
export interface Utf8LineBatch {
  lines: Utf8Line[];
  bytesRead: number;
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** A listing line is a few kilobytes; a 100,000-character title is 300 kB. Longer is not a listing. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * The lines, a batch per input chunk: a chunk's whole lines are checked at once (isUtf8) and decoded
 * at once, which costs a fraction of a strict decoder per line; only a block that is not UTF-8 is
 * decoded line by line, to name its bad lines.
 */
export async function* utf8LineBatches(input: AsyncIterable<Buffer | Uint8Array | string>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<Utf8LineBatch> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let number = 0;
  let bytesRead = 0;
  let lines: Utf8Line[] = [];
  const tooLongLine = (): Utf8Line => ({ number: ++number, text: null, reason: `is longer than ${maxLineBytes} bytes; a listing line is far shorter` });
  const lineOf = (bytes: Uint8Array): Utf8Line => {
    number++;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === RETURN) end--;
    const body = bytes.subarray(number === 1 && startsWithBom(bytes) ? 3 : 0, end);
    try {
      return { number, text: decoder.decode(body) };
    } catch {
      return { number, text: null, reason: `is not UTF-8 text (byte ${firstBadByte(body) + 1} of the line); save the file as UTF-8` };
    }
  };
  /** Whole lines joined by newlines, without the last newline. */
  const block = (bytes: Uint8Array): void => {
    bytesRead += bytes.length + 1;
    const body = number === 0 && startsWithBom(bytes) ? bytes.subarray(3) : bytes;
    if (body.length <= maxLineBytes && isUtf8(body)) {
      for (const piece of Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8').split('\n')) {
        lines.push({ number: ++number, text: piece.charCodeAt(piece.length - 1) === RETURN ? piece.slice(0, -1) : piece });
      }
      return;
    }
    let from = 0;
    for (;;) {
      const at = bytes.indexOf(NEWLINE, from);
      const line = bytes.subarray(from, at < 0 ? bytes.length : at);
      lines.push(line.length > maxLineBytes ? tooLongLine() : lineOf(line));
      if (at < 0) return;
      from = at + 1;
    }
  };
  // A line that spans chunks: its pieces are kept and joined once, never copied per chunk.
  let pieces: Uint8Array[] = [];
  let held = 0;
  let tooLong = false;
  const endOfLine = (): void => {
    bytesRead += held + 1;
    lines.push(tooLong ? tooLongLine() : lineOf(joined(pieces)));
    pieces = [];
    held = 0;
    tooLong = false;
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
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const first = bytes.indexOf(NEWLINE);
    if (first < 0) {
      if (bytes.length > 0) hold(bytes, true);
      continue;
    }
    let from = 0;
    if (pieces.length > 0 || tooLong) {
      hold(bytes.subarray(0, first), false);
      endOfLine();
      from = first + 1;
    }
    const last = bytes.lastIndexOf(NEWLINE);
    if (last >= from) {
      block(bytes.subarray(from, last));
      from = last + 1;
    }
    if (from < bytes.length) hold(bytes.subarray(from), true);
    if (lines.length > 0) {
      yield { lines, bytesRead };
      lines = [];
    }
  }
  if (pieces.length > 0 || tooLong) endOfLine();
  if (lines.length > 0) yield { lines, bytesRead };
}

const startsWithBom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

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
