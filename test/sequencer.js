/**
 * Jest's order, with one change: the worker-kill tests (test/resilience/killed-workers.spec.ts,
 * run one after the other, the longest file by far) start first, so that the rest of the
 * suite runs beside them instead of after them.
 */
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = /[\\/]test[\\/]resilience[\\/]killed-workers\.spec\.ts$/;

class SporSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter((t) => FIRST.test(t.path)), ...sorted.filter((t) => !FIRST.test(t.path))];
  }
}

module.exports = SporSequencer;
