// The one wrapper around the browser APIs that every extension page (popup, options, about) and the
// background worker import. Nothing else touches `chrome.*`/`browser.*` for messaging or storage.
//
// Why one module: the MV3 background is a service worker (an event page in Firefox) that the browser
// may evict at any moment and restart on the next event. So pages never hold a channel or a port to
// it: every request is one self-contained `runtime.sendMessage({kind, ...})` that wakes the worker,
// and every piece of state the worker needs again lives in `storage` (session: per tab, cleared when
// the browser closes; local: the per-site switches). Keeping that rule in one place keeps it kept.
//
// Content scripts are classic scripts (MV3 cannot load them as modules, and Readability is
// CommonJS), so they cannot import this file; content/content.js has the same two-line `send`.

/** @type {typeof chrome} */
export const api = /** @type {any} */ (globalThis).browser ?? globalThis.chrome;

/**
 * Message kinds, grouped by who may send them. The worker's dispatcher rejects a kind from the
 * wrong sender.
 */
export const Kind = Object.freeze({
  // From content scripts (sender.tab is the page).
  ANALYZE: 'analyze',
  SKIPPED: 'skipped',
  SCORE_HEADLINES: 'scoreHeadlines',
  // From extension pages (popup, options, about).
  GET_TAB_STATE: 'getTabState',
  ANALYZE_TAB: 'analyzeTab',
  SET_SITE_ENABLED: 'setSiteEnabled',
  LIST_SITES: 'listSites',
  VERSION: 'version',
});

/**
 * Sends one message to the background worker and resolves with its reply. A reply of the form
 * `{error: string}` becomes a rejected promise.
 * @param {{kind: string} & Record<string, unknown>} message
 * @returns {Promise<any>}
 */
export async function send(message) {
  const reply = await api.runtime.sendMessage(message);
  if (reply && typeof reply === 'object' && typeof reply.error === 'string') {
    throw new Error(reply.error);
  }
  return reply;
}

/** Per-tab state, kept in `storage.session` so an evicted worker finds it again. */
export const session = {
  /**
   * @param {string} key
   * @returns {Promise<any>}
   */
  async get(key) {
    const items = await api.storage.session.get(key);
    return items[key];
  },
  /**
   * @param {string} key
   * @param {unknown} value
   */
  set(key, value) {
    return api.storage.session.set({ [key]: value });
  },
  /** @param {string | string[]} keys */
  remove(keys) {
    return api.storage.session.remove(keys);
  },
};

/** Settings that outlive the browser session (the per-site switches). */
export const local = {
  /**
   * @param {string} key
   * @returns {Promise<any>}
   */
  async get(key) {
    const items = await api.storage.local.get(key);
    return items[key];
  },
  /**
   * @param {string} key
   * @param {unknown} value
   */
  set(key, value) {
    return api.storage.local.set({ [key]: value });
  },
};

/**
 * A localised string from _locales/<lang>/messages.json.
 * @param {string} name
 * @param {string | string[]} [substitutions]
 */
export function t(name, substitutions) {
  return api.i18n.getMessage(name, substitutions) || name;
}

/**
 * The band's display string (the table is _locales/en/messages.json: `band_<key>`).
 * @param {string} band
 */
export function bandLabel(band) {
  return t(`band_${band}`);
}

/**
 * A score as the badge shows it: two decimals, never "-0.00".
 * @param {number} score
 */
export function formatScore(score) {
  const text = score.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}
