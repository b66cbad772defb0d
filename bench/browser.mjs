// The browser benchmark: how long the wasm core's `analyze` takes in headless Chromium for a
// short (~100 words), typical (~800 words) and very long (~20,000 words) article.
//
//   node bench/browser.mjs [--www dist/www] [--runs 31] [--json]
//
// The demo page (dist/www, built by `./build.sh build`) is served from 127.0.0.1 by this script
// and loaded in Chromium; the timing runs inside the page against the same module the demo uses.
// Articles are generated deterministically from the sentences below (a seeded generator), so every
// run times the same text. Each sample times a batch of calls long enough for the page's coarse
// clock (performance.now() is clamped in a page that is not cross-origin isolated); the table shows
// the median per call over the samples.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
/** Each timed sample runs calls for at least this long. */
const MIN_SAMPLE_MS = 20;
const WARMUP_CALLS = 3;

const SIZES = [
  { name: 'short', words: 100 },
  { name: 'typical', words: 800 },
  { name: 'very long', words: 20000 },
];

// Our own news-style sentences: positive, negative and flat, so the scorer's rules all run.
const SENTENCES = [
  'The new clinic opened on Monday and residents welcomed the shorter waiting times.',
  'Officials said the flooding had destroyed dozens of homes along the river.',
  'The council will meet again on Thursday to discuss the budget.',
  'Volunteers praised the generous donations that arrived after the storm.',
  'Critics called the decision a disgrace and demanded an independent inquiry.',
  'Ticket sales rose by twelve percent compared with the same month last year.',
  'It was not a good week for the ruling party, which lost two key votes.',
  'Scientists described the results as very promising, though more trials are needed.',
  'The strike left thousands of commuters stranded and angry at the delays.',
  'Local farmers said the harvest was better than they had feared.',
  'The minister refused to comment on the allegations of fraud.',
  'A spokesperson said the company was "absolutely thrilled" with the award.',
  'Police warned drivers to avoid the area after a serious crash on the motorway.',
  'The museum will reopen in the spring after a two-year renovation.',
  'Families of the victims said they were heartbroken but grateful for the support.',
  'Prices at the pump fell slightly for the third week in a row.',
  'The report found no evidence of wrongdoing, to the relief of staff.',
  'Fans booed as the team slumped to its worst defeat in a decade!',
  'The mayor thanked the firefighters for their brave and tireless work.',
  'Heavy rain is expected across the region until at least Sunday.',
  'Teachers said the funding cuts were hurting pupils and morale was low.',
  'The bridge, which had been closed since March, carried its first traffic on Friday.',
  'Investors were cautiously optimistic after the bank held interest rates steady.',
  'Residents complained that the noise from the building site was unbearable.',
];

/** A small seeded PRNG (mulberry32): the same articles on every run and machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An article of about `words` words: sentences in paragraphs of three to six. */
export function article(words, seed = 1) {
  const next = prng(seed + words);
  const paragraphs = [];
  let count = 0;
  while (count < words) {
    const paragraph = [];
    const length = 3 + Math.floor(next() * 4);
    for (let i = 0; i < length && count < words; i++) {
      const sentence = SENTENCES[Math.floor(next() * SENTENCES.length)];
      paragraph.push(sentence);
      count += sentence.split(/\s+/).length;
    }
    paragraphs.push(paragraph.join(' '));
  }
  return { text: paragraphs.join('\n\n'), words: count };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.md': 'text/plain; charset=utf-8', '.ts': 'text/plain; charset=utf-8',
};

