// Lint rules, including the layer boundaries described in docs/architecture.md:
// components -> hooks -> store -> doc / sync -> model. Nothing imports from components/.
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
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', '.tmp/'] },
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
  layer(['src/model/**'], [...react, ...yjsFamily], ['doc', 'sync', 'store', 'hooks', 'components', 'i18n'],
    'src/model is pure TypeScript: no React, no Yjs, no other layer.'),
  layer(['src/doc/**'], react, ['sync', 'store', 'hooks', 'components', 'i18n'],
    'src/doc may import only src/model and Yjs.'),
  layer(['src/sync/**'], react, ['store', 'hooks', 'components'],
    'src/sync may import only src/doc, src/model and the Yjs providers.'),
  layer(['src/store/**'], [], ['hooks', 'components'], 'src/store may not import hooks or components.'),
  layer(['src/hooks/**'], [], ['components'], 'Nothing imports from components/.'),
  layer(['src/i18n/**'], [...react, ...yjsFamily], ['doc', 'sync', 'store', 'hooks', 'components'],
    'src/i18n holds strings only.'),
  layer(['server/**'], react, ['components', 'hooks', 'store', 'sync', 'i18n', 'doc/commands'],
    'server/ may import src/model and src/doc/schema only, never React.'),
);
