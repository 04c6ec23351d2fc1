// ESLint enforces the rooms of DESIGN.md: a wrong import arrow fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noImport = (patterns, why) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: why })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...noImport(['node:*', 'fs', 'path', 'os', 'crypto', 'react', 'react-dom', 'electron', '**/server/**', '**/renderer/**', '**/electron/**'], 'shared/ is pure domain code: libraries only, no Node, DOM, React or electron (DESIGN.md)'),
      'no-restricted-globals': ['error', { name: 'window', message: 'shared/ has no DOM globals' }, { name: 'localStorage', message: 'shared/ has no DOM globals' }, { name: 'process', message: 'shared/ has no Node globals' }, { name: 'Buffer', message: 'shared/ has no Node globals' }],
    },
  },
  {
    // Node classes may build their DOM, but only inside createDOM (DESIGN.md, "Node classes").
    files: ['shared/**/*.ts'],
    ignores: ['shared/nodes/**', 'shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'document', message: 'shared/ has no DOM globals' }, { name: 'window', message: 'shared/ has no DOM globals' }, { name: 'localStorage', message: 'shared/ has no DOM globals' }, { name: 'process', message: 'shared/ has no Node globals' }, { name: 'Buffer', message: 'shared/ has no Node globals' }],
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: noImport(['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom'], 'server/ imports shared/ and Node only (DESIGN.md)'),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: noImport(['**/server/**', '**/electron/**', 'electron', 'node:*', 'better-sqlite3'], 'renderer/ imports shared/ and the DOM only, never server/ or electron/ (DESIGN.md)'),
  },
  {
    files: ['renderer/public/**/*.js'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: noImport(['**/server/**', '**/renderer/**'], 'the preload is a minimal typed bridge: electron and shared/ only'),
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: noImport(['**/renderer/**'], 'electron/main imports shared/, server/ and electron, never renderer/'),
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{js,ts}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Tests read API bodies loosely; the assertions are what checks their shape.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
