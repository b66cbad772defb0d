// ESLint flat config for every JS file in the repo: the demo page, the extension, the bench and
// end-to-end scripts. Safety rules first: page-derived strings must never reach HTML sinks.
import js from '@eslint/js';
import globals from 'globals';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

export default [
  {
    ignores: ['dist/', 'target/', 'node_modules/', 'pkg/', '**/pkg/', 'docs/'],
  },
  js.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  // The demo page and extension pages run in the browser.
  {
    files: ['www/**/*.js', 'extension/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Readability's two files are loaded as classic scripts and declare these globals.
  {
    files: ['www/**/*.js'],
    languageOptions: { globals: { Readability: 'readonly', isProbablyReaderable: 'readonly' } },
  },
  {
    files: ['extension/**/*.js'],
    languageOptions: { globals: { ...globals.webextensions } },
  },
  // The background service worker has no DOM.
  {
    files: ['extension/background/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker, ...globals.webextensions } },
  },
  // Content scripts are classic scripts (not modules) in the page's isolated world.
  {
    files: ['extension/content/**/*.js'],
    languageOptions: { sourceType: 'script' },
  },
  // Build, bench and test scripts run under Node.
  {
    files: ['**/*.mjs', '**/*.cjs', 'eslint.config.js', 'bench/**/*.js', 'tests/**/*.js', 'scripts/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
];
