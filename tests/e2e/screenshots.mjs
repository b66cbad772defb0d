#!/usr/bin/env node
// Refreshes docs/screenshots/{badge,badge-dark,card,popup,popup-dark,front}.png (for the README) with the same shots the
// end-to-end tests write into dist/screenshots/. Needs the built dist/extension-test.
//   node tests/e2e/screenshots.mjs [--out DIR]

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtExtension, launch, ROOT } from './lib/browser.mjs';
import { serveFixtures } from './lib/fixtures.mjs';
import { takeScreenshots } from './lib/screens.mjs';

const { values } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'docs', 'screenshots') } } });
const server = await serveFixtures();
let h;
try {
  h = await launch(builtExtension('extension-test'));
  const files = await takeScreenshots(h, server.url, /** @type {string} */ (values.out));
  for (const file of files) console.log(file);
} finally {
  await h?.close();
  await server.close();
}
