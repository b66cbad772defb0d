// The about page: fills in the versions of the extension and its core.

import { Kind, send, t } from '../shared/messaging.js';
import { localiseStatic } from '../popup/dom.js';

localiseStatic(t);
const target = /** @type {HTMLElement} */ (document.getElementById('version'));
send({ kind: Kind.VERSION }).then(
  (v) => {
    target.textContent = `Version ${v.extension} (core ${v.core}${v.testBuild ? ', test build' : ''}).`;
  },
  () => {},
);
