// Per-site "Show badges automatically on this site": an optional host permission for the site plus
// a registered content script. The switch lives in storage.local; the registrations are re-synced
// with the granted permissions on every worker start and whenever permissions change, so the
// three can never drift apart (a permission revoked in the browser's UI turns the switch off).

import { api, local } from '../shared/messaging.js';
import { CONTENT_SCRIPTS } from './content-files.js';

const SITES_KEY = 'sites';
const ID_PREFIX = 'undertone-auto:';

/**
 * The site key of a page URL: scheme and host, e.g. "https://news.example.org" (ports are not part
 * of match patterns). Null for anything that is not http(s).
 * @param {string | undefined} url
 */
export function siteOf(url) {
  if (!url) return null;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return `${parsed.protocol}//${parsed.hostname}`;
}

/** @param {string} site */
export function patternOf(site) {
  return `${site}/*`;
}

/** @param {string} pattern a single-host match pattern like "https://a.example/*" */
function siteOfPattern(pattern) {
  const match = /^(https?):\/\/([^/*]+)\/\*$/.exec(pattern);
  return match ? `${match[1]}://${match[2]}` : null;
}

/** Host patterns the manifest grants at install (only the test build has any). */
function fixedPatterns() {
  return new Set(api.runtime.getManifest().host_permissions ?? []);
}

/** @returns {Promise<Record<string, boolean>>} */
async function storedSites() {
  return (await local.get(SITES_KEY)) ?? {};
}

/** @type {Promise<unknown>} */
let queue = Promise.resolve();

/**
 * Runs `task` after every earlier one: registration calls must not interleave.
 * @template T
 * @param {() => Promise<T>} task
 * @returns {Promise<T>}
 */
function serially(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/** Makes the registered content scripts equal to the enabled sites whose permission is granted. */
export function syncRegistrations() {
  return serially(async () => {
    const sites = await storedSites();
    const granted = new Set((await api.permissions.getAll()).origins ?? []);
    let changed = false;
    for (const site of Object.keys(sites)) {
      if (!granted.has(patternOf(site))) {
        delete sites[site];
        changed = true;
      }
    }
    if (changed) await local.set(SITES_KEY, sites);

    const wanted = new Map(
      Object.keys(sites)
        .filter((site) => sites[site] && !fixedPatterns().has(patternOf(site)))
        .map((site) => [ID_PREFIX + site, site]),
    );
    const registered = (await api.scripting.getRegisteredContentScripts()).filter((s) =>
      s.id.startsWith(ID_PREFIX),
    );
    const stale = registered.filter((s) => !wanted.has(s.id)).map((s) => s.id);
    if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale });
    const have = new Set(registered.map((s) => s.id));
    const missing = [...wanted].filter(([id]) => !have.has(id));
    if (missing.length) {
      await api.scripting.registerContentScripts(
        missing.map(([id, site]) => ({
          id,
          matches: [patternOf(site)],
          js: [...CONTENT_SCRIPTS],
          runAt: /** @type {const} */ ('document_idle'),
          allFrames: false,
          persistAcrossSessions: true,
        })),
      );
    }
  });
}

/**
 * Turns the switch for a site on or off. Turning it on needs the host permission, which only the
 * popup or options page can request (from the user's click); turning it off gives it back.
 * @param {string} site
 * @param {boolean} enabled
 */
export async function setSiteEnabled(site, enabled) {
  if (!siteOfPattern(patternOf(site))) throw new Error(`not a web site: ${site}`);
  const pattern = patternOf(site);
  if (enabled && !(await api.permissions.contains({ origins: [pattern] }))) {
    throw new Error(`no permission for ${site}`);
  }
  await serially(async () => {
    const sites = await storedSites();
    if (enabled) sites[site] = true;
    else delete sites[site];
    await local.set(SITES_KEY, sites);
  });
  await syncRegistrations();
  if (!enabled && !fixedPatterns().has(pattern)) {
    await api.permissions.remove({ origins: [pattern] }).catch(() => false);
  }
  return siteState(site);
}

/**
 * @param {string} site
 * @returns {Promise<{site: string, enabled: boolean, granted: boolean, fixed: boolean}>}
 */
export async function siteState(site) {
  const pattern = patternOf(site);
  const fixed = fixedPatterns().has(pattern);
  const granted = await api.permissions.contains({ origins: [pattern] });
  const sites = await storedSites();
  return { site, enabled: fixed || (granted && Boolean(sites[site])), granted, fixed };
}

/** Every site with a switch or a grant, for the options page. */
export async function listSites() {
  const sites = await storedSites();
  const granted = ((await api.permissions.getAll()).origins ?? [])
    .map(siteOfPattern)
    .filter((s) => s !== null);
  const all = [...new Set([...Object.keys(sites), ...granted])].sort();
  return Promise.all(all.map(siteState));
}

/**
 * Permission changes made outside the popup (the browser's site-access menu, about:addons).
 * @param {chrome.permissions.Permissions} permissions
 * @param {boolean} added
 */
export async function onPermissionsChanged(permissions, added) {
  const changed = (permissions.origins ?? []).map(siteOfPattern).filter((s) => s !== null);
  if (added && changed.length) {
    // Granting Undertone a site is only ever for showing badges there.
    await serially(async () => {
      const sites = await storedSites();
      for (const site of changed) sites[site] = true;
      await local.set(SITES_KEY, sites);
    });
  }
  await syncRegistrations();
}
