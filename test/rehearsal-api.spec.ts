import { RunningApp, startApp } from './support/app';
import { EMAIL, PROGRAMME, call, definition, setUpPeople } from './support/auth';

const ADMIN_TOKEN = 'rehearsal-admin-token-0123456789abcdef';
const PATH = '/api/programmes/rehearse';

describe('POST /api/programmes/rehearse', () => {
  jest.setTimeout(300_000);
  let app: RunningApp;
  let tokens: Awaited<ReturnType<typeof setUpPeople>>;

  beforeAll(async () => {
    // The rehearsal runs the bundle global-setup made, as the worker does.
    process.env.SPOR_WORKFLOW_BUNDLE = process.env.SPOR_TEST_WORKFLOW_BUNDLE;
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN_TOKEN });
    tokens = await setUpPeople(app.api, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers a broken scenario with every problem by path, in the language asked for', async () => {
    const scenario = [
      { at: '2025-13-45', do: 'complete', subAnalysis: 'sbv', phase: '1' },
      { at: '2025-W14-2', do: 'complete', subAnalysis: 'sbv', phase: '9' },
      { at: '2025-W20-1', do: 'request-changes', subAnalysis: 'sbv', meeting: 'udvalg-juni' },
      { at: '2025-W20-1', do: 'fly' },
    ];
    const reply = await call(app.baseUrl, 'POST', PATH, {
      token: tokens.secretariat,
      body: { programmeId: PROGRAMME, scenario },
      headers: { 'accept-language': 'da' },
    });
    expect(reply.status).toBe(400);
    const details = (reply.body as { details: { path: string; message: string }[] }).details;
    expect(details.map((d) => d.path)).toEqual([
      'scenario[0].at',
      'scenario[1].phase',
      'scenario[2].comment',
      'scenario[3].do',
    ]);
    expect(details[1].message).toContain('ingen fase');
    const english = await call(app.baseUrl, 'POST', PATH, {
      token: tokens.secretariat,
      body: { programmeId: PROGRAMME, scenario },
    });
    expect((english.body as { details: { message: string }[] }).details[1].message).toContain('has no phase');
  });

  it('answers a broken definition by path under definition', async () => {
    const broken = { ...definition(), subAnalyses: 'none' };
    const reply = await call(app.baseUrl, 'POST', PATH, { token: ADMIN_TOKEN, body: { definition: broken } });
    expect(reply.status).toBe(400);
    const paths = (reply.body as { details: { path: string }[] }).details.map((d) => d.path);
    expect(paths.some((p) => p.startsWith('definition.subAnalyses'))).toBe(true);
  });

  it('lets only the secretariat of the programme (or the admin) rehearse it', async () => {
    for (const role of ['lead', 'owner', 'steering', 'outsider'] as const) {
      const reply = await call(app.baseUrl, 'POST', PATH, { token: tokens[role], body: { programmeId: PROGRAMME } });
      expect({ role, status: reply.status }).toEqual({ role, status: 403 });
    }
    // A definition for a programme that is not stored: the admin only.
    const unstored = { ...definition('not-stored-yet'), title: 'Ny' };
    const reply = await call(app.baseUrl, 'POST', PATH, { token: tokens.secretariat, body: { definition: unstored } });
    expect(reply.status).toBe(403);
  });

  it('rehearses a stored programme with a late phase: escalations, a refusal, and nothing stored or sent', async () => {
    const reply = await call(app.baseUrl, 'POST', PATH, {
      token: tokens.secretariat,
      body: {
        programmeId: PROGRAMME,
        scenario: [
          // Phase 1 (weeks 12-13) completed two weeks late.
          { at: '2025-W15-3', do: 'complete', subAnalysis: 'sbv', phase: '1' },
          // Phase 2 cannot be completed before it started.
          { at: '2025-W12-2', do: 'complete', subAnalysis: 'sbv', phase: '2' },
        ],
        include: { bodies: true },
      },
    });
    expect(reply.status).toBe(200);
    const { events, summary } = reply.body as {
      events: { type: string; kind: string; subAnalysis?: string; phase?: string; text?: string; body?: string }[];
      summary: { escalations: { subAnalysis?: string; phase?: string }[]; refused: number; year: number };
    };
    expect(summary.escalations.some((e) => e.subAnalysis === 'sbv' && e.phase === '1')).toBe(true);
    const refused = events.filter((e) => e.type === 'refused');
    expect(refused).toEqual([expect.objectContaining({ kind: 'complete', subAnalysis: 'sbv', phase: '2' })]);
    expect(refused[0].text).toBeTruthy();
    expect(summary.refused).toBe(1);
    const escalation = events.find((e) => e.type === 'email' && e.kind === 'phase-escalation')!;
    expect(escalation.body).toMatch(/uge \d+/);
    // The stored programme was not started and nothing went to the outbox.
    const programme = await call(app.baseUrl, 'GET', `/api/programmes/${PROGRAMME}/notifications`, {
      token: tokens.secretariat,
    });
    expect((programme.body as { sent: unknown[] }).sent).toEqual([]);
    expect(EMAIL.secretariat).toBeTruthy();
  });
});
