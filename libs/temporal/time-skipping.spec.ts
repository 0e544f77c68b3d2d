import { type SkippingClock, skipTo } from './time-skipping';

const DAY = 24 * 3_600_000;

/** A clock that records each sleep; `cutEvery` makes every n-th sleep run twice, as a retried RPC does. */
function fakeClock(startMs: number, cutEvery = 0): SkippingClock & { sleeps: number[]; now: number } {
  let calls = 0;
  const clock = {
    now: startMs,
    sleeps: [] as number[],
    async currentTimeMs() {
      return clock.now;
    },
    async sleep(ms: number) {
      clock.sleeps.push(ms);
      clock.now += ms;
      if (cutEvery && ++calls % cutEvery === 0) clock.now += ms;
    },
  };
  return clock;
}

describe('skipTo', () => {
  it('reaches the instant in steps of a day at most', async () => {
    const clock = fakeClock(0);
    await skipTo(clock, 10 * DAY + 5);
    expect(clock.now).toBe(10 * DAY + 5);
    expect(clock.sleeps).toHaveLength(11);
    expect(Math.max(...clock.sleeps)).toBe(DAY);
  });

  it('overshoots by a day at most when every step is run twice', async () => {
    const clock = fakeClock(0, 1);
    await skipTo(clock, 365 * DAY);
    expect(clock.now).toBeGreaterThanOrEqual(365 * DAY);
    expect(clock.now - 365 * DAY).toBeLessThanOrEqual(DAY);
  });

  it('does nothing for an instant already past, and stops when told to', async () => {
    const past = fakeClock(5 * DAY);
    await skipTo(past, DAY);
    expect(past.sleeps).toEqual([]);

    const clock = fakeClock(0);
    await skipTo(clock, 30 * DAY, async () => clock.now < 3 * DAY);
    expect(clock.now).toBe(3 * DAY);
  });
});
