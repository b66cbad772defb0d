// Content script, part 2 of 4 (classic script): the badge by the headline and its card. Everything
// lives in an open shadow root (page CSS cannot reach it; tests can) and is built from nodes with
// textContent: page-derived strings never pass through an HTML parser.
'use strict';

(() => {
  const g = /** @type {any} */ (globalThis);
  if (g.__undertoneBadge) return; // injected twice

  const HOST_TAG = 'undertone-badge';
  /** Band keys from most negative to most positive; the badge's little scale marks the position. */
  const BANDS = ['very_negative', 'negative', 'mildly_negative', 'neutral', 'mildly_positive', 'positive', 'very_positive'];
  /** Wait this long after the pointer leaves before closing the card, so it can be reached. */
  const CLOSE_DELAY_MS = 250;

  const api = g.browser ?? g.chrome;
  /** @param {string} name @param {string[]} [subs] */
  const t = (name, subs) => api.i18n.getMessage(name, subs) || name;
  /** @param {number} score */
  const fmt = (score) => {
    const s = score.toFixed(2);
    return s === '-0.00' ? '0.00' : s;
  };
  /** @param {number} score */
  const signed = (score) => (score > 0 ? `+${fmt(score)}` : fmt(score));

  /** The band colours, shared with the headline badges (content/headlines.js). */
  const BAND_COLOURS = `
    .very_negative { --band: #9b1c1c; } .negative { --band: #c0392b; } .mildly_negative { --band: #b45309; }
    .neutral { --band: #4b5563; } .mildly_positive { --band: #4d7c0f; } .positive { --band: #15803d; } .very_positive { --band: #0b5e2e; }
  `;

  const STYLE = `
    :host { all: initial; }
    .wrap { position: relative; display: inline-block; font: 500 14px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; text-align: left; }
    button.badge { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px 3px 6px;
      background: #fff; color: #111; border: 2px solid var(--band); border-radius: 999px; cursor: pointer;
      box-shadow: 0 0 0 1px rgba(255,255,255,.85), 0 1px 3px rgba(0,0,0,.35); font: inherit; white-space: nowrap; }
    button.badge:focus-visible { outline: 3px solid #1a5fd0; outline-offset: 2px; }
    .scale { display: block; }
    .label { font-weight: 600; }
    .score { font-variant-numeric: tabular-nums; color: #333; }
    ${BAND_COLOURS}
    .card { position: absolute; z-index: 2147483647; top: calc(100% + 6px); left: 0; width: min(30rem, 86vw); max-height: 70vh; overflow: auto;
      box-sizing: border-box; padding: 12px 14px; background: #fff; color: #111; border: 1px solid #999; border-top: 4px solid var(--band);
      border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.3); font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    .card[hidden] { display: none; }
    .card h2 { all: unset; display: block; font-weight: 700; font-size: 15px; margin: 0 0 6px; }
    .card h3 { all: unset; display: block; font-weight: 650; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #444; margin: 10px 0 4px; }
    .card ol, .card ul { margin: 0; padding: 0 0 0 1.2em; }
    .card li { margin: 2px 0; }
    .card .s { font-variant-numeric: tabular-nums; font-weight: 600; margin-right: 6px; }
    .card .words { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
    .card .words li { margin: 0; padding: 1px 6px; border: 1px solid #bbb; border-radius: 4px; }
    .card .words li.pos::before { content: "+ "; } .card .words li.neg::before { content: "\\2212  "; }
    .card .note { color: #444; margin: 8px 0 0; font-size: 12px; }
    .card .entities { list-style: none; padding: 0; }
    .card .entities li { display: flex; align-items: baseline; gap: 6px; margin: 3px 0; }
    .card .entities .name { font-weight: 600; min-width: 0; overflow-wrap: anywhere; }
    .card .entities .type, .card .entities .sep { color: #444; font-size: 12px; white-space: nowrap; }
    .card .entities .chip { margin-left: auto; flex: none; padding: 0 6px; border: 1px solid var(--band); border-left-width: 4px; border-radius: 4px;
      background: color-mix(in srgb, var(--band) 10%, #fff); color: #111; font-size: 12px; font-variant-numeric: tabular-nums; white-space: nowrap; }
  `;

  /** @type {HTMLElement | null} */
  let host = null;

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {{className?: string, text?: string}} [props]
   * @param {(Node | null)[]} [children]
   */
  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    if (props.className) node.className = props.className;
    if (props.text !== undefined) node.textContent = props.text;
    for (const child of children) if (child) node.append(child);
    return node;
  }

  /** The seven-step scale with the band's step filled: the position reads without colour. @param {string} band */
  function scale(band) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('class', 'scale');
    svg.setAttribute('width', '29');
    svg.setAttribute('height', '14');
    svg.setAttribute('viewBox', '0 0 29 14');
    svg.setAttribute('aria-hidden', 'true');
    const at = BANDS.indexOf(band);
    BANDS.forEach((_, i) => {
      const rect = document.createElementNS(NS, 'rect');
      const on = i === at;
      rect.setAttribute('x', String(i * 4 + 0.5));
      rect.setAttribute('y', on ? '0.5' : '4.5');
      rect.setAttribute('width', '3');
      rect.setAttribute('height', on ? '13' : '5');
      rect.setAttribute('rx', '1');
      rect.setAttribute('fill', on ? 'var(--band)' : '#c8c8c8');
      if (on) rect.setAttribute('stroke', '#111'), rect.setAttribute('stroke-width', '0.6');
      svg.append(rect);
    });
    return svg;
  }

  /** @param {{text: string, score: number}[]} sentences */
  function sentenceList(sentences) {
    return el('ol', {}, sentences.map((s) => el('li', {}, [el('span', { className: 's', text: signed(s.score) }), document.createTextNode(s.text)])));
  }

  /**
   * The key entities, most salient first: name, type and a chip with the tone toward each (band
   * colour and band label, so it reads without colour). Null when the core found none.
   * @param {{name: string, type: string, score: number, band: string}[] | undefined} entities
   */
  function entityList(entities) {
    if (!entities?.length) return null;
    return el('ul', { className: 'entities' }, entities.map((e) => {
      const band = BANDS.includes(e.band) ? e.band : 'neutral';
      const type = t(`entityType_${e.type}`);
      const tone = `${t(`band_${band}`)} ${fmt(e.score)}`;
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

  /** @param {any} summary @param {string} label */
  function card(summary, label) {
    const entities = entityList(summary.entities);
    const words = [
      ...summary.positiveWords.map((/** @type {any} */ w) => ({ ...w, kind: 'pos' })),
      ...summary.negativeWords.map((/** @type {any} */ w) => ({ ...w, kind: 'neg' })),
    ];
    const node = el('div', { className: 'card' }, [
      el('h2', { text: t('cardHeading', [label, fmt(summary.score)]) }),
      entities ? el('h3', { text: t('entitiesHeading') }) : null,
      entities,
      summary.positive.length ? el('h3', { text: t('mostPositive') }) : null,
      summary.positive.length ? sentenceList(summary.positive) : null,
      summary.negative.length ? el('h3', { text: t('mostNegative') }) : null,
      summary.negative.length ? sentenceList(summary.negative) : null,
      !summary.positive.length && !summary.negative.length ? el('p', { className: 'note', text: t('noDrivers') }) : null,
      words.length ? el('h3', { text: t('topWords') }) : null,
      words.length
        ? el('ul', { className: 'words' }, words.map((w) => {
          const li = el('li', { className: w.kind, text: w.count > 1 ? `${w.word} ×${w.count}` : w.word });
          li.setAttribute('aria-label', t(w.kind === 'pos' ? 'wordPositive' : 'wordNegative', [w.word]));
          return li;
        }))
        : null,
      summary.truncated ? el('p', { className: 'note', text: t('truncatedNote') }) : null,
      ...summary.notices.map((/** @type {string} */ n) => el('p', { className: 'note', text: t(`notice_${n}`) })),
      el('p', { className: 'note', text: t('cardFooter', [String(summary.sentences)]) }),
    ]);
    node.id = 'undertone-card';
    node.setAttribute('role', 'region');
    node.setAttribute('aria-label', t('cardAria'));
    node.hidden = true;
    return node;
  }

  /**
   * Draws (or redraws) the badge after `heading`, or at the top of the page without one.
   * @param {any} summary the worker's Summary
   * @param {HTMLElement | null} heading
   */
  function draw(summary, heading) {
    remove();
    const band = BANDS.includes(summary.band) ? summary.band : 'neutral';
    const label = t(`band_${band}`);
    host = document.createElement(HOST_TAG);
    host.setAttribute('data-undertone', '');
    const root = host.attachShadow({ mode: 'open' });
    const style = el('style', { text: STYLE });
    const button = el('button', { className: `badge ${band}` }, [
      scale(band),
      el('span', { className: 'label', text: label }),
      el('span', { className: 'score', text: fmt(summary.score) }),
    ]);
    button.type = 'button';
    button.setAttribute('aria-label', t('badgeAria', [label, fmt(summary.score)]));
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', 'undertone-card');
    const panel = card(summary, label);
    panel.classList.add(band);
    const wrap = el('div', { className: 'wrap' }, [button, panel]);
    root.append(style, wrap);
    wire(wrap, button, panel);
    place(host, heading);
    return host;
  }

  /** @param {HTMLElement} wrap @param {HTMLButtonElement} button @param {HTMLElement} panel */
  function wire(wrap, button, panel) {
    let pinned = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let closing;
    const open = () => {
      clearTimeout(closing);
      panel.hidden = false;
      button.setAttribute('aria-expanded', 'true');
    };
    const close = () => {
      clearTimeout(closing);
      pinned = false;
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
    };
    wrap.addEventListener('mouseenter', open);
    wrap.addEventListener('mouseleave', () => {
      if (pinned || wrap.matches(':focus-within')) return;
      closing = setTimeout(close, CLOSE_DELAY_MS);
    });
    wrap.addEventListener('focusin', open);
    wrap.addEventListener('focusout', (event) => {
      if (!wrap.contains(/** @type {Node | null} */ (event.relatedTarget))) close();
    });
    button.addEventListener('click', () => {
      pinned = !pinned || Boolean(panel.hidden);
      if (pinned) open();
      else close();
    });
    wrap.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !panel.hidden) {
        event.stopPropagation();
        close();
        button.focus();
      }
    });
  }

  /**
   * Puts the host right after the heading, pulled up over the heading's bottom margin so it sits by
   * the headline (the margin is restored below the badge).
   * @param {HTMLElement} node @param {HTMLElement | null} heading
   */
  function place(node, heading) {
    const css = ['display: block', 'position: relative', 'z-index: 2147483646', 'text-align: start', 'visibility: visible', 'opacity: 1'];
    if (heading && heading.parentNode) {
      const gap = Number.parseFloat(getComputedStyle(heading).marginBottom) || 0;
      const pull = Math.max(0, gap - 6);
      css.push(`margin: ${-pull}px 0 ${pull}px 0`);
      heading.after(node);
    } else {
      css.push('position: fixed', 'top: 12px', 'right: 12px');
      document.documentElement.append(node);
    }
    node.setAttribute('style', css.map((rule) => `${rule} !important`).join('; '));
  }

  function remove() {
    host?.remove();
    host = null;
    for (const stale of document.querySelectorAll(`${HOST_TAG}[data-undertone]`)) stale.remove();
  }

  g.__undertoneBadge = { draw, remove, t, formatScore: fmt, BAND_COLOURS };
})();
