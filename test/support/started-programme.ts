import { instantiateForYear } from '../../libs/plan';
import { loadDefaultProgramme } from '../../libs/plan/default-programme';
import { RunningApp, startApp } from './app';
import { eventually } from './process';

export const SECRETARIAT = 'sekretariat@example.org';
export const SBV_LEAD = 'pl-borgerservice@example.org';

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface StartedProgramme {
  app: RunningApp;
  id: string;
  tokens: Record<string, string>;
  admin: string;
  api(token: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

/**
 * The default programme for next year, under an id of the test's own, loaded and started
 * on the real app, with tokens for the secretariat and a lead; resolves once the
 * workflows have written the read model.
 */
export async function startedProgramme(id: string, admin: string): Promise<StartedProgramme> {
  const app = await startApp({ SPOR_ADMIN_TOKEN: admin });
  const definition = { ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1), id };
  const api: StartedProgramme['api'] = async (token, method, path, body, headers = {}) => {
    const res = await fetch(`${app.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  const tokens: Record<string, string> = {};
  const created = await api(admin, 'POST', '/programmes', definition);
  if (created.status !== 201) throw new Error(`Could not load the programme: ${JSON.stringify(created.body)}`);
  for (const email of [SECRETARIAT, SBV_LEAD]) {
    tokens[email] = (await api(admin, 'POST', `/people/${email}/tokens`, { label: 'test' })).body.token;
  }
  if ((await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`)).status !== 202) {
    throw new Error('Could not start the programme');
  }
  await eventually(
    async () => {
      const status = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/status`);
      return (
        status.body?.subAnalyses?.length > 0 &&
        status.body.subAnalyses.every((s: { phases: unknown[] }) => s.phases.length)
      );
    },
    60_000,
    'the workflows to write the read model',
  );
  return { app, id, tokens, admin, api };
}
