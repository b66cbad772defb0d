// Headless Chromium with an unpacked extension, as in /work/shared/TOOLCHAIN.md, plus the helpers
// the tests share: tab ids, the worker's per-tab records, and a log of every network request.

import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
export const DIST = join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Schemes and hosts that are not the network. */
const LOCAL = /^(?:chrome-extension|chrome|devtools|about|data|blob):|^https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?\//;

/**
 * @param {string} name e.g. "extension-test"
 * @returns {string} the absolute path of dist/<name>, which must have been built
 */
export function builtExtension(name) {
  const dir = join(DIST, name);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is not built: run ./build.sh build (or node extension/build.mjs --pkg dist/pkg --out dist)`);
  }
  return dir;
}

/**
 * Launches Chromium with the extension in `dir`. Always call close() (it is safe to call twice).
 * @param {string} dir
 */
export async function launch(dir) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'undertone-e2e-'));
  /** @type {{url: string, from: string}[]} */
  const requests = [];
  /** @type {import('playwright-core').BrowserContext | null} */
  let ctx = null;
  const close = async () => {
    const c = ctx;
    ctx = null;
    await c?.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  };
  try {
    ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: [
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Every request Chromium's DevTools protocol reports: page targets, extension pages and the
    // extension's service worker (Playwright attaches to all three).
    ctx.on('request', (request) => {
      const worker = request.serviceWorker();
      const frame = worker ? null : request.frame();
      requests.push({ url: request.url(), from: worker ? `worker ${worker.url()}` : `page ${safe(() => frame?.url()) ?? '?'}` });
    });
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(sw.url()).host;
    const base = `chrome-extension://${extensionId}/`;
    // An extension page to call extension APIs from (storage.session is for trusted contexts only).
    const control = await ctx.newPage();
    await control.goto(`${base}about/about.html`);
    return new Harness(ctx, control, base, requests, close);
  } catch (error) {
    await close();
    throw error;
  }
}

/** @template T @param {() => T} f */
function safe(f) {
  try {
    return f();
  } catch {
    return undefined;
  }
}

export class Harness {
  /**
   * @param {import('playwright-core').BrowserContext} ctx
   * @param {import('playwright-core').Page} control
   * @param {string} base chrome-extension://<id>/
   * @param {{url: string, from: string}[]} requests
   * @param {() => Promise<void>} close
   */
  constructor(ctx, control, base, requests, close) {
    this.ctx = ctx;
    this.control = control;
    this.base = base;
    this.requests = requests;
    this.close = close;
  }

  /** @returns {Promise<number[]>} */
  tabIds() {
    return this.control.evaluate(async () =>
      (await /** @type {any} */ (globalThis).chrome.tabs.query({})).map((/** @type {any} */ t) => t.id),
    );
  }

  /**
   * Opens `url` in a new tab and returns the page with its extension tab id (found by diffing the
   * tab list, which works without any permission to see URLs).
   * @param {string} url
   */
  async openTab(url) {
    const before = new Set(await this.tabIds());
    const page = await this.ctx.newPage();
    let tabId;
    for (let i = 0; i < 100 && tabId === undefined; i++) {
      tabId = (await this.tabIds()).find((id) => !before.has(id));
      if (tabId === undefined) await page.waitForTimeout(20);
    }
    if (tabId === undefined) throw new Error('could not find the new tab');
    const response = await page.goto(url);
    return { page, tabId, response };
  }

  /**
   * The worker's record for a tab (storage.session), waiting until it exists.
   * @param {number} tabId
   * @param {number} [timeout]
   */
  async record(tabId, timeout = 15_000) {
    const key = `tab:${tabId}`;
    const deadline = Date.now() + timeout;
    for (;;) {
      const record = await this.control.evaluate(
        async (k) => (await /** @type {any} */ (globalThis).chrome.storage.session.get(k))[k] ?? null,
        key,
      );
      if (record) return record;
      if (Date.now() > deadline) throw new Error(`timeout: no analysis for tab ${tabId} after ${timeout} ms`);
      await this.control.waitForTimeout(50);
    }
  }

  /** When the running worker instance started (its reply to {kind: 'version'}). */
  async workerStartedAt() {
    const reply = await this.control.evaluate(() =>
      /** @type {any} */ (globalThis).chrome.runtime.sendMessage({ kind: 'version' }),
    );
    return /** @type {number} */ (reply.workerStartedAt);
  }

  /** Stops the extension's service worker, as the browser does when it evicts an idle worker. */
  async stopWorker() {
    const cdp = await this.ctx.newCDPSession(this.control);
    try {
      const stopped = new Promise((resolve) => {
        cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
          if (event.versions.some((v) => v.scriptURL.startsWith(this.base) && v.runningStatus === 'stopped')) resolve(undefined);
        });
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  /** @param {number} tabId */
  async popup(tabId) {
    const page = await this.ctx.newPage();
    await page.goto(`${this.base}popup/popup.html?tab=${tabId}`);
    await page.waitForSelector('#app:not(:has(#status))');
    return page;
  }

  /** Requests that left the machine (anything not 127.0.0.1/localhost or an internal scheme). */
  remoteRequests() {
    return this.requests.filter((r) => !LOCAL.test(r.url));
  }
}
