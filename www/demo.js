// The demo page: paste text or a page's HTML, see the tone. The wasm core runs in this page.
//
// SAFETY: every string that comes from the input (or from the core, which echoes the input) is
// put into the page with textContent / createTextNode only, never as HTML. Pasted HTML is parsed
// by DOMParser into a detached, inert document (no scripts run, nothing loads) for Readability.
// (Chromium still fires `error` on its broken <img>s; an `onerror=` attribute there is then refused
// by the page's CSP, which allows no inline script: that console message is expected.)

import init, { analyzeWith, version } from './pkg/undertone.js';

/**
 * @typedef {'very_negative' | 'negative' | 'mildly_negative' | 'neutral' | 'mildly_positive' | 'positive' | 'very_positive'} BandKey
 * @typedef {'empty' | 'not_english' | 'no_sentiment_words'} NoticeKey
 * @typedef {{start: number, end: number, text: string, valence: number}} Token
 * @typedef {{start: number, end: number, paragraph: number, text: string, score: number,
 *   band: BandKey, contribution: number, tokens: Token[]}} Sentence
 * @typedef {{word: string, contribution: number, count: number}} WordDriver
 * @typedef {{positive_sentences: number[], negative_sentences: number[],
 *   positive_words: WordDriver[], negative_words: WordDriver[]}} Drivers
 * @typedef {{sentences: number, words: number, paragraphs: number, sentiment_words: number}} Stats
 * @typedef {'PER' | 'ORG' | 'LOC'} EntityType
 * @typedef {{start: number, end: number, text: string, in_title?: boolean}} Mention
 * @typedef {{name: string, type: EntityType, salience: number, score: number, label: string,
 *   band: BandKey, mentions: Mention[]}} Entity
 * @typedef {{start: number, end: number, entity: number, type: EntityType}} Mark
 *   a mention to outline in the text view: offsets (UTF-16, as JS strings index) and its entity
 * @typedef {{engine: string, score: number, band: BandKey, label: string, title: Sentence | null,
 *   sentences: Sentence[], drivers: Drivers, stats: Stats, notices: NoticeKey[], offsets: string,
 *   entities: Entity[]}} Analysis
 * @typedef {{text: string, title: string, source: 'text' | 'readability' | 'html-body', readerable?: boolean}} Input
 */

// ---- every user-visible string, in one table (localise here) --------------------------------

const STRINGS = {
  /** @type {Record<BandKey, string>} display names of the band keys (not the core's English label) */
  bands: {
    very_negative: 'very negative',
    negative: 'negative',
    mildly_negative: 'mildly negative',
    neutral: 'neutral',
    mildly_positive: 'mildly positive',
    positive: 'positive',
    very_positive: 'very positive',
  },
  /** @type {Record<EntityType, string>} display names of the entity types */
  entityTypes: {
    PER: 'Person',
    ORG: 'Organisation',
    LOC: 'Place',
  },
  /** @type {Record<NoticeKey, string>} */
  notices: {
    empty: 'There is no text to analyse yet: paste an article above.',
    not_english:
      'This text looks mostly non-English. The word list is English, so this score means little.',
    no_sentiment_words:
      'No word in this text carries sentiment: it reads as neutral because nothing is said with feeling, not because good and bad balance out.',
  },
  unknownNotice: (/** @type {string} */ key) => `Note: ${key}`,
  loading: 'Loading the analyser…',
  loadFailed: (/** @type {string} */ message) => `The analyser could not be loaded: ${message}`,
  failed: (/** @type {string} */ message) => `Analysis failed: ${message}`,
  analysed: (/** @type {number} */ ms) => `Analysed in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms.`,
  extracted: (/** @type {string} */ title, /** @type {number} */ chars) =>
    `Detected HTML: extracted the article${title ? ` “${title}”` : ''} with Readability (${chars.toLocaleString()} characters).`,
  notReaderable: 'Readability doubts this page is an article, so check the extracted text below.',
  extractedBody: (/** @type {number} */ chars) =>
    `Detected HTML, but Readability found no article: analysing the page's whole text (${chars.toLocaleString()} characters).`,
  stats: (/** @type {Stats} */ s) =>
    `${s.sentences} ${s.sentences === 1 ? 'sentence' : 'sentences'} · ${s.words} words · ` +
    `${s.sentiment_words} sentiment ${s.sentiment_words === 1 ? 'word' : 'words'}`,
  verdict: (/** @type {string} */ band, /** @type {string} */ score) => `${band} ${score}`,
  sentenceScore: (/** @type {string} */ band, /** @type {string} */ score) => `sentence score: ${band}, ${score}`,
  sentenceTooltip: (/** @type {string} */ band, /** @type {string} */ score, /** @type {string} */ share) =>
    `${band} ${score} · moves the article by ${share}`,
  tokenTooltip: (/** @type {string} */ valence) => `word valence ${valence}`,
  titlePrefix: 'Title: ',
  driverShare: (/** @type {string} */ share) => `moves the article by ${share}`,
  wordCount: (/** @type {number} */ n) => (n === 1 ? 'once' : `${n}×`),
  noDrivers: 'None.',
  entityTone: (/** @type {string} */ band, /** @type {string} */ score) => `${band} ${score}`,
  entityMentions: (/** @type {number} */ n) => (n === 1 ? 'named once' : `named ${n} times`),
  entityJump: (/** @type {string} */ name) => `Show where the text names ${name}`,
  mentionTooltip: (/** @type {string} */ name, /** @type {string} */ type, /** @type {string} */ tone) =>
    `${name} · ${type} · ${tone}`,
  scaleCurrent: 'this article',
};

