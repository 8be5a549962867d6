/**
 * A download with a size cap and a deadline, for feeds and rule packs. The body is read as a stream
 * and reading stops at the cap whether or not the server declared a Content-Length (a 400 MB body
 * without one was once read whole before it was refused), and the whole exchange — headers and body —
 * is abandoned at the deadline, so a server that never finishes cannot hold a worker forever.
 *
 * The deadline is an AbortController with a timer rather than AbortSignal.timeout: the same signal
 * also cancels our own read loop, which matters when the fetch given to us does not honour `signal`.
 */

export interface DownloadLimits {
  /** Bodies beyond this many bytes are refused; reading stops at the first byte over. */
  maxBytes: number;
  /** The whole download (answer and body) must finish within this many milliseconds. */
  timeoutMs: number;
  /** The caller's own cancellation (a worker shutting down, a newer request). */
  signal?: AbortSignal;
  /** What is downloaded, for the messages: "the feed", "the pack". */
  what: string;
}

/** A download that did not give a usable answer; `message` is written for the user. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/** The server's answer, with the body read only for a 2xx status (an error page is not worth reading). */
export interface CappedAnswer {
  status: number;
  statusText: string;
  ok: boolean;
  headers: Headers;
  /** The body's bytes for a 2xx answer; empty otherwise. */
  bytes: Uint8Array;
}

const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

export async function cappedDownload(
  fetch: typeof globalThis.fetch,
  url: string,
  init: RequestInit,
  limits: DownloadLimits,
): Promise<CappedAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DownloadError(`${limits.what} did not finish downloading within ${duration(limits.timeoutMs)}`));
  }, limits.timeoutMs);
  const onCallerAbort = (): void => controller.abort(new DownloadError(`the download was cancelled: ${messageOf(limits.signal?.reason)}`));
  if (limits.signal?.aborted) onCallerAbort();
  else limits.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const signal = controller.signal;
  /** Once aborted, the abort's reason is the story, whatever the fetch or the stream threw for it. */
  const explained = (error: unknown, what: string): DownloadError => {
    if (signal.aborted) return signal.reason as DownloadError;
    return error instanceof DownloadError ? error : new DownloadError(`${what}: ${messageOf(error)}`);
  };
  try {
    let response: Response;
    try {
      response = await untilAborted(fetch(url, { ...init, signal }), signal);
    } catch (error) {
      throw explained(error, `could not download ${limits.what}`);
    }
    const { status, statusText, ok, headers } = response;
    if (!ok) {
      void response.body?.cancel().catch(() => undefined);
      return { status, statusText, ok, headers, bytes: new Uint8Array(0) };
    }
    const declared = Number(headers.get('Content-Length'));
    if (declared > limits.maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw new DownloadError(`${limits.what} is ${declared} bytes; at most ${limits.maxBytes} are accepted`);
    }
    try {
      return { status, statusText, ok, headers, bytes: await readCapped(response, limits, signal) };
    } catch (error) {
      throw explained(error, 'the download broke off');
    }
  } finally {
    clearTimeout(timer);
    limits.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Reads the body chunk by chunk, stopping (and cancelling the stream) at the cap or on abort. */
async function readCapped(response: Response, { maxBytes, what }: DownloadLimits, signal: AbortSignal): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new DownloadError(`${what} is larger than ${maxBytes} bytes, the most accepted; the download was stopped there`);
      chunks.push(value);
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** `promise`, or a rejection as soon as `signal` aborts (a fetch or a read that ignores the signal). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
