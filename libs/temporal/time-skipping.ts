/** What moving a time-skipping server's clock needs of its environment (`TestWorkflowEnvironment`). */
export interface SkippingClock {
  currentTimeMs(): Promise<number>;
  sleep(durationMs: number): Promise<void>;
}

const DAY_MS = 24 * 3_600_000;

/**
 * Moves a time-skipping server's clock to `instantMs`, a day at a time at most, reading
 * the clock in between; stops early when `goOn` (asked before each step) says no.
 *
 * Why not one `sleep` to the instant: it is one long RPC, and two things cut it. The
 * server answers the client's keepalive pings (every 30 s, more often than it permits)
 * with GOAWAY after a minute or two without other traffic, and the client's retry then
 * sends the same relative sleep again, from wherever the clock had got to. A test that
 * slept to the end of a programme in one call ran on for a year past it. In steps of a
 * day a retried step overshoots by a day per retry (the client tries up to ten times),
 * and the clock reads between steps keep the connection from going quiet.
 */
export async function skipTo(
  clock: SkippingClock,
  instantMs: number,
  goOn: () => Promise<boolean> = async () => true,
): Promise<void> {
  for (;;) {
    const now = await clock.currentTimeMs();
    if (now >= instantMs || !(await goOn())) return;
    await clock.sleep(Math.min(instantMs - now, DAY_MS));
  }
}
