/**
 * The background's photo downloads, bounded: at most `maxInFlight` at once, a new one started at most
 * every `minIntervalMs`, each URL hashed once (a second listing with the same image waits for the
 * first's answer, and a hash made within `freshMs` is reused without a download), at most `maxQueued`
 * waiting (later ones are dropped, not queued: the next visit asks again). A failed download answers
 * null and is not retried until it is `freshMs` old: the image CDN is not hammered for a broken link.
 * Pure scheduling: the download-and-hash step and the clock are passed in.
 */
import type { PhotoHashes } from './photo-hash';

export interface PhotoQueueDeps {
  /** Downloads, decodes and hashes one image; throws when it cannot. */
  hashImage: (url: string) => Promise<PhotoHashes>;
  now: () => number;
  /** setTimeout as a promise (tests pass one that does not wait). */
  wait: (ms: number) => Promise<void>;
}

export interface PhotoQueueLimits {
  maxInFlight: number;
  minIntervalMs: number;
  maxQueued: number;
  /** URLs whose answer is remembered (the most recent kept). */
  maxRemembered: number;
  freshMs: number;
}

export const PHOTO_QUEUE_LIMITS: PhotoQueueLimits = {
  maxInFlight: 4,
  // Four a second: a search page's 48 photos in 12 s, never a burst at the CDN.
  minIntervalMs: 250,
  maxQueued: 500,
  maxRemembered: 5_000,
  freshMs: 24 * 60 * 60 * 1000,
};

interface Remembered {
  hashes: PhotoHashes | null;
  at: number;
}

interface Waiting {
  url: string;
  resolve: (hashes: PhotoHashes | null) => void;
}

export class PhotoQueue {
  readonly #remembered = new Map<string, Remembered>();
  readonly #pending = new Map<string, Promise<PhotoHashes | null>>();
  readonly #waiting: Waiting[] = [];
  #inFlight = 0;
  #lastStart = -Infinity;
  #pumping = false;

  constructor(
    private readonly deps: PhotoQueueDeps,
    private readonly limits: PhotoQueueLimits = PHOTO_QUEUE_LIMITS,
  ) {}

  /** Downloads waiting or running now. */
  get busy(): number {
    return this.#waiting.length + this.#inFlight;
  }

  /** The image's hashes, or null when it could not be had (failed, refused, or the queue is full). */
  hashes(url: string): Promise<PhotoHashes | null> {
    const known = this.#remembered.get(url);
    if (known && this.deps.now() - known.at < this.limits.freshMs) return Promise.resolve(known.hashes);
    const pending = this.#pending.get(url);
    if (pending) return pending;
    if (this.#waiting.length >= this.limits.maxQueued) return Promise.resolve(null);
    const promise = new Promise<PhotoHashes | null>((resolve) => this.#waiting.push({ url, resolve }));
    this.#pending.set(url, promise);
    void this.#pump();
    return promise;
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#waiting.length > 0 && this.#inFlight < this.limits.maxInFlight) {
        const gap = this.#lastStart + this.limits.minIntervalMs - this.deps.now();
        if (gap > 0) await this.deps.wait(gap);
        const next = this.#waiting.shift();
        if (!next) break;
        this.#lastStart = this.deps.now();
        this.#inFlight++;
        void this.#run(next);
      }
    } finally {
      this.#pumping = false;
    }
  }

  async #run({ url, resolve }: Waiting): Promise<void> {
    let hashes: PhotoHashes | null;
    try {
      hashes = await this.deps.hashImage(url);
    } catch {
      hashes = null;
    }
    this.#remember(url, hashes);
    this.#pending.delete(url);
    this.#inFlight--;
    resolve(hashes);
    void this.#pump();
  }

  #remember(url: string, hashes: PhotoHashes | null): void {
    this.#remembered.delete(url);
    this.#remembered.set(url, { hashes, at: this.deps.now() });
    if (this.#remembered.size > this.limits.maxRemembered) {
      const oldest = this.#remembered.keys().next().value;
      if (oldest !== undefined) this.#remembered.delete(oldest);
    }
  }
}