const BAND_ORDER = /** @type {BandKey[]} */ (Object.keys(STRINGS.bands));

const SAMPLE_TITLE = 'Riverside bridge reopens to cheers, but costly delays anger residents';
const SAMPLE_TEXT = `The Riverside footbridge reopened on Saturday morning, two years after floods forced its closure, and hundreds of residents turned out to walk across it for the first time.

Families cheered as the mayor cut the ribbon, and shop owners said the crossing would bring welcome trade back to the old market quarter. "It is a wonderful day for the town," said Maria Okafor, who runs a bakery beside the river. "We have missed our customers terribly."

Yet the celebrations were overshadowed by anger over the cost. The repairs ran nearly four million pounds over budget, and an independent review published last month described the council's oversight as poor and the delays as avoidable. Several councillors called the overspend a scandal and demanded that the officials responsible be held to account.

Engineers said the new deck is stronger and safer than the original, with wider paths for cyclists and better lighting to reduce crime after dark. The council said it had learned painful lessons and would publish monthly progress reports on future schemes.

Not everyone is convinced. Residents on the east bank complained that construction noise disrupted their lives for months, and some said the promised compensation has still not arrived. "Nobody listened to us," said Alan Brooks, a retired teacher. "I am glad it is open, but I am disappointed by how we were treated."

The bridge will be open to pedestrians and cyclists from six in the morning until midnight. A formal inquiry into the overspend is expected to report next spring.`;

/** The entity list shows (and the text view outlines) at most this many, most salient first. */
const MAX_ENTITIES = 10;

/** Debounce delays for analyse-as-you-type, in milliseconds. */
const DEBOUNCE_TEXT_MS = 200;
const DEBOUNCE_HTML_MS = 600;

/** Block elements that end a paragraph when HTML is turned into text. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
/** Elements whose text is never article text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

// ---- small DOM helpers (text only, never HTML) ----------------------------------------------

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{className?: string, text?: string, attrs?: Record<string, string>}} [props]
 * @param {(Node | string)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id} in index.html`);
  return node;
}

/** A score with two decimals; never "-0.00". */
function formatScore(/** @type {number} */ score) {
  const fixed = score.toFixed(2);
  return fixed === '-0.00' ? '0.00' : fixed;
}

/** A signed share of the article score, e.g. "+0.12". */
function formatShare(/** @type {number} */ value) {
  const fixed = formatScore(value);
  return value > 0 && fixed !== '0.00' ? `+${fixed}` : fixed;
}

function bandName(/** @type {string} */ key) {
  return STRINGS.bands[/** @type {BandKey} */ (key)] ?? key;
}

