/**
 * A progress line on a terminal's stderr for long batch runs: listings done, rate, and an ETA when the
 * input's size is known. Rewritten in place at most four times a second; nothing when stderr is not a
 * terminal (a pipeline's log stays clean) or with --quiet.
 */
export interface ProgressLine {
  /** `done` listings so far, `bytesRead` of the input when its size is known. */
  update(done: number, bytesRead: number): void;
  finish(done: number): void;
}

const EVERY_MS = 250;

export function progressLine(stderr: NodeJS.WritableStream, totalBytes: number | null, now: () => number = () => performance.now()): ProgressLine {
  const started = now();
  let last = started;
  const number = new Intl.NumberFormat('en');
  const line = (done: number, bytesRead: number): string => {
    const seconds = Math.max((now() - started) / 1000, 1e-3);
    const rate = done / seconds;
    let eta = '';
    if (totalBytes && bytesRead > 0 && bytesRead < totalBytes) eta = `, about ${Math.ceil((seconds * (totalBytes - bytesRead)) / bytesRead)} s left`;
    return `\r${number.format(done)} listings, ${number.format(Math.round(rate))}/s${eta}`;
  };
  return {
    update(done, bytesRead) {
      const at = now();
      if (at - last < EVERY_MS) return;
      last = at;
      stderr.write(line(done, bytesRead));
    },
    finish(done) {
      if (last !== started) stderr.write(`${line(done, totalBytes ?? 0)}\n`);
    },
  };
}

export const NO_PROGRESS: ProgressLine = { update: () => undefined, finish: () => undefined };
