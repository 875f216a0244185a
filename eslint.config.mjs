// Lint rules, including the ones that keep the process boundaries of architecture.md:
// shared/ is pure (no node:*, no DOM-only or Electron imports), the renderer never imports main/ or Node,
// and the preload imports nothing but electron and the shared contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util'];

const sandboxOnlyThroughIndex = {
  group: ['**/sandbox/*', '!**/sandbox/index'],
  message: 'main/ uses the simulator only through sandbox/index.ts.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.tmp/**',
      'docs/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', '*.config.ts', '*.config.mts', '*.config.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node modules.' },
            {
              group: ['electron', 'react', '**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'shared/ imports nothing from the processes.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer is sandboxed: no Node modules.' },
            {
              group: ['electron', '**/main/**', '**/preload/**'],
              message: 'The renderer talks to main only through window.authdesk.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The preload is sandboxed: only electron and the shared contract.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only the shared contract.' },
          ],
        },
      ],
    },
  },
  // The simulator is its own module (architecture.md): sandbox/ imports shared/ and packages only, and
  // main/ reaches it only through sandbox/index.ts (start it, drive it with the control client), so the app
  // can never write into the simulator's state. Kept as separate blocks: a later no-restricted-imports for
  // the same files replaces an earlier one.
  {
    files: ['sandbox/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'sandbox/ imports only shared/ (and Node or npm packages).',
            },
          ],
        },
      ],
    },
  },
  // main/ depends downwards only: platform/ (plumbing, no business rules) < microsoft/ (the Partner Center and
  // Graph clients, sign-in) < features/ < app/ (composition root), cli/ and the entry points. A feature uses
  // another feature through its services, never through its repository (its SQL). Every block of main/ also
  // keeps the simulator behind sandbox/index.ts.
  ...[
    { files: ['main/*.ts', 'main/cli/**/*.ts'], layer: 'entry', forbidden: [] },
    { files: ['main/app/**/*.ts'], layer: 'app', forbidden: ['cli'] },
    { files: ['main/features/**/*.ts'], layer: 'features', forbidden: ['app', 'cli'] },
    { files: ['main/microsoft/**/*.ts'], layer: 'microsoft', forbidden: ['features', 'app', 'cli'] },
    { files: ['main/platform/**/*.ts'], layer: 'platform', forbidden: ['microsoft', 'features', 'app', 'cli'] },
  ].map(({ files, layer, forbidden }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            sandboxOnlyThroughIndex,
            ...forbidden.map((folder) => ({
              regex: `^(\\.\\./)+${folder}(/|$)`,
              message: `Imports in main/ point downwards: ${layer}/ may not import ${folder}/.`,
            })),
            ...(layer === 'features'
              ? [
                  {
                    // ../<another feature>/<name>-repository from inside features/<feature>/.
                    regex: '^\\.\\./[^./][^/]*/[^/]+-repository$',
                    message: 'A feature uses another feature through its services, never through its repository.',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
);