// ---- input: plain text or HTML ----------------------------------------------------------------

/** True when the input looks like HTML markup rather than prose. */
export function looksLikeHtml(/** @type {string} */ input) {
  const head = input.trimStart().slice(0, 2000);
  if (/^<(!doctype|html|head|body|meta|article|main|section|div|p|h[1-6])\b/i.test(head)) return true;
  const tags = input.match(/<\/?(p|div|span|article|section|h[1-6]|a|li|br|body|html)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 3;
}

/**
 * Text of a (detached) DOM subtree, with a blank line between block elements, as a reader sees it.
 * @param {Node} root
 */
function blockText(root) {
  /** @type {string[]} */
  const parts = [];
  /** @param {Node} node */
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = /** @type {Element} */ (node).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n\n');
    for (const child of node.childNodes) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * The article in pasted HTML: Readability on a detached document, else the body's text.
 * @param {string} html
 * @returns {Input}
 */
export function extractArticle(html) {
  const parser = new DOMParser();
  const doc = parser.parseFromString(html, 'text/html');
  const pageTitle = (doc.title ?? '').trim();
  const readerable = isProbablyReaderable(doc);
  /** @type {{title?: string | null, content?: string | null} | null} */
  let article = null;
  try {
    // Readability changes the document it reads; this one is ours and detached.
    article = new Readability(doc, { charThreshold: 200 }).parse();
  } catch (e) {
    console.warn('Readability failed; falling back to the page text', e);
  }
  if (article?.content) {
    // Readability hands back HTML: parse it inertly again and read its text.
    const content = parser.parseFromString(article.content, 'text/html');
    return { title: (article.title ?? pageTitle).trim(), text: blockText(content.body), source: 'readability', readerable };
  }
  const fresh = parser.parseFromString(html, 'text/html');
  return { title: pageTitle, text: blockText(fresh.body), source: 'html-body', readerable };
}

/** @returns {Input} */
function readInput() {
  const raw = inputBox.value;
  const title = titleBox.value.trim();
  if (!looksLikeHtml(raw)) return { text: raw, title, source: 'text' };
  const article = extractArticle(raw);
  return { ...article, title: title || article.title };
}

// ---- rendering ---------------------------------------------------------------------------

/** @param {Analysis} result */
function renderSummary(result) {
  const verdict = byId('verdict');
  verdict.dataset.band = result.band;
  verdict.replaceChildren(
    el('span', { className: 'verdict-label', text: bandName(result.band) }),
    ' ',
    el('span', { className: 'verdict-score', text: formatScore(result.score) }),
  );
  verdict.setAttribute('aria-label', STRINGS.verdict(bandName(result.band), formatScore(result.score)));
  byId('stats').textContent = STRINGS.stats(result.stats);

  const notices = byId('notices');
  notices.replaceChildren(
    ...result.notices.map((key) =>
      el('li', { className: 'notice', text: STRINGS.notices[key] ?? STRINGS.unknownNotice(key), attrs: { 'data-notice': key } }),
    ),
  );

  const scale = byId('scale');
  scale.replaceChildren(
    ...BAND_ORDER.map((key) => {
      const current = key === result.band;
      const item = el('li', { attrs: { 'data-band': key } }, [el('span', { className: 'scale-name', text: bandName(key) })]);
      if (current) {
        item.setAttribute('aria-current', 'true');
        item.append(el('span', { className: 'scale-current', text: STRINGS.scaleCurrent }));
      }
      return item;
    }),
  );
}

/**
 * @param {HTMLElement} list
 * @param {Analysis} result
 * @param {number[]} indices
 */
function renderDrivingSentences(list, result, indices) {
  if (indices.length === 0) {
    list.replaceChildren(el('li', { className: 'none', text: STRINGS.noDrivers }));
    return;
  }
  list.replaceChildren(
    ...indices.map((i) => {
      const s = result.sentences[i];
      const link = el('a', { className: 'sentence-link', text: s.text, attrs: { href: `#sentence-${i}` } });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        focusSentence(i);
      });
      return el('li', { attrs: { 'data-band': s.band } }, [
        link,
        el('span', {
          className: 'meta',
          text: `${bandName(s.band)} ${formatScore(s.score)} · ${STRINGS.driverShare(formatShare(s.contribution))}`,
        }),
      ]);
    }),
  );
}

