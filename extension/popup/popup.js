// The toolbar popup: the current tab's analysis, or the way to get one. Also works as a page at
// popup/popup.html?tab=<tabId> (the tests open it like that), which targets that tab.

import { el, localiseStatic } from './dom.js';
import { api, bandLabel, formatScore, Kind, send, t } from '../shared/messaging.js';

/** Fewer sentences than this make no picture worth drawing. */
const MIN_PROFILE_POINTS = 3;

const app = /** @type {HTMLElement} */ (document.getElementById('app'));
localiseStatic(t);
main().catch(showError);

async function main() {
  const tabId = await targetTab();
  render(tabId, await send({ kind: Kind.GET_TAB_STATE, tabId }));
}

/** The tab from `?tab=`, else the active tab of this window. */
async function targetTab() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) return Number(param);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return tab.id;
}

/**
 * @param {number} tabId
 * @param {any} state the worker's tabState
 */
function render(tabId, state) {
  app.replaceChildren(el('h1', { text: t('popupTitle') }));
  app.dataset.status = state.status;
  switch (state.status) {
    case 'unreadable':
      app.append(el('p', { className: 'status', id: 'message', text: t(`unreadable_${state.reason}`) }));
      return; // nothing to offer: no button, no switch
    case 'analysed':
      app.append(...analysis(state.summary));
      break;
    case 'not_article':
    case 'no_text':
      app.append(el('p', { className: 'status', id: 'message', text: t(state.status === 'no_text' ? 'noText' : 'notArticle') }));
      if (state.headlines > 0) {
        app.append(el('p', { className: 'note', id: 'headlines', text: t('headlinesMarked', [String(state.headlines)]) }));
      }
      app.append(analyseButton(tabId, t('analyseAnyway')));
      break;
    default:
      app.append(el('p', { className: 'status', id: 'message', text: t('notAnalysed') }));
      app.append(analyseButton(tabId, t('analyseButton')));
      if (state.access === false) app.append(el('p', { className: 'note', text: t('needsAccess') }));
  }
  if (state.site) app.append(siteSwitch(tabId, state.site));
}

/** @param {number} tabId @param {string} text */
function analyseButton(tabId, text) {
  const button = el('button', { className: 'primary', id: 'analyse', text });
  button.type = 'button';
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = t('analysing');
    try {
      render(tabId, await send({ kind: Kind.ANALYZE_TAB, tabId }));
    } catch (error) {
      button.disabled = false;
      button.textContent = text;
      showError(error);
    }
  });
  return button;
}

/**
 * "Show badges automatically on this site". The permission request must come straight from the
 * click (browsers require a user gesture), so it is the first thing the handler does.
 * @param {number} tabId
 * @param {{site: string, enabled: boolean, fixed: boolean}} site
 */
function siteSwitch(tabId, site) {
  const input = el('input', { id: 'site-switch' });
  input.type = 'checkbox';
  input.checked = site.enabled;
  input.disabled = site.fixed;
  const label = el('label', { className: 'switch' }, [input, el('span', { text: t('siteSwitch') })]);
  const host = new URL(site.site).host;
  const box = el('div', {}, [label]);
  if (site.fixed) box.append(el('p', { className: 'note', text: t('siteFixed') }));
  input.addEventListener('change', () => {
    if (input.checked) {
      api.permissions.request({ origins: [`${site.site}/*`] }).then(
        async (granted) => {
          if (!granted) {
            input.checked = false;
            box.append(el('p', { className: 'note', text: t('siteDenied') }));
            return;
          }
          await send({ kind: Kind.SET_SITE_ENABLED, site: site.site, enabled: true });
          const state = await send({ kind: Kind.GET_TAB_STATE, tabId });
          render(tabId, state.status === 'none' ? await send({ kind: Kind.ANALYZE_TAB, tabId }) : state);
        },
        (error) => {
          input.checked = false;
          showError(error);
        },
      );
    } else {
      send({ kind: Kind.SET_SITE_ENABLED, site: site.site, enabled: false }).catch(showError);
    }
  });
  input.title = host;
  return box;
}

