import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { addDays, isoWeekOf, isoWeekday, weekLabel } from '../libs/plan';
import { freePort } from '../libs/temporal';
import { eventually, exited, runNode } from './support/process';
import { type TestSmtp, startSmtp } from './support/smtp';

/**
 * `npm start` heals itself: `kill -9` of the Temporal dev server or of the worker, and
 * the supervisor brings it back while the API keeps answering. Each test runs the
 * compiled product (`dist/apps/spor/main.js`) as the README's run command does.
 */
describe('the embedded default heals itself (npm start)', () => {
  const admin = 'admin-token-for-the-supervisor-test-0123456789';
  const lead = 'pl-heal@example.org';
  const running: ReturnType<typeof runNode>[] = [];
  let smtp: TestSmtp | undefined;

  // Starting Spor, a restart and a reminder at the next whole minute, on a busy machine.
  jest.setTimeout(300_000);

  afterAll(async () => {
    for (const run of running) {
      if (run.child.exitCode === null && run.child.signalCode === null) {
        run.child.kill('SIGCONT');
        run.child.kill('SIGINT');
        await exited(run.child);
      }
    }
    await smtp?.stop();
  });

  async function startSpor(extra: NodeJS.ProcessEnv = {}) {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      DATA_DIR: path.join(process.env.SPOR_TEST_DIR!, `supervisor-${process.pid}-${running.length}`),
      PORT: String(port),
      HOST: '127.0.0.1',
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      TEMPORAL_ADDRESS: '',
      LOG_LEVEL: 'warn',
      SPOR_ADMIN_TOKEN: admin,
      SPOR_LOAD_DEFAULT: 'false',
      ...extra,
    };
    const run = runNode('apps/spor/main.js', env);
    running.push(run);
    const base = `http://127.0.0.1:${port}`;
    await eventually(
      async () => {
        if (run.child.exitCode !== null) throw new Error(`exited early:\n${run.output()}`);
        return (await fetch(`${base}/health`)).status === 200;
      },
      120_000,
      'the embedded product to be healthy',
    );
    const call = (method: string, route: string, body?: unknown, language = 'en') =>
      fetch(`${base}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${admin}`,
          'accept-language': language,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    return { run, base, call };
  }

  /** The supervisor's child process whose command line contains `marker`. */
  function childOf(supervisor: number, marker: string): number {
    const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(supervisor)], { encoding: 'utf8' })
      .trim()
      .split('\n');
    const line = lines.find((l) => l.includes(marker));
    if (!line) throw new Error(`no child running "${marker}" among:\n${lines.join('\n')}`);
    return Number(line.trim().split(/\s+/)[0]);
  }

  /**
   * Where `at` falls on a working day: UTC, or on a weekend a zone where it is already
   * Monday or still Friday (only Saturday 10:00 to Sunday 10:00 UTC has none).
   */
  function workingDayAt(at: Date): { timezone: string; date: string; time: string } {
    for (const timezone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Honolulu']) {
      const local = new Intl.DateTimeFormat('sv-SE', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(at);
      const [date, time] = local.split(' ');
      if (isoWeekday(date) <= 5) return { timezone, date, time };
    }
    throw new Error(`${at.toISOString()} is a weekend everywhere; reminders go out on working days only`);
  }

  /** `{ from, to }` for the weeks `first` and `last` weeks after `date`'s. */
  function weeksAfter(date: string, first: number, last: number) {
    const label = (n: number) => weekLabel(isoWeekOf(addDays(date, 7 * n)));
    return { from: label(first), to: label(last) };
  }

  /** The Friday of the week `n` weeks after `date`'s: a phase's due date, with no holidays. */
  const fridayAfter = (date: string, n: number) => addDays(date, 7 * n + 5 - isoWeekday(date));

  /**
   * A programme running at `at`: sub-analysis "sbv" has phase 1 in that ISO week (due on
   * its Friday, so it starts at once) and phase 2 after it. Its one reminder goes to the
   * lead at `at` (to the minute), as many working days before the due date as there are
   * from that day to Friday.
   */
  function programme(id: string, at: Date) {
    const { timezone, date, time } = workingDayAt(at);
    const { weekYear, week } = isoWeekOf(date);
    const daysBefore = 5 - isoWeekday(date);
    const definition = {
      id,
      title: 'Selvhelbredelse',
      year: weekYear,
      timezone,
      holidays: 'none',
      closedDays: [],
      people: {
        sekretariat: { name: 'Sekretariatet', email: 'sekretariat-heal@example.org' },
        leder: { name: 'Projektleder', email: lead },
      },
      secretariat: ['sekretariat'],
      steeringGroup: { name: 'Styregruppen', members: ['sekretariat'] },
      committee: { name: 'Udvalget', members: ['sekretariat'], packageLeadDays: 5, meetings: [] },
      reminders: {
        beforeDue: daysBefore > 0 ? [daysBefore] : [],
        onDueDay: daysBefore === 0,
        overdueEvery: 5,
        time,
      },
      subAnalyses: [
        {
          id: 'sbv',
          title: 'Borgerservice',
          departments: [],
          projectLeads: ['leder'],
          phases: [
            { code: '1', title: 'Opstart', weeks: String(week) },
            { code: '2', title: 'Analyse', ...weeksAfter(date, 1, 2), after: ['1'] },
          ],
          deliverables: [],
        },
      ],
    };
    return { definition, date };
  }

  interface Snapshot {
    version: number;
    phases: { code: string; due: string; state: string }[];
  }

  /** Creates and starts the programme, and waits until its sub-analysis runs. */
  async function startProgramme(spor: Awaited<ReturnType<typeof startSpor>>, definition: { id: string }) {
    expect((await spor.call('POST', '/api/programmes', definition)).status).toBe(201);
    expect((await spor.call('POST', `/api/programmes/${definition.id}/start`)).status).toBe(202);
    return eventually(
      async () => {
        const res = await spor.call('GET', `/api/programmes/${definition.id}/sub-analyses/sbv`);
        const snapshot = res.status === 200 ? ((await res.json()) as Snapshot) : undefined;
        return snapshot?.phases.find((p) => p.code === '1')?.state === 'active' && snapshot;
      },
      60_000,
      'phase 1 to be active',
    );
  }

  it('answers writes with 503 at once while the Temporal dev server is down, restarts it, and the workflows go on', async () => {
    const spor = await startSpor();
    const id = 'heal-temporal';
    const { definition, date } = programme(id, new Date());
    await startProgramme(spor, definition);
    // A second programme, created but not started: its start is a write too.
    const later = `${id}-later`;
    expect((await spor.call('POST', '/api/programmes', { ...definition, id: later })).status).toBe(201);
    const planPath = `/api/programmes/${id}/sub-analyses/sbv/phases/2`;
    const before = await eventually(async () => {
      const res = await spor.call('PATCH', planPath, { ...weeksAfter(date, 1, 3), reason: 'før nedbruddet' });
      return res.status === 200 && ((await res.json()) as Snapshot);
    });
    expect(before.phases.find((p) => p.code === '2')?.due).toBe(fridayAfter(date, 3));

    // The supervisor is paused while the server is killed, so the outage lasts as long
    // as the test needs to look at it (unpaused, it ends within a second or two).
    const supervisor = spor.run.child.pid!;
    process.kill(supervisor, 'SIGSTOP');
    try {
      process.kill(childOf(supervisor, 'server start-dev'), 'SIGKILL');
      const writes: [string, string, unknown, string][] = [
        ['PATCH', planPath, { ...weeksAfter(date, 2, 3), reason: 'under nedbruddet' }, 'da'],
        ['POST', `/api/programmes/${id}/sub-analyses/sbv/phases/1/complete`, {}, 'en'],
        ['POST', `/api/programmes/${id}/reports`, {}, 'en'],
        ['POST', `/api/programmes/${later}/start`, undefined, 'en'],
      ];
      for (const [method, route, body, language] of writes) {
        const startedAt = Date.now();
        const res = await spor.call(method, route, body, language);
        const elapsed = Date.now() - startedAt;
        const answer = (await res.json()) as { statusCode: number; message: string; details: unknown[] };
        expect({ route, status: res.status }).toEqual({ route, status: 503 });
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(elapsed).toBeLessThan(5_000);
        expect(answer).toEqual({ statusCode: 503, error: 'Service Unavailable', message: answer.message, details: [] });
        expect(answer.message).toMatch(language === 'da' ? /svarer ikke.*Intet er ændret/ : /did not answer/);
      }
      // What the read model holds is still there to read, and /health tells the truth.
      const read = await spor.call('GET', `/api/programmes/${id}/sub-analyses/sbv`);
      expect(read.status).toBe(200);
      expect(((await read.json()) as Snapshot).phases.find((p) => p.code === '2')?.due).toBe(fridayAfter(date, 3));
      const health = await fetch(`${spor.base}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'down', temporal: 'down', database: 'ok' });
    } finally {
      process.kill(supervisor, 'SIGCONT');
    }

    await eventually(
      async () => /The Temporal dev server runs again/.test(spor.run.output()),
      90_000,
      'the supervisor to restart the Temporal dev server',
    );
    expect(spor.run.output()).toMatch(/The Temporal dev server stopped unexpectedly \(SIGKILL\).*restarting it/);
    // The workflow kept its state in data/temporal.db: the change made before the kill is
    // there, and the next one builds on it.
    const after = await eventually(
      async () => {
        const res = await spor.call('PATCH', planPath, { ...weeksAfter(date, 2, 4), reason: 'efter nedbruddet' });
        return res.status === 200 && ((await res.json()) as Snapshot);
      },
      90_000,
      'a plan change to succeed after the restart',
    );
    expect(after.version).toBe(before.version + 1);
    expect((await spor.call('POST', `/api/programmes/${later}/start`)).status).toBe(202);
    expect(after.phases.find((p) => p.code === '1')?.state).toBe('active');
    expect(after.phases.find((p) => p.code === '2')?.due).toBe(fridayAfter(date, 4));
    expect(spor.run.child.exitCode).toBeNull();
  });

  it('keeps the API answering while the worker is killed and restarted, sends a reminder due in the gap once, and restarts a killed API', async () => {
    smtp = await startSmtp();
    // The reminder goes out at the next whole minute that leaves time to set up.
    const due = new Date(Math.ceil((Date.now() + 50_000) / 60_000) * 60_000);
    const spor = await startSpor({ SMTP_URL: smtp.url });
    const id = 'heal-worker';
    const { definition, date } = programme(id, due);
    await startProgramme(spor, definition);
    const reminders = () =>
      smtp!.received.filter((m) => m.to.includes(lead) && /frist for fase 1 "Opstart"/.test(m.text));
    expect(reminders()).toEqual([]);
    const wait = due.getTime() - 700 - Date.now();
    if (wait < 0) throw new Error(`setting up took past ${due.toISOString()}; the reminder is not in the gap`);
    await new Promise((r) => setTimeout(r, wait));

    const supervisor = spor.run.child.pid!;
    process.kill(childOf(supervisor, path.join('apps', 'worker', 'main.js')), 'SIGKILL');
    // The API keeps answering in the gap: /health and reads from the read model.
    const health = await fetch(`${spor.base}/health`);
    expect([200, 503]).toContain(health.status);
    expect(await health.json()).toMatchObject({ database: 'ok' });
    expect((await spor.call('GET', `/api/programmes/${id}`)).status).toBe(200);
    expect(reminders()).toEqual([]);

    await eventually(
      async () => /The worker runs again/.test(spor.run.output()),
      60_000,
      'the supervisor to restart the worker',
    );
    expect(spor.run.output()).toMatch(/The worker stopped unexpectedly \(SIGKILL\).*restarting it/);
    await eventually(async () => reminders().length > 0, 120_000, 'the reminder due during the gap');
    // A write that needs the worker (its Update handler) succeeds, and after it no second copy came.
    const change = await spor.call('PATCH', `/api/programmes/${id}/sub-analyses/sbv/phases/2`, {
      ...weeksAfter(date, 1, 3),
      reason: 'efter genstarten',
    });
    expect(change.status).toBe(200);
    expect(reminders()).toHaveLength(1);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(smtp.received.length);

    // The API is a part like the others: killed, it comes back by itself on the same port.
    process.kill(childOf(supervisor, path.join('apps', 'api', 'main.js')), 'SIGKILL');
    await eventually(
      async () => /The API runs again/.test(spor.run.output()) && (await fetch(`${spor.base}/health`)).status === 200,
      60_000,
      'the API to answer again',
    );
    expect(spor.run.output()).toMatch(/The API stopped unexpectedly \(SIGKILL\).*restarting it/);
    expect((await spor.call('GET', `/api/programmes/${id}`)).status).toBe(200);
    expect(spor.run.child.exitCode).toBeNull();
  });
});
