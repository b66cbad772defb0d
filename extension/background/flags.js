// Build flags. extension/build.mjs overwrites this file in the test build (dist/extension-test).

/** True only in dist/extension-test: the worker then also keeps the exact text it was sent. */
export const TEST_BUILD = false;
