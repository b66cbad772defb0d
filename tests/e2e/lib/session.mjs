// One test file's browser session: the fixture server and Chromium with a built extension,
// started together and always closed together (a failed launch must not leave the server up).

import { builtExtension, launch } from './browser.mjs';
import { serveFixtures } from './fixtures.mjs';

/**
 * @typedef {object} Session
 * @property {Awaited<ReturnType<typeof serveFixtures>>} server
 * @property {import('./browser.mjs').Harness} h
 * @property {string} dir the unpacked extension in use
 * @property {() => Promise<void>} close
 */

/**
 * Serves the fixtures and launches Chromium with `dist/<name>`.
 * @param {string} name e.g. 'extension-test' or 'extension'
 * @returns {Promise<Session>}
 */
export async function startSession(name) {
  const dir = builtExtension(name);
  const server = await serveFixtures();
  /** @type {import('./browser.mjs').Harness} */
  let h;
  try {
    h = await launch(dir);
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    h,
    dir,
    close: async () => {
      await h.close();
      await server.close();
    },
  };
}
