// The content scripts, in injection order. Readability is CommonJS, so it is loaded as classic
// scripts first; it defines the globals `Readability` and `isProbablyReaderable` for the rest.
// extension/build.mjs copies the vendor files from node_modules/@mozilla/readability.

export const CONTENT_SCRIPTS = Object.freeze([
  'vendor/Readability-readerable.js',
  'vendor/Readability.js',
  'content/extract.js',
  'content/badge.js',
  'content/headlines.js',
  'content/content.js',
]);
