import type { ChildProcess } from 'node:child_process';
import { pdfFile, pdfText, readZip } from '../../libs/documents/test-fixtures';
import { openDatabase } from '../../libs/persistence';
import { instantiateForYear } from '../../libs/plan';
import { loadDefaultProgramme } from '../../libs/plan/default-programme';
import { freePort } from '../../libs/temporal';
import { testConfig } from '../support/app';
import { TestPostgres, startPostgres } from '../support/postgres';
import { eventually, exited, runNode } from '../support/process';
import { TestSmtp, startSmtp } from '../support/smtp';

const ADMIN = 'admin-token-for-the-cluster-test-0123456789';
const SECRETARIAT = 'sekretariat@example.org';
const SBV_LEAD = 'pl-borgerservice@example.org';
const COMMITTEE_MEMBER = 'udvalgsmedlem-2@example.org';
const JUNE = 'udvalg-juni';

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  bytes: Buffer;
  headers: Headers;
  /** Which API process answered. */
  instance: number;
}

/**
 * The production shape of docker-compose.yml, on this machine: PostgreSQL, a Temporal
 * server started apart and reached by TEMPORAL_ADDRESS, two API processes and two worker
 * processes (the compiled entry points, as the containers run them) sharing the
 * database and the file folder. Requests take turns between the two APIs, and every
 * write is read back from the other one at once: each answer is right whichever
 * instance takes it.
 */
