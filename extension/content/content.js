// Content script, part 4 of 4 (classic script): read the page, ask the worker, draw the badge (or,
// on a front page, the headline badges). Nothing else. Injected automatically on sites the user switched on, or once by the popup's
// "Analyse this page" (which sets __undertoneOnDemand first and then calls run({force: true})).
'use strict';

(() => {
  const g = /** @type {any} */ (globalThis);
  if (g.__undertone) return; // injected twice: the first copy stays in charge

  const api = g.browser ?? g.chrome;
  /** The same contract as shared/messaging.js `send` (content scripts cannot import modules). */
  const send = async (/** @type {{kind: string} & Record<string, unknown>} */ message) => {
    const reply = await api.runtime.sendMessage(message);
    if (reply && typeof reply.error === 'string') throw new Error(reply.error);
    return reply;
  };

  /** @type {Promise<{status: string}> | null} */
  let running = null;

  /**
   * Analyses the page. Without `force`, pages that do not look like articles are left alone.
   * @param {{force?: boolean}} [options]
   */
  function run(options = {}) {
    running ??= analyse(Boolean(options.force)).finally(() => {
      running = null;
    });
    return running;
  }

  /** @param {boolean} force */
  async function analyse(force) {
    const url = location.href;
    if (!force && !g.isProbablyReaderable(document)) {
      const headlines = g.__undertoneHeadlines.collect(document);
      if (headlines.length) {
        const { scores } = await send({ kind: 'scoreHeadlines', url, headlines: headlines.map((h) => h.text) });
        g.__undertoneHeadlines.draw(headlines, scores);
        return { status: 'headlines' };
      }
      await send({ kind: 'skipped', reason: 'not_article', url });
      return { status: 'not_article' };
    }
    const article = g.__undertoneExtract.extract(document);
    if (!article) {
      await send({ kind: 'skipped', reason: 'no_text', url });
      return { status: 'no_text' };
    }
    const { summary } = await send({ kind: 'analyze', url, ...article });
    g.__undertoneBadge.draw(summary, g.__undertoneExtract.findHeading(document, article.title));
    return { status: 'analysed' };
  }

  g.__undertone = { run };
  if (!g.__undertoneOnDemand) run().catch((/** @type {unknown} */ error) => console.warn('Undertone:', error));
})();
