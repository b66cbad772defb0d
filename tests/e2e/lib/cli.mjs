// The `undertone` command line (`score`, `entities`), the reference the badge must agree with.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

export const CLI = process.env.UNDERTONE_CLI ?? join(ROOT, 'target', 'release', 'undertone');

/**
 * Runs `undertone <command>` on JSONL items and parses its JSONL output.
 * @param {string} command
 * @param {{id: string, title: string, text: string}[]} items
 * @returns {any[]}
 */
function jsonl(command, items) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: cargo build --release --bin undertone`);
  const input = items.map((item) => JSON.stringify(item)).join('\n') + '\n';
  const run = spawnSync(CLI, [command], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`undertone ${command} failed (${run.status}): ${run.stderr}`);
  return run.stdout.trim().split('\n').map((line) => JSON.parse(line));
}

/**
 * Scores articles with `undertone score` (JSONL in, JSONL out).
 * @param {{id: string, title: string, text: string}[]} items
 * @returns {{id: string, score: number, label: string, band: string}[]}
 */
export function score(items) {
  return jsonl('score', items);
}

/**
 * The key entities of articles with `undertone entities`, most salient first (mention offsets
 * are in code points there; the tests do not use them).
 * @param {{id: string, title: string, text: string}[]} items
 * @returns {{id: string, entities: {name: string, type: string, score: number, label: string, band: string}[]}[]}
 */
export function entities(items) {
  return jsonl('entities', items);
}

/** The badge's number format: two decimals, never "-0.00". @param {number} x */
export function formatScore(x) {
  const s = x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/**
 * Why the CLI and the extension's wasm might disagree: a hint for assertion messages when either
 * was built before the latest change to src/ (both must come from the same sources).
 */
export function skewHint() {
  const mtime = (/** @type {string} */ path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
  const src = join(ROOT, 'src');
  const newestSource = Math.max(
    0,
    ...readdirSync(src, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => mtime(join(e.parentPath ?? e.path, e.name))),
  );
  const wasm = join(ROOT, 'dist', 'extension-test', 'pkg', 'undertone_bg.wasm');
  const stale = [
    mtime(CLI) < newestSource ? CLI : null,
    mtime(wasm) < newestSource ? wasm : null,
  ].filter(Boolean);
  return stale.length
    ? ` (built before the latest change in src/: ${stale.join(', ')}; rebuild both with ./build.sh build)`
    : '';
}
