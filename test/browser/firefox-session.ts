/**
 * Starts Firefox so that the suite can both drive its pages (puppeteer over WebDriver BiDi) and run
 * privileged code in the browser window's own scope (Marionette's chrome context): opening the
 * extension's moz-extension:// pages, which BiDi refuses to navigate to, and reaching the extension's
 * storage, database and background.
 *
 * Firefox allows one WebDriver session, and BiDi can only evaluate in chrome scope from Firefox 148
 * on; Debian's ESR (140) cannot. So the session is created through Marionette with `webSocketUrl`,
 * which makes it a BiDi session too, and puppeteer is attached to that session's WebSocket through a
 * transport that answers puppeteer's own `session.new` with the session that already exists. Both
 * protocols then share one session, on every Firefox from 138 (`--remote-allow-system-access`) on.
 */
import { createProfile, launch, Browser as BrowserKind } from '@puppeteer/browsers';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect as connectTcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ConnectionTransport } from 'puppeteer-core';
import WebSocket from 'ws';

export interface FirefoxSession {
  browser: Browser;
  /** Runs `script` (a function body; `resolve(value)` answers) in the browser window's chrome scope. */
  chromeScript(script: string): Promise<unknown>;
  close(): Promise<void>;
}

export interface FirefoxLaunch {
  executablePath: string;
  headless: boolean;
  preferences: Record<string, unknown>;
}

export async function launchFirefox(options: FirefoxLaunch): Promise<FirefoxSession> {
  const profile = await mkdtemp(join(tmpdir(), 'counterfeit-radar-firefox-'));
  await createProfile(BrowserKind.FIREFOX, {
    path: profile,
    preferences: {
      ...options.preferences,
      // Marionette picks a free port and writes it to the profile's MarionetteActivePort.
      'marionette.port': 0,
      // As puppeteer sets it: one content process, so input reaches every frame.
      'fission.webContentIsolationStrategy': 0,
    },
  });
  const process = launch({
    executablePath: options.executablePath,
    args: [
      ...(options.headless ? ['--headless'] : []),
      '--no-remote',
      '--profile',
      profile,
      '--remote-debugging-port=0',
      '--marionette',
      '--remote-allow-system-access',
      'about:blank',
    ],
  });
  const cleanUp = async () => {
    await process.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    await process.waitForLineOutput(/^WebDriver BiDi listening on (ws:\/\/.*)$/, 60_000);
    const marionette = await Marionette.connect(await marionettePort(profile));
    const session = (await marionette.send('WebDriver:NewSession', {
      acceptInsecureCerts: true,
      webSocketUrl: true,
      unhandledPromptBehavior: { default: 'ignore' },
    })) as { sessionId: string; capabilities: { webSocketUrl?: string } };
    const url = session.capabilities.webSocketUrl;
    if (!url) throw new Error('Firefox created the session without a WebDriver BiDi WebSocket');
    const browser = await puppeteer.connect({
      transport: await sessionTransport(url, session),
      protocol: 'webDriverBiDi',
      acceptInsecureCerts: true,
      defaultViewport: null,
    });
    await marionette.send('Marionette:SetContext', { value: 'chrome' });
    return {
      browser,
      chromeScript: async (script) => ((await marionette.send('WebDriver:ExecuteAsyncScript', { script, args: [] })) as { value: unknown }).value,
      close: async () => {
        await browser.close().catch(() => undefined);
        marionette.close();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function marionettePort(profile: string): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const text = await readFile(join(profile, 'MarionetteActivePort'), 'utf8').catch(() => '');
    if (/^\d+\s*$/.test(text)) return Number(text);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Firefox did not start Marionette');
}

/** puppeteer's transport over the session's own BiDi WebSocket, with `session.new` answered here. */
async function sessionTransport(url: string, session: { sessionId: string; capabilities: object }): Promise<ConnectionTransport> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const transport: ConnectionTransport = {
    send(message) {
      const command = JSON.parse(message) as { id: number; method: string };
      if (command.method === 'session.new') {
        const answer = { type: 'success', id: command.id, result: { sessionId: session.sessionId, capabilities: session.capabilities } };
        setTimeout(() => transport.onmessage?.(JSON.stringify(answer)), 0);
        return;
      }
      socket.send(message);
    },
    close() {
      socket.close();
    },
  };
  socket.on('message', (data: Buffer) => transport.onmessage?.(data.toString('utf8')));
  socket.on('close', () => transport.onclose?.());
  return transport;
}

/** Marionette's wire protocol: `length:json` packets; commands [0, id, name, params], answers [1, id, error, result]. */
class Marionette {
  #nextId = 0;
  #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #buffer = Buffer.alloc(0);

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    socket.on('close', () => {
      for (const waiter of this.#pending.values()) waiter.reject(new Error('Marionette closed'));
      this.#pending.clear();
    });
  }

  static connect(port: number): Promise<Marionette> {
    return new Promise((resolve, reject) => {
      const socket = connectTcp(port, '127.0.0.1');
      socket.once('error', reject);
      const client = new Marionette(socket);
      // The first packet is the server's greeting; the client is ready after it.
      client.#pending.set(0, { resolve: () => resolve(client), reject });
    });
  }

  send(name: string, params: object): Promise<unknown> {
    const id = ++this.#nextId;
    const text = JSON.stringify([0, id, name, params]);
    this.socket.write(`${Buffer.byteLength(text)}:${text}`);
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
  }

  close(): void {
    this.socket.end();
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const colon = this.#buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.#buffer.subarray(0, colon).toString());
      if (this.#buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.#buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
      this.#buffer = this.#buffer.subarray(colon + 1 + length);
      const [, id, error, result] = Array.isArray(packet) ? (packet as [number, number, { message?: string } | null, unknown]) : [1, 0, null, packet];
      const waiter = this.#pending.get(id);
      this.#pending.delete(id);
      if (!waiter) continue;
      if (error) waiter.reject(new Error(`Marionette: ${error.message ?? JSON.stringify(error)}`));
      else waiter.resolve(result);
    }
  }
}
