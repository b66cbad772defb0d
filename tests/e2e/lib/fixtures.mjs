// Serves tests/e2e/fixtures/: /<name>.html as is, /csp/<name>.html with a strict CSP header, and
// /manual/<name>.html, where the test build does not inject the content script by itself.

import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const STRICT_CSP = "script-src 'self'";

/** Characters of article text in /generated/long.html: more than the content script's cap. */
export const LONG_ARTICLE_CHARS = 260_000;

/** A very long article, made up here rather than stored. */
export function longArticle() {
  const sentences = [
    'The committee met again on day %d to hear evidence about the harbour budget.',
    'Witnesses described the repairs as a great success that saved many homes.',
    'Others said the delays were a serious failure and the costs were painful.',
    'The chair thanked everyone for their patience and adjourned until the next morning.',
  ];
  const paragraphs = [];
  let length = 0;
  for (let day = 1; length < LONG_ARTICLE_CHARS; day++) {
    const p = sentences.map((s) => s.replace('%d', String(day))).join(' ');
    paragraphs.push(`<p>${p}</p>`);
    length += p.length + 2;
  }
  const title = 'The longest inquiry: a year of hearings on the harbour budget';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><article><h1>${title}</h1>\n${paragraphs.join('\n')}</article></main></body></html>`;
}

export function serveFixtures() {
  const long = longArticle();
  return startServer((path) => {
    if (path === '/generated/long.html') return { body: long, type: 'text/html; charset=utf-8' };
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
