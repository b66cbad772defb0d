// A static file server on 127.0.0.1 (random port) for the end-to-end tests and analyze-pages.
// Callers must close it in a finally/after hook; close() also drops keep-alive connections.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * @typedef {{file: string, headers?: Record<string, string>}} FileRoute
 * @typedef {{body: string, type?: string, headers?: Record<string, string>}} BodyRoute
 * @param {(path: string) => FileRoute | BodyRoute | null} route maps a URL path to a file or a
 *   generated body (null: 404)
 * @returns {Promise<{origin: string, url: (path: string) => string, close: () => Promise<void>}>}
 */
export async function startServer(route) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const target = route(path);
    if (!target) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const file = 'file' in target ? target.file : null;
      const body = file ? await readFile(file) : /** @type {BodyRoute} */ (target).body;
      const type = file ? TYPES[/** @type {keyof TYPES} */ (extname(file).toLowerCase())] : /** @type {BodyRoute} */ (target).type;
      res.writeHead(200, {
        'content-type': type ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...target.headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
