/**
 * Starts Debian's Chromium or Firefox ESR with the built extension installed, resolving every host to
 * the local fixture server. puppeteer-core drives both; a browser that is not installed fails the run
 * with the command that installs it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { launchFirefox } from './firefox-session';

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
  /**
   * Firefox only: runs `body` (an async function body whose return value is answered) in the browser
   * window's privileged scope, with `policy` bound to the extension's WebExtensionPolicy.
   */
  firefoxChrome(body: string): Promise<unknown>;
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
  let firefoxChrome: RunningBrowser['firefoxChrome'] = () => Promise.reject(new Error('only Firefox has a chrome scope'));
  let close: () => Promise<void>;
  let browser: Browser;
  if (name === 'chromium') {
    browser = await puppeteer.launch({
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
    });
    close = () => browser.close();
  } else {
    const firefox = await launchFirefox({
      executablePath: executable(name),
      headless,
      preferences: {
        // Every host name resolves to this machine; URLs then carry the fixture server's port.
        'network.dns.forceResolve': '127.0.0.1',
        'network.dns.disableIPv6': true,
        'extensions.webextensions.restrictedDomains': '',
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      },
    });
    browser = firefox.browser;
    close = () => firefox.close();
    firefoxChrome = async (body) => {
      const answer = (await firefox.chromeScript(
        `const resolve = arguments[arguments.length - 1];
         (async () => { const policy = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}); ${body} })()
           .then((value) => resolve({ value }), (error) => resolve({ error: String(error) }));`,
      )) as { value?: unknown; error?: string };
      if (answer.error !== undefined) throw new Error(`Firefox chrome scope: ${answer.error}`);
      return answer.value;
    };
  }
  try {
    const extensionId = buildDir === null ? '' : await browser.installExtension(buildDir);
    return {
      browser,
      name,
      extensionId,
      extensionUrl: (path) =>
        name === 'chromium' ? `chrome-extension://${extensionId}/${path}` : `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`,
      origin: (host) => (name === 'chromium' ? `https://${host}` : `https://${host}:${port}`),
      firefoxChrome,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Sets a page's viewport. puppeteer's page.setViewport also overrides the screen orientation, a BiDi
 * command Firefox ESR 140 does not have; in Firefox only the viewport is set.
 */
export async function setViewport(run: RunningBrowser, page: Page, size: { width: number; height: number }): Promise<void> {
  if (run.name === 'chromium') {
    await page.setViewport(size);
    return;
  }
  const connection = (run.browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await connection.send('browsingContext.setViewport', { context, viewport: size });
}
