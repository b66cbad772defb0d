// Building DOM for extension pages (popup, options, about; it lives here because shared/ is also
// type-checked as worker code, which has no DOM). Text goes in through textContent only.

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{className?: string, id?: string, text?: string}} [props]
 * @param {Node[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

/**
 * Fills every `[data-i18n]` element with its localised message.
 * @param {(name: string) => string} t
 */
export function localiseStatic(t) {
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(/** @type {string} */ (/** @type {HTMLElement} */ (node).dataset.i18n));
  }
}
