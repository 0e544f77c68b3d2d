import { instantiateForYear } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { RunningApp, startApp } from './support/app';

const ADMIN = 'admin-token-for-the-start-then-act-test';

/**
 * `POST …/start` is complete when it answers: a person who starts a programme and at
 * once acts on a sub-analysis finds it running, never "not running".
 */
describe('start, then act at once (dev server, worker, API)', () => {
  let app: RunningApp;
  // An id of its own: test files share one Temporal dev server, and workflow ids derive from it.
  const definition = {
    ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1),
    id: 'start-then-act',
  };

  async function api(method: string, path: string, body?: unknown) {
    const res = await fetch(`${app.baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN });
    expect((await api('POST', '/programmes', definition)).status).toBe(201);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('lets every sub-analysis start its first phase right after the start answers', async () => {
    const started = await api('POST', `/programmes/${definition.id}/start`);
    expect(started.status).toBe(202);
    const ids = definition.subAnalyses.map((s) => s.id);
    expect([...started.body.subAnalyses].sort()).toEqual([...ids].sort());

    // No pause, no polling: all at once, the moment the start has answered.
    const actions = await Promise.all(
      ids.map((sid) => api('POST', `/programmes/${definition.id}/sub-analyses/${sid}/phases/1/start`)),
    );
    for (const [i, res] of actions.entries()) {
      expect({ sid: ids[i], status: res.status, message: res.body?.message }).toEqual({
        sid: ids[i],
        status: 200,
        message: undefined,
      });
      expect(res.body.phases.find((p: { code: string }) => p.code === '1').state).toBe('active');
    }
  });
});
