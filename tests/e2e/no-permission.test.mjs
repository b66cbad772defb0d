// End-to-end tests of the store build (dist/extension) as installed: activeTab, scripting and
// storage only, no host permission. Nothing runs on pages by itself; the popup offers
// "Analyse this page" and explains how to let Undertone read a page.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSession } from './lib/session.mjs';

/** @type {import('./lib/session.mjs').Session['server']} */
let server;
/** @type {import('./lib/browser.mjs').Harness} */
let h;

/** @type {import('./lib/session.mjs').Session | undefined} */
let session;

before(async () => {
  session = await startSession('extension');
  ({ server, h } = session);
});

after(async () => {
  await session?.close();
});

describe('store build without host permissions', () => {
  it('asks for nothing but activeTab, scripting and storage at install', async () => {
    const manifest = await h.control.evaluate(() => /** @type {any} */ (globalThis).chrome.runtime.getManifest());
    assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'scripting', 'storage']);
    assert.equal(manifest.host_permissions, undefined);
    assert.equal(manifest.content_scripts, undefined);
    assert.deepEqual(manifest.optional_host_permissions, ['http://*/*', 'https://*/*']);
  });

  it('shows no badge by itself, and the popup offers "Analyse this page"', async () => {
    const { page, tabId } = await h.openTab(server.url('/article.html'));
    await page.waitForLoadState('load');
    const popup = await h.popup(tabId);
    const button = popup.locator('#analyse');
    await button.waitFor();
    assert.match(await button.innerText(), /Analyse this page/);
    assert.equal(await popup.locator('#verdict').count(), 0);
    assert.equal(await page.locator('undertone-badge').count(), 0, 'no content script ran');
    // Without the toolbar click (activeTab) the page stays out of reach; the popup says what to do.
    await button.click();
    await popup.locator('#error').waitFor();
    assert.match(await popup.locator('#app').innerText(), /toolbar button/);
    assert.equal(await page.locator('undertone-badge').count(), 0);
    await popup.close();
    await page.close();
  });

  it('made no request to a non-local address', () => {
    assert.deepEqual(h.remoteRequests(), []);
  });
});
