// The per-site switch logic of the worker (extension/background/sites.js) against a fake
// `chrome` API: the browser's permission prompt cannot be answered in a headless test, so the
// granted/revoked paths are checked here, in Node, and the end-to-end files cover the rest.

import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';

/** A minimal in-memory chrome.* with the calls sites.js makes. */
function fakeChrome() {
  /** @type {Record<string, unknown>} */
  const local = {};
  const granted = new Set();
  /** @type {Map<string, any>} */
  const scripts = new Map();
  return {
    granted,
    scripts,
    runtime: { getManifest: () => ({ host_permissions: [] }) },
    storage: {
      local: {
        get: async (/** @type {string} */ key) => (key in local ? { [key]: structuredClone(local[key]) } : {}),
        set: async (/** @type {Record<string, unknown>} */ items) => void Object.assign(local, structuredClone(items)),
      },
      session: { get: async () => ({}), set: async () => {}, remove: async () => {} },
    },
    permissions: {
      getAll: async () => ({ origins: [...granted] }),
      contains: async (/** @type {{origins: string[]}} */ p) => p.origins.every((o) => granted.has(o)),
      remove: async (/** @type {{origins: string[]}} */ p) => (p.origins.forEach((o) => granted.delete(o)), true),
    },
    scripting: {
      getRegisteredContentScripts: async () => [...scripts.values()],
      registerContentScripts: async (/** @type {any[]} */ list) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`duplicate script id ${s.id}`);
          scripts.set(s.id, s);
        }
      },
      unregisterContentScripts: async (/** @type {{ids: string[]}} */ { ids }) => ids.forEach((id) => scripts.delete(id)),
    },
  };
}

const fake = fakeChrome();
/** @type {any} */ (globalThis).chrome = fake;
const sites = await import('../../extension/background/sites.js');
const SITE = 'https://news.example.org';
const PATTERN = `${SITE}/*`;

describe('per-site switch (sites.js with a fake chrome API)', () => {
  beforeEach(async () => {
    fake.granted.clear();
    await sites.syncRegistrations();
    assert.equal(fake.scripts.size, 0);
  });

  it('maps page URLs to sites and match patterns', () => {
    assert.equal(sites.siteOf('https://news.example.org:8443/a/b?c#d'), SITE);
    assert.equal(sites.siteOf('chrome://version'), null);
    assert.equal(sites.siteOf('not a url'), null);
    assert.equal(sites.patternOf(SITE), PATTERN);
  });

  it('refuses to switch a site on without its permission', async () => {
    await assert.rejects(sites.setSiteEnabled(SITE, true), /no permission/);
    assert.equal(fake.scripts.size, 0);
  });

  it('registers the content scripts once the permission is granted, and unregisters on off', async () => {
    fake.granted.add(PATTERN);
    const on = await sites.setSiteEnabled(SITE, true);
    assert.deepEqual(on, { site: SITE, enabled: true, granted: true, fixed: false });
    const [script] = fake.scripts.values();
    assert.deepEqual(script.matches, [PATTERN]);
    assert.equal(script.js.at(-1), 'content/content.js');
    assert.equal(script.js[0], 'vendor/Readability-readerable.js');

    const off = await sites.setSiteEnabled(SITE, false);
    assert.equal(off.enabled, false);
    assert.equal(fake.scripts.size, 0);
    assert.equal(fake.granted.has(PATTERN), false, 'switching off gives the permission back');
  });

  it('turns the switch off when the permission is revoked elsewhere', async () => {
    fake.granted.add(PATTERN);
    await sites.setSiteEnabled(SITE, true);
    fake.granted.delete(PATTERN);
    await sites.onPermissionsChanged({ origins: [PATTERN] }, false);
    assert.equal(fake.scripts.size, 0);
    assert.equal((await sites.siteState(SITE)).enabled, false);
    fake.granted.add(PATTERN); // granted again later: the old switch does not come back by itself
    await sites.syncRegistrations();
    assert.equal(fake.scripts.size, 0);
  });

  it('re-registers missing scripts on worker start (sync is idempotent)', async () => {
    fake.granted.add(PATTERN);
    await sites.setSiteEnabled(SITE, true);
    fake.scripts.clear(); // e.g. a browser that did not persist them
    await Promise.all([sites.syncRegistrations(), sites.syncRegistrations()]);
    assert.equal(fake.scripts.size, 1);
  });

  it('switches a site on when access is granted from the browser UI', async () => {
    fake.granted.add(PATTERN);
    await sites.onPermissionsChanged({ origins: [PATTERN] }, true);
    assert.equal((await sites.siteState(SITE)).enabled, true);
    assert.equal(fake.scripts.size, 1);
    const listed = await sites.listSites();
    assert.deepEqual(listed.map((s) => s.site), [SITE]);
  });
});
