// Type-check only (not copied to dist/www): the globals that Readability's two classic scripts
// (vendor/Readability.js, vendor/Readability-readerable.js) declare in the demo page.
declare global {
  const Readability: typeof import('@mozilla/readability').Readability;
  const isProbablyReaderable: typeof import('@mozilla/readability').isProbablyReaderable;
}
export {};