/** A static file server for `root` on 127.0.0.1, on a free port. */
async function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw new Error('outside the root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { server, url: `http://127.0.0.1:${port}/` };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];

/** Runs in the page: per-call times (ms) of `analyze(text)`, one per sample. */
async function timeInPage({ text, samples, minSampleMs, warmup }) {
  const core = await import('/pkg/undertone.js'); // the page's origin serves dist/www at /
  await core.default(); // no-op when the demo has initialised it already
  for (let i = 0; i < warmup; i++) core.analyze(text);
  // Estimate one call, then batch enough calls per sample for the clamped clock.
  let t0 = performance.now();
  let calls = 0;
  while (performance.now() - t0 < minSampleMs) {
    core.analyze(text);
    calls++;
  }
  const batch = Math.max(1, Math.ceil((calls * minSampleMs) / (performance.now() - t0)));
  const perCall = [];
  let sentences = 0;
  for (let s = 0; s < samples; s++) {
    t0 = performance.now();
    for (let i = 0; i < batch; i++) sentences = core.analyze(text).sentences.length;
    perCall.push((performance.now() - t0) / batch);
  }
  return { perCall, batch, sentences, chars: text.length };
}

/** Runs in the page: fetch + compile + instantiate of the wasm, a fresh module each time. */
async function timeStartup({ samples }) {
  const url = '/pkg/undertone_bg.wasm';
  const times = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    const bytes = await (await fetch(url, { cache: 'no-store' })).arrayBuffer();
    await WebAssembly.compile(bytes);
    times.push(performance.now() - t0);
  }
  return times;
}

async function main() {
  const { values } = parseArgs({
    options: {
      www: { type: 'string', default: 'dist/www' },
      runs: { type: 'string', default: '31' },
      json: { type: 'boolean', default: false },
    },
  });
  const root = resolve(values.www);
  const runs = Math.max(3, Number.parseInt(values.runs, 10) || 31);
  try {
    await stat(join(root, 'pkg', 'undertone_bg.wasm'));
  } catch {
    throw new Error(`${root}/pkg/undertone_bg.wasm not found: run ./build.sh build first`);
  }

  const { server, url } = await serve(root);
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('body[data-state]', { timeout: 30000 });
    if ((await page.getAttribute('body', 'data-state')) !== 'analysed') {
      throw new Error(`the demo page did not analyse its sample: ${await page.textContent('#status')}`);
    }

    const rows = [];
    for (const size of SIZES) {
      const { text, words } = article(size.words);
      const samples = size.words > 5000 ? Math.max(5, Math.ceil(runs / 2)) : runs;
      const r = await page.evaluate(timeInPage, { text, samples, minSampleMs: MIN_SAMPLE_MS, warmup: WARMUP_CALLS });
      const sorted = [...r.perCall].sort((a, b) => a - b);
      const median = quantile(sorted, 0.5);
      rows.push({
        article: size.name, words, chars: r.chars, sentences: r.sentences, samples, batch: r.batch,
        median_ms: median, p10_ms: quantile(sorted, 0.1), p90_ms: quantile(sorted, 0.9),
        words_per_ms: words / median,
      });
    }
    const startup = (await page.evaluate(timeStartup, { samples: 7 })).sort((a, b) => a - b);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    const version = browser.version();
    if (values.json) {
      console.log(JSON.stringify({ browser: version, rows, wasm_fetch_compile_ms: quantile(startup, 0.5) }, null, 2));
      return;
    }
    const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
    console.log(`analyze() in headless Chromium ${version}: median per call (p10 to p90), ${runs} samples (15+ for the long one)`);
    const header = ['article', 'words', 'chars', 'sentences', 'median', 'p10 .. p90', 'words/ms'];
    const table = rows.map((r) => [
      r.article, String(r.words), String(r.chars), String(r.sentences), fmt(r.median_ms),
      `${fmt(r.p10_ms)} .. ${fmt(r.p90_ms)}`, r.words_per_ms.toFixed(0),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
    const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of table) console.log(line(row));
    console.log(`wasm fetch + compile (no cache): median ${fmt(quantile(startup, 0.5))} over ${startup.length}`);
  } finally {
    await browser?.close();
    server.closeAllConnections();
    server.close();
  }
}

main().catch((e) => {
  console.error(`bench/browser.mjs: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
});
