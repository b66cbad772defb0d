// End-to-end tests of the test build (dist/extension-test): it holds the host permission for
// 127.0.0.1 and runs the content script there automatically (except under /manual/).
//   node --test tests/e2e/        (after ./build.sh build and cargo build --release --bin undertone)

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { DIST } from './lib/browser.mjs';
import { formatScore, score, skewHint } from './lib/cli.mjs';
import { STRICT_CSP } from './lib/fixtures.mjs';
import { startSession } from './lib/session.mjs';
import { BADGE, CARD, takeScreenshots } from './lib/screens.mjs';

/** The headline must be at most this far from the badge. */
const MAX_BADGE_DISTANCE_PX = 24;
/** Page furniture in article.html that must never reach the worker. */
const FURNITURE = [
  'Front page', 'Worldwide desk', 'Sign in to the Gazette', // navigation
  'gullwatcher', 'taxpayer money', 'quayside_ann', 'Disgusting neglect', 'Comments (3)', // comments
  'Morning Tide', 'delivered free to your inbox', 'Sign up', // newsletter box
  'Request a Demo', // a call to action inside the article body
  'Privacy policy', // footer
];
const HOSTILE_IMG = '<img src=x onerror=window.__pwned=1>';
const HOSTILE_SCRIPT = '<script>window.__pwned=1</script>';

/** @type {import('./lib/session.mjs').Session['server']} */
let server;
/** @type {import('./lib/browser.mjs').Harness} */
let h;

/** @type {import('./lib/session.mjs').Session | undefined} */
let session;

before(async () => {
  session = await startSession('extension-test');
  ({ server, h } = session);
});

after(async () => {
  await session?.close();
});

/**
 * Distance in px between two boxes (0 when they touch or overlap).
 * @param {{x: number, y: number, width: number, height: number}} a
 * @param {{x: number, y: number, width: number, height: number}} b
 */
