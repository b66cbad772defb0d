// Serves tests/e2e/fixtures/: /<name>.html as is, /csp/<name>.html with a strict CSP header, and
// /manual/<name>.html, where the test build does not inject the content script by itself.

import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const STRICT_CSP = "script-src 'self'";

export function serveFixtures() {
  return startServer((path) => {
    let headers = {};
    let rest = path;
    if (rest.startsWith('/csp/')) {
      headers = { 'content-security-policy': STRICT_CSP };
      rest = rest.slice('/csp'.length);
    } else if (rest.startsWith('/manual/')) {
      rest = rest.slice('/manual'.length);
    }
    const file = normalize(join(FIXTURES, rest));
    if (!file.startsWith(FIXTURES) || file.endsWith(sep)) return null;
    return { file, headers };
  });
}
