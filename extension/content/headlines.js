// Content script, part 3 of 4 (classic script): on a front or section page, a small badge after
// each headline link. Headlines are found by where pages put them (links in or around h1-h4, or
// marked "headline"), scored by the worker in one message, and drawn, each in its own open shadow
// root, with textContent only.
'use strict';

(() => {
  const g = /** @type {any} */ (globalThis);
  if (g.__undertoneHeadlines) return; // injected twice

  const HOST_TAG = 'undertone-inline';
  /** The most headlines one page gets badges for (the first ones, in document order). */
  const MAX_HEADLINES = 60;
  /** Fewer than this is not a front page: a few headings that are links are not a list of stories. */
  const MIN_HEADLINES = 3;
  /** A headline is a sentence-like link text: at least this many words and characters... */
  const MIN_WORDS = 4;
  const MIN_CHARS = 20;
  /** ...and at most this many characters (longer link texts are teasers or whole cards). */
  const MAX_CHARS = 200;
  const SELECTOR = [
    'h1 a[href]', 'h2 a[href]', 'h3 a[href]', 'h4 a[href]',
    'a[href] h1', 'a[href] h2', 'a[href] h3', 'a[href] h4',
    'a[href][class*="headline" i]', '[class*="headline" i] a[href]',
  ].join(', ');

  // badge.js (injected just before) owns the strings, the score format and the band colours.
  const { t, formatScore: fmt, BAND_COLOURS } = g.__undertoneBadge;

  const STYLE = `
    :host { all: initial; }
    .b { display: inline-flex; align-items: center; gap: 4px; margin-left: 6px; padding: 0 6px; vertical-align: middle;
      border: 1px solid var(--band); border-left-width: 4px; border-radius: 4px; background: #fff; color: #111;
      font: 500 11px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-variant-numeric: tabular-nums; white-space: nowrap; }
    ${BAND_COLOURS}
  `;

  /** @param {string} s */
  const clean = (s) => s.replace(/\s+/g, ' ').trim();

  /**
   * The page's headline links, each once, in document order: the link and its text.
   * @param {Document} doc
   * @returns {{link: HTMLAnchorElement, text: string}[]}
   */
  function collect(doc) {
    /** @type {Set<Element>} */
    const seen = new Set();
    /** @type {Set<string>} */
    const texts = new Set();
    const found = [];
    for (const node of doc.querySelectorAll(SELECTOR)) {
      const link = /** @type {HTMLAnchorElement | null} */ (node.closest('a[href]'));
      if (!link || seen.has(link) || link.closest(HOST_TAG)) continue;
      seen.add(link);
      const text = clean(link.textContent ?? '');
      if (text.length < MIN_CHARS || text.length > MAX_CHARS || text.split(' ').length < MIN_WORDS) continue;
      if (texts.has(text) || link.getClientRects().length === 0) continue;
      texts.add(text);
      found.push({ link, text });
      if (found.length === MAX_HEADLINES) break;
    }
    return found.length >= MIN_HEADLINES ? found : [];
  }

  /**
   * Draws one badge after each link. `scores[i]` belongs to `headlines[i]`.
   * @param {{link: HTMLAnchorElement}[]} headlines
   * @param {{score: number, band: string, label: string}[]} scores
   */
  function draw(headlines, scores) {
    remove();
    headlines.forEach(({ link }, i) => {
      const s = scores[i];
      if (!s || !link.isConnected) return;
      const host = document.createElement(HOST_TAG);
      const root = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = STYLE;
      const badge = document.createElement('span');
      badge.className = `b ${s.band}`;
      badge.textContent = `${t(`band_${s.band}`)} ${fmt(s.score)}`;
      badge.setAttribute('role', 'note');
      badge.setAttribute('aria-label', t('inlineBadgeLabel', [t(`band_${s.band}`), fmt(s.score)]));
      root.append(style, badge);
      link.after(host);
    });
  }

  function remove() {
    for (const host of document.querySelectorAll(HOST_TAG)) host.remove();
  }

  g.__undertoneHeadlines = { collect, draw, remove, MAX_HEADLINES };
})();