/** @param {any} summary */
function analysis(summary) {
  const label = bandLabel(summary.band);
  const verdict = el('div', { className: `verdict ${summary.band}`, id: 'verdict' }, [
    el('span', { className: 'label', text: label }),
    el('span', { className: 'score', text: formatScore(summary.score) }),
  ]);
  verdict.setAttribute('aria-label', t('badgeAria', [label, formatScore(summary.score)]));
  /** @type {Element[]} */
  const parts = [verdict];
  if (summary.title) parts.push(el('p', { className: 'article-title', text: summary.title }));
  if (summary.profile.length >= MIN_PROFILE_POINTS) parts.push(el('h2', { text: t('profileHeading') }), sparkline(summary.profile));
  if (summary.entities?.length) parts.push(el('h2', { text: t('entitiesHeading') }), entities(summary.entities));
  if (summary.positive.length) parts.push(el('h2', { text: t('mostPositive') }), sentences(summary.positive));
  if (summary.negative.length) parts.push(el('h2', { text: t('mostNegative') }), sentences(summary.negative));
  const words = [
    ...summary.positiveWords.map((/** @type {any} */ w) => ({ ...w, kind: 'pos' })),
    ...summary.negativeWords.map((/** @type {any} */ w) => ({ ...w, kind: 'neg' })),
  ];
  if (words.length) {
    parts.push(
      el('h2', { text: t('topWords') }),
      el('ul', { className: 'words' }, words.map((w) => {
        const li = el('li', { className: w.kind, text: w.count > 1 ? `${w.word} ×${w.count}` : w.word });
        li.setAttribute('aria-label', t(w.kind === 'pos' ? 'wordPositive' : 'wordNegative', [w.word]));
        return li;
      })),
    );
  }
  if (summary.truncated) parts.push(el('p', { className: 'note', text: t('truncatedNote') }));
  for (const notice of summary.notices) parts.push(el('p', { className: 'note', text: t(`notice_${notice}`) }));
  parts.push(el('p', { className: 'note', text: t('cardFooter', [String(summary.sentences)]) }));
  return parts;
}

/** The band keys the chips know (shared/bands.css); anything else is drawn as neutral. */
const BANDS = new Set(['very_negative', 'negative', 'mildly_negative', 'neutral', 'mildly_positive', 'positive', 'very_positive']);

/**
 * The key entities, most salient first: name, type and a chip with the tone toward each (band
 * colour and band label, so it reads without colour).
 * @param {{name: string, type: string, score: number, band: string}[]} list
 */
function entities(list) {
  return el('ul', { className: 'entities', id: 'entities' }, list.map((e) => {
    const band = BANDS.has(e.band) ? e.band : 'neutral';
    const type = t(`entityType_${e.type}`);
    const tone = `${bandLabel(band)} ${formatScore(e.score)}`;
    const sep = el('span', { className: 'sep', text: '·' });
    sep.setAttribute('aria-hidden', 'true');
    const li = el('li', {}, [
      el('span', { className: 'name', text: e.name }),
      sep,
      el('span', { className: 'type', text: type }),
      el('span', { className: `chip ${band}`, text: tone }),
    ]);
    li.setAttribute('aria-label', t('entityAria', [e.name, type, tone]));
    return li;
  }));
}

/** @param {{text: string, score: number}[]} list */
function sentences(list) {
  return el('ol', {}, list.map((s) => el('li', {}, [
    el('span', { className: 's', text: s.score > 0 ? `+${formatScore(s.score)}` : formatScore(s.score) }),
    document.createTextNode(s.text),
  ])));
}

/**
 * One bar per sentence (or bucket of sentences), up for positive, down for negative, in article
 * order. Built from SVG elements.
 * @param {number[]} scores
 */
function sparkline(scores) {
  const NS = 'http://www.w3.org/2000/svg';
  const width = 328;
  const height = 64;
  const mid = height / 2;
  const step = width / scores.length;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'profile');
  svg.setAttribute('id', 'profile');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  const pos = scores.filter((s) => s >= 0.05).length;
  const neg = scores.filter((s) => s <= -0.05).length;
  svg.setAttribute('aria-label', t('profileAria', [String(scores.length), String(pos), String(neg)]));
  const axis = document.createElementNS(NS, 'line');
  axis.setAttribute('class', 'axis');
  axis.setAttribute('x1', '0');
  axis.setAttribute('x2', String(width));
  axis.setAttribute('y1', String(mid));
  axis.setAttribute('y2', String(mid));
  svg.append(axis);
  scores.forEach((score, i) => {
    const h = Math.max(Math.abs(score) * (mid - 2), score === 0 ? 0 : 1);
    const rect = document.createElementNS(NS, 'rect');
    rect.setAttribute('class', score >= 0 ? 'pos' : 'neg');
    rect.setAttribute('x', (i * step + step * 0.1).toFixed(2));
    rect.setAttribute('width', Math.max(step * 0.8, 0.5).toFixed(2));
    rect.setAttribute('y', (score >= 0 ? mid - h : mid).toFixed(2));
    rect.setAttribute('height', h.toFixed(2));
    svg.append(rect);
  });
  return svg;
}

/** @param {unknown} error */
function showError(error) {
  const message = String(/** @type {any} */ (error)?.message ?? error);
  app.querySelector('.error')?.remove();
  app.append(el('p', { className: 'error', id: 'error', text: t('analyseFailed', [message]) }));
}
