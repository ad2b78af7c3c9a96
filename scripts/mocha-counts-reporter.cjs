// Mocha's spec output, plus the run's counts written to the file named by
// PW_RESULTS_FILE, so scripts/test.mjs can add up every layer.
const { writeFileSync, mkdirSync } = require('node:fs');
const { dirname } = require('node:path');
const Mocha = require('mocha');

class CountsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.PW_RESULTS_FILE;
      if (!file) return;
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ passed: passes, failed: failures, pending })}\n`);
    });
  }
}

module.exports = CountsReporter;
