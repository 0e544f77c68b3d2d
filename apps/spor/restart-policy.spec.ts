import { DEFAULT_RESTART_POLICY, NO_CRASHES, type RestartPolicy, afterCrash } from './restart-policy';

const policy: RestartPolicy = {
  initialDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 5_000,
  fastCrashMs: 10_000,
  maxFastCrashes: 5,
};

/** Crashes `n` times, each `ranMs` after its start, and returns every decision. */
function crashes(ranMs: number[]) {
  let record = NO_CRASHES;
  return ranMs.map((ran) => {
    const decision = afterCrash(record, 100_000, 100_000 + ran, policy);
    record = decision.record;
    return decision;
  });
}

describe('the restart policy', () => {
  it('restarts a part that ran a while after the initial pause', () => {
    expect(afterCrash(NO_CRASHES, 0, 60_000, policy)).toEqual({
      action: 'restart',
      delayMs: 1_000,
      record: { fastCrashes: 0 },
    });
  });

  it('doubles the pause for each fast crash in a row, up to the ceiling', () => {
    const delays = crashes([1_000, 2_000, 3_000, 4_000]).map((d) => (d.action === 'restart' ? d.delayMs : d.action));
    expect(delays).toEqual([1_000, 2_000, 4_000, 5_000]);
  });

  it('gives up at the fifth fast crash in a row', () => {
    const decisions = crashes([1_000, 1_000, 1_000, 1_000, 9_999]);
    expect(decisions.map((d) => d.action)).toEqual(['restart', 'restart', 'restart', 'restart', 'give-up']);
  });

  it('starts counting again after a run longer than the fast window', () => {
    const decisions = crashes([1_000, 1_000, 1_000, 1_000, 10_000, 1_000, 1_000]);
    expect(decisions.map((d) => d.action)).not.toContain('give-up');
    expect(decisions[4]).toEqual({ action: 'restart', delayMs: 1_000, record: { fastCrashes: 0 } });
    expect(decisions[6]).toMatchObject({ delayMs: 2_000, record: { fastCrashes: 2 } });
  });

  it('by default gives up after five crashes each within 10 s of their start', () => {
    let record = NO_CRASHES;
    const actions: string[] = [];
    for (let i = 0; i < 5; i++) {
      const decision = afterCrash(record, 0, 9_000);
      record = decision.record;
      actions.push(decision.action);
    }
    expect(actions).toEqual(['restart', 'restart', 'restart', 'restart', 'give-up']);
    expect(DEFAULT_RESTART_POLICY.fastCrashMs).toBe(10_000);
  });
});
