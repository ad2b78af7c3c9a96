// Entry point for suites that run inside a real VS Code extension host, in the
// form @vscode/test-electron and @vscode/test-cli expect: a module exporting
// run(). The runner scripts read the result line it prints.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { reportResults } from './results';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.PW_VSCODE_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, f));
  }
  // scripts/test-vscode.mjs prints the host's lines from here to PW_RESULTS.
  console.log('PW_TESTS_BEGIN');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => reportResults(runner.stats, failures, resolve, reject));
  });
}
