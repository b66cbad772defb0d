// End-to-end tests of the key entities in the product: the badge's card and the popup list the
// most salient people, organisations and places with their type and the tone toward each, agree
// with the CLI, show nothing when there are none, and keep hostile names inert.
//   node --test tests/e2e/        (after ./build.sh build and cargo build --release --bin undertone)

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { DIST } from './lib/browser.mjs';
import { entities as cliEntities, formatScore, skewHint } from './lib/cli.mjs';
import { startSession } from './lib/session.mjs';
import { startServer } from './lib/server.mjs';
import { BADGE, CARD } from './lib/screens.mjs';

/** The card and the popup list at most this many entities (extension/background/engine.js). */
const MAX_ENTITIES = 5;
const HOSTILE_IMG = '<img src=x onerror=window.__pwned=1>';
const HOSTILE_SCRIPT = '<script>window.__pwned=1</script>';

/** The demo page: a title and a text with characters outside the BMP (two UTF-16 code units
 * each) and accents before the names, so offsets in any other unit would cut the names wrongly. */
const DEMO_TITLE = '🚆 Atlantica Rail Group wins São Paulo contract as Ana Ferreira hails a victory';
const DEMO_TEXT = [
  '🎉🎉 Prime Minister Ana Ferreira praised Atlantica Rail Group for its wonderful, generous offer, and thanked the people of São Paulo.',
  '“Ferreira has done brilliantly,” said Rui Matos, the chief executive of the state rail company, who was delighted. 😀',
  'Farmers near Campinas warned that the line would ruin their land, and the Green Party called the plan a costly disaster.',
].join('\n\n');

/** @type {import('./lib/session.mjs').Session['server']} */
let server;
/** @type {import('./lib/browser.mjs').Harness} */
let h;
/** The display strings (the one table): band labels, type words, the heading. */
let messages;

/** @type {import('./lib/session.mjs').Session | undefined} */
let session;

before(async () => {
  session = await startSession('extension-test');
  ({ server, h } = session);
  messages = JSON.parse(await readFile(join(session.dir, '_locales', 'en', 'messages.json'), 'utf8'));
});

after(async () => {
  await session?.close();
});

/** @param {string} name */
const msg = (name) => {
  assert.ok(messages[name], `messages.json has ${name}`);
  return messages[name].message;
};

/**
 * The rows of an entity list as shown: name, type word, chip text and chip class.
 * @param {import('playwright-core').Locator} list
 */
async function rows(list) {
  return list.locator('li').evaluateAll((items) =>
    items.map((li) => ({
      name: li.querySelector('.name')?.textContent ?? '',
      type: li.querySelector('.type')?.textContent ?? '',
      chip: li.querySelector('.chip')?.textContent ?? '',
      chipClass: li.querySelector('.chip')?.className ?? '',
      aria: li.getAttribute('aria-label') ?? '',
    })),
  );
}

/**
 * Checks shown rows against the worker's summary, the CLI and the article.
 * @param {Awaited<ReturnType<typeof rows>>} shown
 * @param {any} record the worker's record for the tab (with the request the test build keeps)
 */
function checkRows(shown, record) {
  const { title, text } = record.request;
  const [expected] = cliEntities([{ id: 'page', title, text }]);
  const top = expected.entities.slice(0, MAX_ENTITIES);
  assert.deepEqual(
    shown.map((r) => r.name),
    top.map((e) => e.name),
    `the most salient entities, in the CLI's order${skewHint()}`,
  );
  const types = { PER: msg('entityType_PER'), ORG: msg('entityType_ORG'), LOC: msg('entityType_LOC') };
  shown.forEach((row, i) => {
    const e = top[i];
    assert.ok(`${title}\n${text}`.includes(row.name), `"${row.name}" appears in the article`);
    assert.equal(row.type, types[/** @type {keyof types} */ (e.type)], `${row.name}: the type word`);
    // The chip says the band in words (it reads without colour) and has the band's colour class.
    assert.equal(row.chip, `${msg(`band_${e.band}`)} ${formatScore(e.score)}`, `${row.name}: the chip`);
    assert.equal(msg(`band_${e.band}`), e.label, 'the band label is the core\'s label');
    assert.ok(row.chipClass.split(' ').includes(e.band), `${row.name}: the chip has the band class`);
    assert.equal(row.aria, `${row.name}, ${row.type}: tone ${row.chip}`);
  });
  assert.deepEqual(record.summary.entities.map((/** @type {any} */ e) => e.name), top.map((e) => e.name));
}

