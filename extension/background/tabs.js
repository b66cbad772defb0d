// What the worker knows about each tab: the last analysis (storage.session, so an evicted worker
// still has it), whether the page can be read at all, and the on-demand "Analyse this page" path.

import { api, session } from '../shared/messaging.js';
import { CONTENT_SCRIPTS } from './content-files.js';
import { siteOf, siteState } from './sites.js';

/** How long "Analyse this page" waits for the content script before giving up. */
export const ANALYZE_TIMEOUT_MS = 20_000;

/** @param {number} tabId */
export const tabKey = (tabId) => `tab:${tabId}`;

/** Hosts where browsers forbid extensions to run scripts. */
const STORE_HOSTS = new Set([
  'chromewebstore.google.com',
  'chrome.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);

/**
 * Why a page cannot be read, from its URL alone; null when it may be readable.
 * @param {string} url
 * @returns {'browser_page' | 'local_file' | 'store' | 'pdf' | null}
 */
export function unreadableReason(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return 'browser_page';
  }
  if (parsed.protocol === 'file:') return 'local_file';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'browser_page';
  if (STORE_HOSTS.has(parsed.hostname)) return 'store';
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return null;
}

/**
 * Classifies an executeScript failure.
 * @param {unknown} error
 * @returns {'browser_page' | 'local_file' | 'store' | 'error_page' | 'needs_access' | 'unavailable'}
 */
function reasonOfError(error) {
  const message = String(/** @type {any} */ (error)?.message ?? error);
  if (/gallery|web ?store/i.test(message)) return 'store';
  if (/file:/i.test(message)) return 'local_file';
  if (/chrome:|chrome-extension:|about:|edge:|moz-extension:|devtools:|view-source:|privileged|restricted/i.test(message)) {
    return 'browser_page';
  }
  if (/error page/i.test(message)) return 'error_page';
  if (/permission|cannot access|missing host/i.test(message)) return 'needs_access';
  return 'unavailable';
}

/** @param {string | undefined} url */
const withoutHash = (url) => (url ? url.replace(/#.*$/, '') : url);

/**
 * @typedef {{status: 'analysed' | 'not_article' | 'no_text', url: string, at: number,
 *   summary?: import('./engine.js').Summary, headlines?: number,
 *   request?: {title: string, text: string, truncated: boolean}}} TabRecord
 */

/**
 * @param {number} tabId
 * @param {TabRecord} record
 */
export function remember(tabId, record) {
  return session.set(tabKey(tabId), record);
}

/** @param {number} tabId */
export function forget(tabId) {
  return session.remove(tabKey(tabId));
}

/**
 * Everything the popup needs about a tab.
 * @param {number} tabId
 */
export async function tabState(tabId) {
  const tab = await api.tabs.get(tabId);
  // The URL is visible with activeTab (the popup opened from the toolbar) or a host permission.
  let url = tab.url || tab.pendingUrl || undefined;
  if (url) {
    const reason = unreadableReason(url);
    if (reason) return { status: 'unreadable', reason, url };
  }
  /** @type {TabRecord | undefined} */
  const record = await session.get(tabKey(tabId));
  if (record && (!url || withoutHash(record.url) === withoutHash(url))) {
    const { request: _request, ...rest } = record;
    return { ...rest, site: await siteInfo(record.url) };
  }
  // No analysis for this page yet: can we reach it?
  let running;
  try {
    const [probe] = await api.scripting.executeScript({
      target: { tabId },
      func: () => ({
        href: location.href,
        contentType: /** @type {any} */ (globalThis).document.contentType,
        running: Boolean(/** @type {any} */ (globalThis).__undertone),
      }),
    });
    const result = /** @type {{href: string, contentType: string, running: boolean}} */ (probe.result);
    url = result.href;
    running = result.running;
    if (result.contentType === 'application/pdf') return { status: 'unreadable', reason: 'pdf', url };
    const reason = unreadableReason(url);
    if (reason) return { status: 'unreadable', reason, url };
  } catch (error) {
    const reason = reasonOfError(error);
    if (reason !== 'needs_access') return { status: 'unreadable', reason, url };
    return { status: 'none', access: false, url, site: await siteInfo(url) };
  }
  return { status: 'none', access: true, running, url, site: await siteInfo(url) };
}

/** @param {string | undefined} url */
async function siteInfo(url) {
  const site = siteOf(url);
  return site ? siteState(site) : null;
}

/**
 * "Analyse this page": injects Readability and the content script (if they are not there yet) and
 * runs the analysis even if the page does not look like an article. Resolves with the tab state.
 * @param {number} tabId
 */
export async function analyzeTab(tabId) {
  const target = { tabId };
  const [probe] = await api.scripting.executeScript({
    target,
    func: () => Boolean(/** @type {any} */ (globalThis).__undertone),
  });
  if (!probe.result) {
    await api.scripting.executeScript({
      target,
      func: () => {
        /** @type {any} */ (globalThis).__undertoneOnDemand = true;
      },
    });
    await api.scripting.executeScript({ target, files: [...CONTENT_SCRIPTS] });
  }
  const run = api.scripting.executeScript({
    target,
    func: () => /** @type {any} */ (globalThis).__undertone.run({ force: true }),
  });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the page did not answer in time')), ANALYZE_TIMEOUT_MS);
  });
  try {
    await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return tabState(tabId);
}
