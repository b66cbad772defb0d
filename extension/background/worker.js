// The background service worker (an event page in Firefox). It hosts the wasm core: content
// scripts cannot, because a page's CSP governs wasm compilation in their world.
//
// Every listener is registered synchronously, here at the top, so events that wake an evicted
// worker are delivered; handlers await the engine's `ready()` promise instead of top-level await.

import { api, Kind } from '../shared/messaging.js';
import { analyzeArticle, coreVersion, ready, scoreHeadlines } from './engine.js';
import { TEST_BUILD } from './flags.js';
import { listSites, onPermissionsChanged, setSiteEnabled, siteOf, syncRegistrations } from './sites.js';
import { analyzeTab, forget, remember, tabState } from './tabs.js';

/** The content script caps the text at this many characters; anything longer is refused. */
export const MAX_TEXT_CHARS = 200_000;
const MAX_TITLE_CHARS = 2_000;
/** The content script sends at most this many headlines of at most this length (see headlines.js). */
const MAX_HEADLINES = 60;
const MAX_HEADLINE_CHARS = 200;
/** When this worker instance started (the tests check that an evicted worker comes back). */
const STARTED_AT = Date.now();

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  dispatch(message, sender).then(sendResponse, (error) =>
    sendResponse({ error: String(error?.message ?? error) }),
  );
  return true; // the reply is asynchronous
});
api.runtime.onInstalled.addListener(() => void syncRegistrations().catch(console.error));
api.runtime.onStartup.addListener(() => void syncRegistrations().catch(console.error));
api.permissions.onAdded.addListener((p) => void onPermissionsChanged(p, true).catch(console.error));
api.permissions.onRemoved.addListener((p) => void onPermissionsChanged(p, false).catch(console.error));
api.tabs.onRemoved.addListener((tabId) => void forget(tabId).catch(() => {}));

// Start compiling the wasm now, so the first page does not wait for it; and re-check the
// registrations, which a browser restart or an eviction may have left behind the permissions.
ready().catch(console.error);
syncRegistrations().catch(console.error);

/** Kinds content scripts send (sender.tab is the page they run in). */
const fromContent = {
  /**
   * @param {any} message {title, text, truncated, url}
   * @param {chrome.runtime.MessageSender} sender
   */
  async [Kind.ANALYZE](message, sender) {
    const tabId = /** @type {number} */ (sender.tab?.id);
    const text = requireString(message.text, 'text', MAX_TEXT_CHARS);
    const title = requireString(message.title ?? '', 'title', MAX_TITLE_CHARS);
    const truncated = Boolean(message.truncated);
    const summary = await analyzeArticle(text, title, truncated);
    await remember(tabId, {
      status: 'analysed',
      url: String(message.url ?? sender.tab?.url ?? ''),
      at: Date.now(),
      summary,
      // Only the test build keeps the exact text, so the end-to-end tests can check what was sent.
      ...(TEST_BUILD ? { request: { title, text, truncated } } : {}),
    });
    return { summary };
  },
  /**
   * A front or section page: one score per headline link, in order. The tab is remembered as
   * "not an article", with the number of headlines marked, for the popup.
   * @param {any} message {headlines: string[], url}
   * @param {chrome.runtime.MessageSender} sender
   */
  async [Kind.SCORE_HEADLINES](message, sender) {
    const headlines = message.headlines;
    if (!Array.isArray(headlines) || headlines.length > MAX_HEADLINES) {
      throw new Error(`headlines must be an array of at most ${MAX_HEADLINES} strings`);
    }
    const texts = headlines.map((h) => requireString(h, 'headline', MAX_HEADLINE_CHARS));
    const scores = await scoreHeadlines(texts);
    await remember(/** @type {number} */ (sender.tab?.id), {
      status: 'not_article',
      url: String(message.url ?? sender.tab?.url ?? ''),
      at: Date.now(),
      headlines: scores.length,
    });
    return { scores };
  },
  /**
   * @param {any} message {reason, url}
   * @param {chrome.runtime.MessageSender} sender
   */
  async [Kind.SKIPPED](message, sender) {
    const status = message.reason === 'no_text' ? 'no_text' : 'not_article';
    await remember(/** @type {number} */ (sender.tab?.id), {
      status,
      url: String(message.url ?? sender.tab?.url ?? ''),
      at: Date.now(),
    });
    return { ok: true };
  },
};

/** Kinds only extension pages (popup, options, about) may send. */
const fromPages = {
  /** @param {any} message {tabId} */
  [Kind.GET_TAB_STATE]: (message) => tabState(requireTabId(message.tabId)),
  /** @param {any} message {tabId} */
  [Kind.ANALYZE_TAB]: (message) => analyzeTab(requireTabId(message.tabId)),
  /** @param {any} message {site, enabled} */
  [Kind.SET_SITE_ENABLED]: (message) => {
    const site = siteOf(requireString(message.site, 'site', 500));
    if (!site) throw new Error('not a web site');
    return setSiteEnabled(site, Boolean(message.enabled));
  },
  [Kind.LIST_SITES]: () => listSites(),
  [Kind.VERSION]: async () => ({
    extension: api.runtime.getManifest().version,
    core: await coreVersion(),
    testBuild: TEST_BUILD,
    workerStartedAt: STARTED_AT,
  }),
};

/**
 * The one dispatcher: routes a `{kind}` message to its handler, checking who sent it.
 * @param {any} message
 * @param {chrome.runtime.MessageSender} sender
 */
async function dispatch(message, sender) {
  if (!message || typeof message !== 'object' || typeof message.kind !== 'string') {
    throw new Error('a message is an object with a string "kind"');
  }
  if (sender.id !== api.runtime.id) throw new Error('unknown sender');
  const kind = message.kind;
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
  if (fromExtensionPage && Object.hasOwn(fromPages, kind)) {
    return /** @type {any} */ (fromPages)[kind](message, sender);
  }
  if (!fromExtensionPage && sender.tab?.id !== undefined && Object.hasOwn(fromContent, kind)) {
    return /** @type {any} */ (fromContent)[kind](message, sender);
  }
  throw new Error(`unknown message kind "${kind}" from this sender`);
}

/**
 * @param {unknown} value
 * @param {string} name
 * @param {number} max
 */
function requireString(value, name, max) {
  if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  if (value.length > max) throw new Error(`${name} is longer than ${max} characters`);
  return value;
}

/** @param {unknown} value */
function requireTabId(value) {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 0) throw new Error('tabId must be a tab id');
  return id;
}