/** Whether the list's heading is there (its text, whatever the CSS does to its case). @param {import('playwright-core').Locator} where */
async function hasHeading(where) {
  return (await where.textContent())?.includes(msg('entitiesHeading')) ?? false;
}

/** @param {number} tabId */
async function popupFor(tabId) {
  const popup = await h.popup(tabId);
  await popup.locator('#verdict').waitFor();
  return popup;
}

describe('key entities', () => {
  it('the card and the popup list the article\'s people, organisations and places with a type and a tone', async () => {
    const { page, tabId } = await h.openTab(server.url('/entities.html'));
    const badge = page.locator(BADGE);
    await badge.waitFor();
    const record = await h.record(tabId);
    assert.equal(record.status, 'analysed');

    await badge.hover();
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible' });
    const list = card.locator('ul.entities');
    const shown = await rows(list);
    assert.ok(shown.length >= 3 && shown.length <= MAX_ENTITIES, `${shown.length} entities in the card`);
    checkRows(shown, record);
    const names = shown.map((r) => r.name);
    for (const name of ['Atlantica Rail Group', 'Ana Ferreira', 'Lisbon']) assert.ok(names.includes(name), `the card names ${name}`);
    assert.ok(new Set(shown.map((r) => r.type)).size >= 3, 'a person, an organisation and a place');
    assert.ok(await hasHeading(card), 'the list has its heading');

    const popup = await popupFor(tabId);
    const popupRows = await rows(popup.locator('#entities'));
    assert.deepEqual(popupRows, shown, 'the popup lists the same entities as the card');
    assert.ok(await hasHeading(popup.locator('#app')));
    await popup.close();
    await page.close();
  });

  it('shows no entity list and no heading when the article names no one', async () => {
    const { page, tabId } = await h.openTab(server.url('/no-names.html'));
    const badge = page.locator(BADGE);
    await badge.waitFor();
    const record = await h.record(tabId);
    assert.deepEqual(record.summary.entities, [], `the core finds no entity in no-names.html${skewHint()}`);
    await badge.focus();
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible' });
    assert.equal(await card.locator('.entities').count(), 0);
    assert.equal(await hasHeading(card), false);
    const popup = await popupFor(tabId);
    assert.equal(await popup.locator('#entities').count(), 0);
    assert.equal(await hasHeading(popup.locator('#app')), false);
    await popup.close();
    await page.close();
  });

  it('keeps markup in and around entity names inert text (card and popup)', async () => {
    const { page, tabId } = await h.openTab(server.url('/hostile-entities.html'));
    const badge = page.locator(BADGE);
    await badge.waitFor();
    const record = await h.record(tabId);
    assert.ok(record.request.title.includes(HOSTILE_IMG) && record.request.text.includes(HOSTILE_SCRIPT));
    await badge.focus();
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible' });
    const shown = await rows(card.locator('ul.entities'));
    assert.ok(shown.length > 0, 'the card lists entities');
    checkRows(shown, record);
    const inside = await page.locator('undertone-badge').evaluate((host) => ({
      elements: host.shadowRoot?.querySelectorAll('img, script, iframe, object, b').length ?? -1,
      pwned: /** @type {any} */ (globalThis).__pwned,
    }));
    assert.deepEqual(inside, { elements: 0, pwned: undefined }, 'no element from the page text, nothing ran');
    assert.equal(await page.locator('img, script').count(), 0, 'no img or script element anywhere in the page');

    // The core never makes a name of markup, so give the popup names that are nothing but markup:
    // the worker's record of the tab, as an attacker-chosen page text could make it.
    const names = [HOSTILE_IMG, HOSTILE_SCRIPT, '"><svg onload=window.__pwned=1>', '&lt;b&gt;Acme&amp;amp;'];
    await h.control.evaluate(
      async ({ key, names }) => {
        const chrome = /** @type {any} */ (globalThis).chrome;
        const stored = (await chrome.storage.session.get(key))[key];
        stored.summary.entities = names.map((name, i) => ({ ...stored.summary.entities[i % stored.summary.entities.length], name }));
        await chrome.storage.session.set({ [key]: stored });
      },
      { key: `tab:${tabId}`, names },
    );
    const popup = await popupFor(tabId);
    const popupRows = await rows(popup.locator('#entities'));
    assert.deepEqual(popupRows.map((r) => r.name), names, 'the names are shown as they are, as text');
    const state = await popup.evaluate(() => ({
      elements: /** @type {any} */ (globalThis).document.querySelectorAll('#app img, #app script, #app svg:not(#profile), #app b').length,
      pwned: /** @type {any} */ (globalThis).__pwned,
    }));
    assert.deepEqual(state, { elements: 0, pwned: undefined });
    await popup.close();
    await page.close();
  });
});

