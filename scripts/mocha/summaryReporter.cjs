// mocha's spec reporter, plus one machine-readable line with the counts that
// scripts/test.mjs adds up into the run's closing summary.
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      console.log(`DOSSIER-RESULT ${JSON.stringify({ passed: passes, failed: failures, pending })}`);
    });
  }
}
module.exports = SummaryReporter;
