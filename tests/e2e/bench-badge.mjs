#!/usr/bin/env node
// Time from page load (DOMContentLoaded, and navigation start) to badge on the fixture article, in headless Chromium with the test build.
// Prints the median (and spread) over RUNS fresh tabs; no asserts. The first tab after launch also
// pays for the worker starting and compiling the wasm; it is reported apart.
//   node tests/e2e/bench-badge.mjs [--runs 15]

/* global window, document, MutationObserver -- the functions below run in the page */
import { parseArgs } from 'node:util';
import { builtExtension, launch } from './lib/browser.mjs';
import { serveFixtures } from './lib/fixtures.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Number(values.runs);

// Runs in the page's main world: notes when the badge's host element appears.
const OBSERVE = () => {
  const w = /** @type {any} */ (window);
  new MutationObserver((_, observer) => {
    if (document.querySelector('undertone-badge')) {
      w.__badgeAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

const server = await serveFixtures();
let h;
try {
  h = await launch(builtExtension('extension-test'));
  await h.ctx.addInitScript(OBSERVE);
  /** @type {{fromStart: number, fromLoad: number}[]} */
  const runs = [];
  for (let i = 0; i <= RUNS; i++) {
    const { page } = await h.openTab(server.url('/article.html'));
    await page.waitForFunction(() => /** @type {any} */ (window).__badgeAt !== undefined, undefined, { timeout: 15_000 });
    runs.push(
      await page.evaluate(() => {
        const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
        const at = /** @type {any} */ (window).__badgeAt;
        return { fromStart: at, fromLoad: at - nav.domContentLoadedEventEnd };
      }),
    );
    await page.close();
  }
  const [cold, ...warm] = runs;
  const median = (/** @type {number[]} */ xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const ms = (/** @type {number} */ x) => `${x.toFixed(1)} ms`;
  const fromLoad = warm.map((r) => r.fromLoad);
  const fromStart = warm.map((r) => r.fromStart);
  console.log(`badge bench: fixture article (${server.url('/article.html')}), ${warm.length} runs`);
  console.log(`  DOMContentLoaded -> badge: median ${ms(median(fromLoad))}  (min ${ms(Math.min(...fromLoad))}, max ${ms(Math.max(...fromLoad))})`);
  console.log(`  navigation start -> badge: median ${ms(median(fromStart))}  (min ${ms(Math.min(...fromStart))}, max ${ms(Math.max(...fromStart))})`);
  console.log(`  first tab after launch (worker just started): DOMContentLoaded -> badge ${ms(cold.fromLoad)}`);
} finally {
  await h?.close();
  await server.close();
}
