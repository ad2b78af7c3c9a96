// ESLint flat config. The one rule that matters most here: src/core stays pure
// (no vscode, no Node file system) so the CLI, the extension and a future web
// build all share it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', 'examples/**', '.vscode-test/**'] },
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
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core is pure: the extension adapts it in src/features.' },
          { name: 'fs', message: 'src/core reads files only through the FileSystem interface.' },
          { name: 'node:fs', message: 'src/core reads files only through the FileSystem interface.' },
          { name: 'fs/promises', message: 'src/core reads files only through the FileSystem interface.' },
          { name: 'node:fs/promises', message: 'src/core reads files only through the FileSystem interface.' },
          { name: 'path', message: 'src/core works on URIs/POSIX paths; use src/core/paths.ts.' },
          { name: 'node:path', message: 'src/core works on URIs/POSIX paths; use src/core/paths.ts.' },
        ],
      }],
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