/**
 * @param {HTMLElement} list
 * @param {WordDriver[]} words
 */
function renderDrivingWords(list, words) {
  if (words.length === 0) {
    list.replaceChildren(el('li', { className: 'none', text: STRINGS.noDrivers }));
    return;
  }
  list.replaceChildren(
    ...words.map((w) =>
      el('li', {}, [
        el('span', { className: 'word', text: w.word }),
        el('span', { className: 'meta', text: `${formatShare(w.contribution)} · ${STRINGS.wordCount(w.count)}` }),
      ]),
    ),
  );
}

/** Scrolls to a sentence in the text view and highlights it briefly. */
function focusSentence(/** @type {number} */ index) {
  const node = document.getElementById(`sentence-${index}`);
  if (!node) return;
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  node.classList.remove('flash');
  void node.offsetWidth; // restart the animation
  node.classList.add('flash');
}

/**
 * Appends `source.slice(from, to)` to `parent`, the scored words in it as underlined spans (a word
 * cut by the range's edge is cut too).
 * @param {Element} parent
 * @param {string} source
 * @param {number} from
 * @param {number} to
 * @param {Token[]} tokens in text order
 */
function appendTokens(parent, source, from, to, tokens) {
  let at = from;
  for (const t of tokens) {
    const start = Math.max(t.start, at);
    const end = Math.min(t.end, to);
    if (end <= start) continue; // outside the range, or overlapping one already drawn
    if (start > at) parent.append(source.slice(at, start));
    parent.append(
      el('span', {
        className: 'token',
        text: source.slice(start, end),
        attrs: { 'data-sign': t.valence > 0 ? 'positive' : 'negative', title: STRINGS.tokenTooltip(formatShare(t.valence)) },
      }),
    );
    at = end;
  }
  if (to > at) parent.append(source.slice(at, to));
}

/**
 * Appends `source.slice(from, to)` to `parent`: entity mentions as outlined spans, scored words
 * underlined inside and around them.
 * @param {Element} parent
 * @param {string} source
 * @param {number} from
 * @param {number} to
 * @param {Token[]} tokens in text order
 * @param {Mark[]} marks in text order, not overlapping
 * @param {Entity[]} entities what the marks' `entity` indexes
 */
function appendMarked(parent, source, from, to, tokens, marks, entities) {
  let at = from;
  for (const m of marks) {
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, to);
    if (end <= start) continue;
    appendTokens(parent, source, at, start, tokens);
    const e = entities[m.entity];
    const type = STRINGS.entityTypes[e.type] ?? e.type;
    const span = el('span', {
      className: 'mention',
      attrs: {
        'data-entity': String(m.entity),
        'data-type': m.type,
        title: STRINGS.mentionTooltip(e.name, type, STRINGS.entityTone(bandName(e.band), formatScore(e.score))),
      },
    });
    appendTokens(span, source, start, end, tokens);
    parent.append(span);
    at = end;
  }
  appendTokens(parent, source, at, to, tokens);
}

/**
 * The mentions of the listed entities, in the title or in the text, sorted; a mention that
 * overlaps an earlier one is left out (the core does not make them; the rendering needs none).
 * @param {Entity[]} entities
 * @param {boolean} inTitle
 * @param {number} length of the string the offsets index
 * @returns {Mark[]}
 */
function marksOf(entities, inTitle, length) {
  /** @type {Mark[]} */
  const all = [];
  entities.forEach((e, entity) => {
    for (const m of e.mentions) {
      if (Boolean(m.in_title) !== inTitle) continue;
      if (m.start < m.end && m.end <= length) all.push({ start: m.start, end: m.end, entity, type: e.type });
    }
  });
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  /** @type {Mark[]} */
  const marks = [];
  for (const m of all) if (!marks.length || m.start >= marks[marks.length - 1].end) marks.push(m);
  return marks;
}