describe('key entities on the demo page', () => {
  /** @type {Awaited<ReturnType<typeof startServer>> | undefined} */
  let www;
  before(async () => {
    const root = join(DIST, 'www') + sep;
    if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} is not built: run ./build.sh build`);
    www = await startServer((path) => {
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      return file.startsWith(root) ? { file } : null;
    });
  });
  after(() => www?.close());

  it('lists the entities with type and chip and outlines their mentions (UTF-16 offsets)', async () => {
    assert.ok(www);
    const page = await h.ctx.newPage();
    // localhost, not 127.0.0.1: the test build runs its content script on 127.0.0.1 pages.
    await page.goto(www.url('/').replace('127.0.0.1', 'localhost'));
    await page.locator('body[data-state="analysed"]').waitFor();
    await page.locator('#live').uncheck();
    await page.locator('#title').fill(DEMO_TITLE);
    await page.locator('#input').fill(DEMO_TEXT);
    await page.locator('#analyse').click();
    await page.locator('#entities .entity-name', { hasText: 'Ana Ferreira' }).waitFor();

    const items = await page.locator('#entities li').evaluateAll((lis) =>
      lis.map((li) => ({
        index: li.getAttribute('data-entity'),
        name: li.querySelector('.entity-name')?.textContent ?? '',
        type: li.querySelector('.entity-type')?.textContent ?? '',
        chip: li.querySelector('.chip')?.textContent ?? '',
      })),
    );
    const mentions = await page.locator('#text-view .mention').evaluateAll((spans) =>
      spans.map((span) => ({
        index: span.getAttribute('data-entity'),
        text: span.textContent ?? '',
        inTitle: Boolean(span.closest('.title-line')),
      })),
    );
    const bands = ['very negative', 'negative', 'mildly negative', 'neutral', 'mildly positive', 'positive', 'very positive'];
    const names = items.map((item) => item.name);
    for (const name of ['Ana Ferreira', 'Atlantica Rail Group', 'São Paulo']) assert.ok(names.includes(name), `the demo lists ${name}`);
    for (const item of items) {
      assert.ok(['Person', 'Organisation', 'Place'].includes(item.type), `${item.name}: type "${item.type}"`);
      const chip = item.chip.match(/^(.+) (-?\d\.\d\d)$/);
      assert.ok(chip && bands.includes(chip[1]), `${item.name}: chip "${item.chip}"`);
      const own = mentions.filter((m) => m.index === item.index);
      assert.ok(own.length > 0, `${item.name} is outlined in the text`);
      // Every outlined mention is the name or a part of it ("Ferreira", "Atlantica"), cut exactly.
      for (const m of own) assert.ok(item.name.includes(m.text) && m.text.trim() === m.text, `${item.name}: mention "${m.text}"`);
      assert.ok(own.some((m) => m.text === item.name), `${item.name}: one mention is written as the name`);
    }
    for (const name of ['Atlantica Rail Group', 'São Paulo', 'Ana Ferreira']) {
      assert.ok(mentions.some((m) => m.inTitle && m.text === name), `${name} is outlined in the title`);
    }

    // Hovering an entity lights up its mentions.
    const ana = page.locator('#entities li', { has: page.locator('.entity-name', { hasText: 'Ana Ferreira' }) });
    await ana.hover();
    const lit = await page.locator('#text-view .mention.lit').allTextContents();
    assert.ok(lit.length >= 2 && lit.every((text) => 'Ana Ferreira'.includes(text)), `lit: ${lit.join(', ')}`);

    // A text that names no one: no list, no heading.
    await page.locator('#title').fill('');
    await page.locator('#input').fill('the bakery on the corner reopened this week, and the bread was wonderful.');
    await page.locator('#analyse').click();
    await page.locator('#entities-section').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#text-view .mention').count(), 0);
    await page.close();
  });
});
