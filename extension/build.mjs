#!/usr/bin/env node
// Assembles the extension from this folder (the one source for every browser) into
//   <out>/extension       Chromium (background.service_worker, module)
//   <out>/firefox         Firefox (background.scripts, module; browser_specific_settings.gecko)
//   <out>/extension-test  Chromium, for the end-to-end tests: also grants http://127.0.0.1/* at
//                         install and runs the content script there automatically (except under
//                         /manual/, so the tests can drive "Analyse this page" too); the worker keeps
//                         the exact text it was sent (background/flags.js: TEST_BUILD).
// Usage: node extension/build.mjs --pkg dist/pkg --out dist
// Uses only node built-ins. Copies the wasm-bindgen package and @mozilla/readability from
// node_modules (neither is committed here).

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SOURCE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(SOURCE, '..');
/** Files of this folder that are build inputs, not extension files. */
const NOT_SHIPPED = new Set(['build.mjs', 'manifest.json', 'icons/make-icons.mjs']);
const PKG_FILES = ['undertone.js', 'undertone_bg.wasm'];
const READABILITY_FILES = ['Readability.js', 'Readability-readerable.js'];
const TEST_ORIGIN = 'http://127.0.0.1/*';
const TEST_MANUAL = 'http://127.0.0.1/manual/*';

/**
 * Mechanical edits to Readability.js, each checked to apply exactly once. They replace its two
 * innerHTML assignments (on the detached clone Readability works on) with DOM equivalents, so
 * `web-ext lint` reports no unsafe assignment. Behaviour is unchanged.
 */
const READABILITY_PATCHES = [
  ['var pageCacheHtml = page.innerHTML;', 'var pageCacheHtml = page.cloneNode(true);'],
  ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);'],
  [
    'tmp.innerHTML = noscript.innerHTML;',
    'tmp.append(...new DOMParser().parseFromString(noscript.innerHTML, "text/html").body.childNodes);',
  ],
];

const { values } = parseArgs({
  options: { pkg: { type: 'string', default: 'dist/pkg' }, out: { type: 'string', default: 'dist' } },
});
const pkgDir = resolve(values.pkg ?? 'dist/pkg');
const outDir = resolve(values.out ?? 'dist');
const readabilityDir = join(ROOT, 'node_modules', '@mozilla', 'readability');

for (const file of PKG_FILES) {
  if (!existsSync(join(pkgDir, file))) fail(`${join(pkgDir, file)} is missing: build the wasm package first (./build.sh build)`);
}
for (const file of READABILITY_FILES) {
  if (!existsSync(join(readabilityDir, file))) fail(`${join(readabilityDir, file)} is missing: run npm ci`);
}

const manifest = JSON.parse(readFileSync(join(SOURCE, 'manifest.json'), 'utf8'));
const readability = patchedReadability();

const targets = {
  extension: chromeManifest(manifest),
  firefox: firefoxManifest(manifest),
  'extension-test': testManifest(chromeManifest(manifest)),
};
for (const [name, targetManifest] of Object.entries(targets)) {
  const dir = join(outDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of sourceFiles(SOURCE)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(SOURCE, file), join(dir, file));
  }
  mkdirSync(join(dir, 'pkg'), { recursive: true });
  for (const file of PKG_FILES) cpSync(join(pkgDir, file), join(dir, 'pkg', file));
  mkdirSync(join(dir, 'vendor'), { recursive: true });
  writeFileSync(join(dir, 'vendor', 'Readability.js'), readability);
  cpSync(join(readabilityDir, 'Readability-readerable.js'), join(dir, 'vendor', 'Readability-readerable.js'));
  cpSync(join(readabilityDir, 'LICENSE.md'), join(dir, 'vendor', 'Readability-LICENSE.md'));
  if (name === 'extension-test') {
    writeFileSync(
      join(dir, 'background', 'flags.js'),
      '// Written by extension/build.mjs for the test build.\n\nexport const TEST_BUILD = true;\n',
    );
  }
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(targetManifest, null, 2)}\n`);
  console.log(`build.mjs: wrote ${relative(process.cwd(), dir) || dir}`);
}

/** @param {any} source */
function chromeManifest(source) {
  const m = structuredClone(source);
  delete m.browser_specific_settings;
  return m;
}

/** @param {any} source */
function firefoxManifest(source) {
  const m = structuredClone(source);
  m.background = { scripts: [source.background.service_worker], type: 'module' };
  delete m.minimum_chrome_version;
  return m;
}

/** @param {any} m */
function testManifest(m) {
  m.name = `${source(m.name)} (test build)`;
  m.host_permissions = [TEST_ORIGIN];
  m.content_scripts = [
    {
      matches: [TEST_ORIGIN],
      exclude_matches: [TEST_MANUAL],
      js: contentScripts(),
      run_at: 'document_idle',
    },
  ];
  return m;
}

/** @param {string} name */
function source(name) {
  return name.startsWith('__MSG_') ? 'Undertone' : name;
}

/** The content script list, read from background/content-files.js (one list for every path). */
function contentScripts() {
  const text = readFileSync(join(SOURCE, 'background', 'content-files.js'), 'utf8');
  const list = [...text.matchAll(/'([^']+\.js)'/g)].map((m) => m[1]);
  if (!list.length) fail('no content scripts found in background/content-files.js');
  return list;
}

function patchedReadability() {
  let text = readFileSync(join(readabilityDir, 'Readability.js'), 'utf8');
  for (const [from, to] of READABILITY_PATCHES) {
    const count = text.split(from).length - 1;
    if (count !== 1) fail(`Readability.js: expected "${from}" once, found it ${count} times (new Readability version?)`);
    text = text.replace(from, to);
  }
  return `// @mozilla/readability (Apache-2.0, see Readability-LICENSE.md), with two innerHTML\n// assignments replaced by DOM equivalents by extension/build.mjs.\n${text}`;
}

/**
 * Files to ship, relative to `dir`.
 * @param {string} dir
 * @returns {string[]}
 */
function sourceFiles(dir) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} at */
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const rel = relative(dir, path).split('\\').join('/');
      if (entry.isDirectory()) walk(path);
      else if (!NOT_SHIPPED.has(rel) && !rel.endsWith('.d.ts') && !entry.name.startsWith('.')) files.push(rel);
    }
  };
  walk(dir);
  return files.sort();
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`build.mjs: ${message}`);
  process.exit(1);
}
