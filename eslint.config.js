// Lint rules, including the layer boundaries described in docs/architecture.md:
// components -> hooks -> store -> canvas / export -> sync -> doc -> model, i18n beside model.
// Nothing imports from components/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const react = ['react', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'html-to-image'];
const yjsFamily = ['yjs', 'y-websocket', 'y-indexeddb', 'y-protocols/*', 'lib0/*'];
// Relative imports that reach into one of our own folders (not packages such as y-protocols/sync).
const inside = (...dirs) => [`^\\.{1,2}/(?:.*/)?(?:${dirs.join('|')})(?:/.*)?$`];

/** One no-restricted-imports rule per layer: what the files of that layer may not import. */
function layer(files, names, dirs, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [],
          patterns: [
            ...(names.length ? [{ group: names, message: why }] : []),
            ...(dirs.length ? [{ regex: inside(...dirs)[0], message: why }] : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'node_modules/', 'data/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  layer(
    ['src/model/**'],
    [...react, ...yjsFamily],
    ['doc', 'sync', 'store', 'hooks', 'components', 'i18n', 'canvas', 'export'],
    'src/model is pure TypeScript: no React, no Yjs, no other layer.',
  ),
  layer(
    ['src/doc/**'],
    react,
    ['sync', 'store', 'hooks', 'components', 'i18n', 'canvas', 'export'],
    'src/doc may import only src/model and Yjs.',
  ),
  layer(
    ['src/sync/**'],
    react,
    ['store', 'hooks', 'components', 'canvas', 'export'],
    'src/sync may import only src/doc, src/model and the Yjs providers.',
  ),
  // The canvas derivation (doc projections -> React Flow node objects) is framework-free:
  // it may name React Flow's types, never run React.
  {
    files: ['src/canvas/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...react, ...yjsFamily],
              allowTypeImports: true,
              message: 'src/canvas is framework-free: React Flow types only, no React, no Yjs.',
            },
            { regex: inside('doc', 'sync', 'store', 'hooks', 'components', 'export')[0], message: 'src/canvas may import only src/model.' },
          ],
        },
      ],
    },
  },
  layer(
    ['src/export/**'],
    [...react, ...yjsFamily],
    ['doc', 'sync', 'store', 'hooks', 'components', 'canvas'],
    'src/export rasterises a DOM tree it is given: no React, no Yjs, no other layer but src/model.',
  ),
  layer(
    ['src/store/**'],
    [],
    ['hooks', 'components', 'canvas', 'export'],
    'src/store may not import hooks, components or the canvas and export pipelines.',
  ),
  layer(['src/hooks/**'], [], ['components'], 'Nothing imports from components/.'),
  // (not 'canvas' or 'export': i18n/messages has catalogues of those names)
  layer(['src/i18n/**'], [...react, ...yjsFamily], ['doc', 'sync', 'store', 'hooks', 'components'], 'src/i18n holds strings only.'),
  layer(
    ['server/**'],
    react,
    ['components', 'hooks', 'store', 'sync', 'i18n', 'doc/commands', 'canvas', 'export'],
    'server/ may import src/model and src/doc/schema only, never React.',
  ),
);
