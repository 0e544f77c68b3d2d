import { RunningApp, startApp } from './support/app';

describe('GET /health on the real app (dev server, worker, API, SQLite)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers 200 with every part ok once the worker polls', async () => {
    let body: Record<string, unknown> = {};
    let status = 0;
    // The worker's first poll can take a moment to show in Temporal's task queue description.
    for (let i = 0; i < 40 && status !== 200; i++) {
      const res = await fetch(`${app.baseUrl}/health`);
      status = res.status;
      body = (await res.json()) as Record<string, unknown>;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', temporal: 'ok', database: 'ok' });
  });

  it('needs no token and sends security headers', async () => {
    // No Authorization header at all: the guard must let it through to the check itself.
    const res = await fetch(`${app.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ok');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the OpenAPI document', async () => {
    const res = await fetch(`${app.baseUrl}/api/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/health');
  });
});
