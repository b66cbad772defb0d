// The options page: every site where badges show automatically, each with a way to turn it off.

import { el, localiseStatic } from '../popup/dom.js';
import { api, Kind, send, t } from '../shared/messaging.js';

const list = /** @type {HTMLElement} */ (document.getElementById('sites'));
localiseStatic(t);
refresh().catch(showError);
// Permissions can change elsewhere (the browser's own site-access menu).
api.permissions.onAdded.addListener(() => void refresh().catch(showError));
api.permissions.onRemoved.addListener(() => void refresh().catch(showError));

async function refresh() {
  /** @type {{site: string, enabled: boolean, granted: boolean, fixed: boolean}[]} */
  const sites = await send({ kind: Kind.LIST_SITES });
  const shown = sites.filter((s) => s.enabled || s.fixed);
  if (!shown.length) {
    list.replaceChildren(el('li', { className: 'empty', text: t('optionsEmpty') }));
    return;
  }
  list.replaceChildren(
    ...shown.map((s) => {
      const item = el('li', {}, [el('span', { className: 'site', text: new URL(s.site).host })]);
      item.dataset.site = s.site;
      if (s.fixed) {
        item.append(el('span', { className: 'state', text: t('optionsFixed') }));
      } else {
        const button = el('button', { text: t('optionsRemove') });
        button.type = 'button';
        button.addEventListener('click', async () => {
          button.disabled = true;
          await send({ kind: Kind.SET_SITE_ENABLED, site: s.site, enabled: false }).catch(showError);
          await refresh().catch(showError);
        });
        item.append(el('span', { className: 'state', text: t('optionsOn') }), button);
      }
      return item;
    }),
  );
}

/** @param {unknown} error */
function showError(error) {
  list.append(el('li', { className: 'error', text: String(/** @type {any} */ (error)?.message ?? error) }));
}