function distance(a, b) {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

/** @param {string} s */
const normalise = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Checks the badge on `page` against the CLI's verdict for the text the worker received.
 * @param {import('playwright-core').Page} page
 * @param {number} tabId
 */
async function checkBadgeAgainstCli(page, tabId) {
  const badge = page.locator(BADGE);
  await badge.waitFor();
  const record = await h.record(tabId);
  assert.equal(record.status, 'analysed');
  const { title, text } = record.request;
  const [expected] = score([{ id: 'page', title, text }]);
  const label = normalise(await badge.locator('.label').innerText());
  const shown = await badge.locator('.score').innerText();
  assert.equal(label, expected.label, `badge label equals the CLI label${skewHint()}`);
  assert.equal(shown, formatScore(expected.score), `badge score equals the CLI score (2 decimals)${skewHint()}`);
  assert.equal(record.summary.band, expected.band);
  assert.equal(
    await badge.getAttribute('aria-label'),
    `Undertone: tone ${expected.label}, score ${formatScore(expected.score)}`,
  );
  return { record, expected };
}

/**
 * Waits for the worker's verdict on a page the content script decided to leave alone.
 * @param {number} tabId
 */
async function expectSkipped(tabId) {
  const record = await h.record(tabId);
  assert.equal(record.status, 'not_article');
  assert.equal(record.request, undefined, 'nothing was sent for analysis');
}

describe('automatic badge (test build: 127.0.0.1 pre-granted)', () => {
  it('puts the badge by the headline, agreeing with the CLI, with only article text sent', async () => {
    const { page, tabId } = await h.openTab(server.url('/article.html'));
    const { record } = await checkBadgeAgainstCli(page, tabId);
    const { title, text } = record.request;

    // The heading whose text matches the title, and the badge right by it.
    const headings = await page.locator('h1, h2').all();
    let heading = null;
    for (const candidate of headings) {
      if (normalise(await candidate.innerText()) === normalise(title)) heading = candidate;
    }
    assert.ok(heading, `a heading matches the title "${title}"`);
    const headingBox = await heading.boundingBox();
    const badgeBox = await page.locator(BADGE).boundingBox();
    assert.ok(headingBox && badgeBox);
    const gap = distance(headingBox, badgeBox);
    assert.ok(gap <= MAX_BADGE_DISTANCE_PX, `badge is ${gap.toFixed(1)} px from the heading`);

    // Only the article reached the worker.
    for (const phrase of FURNITURE) assert.ok(!text.includes(phrase), `"${phrase}" reached the worker`);
    assert.match(text, /^The new tidal barrier at Port Wenham held firm/);
    assert.match(text, /cheerful and proud\.$/);
    assert.equal(text.split('\n\n').length, 6, 'six paragraphs, separated by blank lines');
    assert.equal(record.request.truncated, false);

    // The page's own CSS (article.html sets span/button colour, size and spacing with !important)
    // does not reach into the badge.
    const look = await page.locator(`${BADGE} .label`).evaluate((node) => {
      const style = /** @type {any} */ (globalThis).getComputedStyle(node);
      return { color: style.color, size: style.fontSize, spacing: style.letterSpacing };
    });
    assert.deepEqual(look, { color: 'rgb(17, 17, 17)', size: '14px', spacing: 'normal' });
    await page.close();
  });

  it('still shows the badge under a strict CSP (the wasm runs in the worker)', async () => {
    const { page, tabId, response } = await h.openTab(server.url('/csp/article.html'));
    assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
    await checkBadgeAgainstCli(page, tabId);
    await page.close();
  });

  for (const fixture of ['login.html', 'links.html']) {
    it(`leaves a page that is not an article alone (${fixture})`, async () => {
      const { page, tabId } = await h.openTab(server.url(`/${fixture}`));
      await expectSkipped(tabId);
      assert.equal(await page.locator('undertone-badge').count(), 0);
      await page.close();
    });
  }

  it('caps a very long article at 200,000 characters, at a paragraph break, and says so', async () => {
    const { page, tabId } = await h.openTab(server.url('/generated/long.html'));
    const { record } = await checkBadgeAgainstCli(page, tabId);
    assert.equal(record.request.truncated, true);
    assert.ok(record.request.text.length <= 200_000 && record.request.text.length > 190_000);
    assert.match(record.request.text, /adjourned until the next morning\.$/, 'cut after a whole paragraph');
    assert.equal(record.summary.truncated, true);
    await page.locator(BADGE).focus();
    await page.locator(CARD).waitFor({ state: 'visible' });
    assert.match(await page.locator(CARD).innerText(), /only its first 200,000 characters/);
    await page.close();
  });

  it('shows hostile strings as inert text', async () => {
    const { page, tabId } = await h.openTab(server.url('/hostile.html'));
    const { record } = await checkBadgeAgainstCli(page, tabId);
    assert.ok(record.request.title.includes(HOSTILE_IMG));
    await page.locator(BADGE).focus();
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible' });
    const cardText = await card.innerText();
    assert.ok(cardText.includes(HOSTILE_IMG), 'the img markup is shown as text in the card');
    assert.ok(cardText.includes(HOSTILE_SCRIPT), 'the script markup is shown as text in the card');
    const inside = await page.locator('undertone-badge').evaluate((host) => ({
      elements: host.shadowRoot?.querySelectorAll('img, script, iframe, object').length ?? -1,
      pwned: /** @type {any} */ (globalThis).__pwned,
    }));
    assert.equal(inside.elements, 0, 'no img/script element inside the shadow root');
    assert.equal(inside.pwned, undefined, 'window.__pwned stays undefined');
    assert.equal(await page.locator('img').count(), 0, 'no img element anywhere in the page');
    await page.close();
  });

  it('opens the card with the driving sentences on hover and on focus', async () => {
    const { page, tabId } = await h.openTab(server.url('/article.html'));
    const badge = page.locator(BADGE);
    await badge.waitFor();
    const { summary } = await h.record(tabId);
    const card = page.locator(CARD);
    assert.equal(await card.isVisible(), false, 'closed at first');

    await badge.hover();
    await card.waitFor({ state: 'visible' });
    const text = await card.innerText();
    assert.ok(summary.positive.length > 0 && summary.negative.length > 0, 'the article has drivers both ways');
    for (const s of [...summary.positive, ...summary.negative]) assert.ok(text.includes(s.text), `card shows "${s.text}"`);
    assert.match(text, /Most positive sentences/i);
    assert.match(text, /Most negative sentences/i);
    assert.equal(await badge.getAttribute('aria-expanded'), 'true');

    await page.mouse.move(5, 790);
    await card.waitFor({ state: 'hidden' });
    await badge.focus();
    await card.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    await page.close();
  });
});

describe('popup (opened as a page for a tab)', () => {
  it('shows the label, score, drivers and sentence picture of an analysed tab', async () => {
    const { page, tabId } = await h.openTab(server.url('/article.html'));
    await page.locator(BADGE).waitFor();
    const { summary } = await h.record(tabId);
    const popup = await h.popup(tabId);
    const verdict = popup.locator('#verdict');
    await verdict.waitFor();
    assert.equal(normalise(await verdict.locator('.label').innerText()), summary.label);
    assert.equal(await verdict.locator('.score').innerText(), formatScore(summary.score));
    assert.equal(await popup.locator('#profile rect').count(), summary.profile.length);
    assert.ok(summary.profile.length > 5);
    const body = await popup.locator('#app').innerText();
    assert.ok(body.includes(summary.positive[0].text));
    assert.ok(body.includes(summary.negative[0].text));
    assert.equal(await popup.locator('#analyse').count(), 0, 'no Analyse button when there is a result');
    await popup.close();
    await page.close();
  });

  it('offers "Analyse this page" where the content script did not run, and it works', async () => {
    const { page, tabId } = await h.openTab(server.url('/manual/article.html'));
    const popup = await h.popup(tabId);
    const button = popup.locator('#analyse');
    await button.waitFor();
    assert.equal(await page.locator('undertone-badge').count(), 0, 'no badge before the click');
    await button.click();
    await popup.locator('#verdict').waitFor();
    await checkBadgeAgainstCli(page, tabId);
    await popup.close();
    await page.close();
  });

  it('says when a page is not an article, and "Analyse anyway" forces a try', async () => {
    const { page, tabId } = await h.openTab(server.url('/links.html'));
    await expectSkipped(tabId);
    const popup = await h.popup(tabId);
    assert.match(await popup.locator('#message').innerText(), /does not look like a news article/);
    await popup.locator('#analyse').click();
    // A list of links has no article text even when forced: the popup says so, and no badge.
    await popup.locator('#app[data-status="no_text"]').waitFor();
    assert.match(await popup.locator('#message').innerText(), /no article text/);
    assert.equal(await page.locator('undertone-badge').count(), 0);
    await popup.close();
    await page.close();
  });

  it('explains that a chrome:// page cannot be read', async () => {
    const { page, tabId } = await h.openTab('chrome://version/');
    const popup = await h.popup(tabId);
    const message = popup.locator('#message');
    await message.waitFor();
    assert.match(await message.innerText(), /browser page/i);
    assert.equal(await popup.locator('#analyse').count(), 0);
    await popup.close();
    await page.close();
  });
});

describe('options and about pages', () => {
  it('lists the sites with automatic badges (here: the test build\'s fixed 127.0.0.1)', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${h.base}options/options.html`);
    const item = page.locator('#sites li[data-site="http://127.0.0.1"]');
    await item.waitFor();
    assert.match(await item.innerText(), /always on in this build/);
    await page.close();
  });

  it('credits the dependencies and data with their licences, linked from the popup', async () => {
    const { page, tabId } = await h.openTab(server.url('/login.html'));
    await expectSkipped(tabId);
    const popup = await h.popup(tabId);
    const href = await popup.locator('footer a[href$="about/about.html"]').getAttribute('href');
    assert.ok(href);
    await popup.goto(new URL(href, popup.url()).href);
    const text = await popup.locator('main').innerText();
    for (const credit of [/vaderSentiment/, /Hutto/, /MIT/, /@mozilla\/readability/, /Apache License 2\.0/, /wasm-bindgen/, /serde/]) {
      assert.match(text, credit);
    }
    await popup.locator('#version:not(:empty)').waitFor();
    await popup.close();
    await page.close();
  });
});

describe('worker eviction', () => {
  it('keeps the last analysis and re-initialises the wasm after the worker is stopped', async () => {
    const { page, tabId } = await h.openTab(server.url('/article.html'));
    await page.locator(BADGE).waitFor();
    const before = await h.workerStartedAt();
    await h.stopWorker();
    // The popup's state comes back from storage.session through a freshly started worker ...
    const popup = await h.popup(tabId);
    await popup.locator('#verdict').waitFor();
    assert.ok((await h.workerStartedAt()) > before, 'a new worker instance answered');
    // ... and that worker analyses a new page with a re-initialised engine.
    const second = await h.openTab(server.url('/hostile.html'));
    await second.page.locator(BADGE).waitFor();
    await popup.close();
    await second.page.close();
    await page.close();
  });
});

describe('screenshots and network', () => {
  it('writes screenshots of the badge (light and dark page), the card, the popup (light and dark) and the headline badges', async () => {
    const dir = join(DIST, 'screenshots');
    const files = await takeScreenshots(h, server.url, dir);
    assert.equal(files.length, 6);
    console.log(`screenshots: ${dir}`);
  });

  it('made no request to a non-local address (pages, extension pages, worker)', () => {
    assert.ok(h.requests.some((r) => r.from.startsWith('worker ')), 'worker requests are being recorded');
    assert.ok(h.requests.length > 10);
    assert.deepEqual(h.remoteRequests(), []);
  });
});
