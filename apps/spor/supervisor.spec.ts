import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { RestartPolicy } from './restart-policy';
import { type Part, Supervised } from './supervisor';

/** A stand-in for a child process: it exits when the test says so. */
class FakeChild extends EventEmitter {
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  die(signal: NodeJS.Signals | null, code: number | null = null) {
    this.exitCode = code;
    this.signalCode = signal;
    this.emit('exit', code, signal);
  }
}

const quick: RestartPolicy = { initialDelayMs: 5, factor: 2, maxDelayMs: 40, fastCrashMs: 10_000, maxFastCrashes: 3 };
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

function setUp(startFails: (n: number) => boolean = () => false) {
  const children: FakeChild[] = [];
  const said: string[] = [];
  const gaveUp: string[] = [];
  const part: Part = {
    name: 'worker',
    start: async () => {
      if (startFails(children.length + 1)) {
        children.push(new FakeChild());
        throw new Error('port taken');
      }
      const child = new FakeChild();
      children.push(child);
      return child as unknown as ChildProcess;
    },
    stop: async (child) => void (child as unknown as FakeChild).die('SIGTERM'),
  };
  const supervised = new Supervised(part, { say: (m) => said.push(m), onGiveUp: (p) => gaveUp.push(p.name) }, quick);
  return { children, said, gaveUp, supervised };
}

describe('a supervised part', () => {
  it('is started again after it is killed, and the restart is logged', async () => {
    const { children, said, supervised } = setUp();
    await supervised.start();
    children[0].die('SIGKILL');
    await until(() => children.length === 2);
    expect(said[0]).toMatch(
      /^The worker stopped unexpectedly \(SIGKILL\) after .*; restarting it in 0\.0 s \(restart 1\)\.$/,
    );
    expect(said[1]).toBe('The worker runs again (restart 1).');
    await supervised.stop();
  });

  it('gives up loudly after repeated fast crashes, however they come', async () => {
    // The first restart cannot even start; the others start and die at once.
    const { children, said, gaveUp, supervised } = setUp((n) => n === 2);
    await supervised.start();
    children[0].die(null, 1);
    await until(() => children.length === 3);
    children[2].die(null, 1);
    await until(() => gaveUp.length === 1);
    expect(gaveUp).toEqual(['worker']);
    expect(said.at(-1)).toMatch(
      /^The worker crashed 3 times in a row, each within 10 s of starting \(last: exit code 1\); giving up\./,
    );
    expect(said.some((m) => /could not start: port taken/.test(m))).toBe(true);
    expect(children).toHaveLength(3);
  });

  it('tries a failed first start again, and fails after the policy has given up', async () => {
    const once = setUp((n) => n === 1);
    await once.supervised.start();
    expect(once.children).toHaveLength(2);
    expect(once.said).toEqual(['The worker could not start (port taken); trying again in 0.0 s.']);
    await once.supervised.stop();

    const never = setUp(() => true);
    await expect(never.supervised.start()).rejects.toThrow('port taken');
    expect(never.children).toHaveLength(quick.maxFastCrashes);
  });

  it('ends the first-start attempts when stopped between two of them, starting nothing after', async () => {
    const slow: RestartPolicy = { ...quick, initialDelayMs: 5_000 };
    const children: FakeChild[] = [];
    const part: Part = {
      name: 'worker',
      start: async () => {
        children.push(new FakeChild());
        throw new Error('port taken');
      },
      stop: async () => undefined,
    };
    const supervised = new Supervised(part, { say: () => undefined, onGiveUp: () => undefined }, slow);
    const starting = supervised.start();
    await until(() => children.length === 1);
    await supervised.stop();
    await starting;
    await new Promise((r) => setTimeout(r, 30));
    expect(children).toHaveLength(1);
  });

  it('is not restarted once it is stopped on purpose', async () => {
    const { children, said, supervised } = setUp();
    await supervised.start();
    await supervised.stop();
    await new Promise((r) => setTimeout(r, 30));
    expect(children).toHaveLength(1);
    expect(said).toEqual([]);
  });
});
