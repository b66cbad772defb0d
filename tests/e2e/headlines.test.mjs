// End-to-end tests of the headline badges on a front or section page (test build: the content
// script runs automatically on 127.0.0.1).
//   node --test tests/e2e/        (after ./build.sh build and cargo build --release --bin undertone)

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatScore, score, skewHint } from './lib/cli.mjs';
import { startSession } from './lib/session.mjs';

const INLINE = 'undertone-inline .b';
const LABELS = ['very negative', 'negative', 'mildly negative', 'neutral', 'mildly positive', 'positive', 'very positive'];

/** @type {import('./lib/session.mjs').Session | undefined} */
let session;

before(async () => {
  session = await startSession('extension-test');
});

after(async () => {
  await session?.close();
});

describe('headline badges on a front page', () => {
  it('marks each visible headline link once, agreeing with the CLI, and says so in the popup', async () => {
    if (!session) throw new Error('no session');
    const { h, server } = session;
    const { page, tabId } = await h.openTab(server.url('/front.html'));
    const record = await h.record(tabId);
    assert.equal(record.status, 'not_article', 'a front page is not analysed as an article');
    assert.equal(record.request, undefined, 'no article text was sent');
    await page.locator(INLINE).first().waitFor();

    // One badge per distinct, visible headline of four words or more: not the navigation, the
    // one-word "Weather", the hidden headline or the repeated earthquake story.
    const shown = await page.locator('undertone-inline').evaluateAll((hosts) =>
      hosts.map((host) => ({
        headline: (host.previousElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        text: host.shadowRoot?.querySelector('.b')?.textContent ?? '',
      })),
    );
    assert.equal(shown.length, 6, JSON.stringify(shown));
    assert.equal(record.headlines, 6);

    const expected = score(shown.map((s, i) => ({ id: String(i), text: s.headline })));
    shown.forEach((s, i) => {
      const want = `${expected[i].label} ${formatScore(expected[i].score)}`;
      assert.equal(s.text, want, `badge of "${s.headline}" equals the CLI${skewHint()}`);
      assert.ok(LABELS.includes(expected[i].label));
    });
    const scoreOf = (/** @type {RegExp} */ re) => expected[shown.findIndex((s) => re.test(s.headline))].score;
    assert.ok(scoreOf(/^Earthquake/) < -0.05, 'a deadly earthquake reads negative');
    assert.ok(scoreOf(/victory/) > 0.05, 'a cup win reads positive');
    assert.ok(Math.abs(scoreOf(/agenda/)) <= 0.05, 'a meeting agenda reads neutral');
    assert.ok(scoreOf(/profit rose/) > 0.05, 'rising profit reads positive');

    // The hostile headline stays text: no element was made from it, nothing ran.
    assert.ok(shown.some((s) => s.headline.includes('<img src=x onerror=window.__pwned=1>')));
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.evaluate(() => /** @type {any} */ (globalThis).__pwned), undefined);

    const popup = await h.popup(tabId);
    assert.match(await popup.locator('#headlines').innerText(), /marked the tone of 6 headlines/);
    await popup.close();
    await page.close();
  });

  it('leaves a list of short section links without badges', async () => {
    if (!session) throw new Error('no session');
    const { h, server } = session;
    const { page, tabId } = await h.openTab(server.url('/links.html'));
    const record = await h.record(tabId);
    assert.equal(record.status, 'not_article');
    assert.equal(record.headlines, undefined);
    assert.equal(await page.locator('undertone-inline').count(), 0);
    await page.close();
  });
});
