import type { ChildProcess } from 'node:child_process';
import { type CrashRecord, DEFAULT_RESTART_POLICY, NO_CRASHES, type RestartPolicy, afterCrash } from './restart-policy';

/** One part of the embedded default that the supervisor keeps running. */
export interface Part {
  /** For people: "worker", "API", "Temporal dev server". */
  name: string;
  /** Starts the part; resolves once it runs (a server: once it answers). */
  start(): Promise<ChildProcess>;
  /** Stops it on purpose (SIGTERM, then SIGKILL). */
  stop(child: ChildProcess): Promise<void>;
  /** Waited for before every start: what the part needs must be up first. */
  needs?: () => Promise<void>;
}

export interface SupervisorEvents {
  say(message: string): void;
  /** The part crashed (and is about to be restarted); parts that depend on it may wait. */
  onCrash?(part: Part): void;
  /** The part runs (again). */
  onRunning?(part: Part): void;
  /** The part crashed too often in too short a time; the supervisor stops trying. */
  onGiveUp(part: Part): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/**
 * Keeps one part running: restarts it whenever it stops without being asked to, as the
 * restart policy says, and tells the supervisor's owner when it gives up.
 */
export class Supervised {
  private child: ChildProcess | undefined;
  private record: CrashRecord = NO_CRASHES;
  private restarts = 0;
  private stopping = false;
  private running: Promise<void> | undefined;
  /** The first start, while it is being tried. */
  private starting: Promise<void> | undefined;
  /** Ends the pause between two first-start attempts early, when a stop comes. */
  private wake: (() => void) | undefined;

  constructor(
    readonly part: Part,
    private readonly events: SupervisorEvents,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {}

  /**
   * Starts the part for the first time. A start that fails is tried again as a fast crash
   * is: a port another process took between the check and the bind, or a database file
   * the previous run's server still held, mends itself in a second. After the policy's
   * fast crashes in a row the last failure is the caller's, so a part that cannot start
   * still stops Spor (after five start attempts: seconds when the start fails at once, as
   * long as five of its time-outs when it hangs). A stop asked for meanwhile ends the
   * attempts, and stops what the last one started.
   */
  start(): Promise<void> {
    this.starting = this.firstStart();
    return this.starting;
  }

  private async firstStart(): Promise<void> {
    let record = NO_CRASHES;
    for (;;) {
      try {
        await this.part.needs?.();
        if (this.stopping) return;
        const child = await this.part.start();
        if (this.stopping) return void (await this.part.stop(child));
        this.watch(child, Date.now());
        return;
      } catch (err) {
        // Every failed first start counts as fast, however long it took to fail.
        const now = Date.now();
        const decision = afterCrash(record, now, now, this.policy);
        record = decision.record;
        if (this.stopping) return;
        if (decision.action === 'give-up') throw err;
        this.events.say(
          `The ${this.part.name} could not start (${err instanceof Error ? err.message : String(err)}); ` +
            `trying again in ${seconds(decision.delayMs)}.`,
        );
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, decision.delayMs);
        });
        if (this.stopping) return;
      }
    }
  }

  /** Stops the part and keeps it stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.starting?.catch(() => undefined);
    if (this.child) await this.part.stop(this.child);
    await this.running?.catch(() => undefined);
  }

  private watch(child: ChildProcess, startedAt: number): void {
    this.child = child;
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      if (this.stopping) return;
      this.running = this.recover(startedAt, signal ?? `exit code ${code}`);
    };
    // It may have died between starting and being watched.
    if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
    else child.once('exit', onExit);
  }

  /** After an unasked-for stop: waits as the policy says and starts the part again, until it runs or the policy gives up. */
  private async recover(startedAt: number, how: string): Promise<void> {
    const { name } = this.part;
    this.events.onCrash?.(this.part);
    let ranFrom = startedAt;
    let why = how;
    for (;;) {
      const stoppedAt = Date.now();
      const decision = afterCrash(this.record, ranFrom, stoppedAt, this.policy);
      this.record = decision.record;
      if (decision.action === 'give-up') {
        this.events.say(
          `The ${name} crashed ${this.record.fastCrashes} times in a row, each within ` +
            `${seconds(this.policy.fastCrashMs)} of starting (last: ${why}); giving up. ` +
            'Its output above says why; mend that and start Spor again.',
        );
        this.events.onGiveUp(this.part);
        return;
      }
      this.restarts++;
      this.events.say(
        `The ${name} stopped unexpectedly (${why}) after ${seconds(stoppedAt - ranFrom)}; ` +
          `restarting it in ${seconds(decision.delayMs)} (restart ${this.restarts}).`,
      );
      await new Promise((r) => setTimeout(r, decision.delayMs));
      if (this.stopping) return;
      ranFrom = Date.now();
      try {
        await this.part.needs?.();
        if (this.stopping) return;
        ranFrom = Date.now();
        const child = await this.part.start();
        if (this.stopping) {
          await this.part.stop(child);
          return;
        }
        if (child.exitCode === null && child.signalCode === null) {
          this.events.say(`The ${name} runs again (restart ${this.restarts}).`);
          this.events.onRunning?.(this.part);
        }
        this.watch(child, ranFrom);
        return;
      } catch (err) {
        why = `could not start: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
  }
}
