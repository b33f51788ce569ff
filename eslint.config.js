// One lint configuration for the whole repository (npm test runs `eslint .`): the JavaScript
// and TypeScript recommended rules, Lit's rules for templates and properties, and the web
// component rules for element lifecycles. Formatting is Prettier's job (.prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'src/locales/generated/', '.test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // `_name` marks a parameter a signature needs and the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      // `customElements.get(tag) ?? customElements.define(tag, Class)` registers once.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'kiosk/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'kiosk/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement', 'HuddleElement'] } },
  },
  {
    // Node: the server, the scripts and the end-to-end drivers print what they do.
    files: [
      'server/**',
      'scripts/**',
      'bench/**',
      'test/e2e/**',
      'test/support/**',
      'test/fixtures/burst.ts',
      '*.config.*',
      '.storybook/**',
      'kiosk/vite.config.ts',
      '.dependency-cruiser.cjs',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
