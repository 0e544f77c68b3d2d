import type { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../apps/api/common/tokens';
import { instantiateForYear } from '../libs/plan';
import { subAnalysisWorkflowId } from '../workflows/ids';
import { stateQuery } from '../workflows/sub-analysis/messages';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { RunningApp, startApp } from './support/app';
import { eventually } from './support/process';

const ADMIN = 'admin-token-for-the-http-test-0123456789';
const SECRETARIAT = 'sekretariat@example.org';
const SBV_LEAD = 'pl-borgerservice@example.org';
const KLIMA_LEAD = 'pl-klima@example.org';

/**
 * The API end to end on the dev server: a programme is loaded, started, and its
 * phases moved by the people whose roles allow it.
 */
describe('sub-analyses over HTTP (dev server, worker, API)', () => {
  let app: RunningApp;
  const tokens: Record<string, string> = {};
  // An id of its own: test files share one Temporal dev server, and workflow ids derive from it.
  const definition = {
    ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1),
    id: 'http-test',
  };
  const id = definition.id;

  async function api(token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${app.baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN });
    expect((await api(ADMIN, 'POST', '/programmes', definition)).status).toBe(201);
    for (const email of [SECRETARIAT, SBV_LEAD, KLIMA_LEAD]) {
      const res = await api(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'test' });
      expect(res.status).toBe(201);
      tokens[email] = res.body.token;
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  const sbvPhase = async (code: string) => {
    const status = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/status`);
    return status.body.subAnalyses
      .find((s: { id: string }) => s.id === 'sbv')
      .phases.find((p: { code: string }) => p.code === code);
  };

  it('starts the programme once; a second start is 409', async () => {
    expect((await api(tokens[SBV_LEAD], 'POST', `/programmes/${id}/start`)).status).toBe(403);
    expect((await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`)).status).toBe(202);
    const again = await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/started/);
    // The workflows write the read model as they start.
    await eventually(async () => (await sbvPhase('1'))?.state === 'ready', 30_000, 'phase 1 to be ready');
  });

  it('lets the lead start and complete a phase, and shows it in the status at once', async () => {
    const path = `/programmes/${id}/sub-analyses/sbv/phases`;
    const workflow = app.api.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(subAnalysisWorkflowId(id, 'sbv'));
    const before = await workflow.query(stateQuery);
    expect((await api(tokens[KLIMA_LEAD], 'POST', `${path}/1/start`)).status).toBe(403);

    const unknown = await api(tokens[SBV_LEAD], 'POST', `${path}/99/start`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/no phase "99"/);
    const notReady = await api(tokens[SBV_LEAD], 'POST', `${path}/2A/start`);
    expect(notReady.status).toBe(409);
    expect(notReady.body.message).toMatch(/ikke klar.*fase 1/);
    expect((await api(tokens[SBV_LEAD], 'POST', `${path}/1/complete`, {})).status).toBe(409);
    // Refusals change nothing in the workflow, and the audit trail has them.
    expect((await workflow.query(stateQuery)).version).toBe(before.version);
    const audit = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/audit`);
    expect(audit.body.map((e: { outcome: string; status: number }) => [e.outcome, e.status])).toEqual(
      expect.arrayContaining([
        ['refused', 403],
        ['rejected', 409],
      ]),
    );

    const started = await api(tokens[SBV_LEAD], 'POST', `${path}/1/start`);
    expect(started.status).toBe(200);
    const completed = await api(tokens[SBV_LEAD], 'POST', `${path}/1/complete`, { note: 'Scoping er godkendt' });
    expect(completed.status).toBe(200);
    // Read-your-writes: the status, answered from the database, already shows it.
    const phase = await sbvPhase('1');
    expect(phase).toMatchObject({ state: 'completed', completedBy: SBV_LEAD, note: 'Scoping er godkendt' });
    expect((await sbvPhase('2A')).state).toBe('ready');

    const detail = await api(tokens[KLIMA_LEAD], 'GET', `/programmes/${id}/sub-analyses/sbv`);
    expect(detail.status).toBe(200);
    expect(detail.body.history.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining(['started', 'phase-started', 'phase-completed']),
    );
    expect((await api(tokens[SBV_LEAD], 'POST', `${path}/1/complete`, { note: 7 })).status).toBe(400);
  });

  it('lets the secretariat change a plan; bad weeks are 400 naming the field', async () => {
    const path = `/programmes/${id}/sub-analyses/sbv/phases/2A`;
    expect((await api(tokens[SBV_LEAD], 'PATCH', path, { weeks: '14-17', reason: 'x' })).status).toBe(403);
    const missing = await api(tokens[SECRETARIAT], 'PATCH', path, { weeks: '14-17' });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ path: 'reason' })]);
    const backwards = await api(tokens[SECRETARIAT], 'PATCH', path, { weeks: '17-14', reason: 'x' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details[0].path).toBe('weeks');

    const changed = await api(tokens[SECRETARIAT], 'PATCH', path, {
      weeks: '14-17',
      reason: 'Mere tid til kortlægning',
    });
    expect(changed.status).toBe(200);
    const programme = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}`);
    const planned = programme.body.plan.subAnalyses
      .find((s: { id: string }) => s.id === 'sbv')
      .phases.find((p: { code: string }) => p.code === '2A');
    expect(planned.weeks).toBe('14-17');
    expect((await sbvPhase('2A')).due).toBe(planned.due);
  });

  it('opens a gate by hand only once, and lists the notifications to come', async () => {
    const path = `/programmes/${id}/sub-analyses/sbv/gates/3/open`;
    expect((await api(tokens[SECRETARIAT], 'POST', path, {})).status).toBe(400);
    expect((await api(tokens[SECRETARIAT], 'POST', path, { reason: 'Udvalget har givet input' })).status).toBe(200);
    const again = await api(tokens[SECRETARIAT], 'POST', path, { reason: 'igen' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/allerede åben/);

    const notifications = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/notifications`);
    expect(notifications.status).toBe(200);
    type Upcoming = { key: string; kind: string; recipients: string[]; subject: string; dueAt: string };
    const upcoming = notifications.body.upcoming as Upcoming[];
    expect(upcoming.length).toBeGreaterThan(10);
    // Messages only, in time order: deadlines, starts and meetings are calendar items.
    expect(upcoming.filter((n) => /-(due|start)$|^meeting$/.test(n.kind))).toEqual([]);
    const times = upcoming.map((n) => Date.parse(n.dueAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(upcoming.map((n) => n.kind)).toEqual(expect.arrayContaining(['phase-reminder', 'material-reminder']));
    // Phase 1 was completed above: nothing more about it.
    expect(upcoming.filter((n) => n.key.startsWith('sbv/phase/1/'))).toEqual([]);

    // A few by hand. The programme runs next year; the dates below are for 2027, whose
    // ISO week 1 begins Monday 4 January (week N begins 4 January + 7·(N−1) days).
    // In another year, only the checks above apply.
    if (definition.year === 2027) {
      const byKey = new Map(upcoming.map((n) => [n.key, n]));
      // 2A was moved to weeks 14-17 above: due Friday 30 April (week 17); five working
      // days back is Friday 23 April, 09:00 summer time. The subject names the new week.
      expect(byKey.get('sbv/phase/2A/reminder/2027-04-23')).toEqual(
        expect.objectContaining({
          kind: 'phase-reminder',
          dueAt: '2027-04-23T09:00:00+02:00',
          recipients: [SBV_LEAD, 'pl-virksomhedsservice@example.org'],
          subject: expect.stringMatching(/fase 2A.*uge 17.*Samlet Borger- og Virksomhedsservice/),
        }),
      );
      // Klima phase 1, weeks 13-14, due Friday 9 April: back 8, 7, 6, 5 and 2 April.
      expect(byKey.get('klima/phase/1/reminder/2027-04-02')).toEqual(
        expect.objectContaining({
          kind: 'phase-reminder',
          dueAt: '2027-04-02T09:00:00+02:00',
          recipients: [KLIMA_LEAD],
          subject: expect.stringMatching(/fase 1.*Klimaneutral og bæredygtig kommune/),
        }),
      );
      // The June material is due Monday 10 May (week 19, as 5 May 2025 was); five working
      // days back skips Kristi himmelfartsdag, 6 May: 7, 5, 4, 3 May and Friday 30 April.
      expect(byKey.get('klima/material/udvalg-juni/reminder/2027-04-30')).toEqual(
        expect.objectContaining({
          kind: 'material-reminder',
          dueAt: '2027-04-30T09:00:00+02:00',
          recipients: [KLIMA_LEAD],
          subject: expect.stringContaining('Klimaneutral og bæredygtig kommune'),
        }),
      );
      // No reminder on a holiday: skærtorsdag 25 March, 2. påskedag 29 March.
      expect([...byKey.keys()].filter((k) => /\/2027-03-(25|26|29)$/.test(k))).toEqual([]);
    }
    expect((await api(tokens[SBV_LEAD], 'GET', `/programmes/${id}/notifications`)).status).toBe(403);
  });
});
