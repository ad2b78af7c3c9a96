// Entry point for the same suites in the web worker extension host (as on
// vscode.dev). There is no Node there: mocha is its browser build, the suites
// are bundled in (esbuild.mjs lists them after this module, so describe/it
// exist when they load), and node:assert/strict is the `assert` package.
import 'mocha/mocha.js';
import { reportResults } from '../results';

interface BrowserMocha {
  setup(options: { ui: string; reporter: string; timeout: number; color: boolean }): void;
  run(done: (failures: number) => void): { stats?: { passes?: number; failures?: number; pending?: number } };
}
const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });

export function run(): Promise<void> {
  console.log('PW_TESTS_BEGIN');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => reportResults(runner.stats, failures, resolve, reject));
  });
}
