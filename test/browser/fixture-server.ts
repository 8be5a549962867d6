/**
 * Answers for Taobao's and Tmall's host names with the saved fixture pages, over HTTPS with a
 * throwaway self-signed certificate (real Taobao is HTTPS; browsers are told to accept it). Each
 * fixture is served at the URL its `.expected.json` names, and at `/fixtures/<name>.html` on any host.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'pages', 'synthetic');

export interface Fixture {
  name: string;
  url: string;
  html: string;
  /** Item ids the page should yield, from its .expected.json. */
  expectedIds: string[];
}

export function loadFixtures(): Map<string, Fixture> {
  const fixtures = new Map<string, Fixture>();
  for (const file of readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.html'))) {
    const name = file.slice(0, -'.html'.length);
    const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8')) as {
      url: string;
      listings: { itemId: string }[];
    };
    fixtures.set(name, {
      name,
      url: expected.url,
      html: readFileSync(join(FIXTURE_DIR, file), 'utf8'),
      expectedIds: expected.listings.map((l) => l.itemId),
    });
  }
  return fixtures;
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'cr-cert-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=taobao.test',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface FixtureServer {
  port: number;
  fixtures: Map<string, Fixture>;
  /**
   * A fixture's own URL as a browser reaches it through this server: `origin` is the browser's way to
   * a host (RunningBrowser.origin; Firefox needs the port in the URL).
   */
  urlFor(name: string, origin: (host: string) => string): string;
  /** Extra pages a test serves (path on any host → HTML). */
  extraPages: Map<string, string>;
  /** Other answers a test gives (path on any host → handler): feeds or images, with their status and headers. */
  extraResponses: Map<string, (request: IncomingMessage) => { status: number; headers?: Record<string, string>; body?: string | Uint8Array }>;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const fixtures = loadFixtures();
  const byUrl = new Map<string, Fixture>();
  for (const fixture of fixtures.values()) {
    const url = new URL(fixture.url);
    const key = `${url.hostname}${url.pathname}${url.search}`;
    const taken = byUrl.get(key);
    if (taken) throw new Error(`fixtures ${taken.name} and ${fixture.name} have the same URL: ${fixture.url}`);
    byUrl.set(key, fixture);
  }
  const extraPages = new Map<string, string>();
  const extraResponses: FixtureServer['extraResponses'] = new Map();
  const server: Server = createServer(selfSignedCertificate(), (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(request.url ?? '/', `https://${host}`);
    const handler = extraResponses.get(url.pathname);
    if (handler) {
      const { status, headers = {}, body = '' } = handler(request);
      response.writeHead(status, { 'cache-control': 'no-store', ...headers }).end(body);
      return;
    }
    const named = /^\/fixtures\/([\w-]+)\.html$/.exec(url.pathname)?.[1];
    const html =
      byUrl.get(`${host}${url.pathname}${url.search}`)?.html ??
      (named ? fixtures.get(named)?.html : undefined) ??
      extraPages.get(url.pathname);
    if (html === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    fixtures,
    urlFor: (name, origin) => {
      const fixture = fixtures.get(name);
      if (!fixture) throw new Error(`no fixture ${name}`);
      const url = new URL(fixture.url);
      return `${origin(url.hostname)}${url.pathname}${url.search}`;
    },
    extraPages,
    extraResponses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