describe('two APIs and two workers on PostgreSQL (the docker-compose shape)', () => {
  let pg: TestPostgres;
  let smtp: TestSmtp;
  const apis: string[] = [];
  const children: { name: string; child: ChildProcess; output: () => string }[] = [];
  const answeredBy = [0, 0];
  let turn = 0;
  const tokens: Record<string, string> = {};
  const definition = { ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1), id: 'cluster' };
  const id = definition.id;

  /** Sends to the API whose turn it is (or the one named), alternating. */
  async function api(
    token: string,
    method: string,
    path: string,
    body?: unknown,
    instance = turn++ % 2,
  ): Promise<Reply> {
    const form = body instanceof FormData;
    const res = await fetch(`${apis[instance]}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body && !form ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    answeredBy[instance]++;
    const bytes = Buffer.from(await res.arrayBuffer());
    const json = res.headers.get('content-type')?.includes('json');
    return {
      status: res.status,
      body: json && bytes.length ? JSON.parse(String(bytes)) : undefined,
      bytes,
      headers: res.headers,
      instance,
    };
  }
  /** The other instance than the one that answered `reply`. */
  const other = (reply: Reply) => 1 - reply.instance;

  afterAll(async () => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map(({ child }) => exited(child)));
    await smtp?.stop();
    pg?.stop();
  });

  jest.setTimeout(300_000);

  beforeAll(async () => {
    pg = await startPostgres();
    smtp = await startSmtp();
    // A task queue and a data folder of this test's; the Temporal server is the dev
    // server the test run started, apart from Spor, as a cluster would be.
    const config = testConfig();
    const database = { type: 'postgres' as const, url: pg.url };
    // The schema first, once, as an operator's migration step would (the API and worker
    // processes do not migrate; four of them at once would race).
    await (await openDatabase(database)).destroy();
    const env = {
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: config.temporal.address,
      TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
      DATA_DIR: config.dataDir,
      SMTP_URL: smtp.url,
      SPOR_ADMIN_TOKEN: ADMIN,
      SPOR_LOAD_DEFAULT: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
    };
    for (const name of ['worker-1', 'worker-2']) children.push({ name, ...runNode('apps/worker/main.js', env) });
    for (const name of ['api-1', 'api-2']) {
      const port = await freePort();
      apis.push(`http://127.0.0.1:${port}`);
      children.push({
        name,
        ...runNode('apps/api/main.js', { ...env, PORT: String(port), PUBLIC_URL: 'http://spor.test' }),
      });
    }
    for (const base of apis) {
      await eventually(
        async () => {
          const dead = children.find(({ child }) => child.exitCode !== null);
          if (dead) throw new Error(`${dead.name} exited:\n${dead.output()}`);
          return (await fetch(`${base}/health`)).status === 200;
        },
        120_000,
        `${base} to be healthy`,
      );
    }
  });

  it('creates a programme on one API and serves it from the other; a token minted on one works on both', async () => {
    const created = await api(ADMIN, 'POST', '/programmes', definition);
    expect(created.status).toBe(201);
    const read = await api(ADMIN, 'GET', `/programmes/${id}`, undefined, other(created));
    expect(read.status).toBe(200);
    expect(read.body.plan.subAnalyses.map((s: { id: string }) => s.id)).toEqual(
      definition.subAnalyses.map((s) => s.id),
    );
    expect((await api(ADMIN, 'POST', '/programmes', definition, created.instance)).status).toBe(409);
    expect((await api(ADMIN, 'POST', '/programmes', definition, other(created))).status).toBe(409);
    for (const email of [SECRETARIAT, SBV_LEAD, COMMITTEE_MEMBER]) {
      const minted = await api(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'cluster' });
      expect(minted.status).toBe(201);
      tokens[email] = minted.body.token;
      for (const instance of [0, 1])
        expect((await api(minted.body.token, 'GET', '/me', undefined, instance)).status).toBe(200);
    }
  });

  it('starts the programme once, whichever API is asked twice', async () => {
    const started = await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`);
    expect(started.status).toBe(202);
    const again = await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`, undefined, other(started));
    expect(again.status).toBe(409);
    await eventually(
      async () => (await sbvPhase('1'))?.state === 'ready',
      60_000,
      'phase 1 to be ready (the workflows write the read model as they start)',
    );
  });

  const sbvPhase = async (code: string, instance?: number) => {
    const status = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/status`, undefined, instance);
    return status.body.subAnalyses
      .find((s: { id: string }) => s.id === 'sbv')
      ?.phases.find((p: { code: string }) => p.code === code);
  };

  it('starts and completes a phase on one API; the other shows it at once', async () => {
    const path = `/programmes/${id}/sub-analyses/sbv/phases`;
    const started = await api(tokens[SBV_LEAD], 'POST', `${path}/1/start`);
    expect(started.status).toBe(200);
    expect(await sbvPhase('1', other(started))).toMatchObject({ state: 'active' });
    // Starting it again is refused by the workflow, whichever API relays it.
    expect((await api(tokens[SBV_LEAD], 'POST', `${path}/1/start`, undefined, other(started))).status).toBe(409);

    const completed = await api(tokens[SBV_LEAD], 'POST', `${path}/1/complete`, { note: 'Scoping er godkendt' });
    expect(completed.status).toBe(200);
    expect(await sbvPhase('1', other(completed))).toMatchObject({
      state: 'completed',
      completedBy: SBV_LEAD,
      note: 'Scoping er godkendt',
    });
    expect((await sbvPhase('2A', other(completed))).state).toBe('ready');
    const detail = await api(
      tokens[SBV_LEAD],
      'GET',
      `/programmes/${id}/sub-analyses/sbv`,
      undefined,
      other(completed),
    );
    expect(detail.body.history.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining(['phase-started', 'phase-completed']),
    );
  });

  it('changes a plan on one API; the other serves the new plan and dates at once', async () => {
    const changed = await api(tokens[SECRETARIAT], 'PATCH', `/programmes/${id}/sub-analyses/sbv/phases/2A`, {
      weeks: '14-17',
      reason: 'Mere tid til kortlægning',
    });
    expect(changed.status).toBe(200);
    const programme = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}`, undefined, other(changed));
    const planned = programme.body.plan.subAnalyses
      .find((s: { id: string }) => s.id === 'sbv')
      .phases.find((p: { code: string }) => p.code === '2A');
    expect(planned.weeks).toBe('14-17');
    expect((await sbvPhase('2A', other(changed))).due).toBe(planned.due);
    const audit = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/audit`, undefined, other(changed));
    expect(audit.status).toBe(200);
    expect(audit.body.length).toBeGreaterThan(0);
  });

  describe('a meeting cycle, each step on the other API than the one before', () => {
    const meeting = `/programmes/${id}/meetings/${JUNE}`;
    const material = pdfFile('Foreløbige analysefund, klar til udvalget');

    beforeAll(async () => {
      await eventually(
        async () => (await api(tokens[SECRETARIAT], 'GET', meeting)).body?.version > 0,
        60_000,
        'the June meeting workflow to write the read model',
      );
    });

    const sbvDeliverable = async (instance: number) =>
      (await api(tokens[SECRETARIAT], 'GET', meeting, undefined, instance)).body.deliverables.find(
        (d: { subAnalysis: string }) => d.subAnalysis === 'sbv',
      );

    it('takes material on one API and serves its bytes from the other (one shared file folder)', async () => {
      const bytes = await material;
      const form = new FormData();
      form.append('file', new Blob([bytes]), 'Foreløbige fund.pdf');
      form.append('comment', 'Klar til udvalget');
      const submitted = await api(tokens[SBV_LEAD], 'POST', `${meeting}/deliverables/sbv`, form);
      expect(submitted.status).toBe(201);
      expect(submitted.body.number).toBe(1);
      expect((await sbvDeliverable(other(submitted))).state).toBe('submitted');
      const download = await api(
        tokens[COMMITTEE_MEMBER],
        'GET',
        `${meeting}/deliverables/sbv/versions/1`,
        undefined,
        other(submitted),
      );
      expect(download.status).toBe(200);
      expect(download.bytes.equals(bytes)).toBe(true);
    });

    it('approves on one API; the other shows it approved and packs it in the draft package', async () => {
      const approved = await api(tokens[SECRETARIAT], 'POST', `${meeting}/deliverables/sbv/approve`);
      expect(approved.status).toBe(200);
      expect(await sbvDeliverable(other(approved))).toMatchObject({ state: 'approved', approvedVersion: 1 });
      const draft = await api(tokens[SECRETARIAT], 'GET', `${meeting}/package?draft=true`, undefined, other(approved));
      expect(draft.status).toBe(200);
      const entries = await readZip(draft.bytes);
      expect(entries.map((e) => e.name)).toEqual([
        expect.stringMatching(/^Dagsorden - .*\.pdf$/),
        expect.stringMatching(/Foreløbige analysefund\.pdf$/),
      ]);
      expect(entries[1].bytes.equals(await material)).toBe(true);
    });

    it('records decisions on one API; the other serves the protocol and the decision on the sub-analysis', async () => {
      const decided = await api(tokens[SECRETARIAT], 'POST', `${meeting}/decisions`, {
        items: [{ subAnalysis: 'sbv', outcome: 'godkendt', input: 'Udvalget ønsker særligt fokus på ventetider.' }],
      });
      expect(decided.status).toBe(200);
      const again = await api(tokens[SECRETARIAT], 'GET', meeting, undefined, other(decided));
      expect(again.body.decisions).toEqual([expect.objectContaining({ subAnalysis: 'sbv', outcome: 'godkendt' })]);
      // The protocol is made by whichever worker takes the task, and served by either API.
      const protocol = await eventually(
        async () => {
          const res = await api(tokens[COMMITTEE_MEMBER], 'GET', `${meeting}/protocol.pdf`);
          return res.status === 200 ? res : undefined;
        },
        60_000,
        'the protocol to be made',
      );
      expect(await pdfText(protocol.bytes)).toContain('særligt fokus på ventetider');
      await eventually(
        async () =>
          (await api(tokens[SBV_LEAD], 'GET', `/programmes/${id}/sub-analyses/sbv`)).body.decisions.some(
            (d: { meeting: string; outcome: string }) => d.meeting === JUNE && d.outcome === 'godkendt',
          ),
        60_000,
        'the decision on the sub-analysis',
      );
    });
  });

  it('had both APIs answer, and no process fell over', () => {
    expect(answeredBy[0]).toBeGreaterThan(10);
    expect(answeredBy[1]).toBeGreaterThan(10);
    for (const { name, child, output } of children)
      expect({ name, running: child.exitCode === null, output: child.exitCode === null ? '' : output() }).toEqual({
        name,
        running: true,
        output: '',
      });
  });
});
