// Content script, part 1 of 4 (classic script; runs after Readability): the article's title and
// text, as plain text with paragraphs separated by blank lines. Only the text leaves the page, and
// only to the extension's own worker.
'use strict';

(() => {
  const g = /** @type {any} */ (globalThis);
  if (g.__undertoneExtract) return; // injected twice

  /** The most text sent to the worker; longer articles are cut at a paragraph break, with a note. */
  const MAX_TEXT_CHARS = 200_000;
  /** Elements inside the article whose text is never prose. */
  const SKIP_TAGS = new Set([
    'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'FORM', 'INPUT', 'SELECT', 'TEXTAREA',
    'NAV', 'ASIDE', 'FOOTER', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'FIGURE',
  ]);
  const BLOCK_TAGS = new Set([
    'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
    'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION',
    'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'UL',
  ]);
  /** class/id/role words of boxes that are page furniture, not article text. */
  const FURNITURE = /(?:^|[\s_-])(?:newsletter|subscribe|subscription|signup|sign-up|comments?|related|share|sharing|social|promo|advert|advertisement|ads?|sponsored|cta|paywall|outbrain|taboola|byline-share)(?:$|[\s_-])/i;
  const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'search', 'form', 'dialog']);
  /** Whole short lines that are calls to action or widget labels. */
  const BOILERPLATE_LINE = /^(?:request a demo|book a demo|get a demo|schedule a demo|start (?:your )?free trial|subscribe(?: now| today| to [\w\s]+)?|sign up(?: now| for [\w\s]+)?|sign in|log ?in|register|join now|share(?: this)?(?: article| story| on \w+)?|advertisement|sponsored(?: content)?|read more|continue reading|related(?: articles| stories| coverage)?|recommended(?: for you)?|follow us(?: on [\w\s]+)?|newsletter|comments?(?: \(\d+\))?|show comments|leave a comment|skip to (?:main )?content|back to top|print|email|copy link)[\s.!:>»→]*$/i;
  const MAX_BOILERPLATE_LINE = 80;
  /** Less article text than this is not an article, even when the user asks ("Analyse anyway"). */
  const MIN_TEXT_CHARS = 100;
  /** Blocks of at most this many characters that are all link text are navigation, not prose. */
  const MAX_LINK_ONLY_BLOCK = 120;

  /** @param {Element} el */
  function isFurniture(el) {
    if (SKIP_TAGS.has(el.tagName)) return true;
    const role = el.getAttribute('role');
    if (role && FURNITURE_ROLES.has(role)) return true;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
    const words = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
    return FURNITURE.test(words);
  }

  /**
   * Plain text of an element, one paragraph per block, blank lines between paragraphs. Short
   * blocks made only of links ("Read more: ...", lists of sections) are dropped.
   * @param {Element} root
   */
  function blocksOf(root) {
    /** @type {string[]} */
    const paragraphs = [];
    let current = '';
    let unlinked = ''; // the part of `current` outside links
    let linkDepth = 0;
    const flush = () => {
      const line = current.replace(/[ \t\f\r]+/g, ' ').replace(/ *\n */g, '\n').trim();
      const linksOnly = !unlinked.trim() && line.length <= MAX_LINK_ONLY_BLOCK;
      if (line && !linksOnly) paragraphs.push(line);
      current = '';
      unlinked = '';
    };
    /** @param {Node} node */
    const walk = (node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          const text = /** @type {Text} */ (child).data.replace(/\s+/g, ' ');
          current += text;
          if (!linkDepth) unlinked += text;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const el = /** @type {Element} */ (child);
          if (el.tagName === 'BR') {
            current += '\n';
            continue;
          }
          if (isFurniture(el)) continue;
          const block = BLOCK_TAGS.has(el.tagName);
          const link = el.tagName === 'A';
          if (block) flush();
          if (link) linkDepth++;
          walk(el);
          if (link) linkDepth--;
          if (block) flush();
        }
      }
    };
    walk(root);
    flush();
    return paragraphs
      .map((p) => p.split('\n').filter((line) => !isBoilerplate(line)).join('\n').trim())
      .filter((p) => p && !isBoilerplate(p));
  }

  /** @param {string} line */
  function isBoilerplate(line) {
    const trimmed = line.trim();
    return trimmed.length <= MAX_BOILERPLATE_LINE && BOILERPLATE_LINE.test(trimmed);
  }

  /**
   * Joins paragraphs with blank lines and caps the length at a paragraph break.
   * @param {string[]} paragraphs
   */
  function capped(paragraphs) {
    const text = paragraphs.join('\n\n');
    if (text.length <= MAX_TEXT_CHARS) return { text, truncated: false };
    const cut = text.lastIndexOf('\n\n', MAX_TEXT_CHARS);
    return { text: text.slice(0, cut > MAX_TEXT_CHARS / 2 ? cut : MAX_TEXT_CHARS).trimEnd(), truncated: true };
  }

  /**
   * Readability's view of the page: null when it finds no article text.
   * @param {Document} doc
   * @returns {{title: string, text: string, truncated: boolean} | null}
   */
  function extract(doc) {
    const clone = /** @type {Document} */ (doc.cloneNode(true));
    const article = new g.Readability(clone, { serializer: (/** @type {Element} */ el) => el }).parse();
    if (!article || !article.content) return null;
    const { text, truncated } = capped(blocksOf(article.content));
    if (text.length < MIN_TEXT_CHARS) return null;
    const title = String(article.title || doc.title || '').replace(/\s+/g, ' ').trim();
    return { title, text, truncated };
  }

  /** @param {string} s */
  const normalise = (s) =>
    s.toLowerCase().replace(/[\u2018\u2019\u201c\u201d'"]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

  /**
   * The live page's headline for `title`: the visible h1/h2 whose text matches it best.
   * @param {Document} doc
   * @param {string} title
   * @returns {HTMLElement | null}
   */
  function findHeading(doc, title) {
    const want = normalise(title);
    const headings = /** @type {HTMLElement[]} */ ([...doc.querySelectorAll('h1, h2')]).filter(
      (h) => h.getClientRects().length > 0 && normalise(h.textContent ?? ''),
    );
    const text = (/** @type {HTMLElement} */ h) => normalise(h.textContent ?? '');
    return (
      headings.find((h) => text(h) === want) ??
      headings.find((h) => want.length >= 12 && text(h).length >= 12 && (text(h).includes(want) || want.includes(text(h)))) ??
      headings.find((h) => h.tagName === 'H1') ??
      null
    );
  }

  g.__undertoneExtract = { extract, findHeading, MAX_TEXT_CHARS };
})();
