// ESLint flat config. The rules that matter most here keep the layers apart:
// src/core (and the few pure files in src/features) import neither vscode nor
// the Node file system, so the CLI, the extension and the web build all share
// them; and no module in src imports itself back through others (no cycles),
// so each can be read, tested and split on its own.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** Files in src/features that stay as pure as the core. */
const PURE_FEATURE_FILES = [
  'src/features/partners/tree-model.ts',
  'src/features/review/messages.ts',
  'src/features/review/page-html.ts',
  'src/features/history/messages.ts',
  'src/features/history/page-html.ts',
  'src/features/panels/message-parts.ts',
  'src/features/panels/page-shell.ts',
  'src/features/form/page-html.ts',
];

/** What the pure modules may not import (see below). */
const PURE_PATHS = [
  { name: 'vscode', message: 'This module is pure: src/features adapts it to VS Code.' },
  ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({ name, message: 'This module is pure: files come through the FileSystem interface.' })),
  ...['path', 'node:path'].map((name) => ({ name, message: 'This module is pure: it works on URIs and POSIX paths; use src/core/paths.ts.' })),
];

/**
 * The `yaml` package's parser, whose Node build asks the process's environment
 * at every token: src calls it through src/core/yaml/plain-env.ts, which
 * parses with a plain process.env (a quarter of a full parse).
 */
const YAML_PARSER_PATH = {
  name: 'yaml',
  importNames: ['parse', 'parseDocument', 'parseAllDocuments', 'Parser', 'Composer'],
  message: 'Parse through src/core/yaml/plain-env.ts (parseDocument, parseAllDocuments, withParser): it keeps the parse off the process environment.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', 'examples/**', '.vscode-test/**', 'src/core/generated/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // import-x follows imports through TypeScript files with its own resolver
    // (extensions listed here), so no TypeScript resolver package is needed.
    // Type-only imports are erased at build time and it skips them by design.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'no-restricted-imports': ['error', { paths: [YAML_PARSER_PATH] }],
    },
  },
  {
    // The pure modules: the core, and the files in src/features whose logic is
    // tested in plain Node (the Partners tree's shape, the review panel's
    // messages and page shell). A vscode or Node file-system import there would
    // only show up as a failure in the CLI, the web build or the unit tests.
    files: ['src/core/**/*.ts', ...PURE_FEATURE_FILES],
    // (A later block's options replace an earlier one's: the yaml parser's rule is listed again.)
    rules: {
      'no-restricted-imports': ['error', { paths: [...PURE_PATHS, YAML_PARSER_PATH] }],
    },
  },
  {
    // The one door into the yaml parser.
    files: ['src/core/yaml/plain-env.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: PURE_PATHS }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