/** The marks that fall in [from, to). @param {Mark[]} marks @param {number} from @param {number} to */
const marksIn = (marks, from, to) => marks.filter((m) => m.end > from && m.start < to);

/**
 * One scored sentence as a tinted span, its scored words underlined and entity mentions outlined.
 * @param {string} source the string the offsets index (the text or the title)
 * @param {Sentence} s
 * @param {string} id
 * @param {Mark[]} marks
 * @param {Entity[]} entities
 */
function sentenceNode(source, s, id, marks, entities) {
  const band = bandName(s.band);
  const score = formatScore(s.score);
  const span = el('span', {
    className: 'sentence',
    attrs: {
      id,
      'data-band': s.band,
      title: STRINGS.sentenceTooltip(band, score, formatShare(s.contribution)),
      tabindex: '-1',
    },
  });
  appendMarked(span, source, s.start, s.end, s.tokens, marksIn(marks, s.start, s.end), entities);
  span.append(el('span', { className: 'visually-hidden', text: ` (${STRINGS.sentenceScore(band, score)})` }));
  return span;
}

/**
 * @param {Analysis} result
 * @param {Input} input
 */
function renderText(result, input) {
  const view = byId('text-view');
  const entities = listedEntities(result);
  const nodes = [];
  if (result.title) {
    const heading = el('h4', { className: 'title-line' }, [el('span', { className: 'visually-hidden', text: STRINGS.titlePrefix })]);
    const marks = marksOf(entities, true, input.title.length);
    heading.append(sentenceNode(input.title, result.title, 'sentence-title', marks, entities));
    nodes.push(heading);
  }
  const body = el('div', { className: 'body-text' });
  const marks = marksOf(entities, false, input.text.length);
  let at = 0;
  result.sentences.forEach((s, i) => {
    if (s.start > at) appendMarked(body, input.text, at, s.start, [], marksIn(marks, at, s.start), entities);
    body.append(sentenceNode(input.text, s, `sentence-${i}`, marks, entities));
    at = Math.max(at, s.end);
  });
  if (at < input.text.length) appendMarked(body, input.text, at, input.text.length, [], marksIn(marks, at, input.text.length), entities);
  nodes.push(body);
  view.replaceChildren(...nodes);
}

/** The entities the page lists and outlines: the most salient (the core's order). @param {Analysis} result */
function listedEntities(result) {
  return (result.entities ?? []).slice(0, MAX_ENTITIES);
}

/** Lights up (or down) every outlined mention of one entity. @param {number} index @param {boolean} on */
function lightMentions(index, on) {
  for (const node of byId('text-view').querySelectorAll(`.mention[data-entity="${index}"]`)) node.classList.toggle('lit', on);
}

/** Scrolls to an entity's first mention and flashes all of them. @param {number} index */
function showMentions(index) {
  const nodes = [...byId('text-view').querySelectorAll(`.mention[data-entity="${index}"]`)];
  if (!nodes.length) return;
  nodes[0].scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  for (const node of nodes) {
    node.classList.remove('flash');
    void (/** @type {HTMLElement} */ (node).offsetWidth); // restart the animation
    node.classList.add('flash');
  }
}

/**
 * The people, organisations and places, most salient first: name, type, a chip with the tone
 * toward each (band colour and band name), how often the text names them. The section is hidden
 * when there are none.
 * @param {Analysis} result
 */
function renderEntities(result) {
  const entities = listedEntities(result);
  byId('entities-section').hidden = entities.length === 0;
  byId('entities').replaceChildren(
    ...entities.map((e, i) => {
      const type = STRINGS.entityTypes[e.type] ?? e.type;
      const name = el('button', { className: 'entity-name', text: e.name, attrs: { type: 'button', 'aria-label': STRINGS.entityJump(e.name) } });
      name.addEventListener('click', () => showMentions(i));
      const item = el('li', { attrs: { 'data-entity': String(i), 'data-type': e.type } }, [
        name,
        el('span', { className: 'entity-type', text: type }),
        el('span', { className: 'chip', text: STRINGS.entityTone(bandName(e.band), formatScore(e.score)), attrs: { 'data-band': e.band } }),
        el('span', { className: 'meta', text: STRINGS.entityMentions(e.mentions.length) }),
      ]);
      for (const [event, on] of /** @type {[string, boolean][]} */ ([['mouseenter', true], ['mouseleave', false], ['focusin', true], ['focusout', false]])) {
        item.addEventListener(event, () => {
          item.classList.toggle('lit', on);
          lightMentions(i, on);
        });
      }
      return item;
    }),
  );
}

