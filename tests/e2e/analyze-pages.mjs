#!/usr/bin/env node
// Runs the built test extension (dist/extension-test) in headless Chromium over saved pages and
// writes, per page, one JSON line with what the content script sent to the worker and the verdict:
//   {"source", "title", "text", "score", "label", "band"}            (analysed)
//   {"source", "title": null, ..., "band": null, "reason": "..."}     (left alone or failed)
// Reasons: not_article, no_text, timeout, crash, load_failed: <why>, not_local.
//
// Usage: node tests/e2e/analyze-pages.mjs --out FILE [--timeout MS] PATH_OR_URL...
//   PATH: an .html file, or a directory (searched recursively for *.html / *.htm). Files are
//         served from a temporary 127.0.0.1 server, with their directory, so relative links work.
//   URL:  a page on this machine (127.0.0.1 or localhost).
// Requests to anything but 127.0.0.1 are blocked, so saved pages cannot reach the network.
// A page that hangs or crashes is reported and the run goes on.

import { createWriteStream, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { builtExtension, launch } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const DEFAULT_TIMEOUT_MS = 20_000;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || !values.out || positionals.length === 0) {
  console.error('usage: node tests/e2e/analyze-pages.mjs --out FILE [--timeout MS] PATH_OR_URL...');
  process.exit(values.help ? 0 : 2);
}
const timeout = Number(values.timeout ?? DEFAULT_TIMEOUT_MS);

/** @type {{source: string, file?: string, url?: string}[]} */
const inputs = [];
for (const arg of positionals) {
  if (/^https?:\/\//i.test(arg)) inputs.push({ source: arg, url: arg });
  else for (const file of htmlFiles(resolve(arg))) inputs.push({ source: file, file });
}

/** Served files: /f/<index>/<name>, with the file's directory next to it. */
/** @type {string[]} */
const dirs = [];
const server = await startServer((path) => {
  const match = /^\/f\/(\d+)(\/.*)$/.exec(path);
  if (!match) return null;
  const dir = dirs[Number(match[1])];
  if (!dir) return null;
  const file = normalize(join(dir, match[2]));
  return file.startsWith(dir) ? { file } : null;
});

const out = createWriteStream(values.out);
let h;
let analysed = 0;
try {
  h = await launch(builtExtension('extension-test'));
  // Saved pages often link to remote images and scripts: keep them off the network.
  await h.ctx.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith(server.origin) || /^https?:\/\/127\.0\.0\.1[:/]/.test(url) ? route.continue() : route.abort();
  });
  for (const input of inputs) {
    let url = input.url;
    if (input.file) {
      dirs.push(dirname(input.file) + sep);
      url = server.url(`/f/${dirs.length - 1}/${encodeURIComponent(basename(input.file))}`);
    }
    const line = await analysePage(h, /** @type {string} */ (url), input.source);
    if (line.reason === undefined) analysed++;
    out.write(`${JSON.stringify(line)}\n`);
    console.error(`${line.reason ?? `${line.label} ${line.score?.toFixed(2)}`}\t${input.source}`);
  }
} finally {
  await h?.close();
  await server.close();
  await new Promise((done) => out.end(done));
}
console.error(`analyze-pages: ${analysed} of ${inputs.length} pages analysed; wrote ${values.out}`);

/**
 * @param {import('./lib/browser.mjs').Harness} h
 * @param {string} url
 * @param {string} source
 * @returns {Promise<Record<string, any>>}
 */
async function analysePage(h, url, source) {
  const skipped = (/** @type {string} */ reason) => ({ source, title: null, text: null, score: null, label: null, band: null, reason });
  const parsed = new URL(url);
  if (parsed.hostname === 'localhost') parsed.hostname = '127.0.0.1';
  if (parsed.hostname !== '127.0.0.1') return skipped('not_local');
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  try {
    const opened = await h.openTab('about:blank');
    page = opened.page;
    const crashed = new Promise((resolve) => page?.once('crash', () => resolve('crash')));
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeout)));
    const work = (async () => {
      try {
        await page.goto(parsed.href, { timeout, waitUntil: 'domcontentloaded' });
      } catch (error) {
        return `load_failed: ${String(/** @type {any} */ (error)?.message ?? error).split('\n')[0]}`;
      }
      return h.record(opened.tabId, timeout);
    })();
    const result = await Promise.race([work, crashed, timedOut]);
    if (typeof result === 'string') return skipped(result);
    if (result.status !== 'analysed') return skipped(result.status);
    return {
      source,
      title: result.request.title,
      text: result.request.text,
      score: result.summary.score,
      label: result.summary.label,
      band: result.summary.band,
      ...(result.request.truncated ? { truncated: true } : {}),
    };
  } catch (error) {
    return skipped(/timeout/i.test(String(error)) ? 'timeout' : `error: ${String(/** @type {any} */ (error)?.message ?? error).split('\n')[0]}`);
  } finally {
    clearTimeout(timer);
    if (page) await Promise.race([page.close().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
  }
}

/**
 * @param {string} path a file or a directory
 * @returns {string[]}
 */
function htmlFiles(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new Error(`${path}: no such file or directory`);
  if (stat.isFile()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => /\.html?$/i.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile()) // files and links to files
    .sort();
}
