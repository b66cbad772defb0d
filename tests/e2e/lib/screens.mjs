// Screenshots of the badge, its card, the popup (light and dark) and the headline badges, for dist/screenshots/ (the tests) and
// docs/screenshots/ (tests/e2e/screenshots.mjs, for the README).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export const BADGE = 'undertone-badge button.badge';
export const CARD = 'undertone-badge .card';
/** The window height for the card's picture. */
const CARD_VIEWPORT_HEIGHT = 1100;

/**
 * @param {import('./browser.mjs').Harness} h
 * @param {(path: string) => string} url the fixture server's URL maker
 * @param {string} outDir
 * @returns {Promise<string[]>} the files written
 */
export async function takeScreenshots(h, url, outDir) {
  await mkdir(outDir, { recursive: true });
  const { page, tabId } = await h.openTab(url('/article.html'));
  const files = [];
  try {
    const badge = page.locator(BADGE);
    await badge.waitFor();
    const heading = await page.locator('h1').boundingBox();
    const box = await badge.boundingBox();
    if (!heading || !box) throw new Error('no heading or badge to photograph');
    const file = (/** @type {string} */ name) => (files.push(join(outDir, name)), join(outDir, name));
    await page.screenshot({
      path: file('badge.png'),
      clip: { x: heading.x - 12, y: heading.y - 12, width: heading.width + 24, height: box.y + box.height - heading.y + 24 },
    });
    // The badge brings its own background: the same badge on the page's dark theme.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({
      path: file('badge-dark.png'),
      clip: { x: heading.x - 12, y: heading.y - 12, width: heading.width + 24, height: box.y + box.height - heading.y + 24 },
    });
    await page.emulateMedia({ colorScheme: 'light' });
    // The card is at most 70% of the viewport high (it scrolls beyond): a tall window shows it all.
    await page.setViewportSize({ width: 1100, height: CARD_VIEWPORT_HEIGHT });
    await badge.hover();
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible' });
    const cardBox = await card.boundingBox();
    if (!cardBox) throw new Error('no card to photograph');
    await page.screenshot({
      path: file('card.png'),
      clip: { x: box.x - 12, y: box.y - 12, width: Math.max(box.width, cardBox.width) + 24, height: cardBox.y + cardBox.height - box.y + 24 },
    });
    const popup = await h.popup(tabId);
    try {
      await popup.setViewportSize({ width: 360, height: 640 });
      await popup.waitForSelector('#verdict');
      await popup.screenshot({ path: file('popup.png'), fullPage: true });
      await popup.emulateMedia({ colorScheme: 'dark' });
      await popup.screenshot({ path: file('popup-dark.png'), fullPage: true });
    } finally {
      await popup.close();
    }
  } finally {
    await page.close();
  }
  // A front page: the small badge after each headline link.
  const front = await h.openTab(url('/front.html'));
  try {
    await front.page.setViewportSize({ width: 1000, height: 520 });
    await front.page.locator('undertone-inline .b').first().waitFor();
    const main = await front.page.locator('main').boundingBox();
    if (!main) throw new Error('no front page to photograph');
    const path = join(outDir, 'front.png');
    files.push(path);
    await front.page.screenshot({ path, clip: { x: main.x - 12, y: main.y - 12, width: main.width + 24, height: main.height + 24 } });
  } finally {
    await front.page.close();
  }
  return files;
}
