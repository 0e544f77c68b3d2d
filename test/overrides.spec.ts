import { instantiateForYear } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { RunningApp, startApp } from './support/app';
import { eventually } from './support/process';

const ADMIN = 'admin-token-for-the-overrides-test-0123456789';
const SECRETARIAT = 'sekretariat@example.org';
const SBV_LEAD = 'pl-borgerservice@example.org';
const SBV_OWNER = 'projektejer-sbv@example.org';
const KLIMA_LEAD = 'pl-klima@example.org';

/**
 * The secretariat's overrides end to end on the dev server: acting on a lead's behalf,
 * reopening a phase and closing a gate, each with a reason that the history keeps; the
 * same refused to a lead of another sub-analysis.
 */
describe('secretariat overrides over HTTP (dev server, worker, API)', () => {
  let app: RunningApp;
  const tokens: Record<string, string> = {};
  // An id of its own: test files share one Temporal dev server, and workflow ids derive from it.
  const definition = {
    ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1),
    id: 'overrides-test',
  };
  const id = definition.id;
  const sbv = `/programmes/${id}/sub-analyses/sbv`;

  async function api(token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${app.baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  const as = (email: string) => (method: string, path: string, body?: unknown) =>
    api(tokens[email], method, path, body);
  const secretariat = as(SECRETARIAT);

  const phase = (snapshot: { phases: { code: string; state: string }[] }, code: string) =>
    snapshot.phases.find((p) => p.code === code)!;
  const historyTexts = async () =>
    ((await secretariat('GET', sbv)).body.history as { text: string }[]).map((h) => h.text);

  /** A 400 that names `reason` and nothing else. */
  const expectReasonMissing = (res: { status: number; body: { details: { path: string }[] } }) => {
    expect(res.status).toBe(400);
    expect(res.body.details.map((d) => d.path)).toEqual(['reason']);
  };

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN });
    expect((await api(ADMIN, 'POST', '/programmes', definition)).status).toBe(201);
    for (const email of [SECRETARIAT, SBV_LEAD, SBV_OWNER, KLIMA_LEAD]) {
      const res = await api(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'test' });
      expect(res.status).toBe(201);
      tokens[email] = res.body.token;
    }
    expect((await secretariat('POST', `/programmes/${id}/start`)).status).toBe(202);
    await eventually(
      async () =>
        (await secretariat('GET', sbv)).body?.phases?.find((p: { code: string }) => p.code === '1')?.state === 'ready',
      30_000,
      'phase 1 to be ready',
    );
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses every override to a lead of another sub-analysis, and reopen and close to its own lead', async () => {
    const body = { reason: 'Forsøg' };
    for (const action of ['phases/1/start', 'phases/1/complete', 'phases/1/reopen', 'gates/3/close']) {
      expect({ action, status: (await as(KLIMA_LEAD)('POST', `${sbv}/${action}`, body)).status }).toEqual({
        action,
        status: 403,
      });
    }
    for (const action of ['phases/1/reopen', 'gates/3/close']) {
      expect({ action, status: (await as(SBV_LEAD)('POST', `${sbv}/${action}`, body)).status }).toEqual({
        action,
        status: 403,
      });
    }
  });

  it("starts and completes a phase on the lead's behalf only with a reason, and says so in the history", async () => {
    expectReasonMissing(await secretariat('POST', `${sbv}/phases/1/start`));
    expectReasonMissing(await secretariat('POST', `${sbv}/phases/1/start`, { reason: '  ' }));
    const started = await secretariat('POST', `${sbv}/phases/1/start`, { reason: 'Projektlederen er syg' });
    expect(started.status).toBe(200);
    expect(phase(started.body, '1')).toMatchObject({ state: 'active', startedBy: SECRETARIAT });

    expectReasonMissing(await secretariat('POST', `${sbv}/phases/1/complete`, { note: 'Scoping godkendt' }));
    const completed = await secretariat('POST', `${sbv}/phases/1/complete`, {
      note: 'Scoping godkendt',
      reason: 'Projektlederen er syg',
    });
    expect(completed.status).toBe(200);
    expect(phase(completed.body, '1').state).toBe('completed');
    expect(phase(completed.body, '2A').state).toBe('ready');

    expect(await historyTexts()).toEqual(
      expect.arrayContaining([
        'Fase 1 "Opstart og scoping" er startet før tid af sekretariatet. Begrundelse: Projektlederen er syg',
        'Fase 1 "Opstart og scoping" er afsluttet af sekretariatet. Note: Scoping godkendt Begrundelse: Projektlederen er syg',
      ]),
    );
  });

  it('reopens a completed phase with a reason; its successor waits again; the owner acts with no reason', async () => {
    expectReasonMissing(await secretariat('POST', `${sbv}/phases/1/reopen`, {}));
    const notCompleted = await secretariat('POST', `${sbv}/phases/2B/reopen`, { reason: 'Fejl' });
    expect(notCompleted.status).toBe(409);
    expect(notCompleted.body.message).toMatch(/ikke afsluttet/);

    const reopened = await secretariat('POST', `${sbv}/phases/1/reopen`, { reason: 'Afsluttet ved en fejl' });
    expect(reopened.status).toBe(200);
    expect(phase(reopened.body, '1').state).toBe('active');
    expect(phase(reopened.body, '2A').state).toBe('planned');
    // The status (from the database) shows it at once.
    const status = await secretariat('GET', `/programmes/${id}/status`);
    const sbvStatus = status.body.subAnalyses.find((s: { id: string }) => s.id === 'sbv');
    expect(phase(sbvStatus, '1').state).toBe('active');

    // The project owner completes it again: no reason needed, and the history says who.
    const byOwner = await as(SBV_OWNER)('POST', `${sbv}/phases/1/complete`, {});
    expect(byOwner.status).toBe(200);
    expect(await historyTexts()).toEqual(
      expect.arrayContaining([
        'Fase 1 "Opstart og scoping" er genåbnet af sekretariatet og er i gang igen. Begrundelse: Afsluttet ved en fejl',
        'Fase 1 "Opstart og scoping" er afsluttet af projektejeren.',
      ]),
    );

    // Once a phase waiting for it has started, phase 1 stays completed.
    expect((await as(SBV_LEAD)('POST', `${sbv}/phases/2A/start`)).status).toBe(200);
    const refused = await secretariat('POST', `${sbv}/phases/1/reopen`, { reason: 'Igen' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/fase 2A.*er startet/);
  });

  it('closes a gate opened by mistake, with a reason; a closed gate cannot be closed', async () => {
    const notOpen = await secretariat('POST', `${sbv}/gates/3/close`, { reason: 'Fejl' });
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.message).toMatch(/ikke åben/);
    expect((await secretariat('POST', `${sbv}/gates/3/open`, { reason: 'Udvalget har givet input' })).status).toBe(200);
    expectReasonMissing(await secretariat('POST', `${sbv}/gates/3/close`, {}));
    const closed = await secretariat('POST', `${sbv}/gates/3/close`, { reason: 'Åbnet på det forkerte spor' });
    expect(closed.status).toBe(200);
    expect(closed.body.phases.find((p: { code: string }) => p.code === '3').gate).toMatchObject({ open: false });
    expect(await historyTexts()).toContain(
      'Porten før fase 3 "Implementeringsprogram og afrapportering" er lukket igen af sekretariatet. ' +
        'Begrundelse: Åbnet på det forkerte spor',
    );
    expect((await secretariat('POST', `${sbv}/gates/3/close`, { reason: 'Igen' })).status).toBe(409);
  });

  it('answers a plan change with the warnings validating the changed programme gives', async () => {
    // 2C waits for 2A (weeks 14-16); moved into the same weeks it starts before 2A is due.
    const changed = await secretariat('PATCH', `${sbv}/phases/2C`, { weeks: '14-16', reason: 'Parallelt forløb' });
    expect(changed.status).toBe(200);
    expect(phase(changed.body, '2C')).toMatchObject({ weeks: '14-16' });
    expect(changed.body.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringMatching(/after/), message: expect.stringMatching(/phase 2A/) }),
      ]),
    );
    const back = await secretariat('PATCH', `${sbv}/phases/2C`, { weeks: '17-21', reason: 'Tilbage' });
    expect(back.status).toBe(200);
    expect(back.body.warnings.filter((w: { message: string }) => /Phase 2C/.test(w.message))).toEqual([]);
  });
});
