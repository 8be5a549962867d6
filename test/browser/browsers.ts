/**
 * Starts Debian's Chromium or Firefox ESR with the built extension installed, resolving every host to
 * the local fixture server. puppeteer-core drives both; a browser that is not installed fails the run
 * with the command that installs it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

const ROOT = join(import.meta.dirname, '..', '..');
export const BUILD_DIRS: Record<BrowserName, string> = {
  chromium: join(ROOT, '.output', 'chrome-mv3'),
  firefox: join(ROOT, '.output', 'firefox-mv3'),
};

const EXECUTABLES: Record<BrowserName, string[]> = {
  chromium: [process.env.CHROMIUM_PATH ?? '', '/usr/bin/chromium', '/usr/bin/chromium-browser'],
  firefox: [process.env.FIREFOX_PATH ?? '', '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

function executable(name: BrowserName): string {
  const found = EXECUTABLES[name].find((path) => path !== '' && existsSync(path));
  if (!found) {
    throw new Error(
      `${name} is not installed; the browser suite needs it. On Debian/Ubuntu: ` +
        `sudo apt-get install -y chromium firefox-esr (or set ${name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'})`,
    );
  }
  return found;
}

/** Firefox gives each add-on a random moz-extension UUID; this pref pins ours, so tests can open its pages. */
const GECKO_ID = 'counterfeit-radar@example.org';
const FIREFOX_EXTENSION_UUID = '6c1f0f7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

export interface RunningBrowser {
  browser: Browser;
  name: BrowserName;
  extensionId: string;
  /** An extension page's URL, e.g. extensionUrl('popup.html'). */
  extensionUrl(path: string): string;
  /** Origin to open a Taobao-host page through the fixture server (Firefox needs the port). */
  origin(host: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Another unpacked extension to install instead of the build, or null for none (baselines). */
  extensionDir?: string | null;
}

export async function launchWithExtension(name: BrowserName, port: number, options: LaunchOptions = {}): Promise<RunningBrowser> {
  const headless = options.headless ?? true;
  const buildDir = options.extensionDir === undefined ? BUILD_DIRS[name] : options.extensionDir;
  if (buildDir !== null && !existsSync(join(buildDir, 'manifest.json'))) throw new Error(`no build in ${buildDir}: run npm run build first`);
  const browser =
    name === 'chromium'
      ? await puppeteer.launch({
          executablePath: executable(name),
          headless,
          pipe: true,
          enableExtensions: true,
          acceptInsecureCerts: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            // Every host name goes to the fixture server, port included.
            `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`,
          ],
        })
      : await puppeteer.launch({
          browser: 'firefox',
          executablePath: executable(name),
          headless,
          acceptInsecureCerts: true,
          // Lets extension-pages.ts open moz-extension:// pages from the browser's own window (BiDi
          // refuses to navigate a tab there, and a web page may not).
          args: ['--remote-allow-system-access'],
          extraPrefsFirefox: {
            // Every host name resolves to this machine; URLs then carry the fixture server's port.
            'network.dns.forceResolve': '127.0.0.1',
            'network.dns.disableIPv6': true,
            'extensions.webextensions.restrictedDomains': '',
            'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
          },
        });
  try {
    const extensionId = buildDir === null ? '' : await browser.installExtension(buildDir);
    return {
      browser,
      name,
      extensionId,
      extensionUrl: (path) =>
        name === 'chromium' ? `chrome-extension://${extensionId}/${path}` : `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`,
      origin: (host) => (name === 'chromium' ? `https://${host}` : `https://${host}:${port}`),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