function renderLegend() {
  byId('legend').replaceChildren(
    ...BAND_ORDER.map((key) => el('li', { attrs: { 'data-band': key } }, [el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } }), bandName(key)])),
  );
}

/**
 * @param {Analysis} result
 * @param {Input} input
 */
function render(result, input) {
  renderSummary(result);
  const d = result.drivers;
  renderDrivingSentences(byId('up-sentences'), result, d.positive_sentences);
  renderDrivingSentences(byId('down-sentences'), result, d.negative_sentences);
  renderDrivingWords(byId('up-words'), d.positive_words);
  renderDrivingWords(byId('down-words'), d.negative_words);
  renderEntities(result);
  renderText(result, input);
}

// ---- wiring ------------------------------------------------------------------------------

const form = /** @type {HTMLFormElement} */ (byId('form'));
const inputBox = /** @type {HTMLTextAreaElement} */ (byId('input'));
const titleBox = /** @type {HTMLInputElement} */ (byId('title'));
const engineBox = /** @type {HTMLSelectElement} */ (byId('engine'));
const liveBox = /** @type {HTMLInputElement} */ (byId('live'));
const status = byId('status');

let ready = false;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let pending;

function setStatus(/** @type {string} */ message, /** @type {boolean} */ isError = false) {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

function run() {
  clearTimeout(pending);
  pending = undefined;
  if (!ready) return;
  try {
    const input = readInput();
    const started = performance.now();
    const result = /** @type {Analysis} */ (analyzeWith(input.text, { title: input.title || undefined, engine: engineBox.value }));
    const ms = performance.now() - started;
    render(result, input);
    const extracted =
      input.source === 'readability'
        ? STRINGS.extracted(input.title, input.text.length) + (input.readerable ? '' : ` ${STRINGS.notReaderable}`)
        : input.source === 'html-body'
          ? STRINGS.extractedBody(input.text.length)
          : '';
    setStatus([extracted, STRINGS.analysed(ms)].filter(Boolean).join(' '));
    document.body.dataset.state = 'analysed';
  } catch (e) {
    setStatus(STRINGS.failed(e instanceof Error ? e.message : String(e)), true);
    document.body.dataset.state = 'error';
  }
}

function schedule() {
  if (!liveBox.checked) return;
  clearTimeout(pending);
  pending = setTimeout(run, looksLikeHtml(inputBox.value) ? DEBOUNCE_HTML_MS : DEBOUNCE_TEXT_MS);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
  byId('result').focus({ preventScroll: true });
});
inputBox.addEventListener('input', schedule);
titleBox.addEventListener('input', schedule);
engineBox.addEventListener('change', run);
liveBox.addEventListener('change', () => {
  if (liveBox.checked) run();
});
byId('sample').addEventListener('click', () => {
  titleBox.value = SAMPLE_TITLE;
  inputBox.value = SAMPLE_TEXT;
  run();
});
byId('clear').addEventListener('click', () => {
  titleBox.value = '';
  inputBox.value = '';
  run();
  inputBox.focus();
});

async function start() {
  renderLegend();
  titleBox.value = SAMPLE_TITLE;
  inputBox.value = SAMPLE_TEXT;
  setStatus(STRINGS.loading);
  try {
    await init({ module_or_path: new URL('./pkg/undertone_bg.wasm', import.meta.url) });
  } catch (e) {
    setStatus(STRINGS.loadFailed(e instanceof Error ? e.message : String(e)), true);
    document.body.dataset.state = 'error';
    return;
  }
  ready = true;
  byId('version').textContent = version();
  run();
}

start();
