// @vscode/test-cli configuration: the same suites as `npm run test:vscode`,
// in desktop VS Code, where it can be downloaded (`npx vscode-test`).
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'dist/test/vscode/**/*.test.js',
  workspaceFolder: './test/fixtures/workspace',
  mocha: { ui: 'bdd', timeout: 30000 },
});
