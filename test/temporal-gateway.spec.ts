import { ConflictException, HttpException, NotFoundException } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { subAnalysesStartedUpdate } from '../workflows/programme/messages';
import { createApi } from '../apps/api/bootstrap';
import { instantiateForYear } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { TemporalGateway } from '../apps/api/temporal/temporal-gateway.service';
import { TemporalUnavailableException } from '../apps/api/temporal/temporal-errors';
import { clientConnectionOptions, connectClient, freePort } from '../libs/temporal';
import { testConfig } from './support/app';

/**
 * The gateway against the real dev server: what Temporal answers for a workflow that
 * never existed, one that has finished, and a server nobody listens on. No worker polls
 * the task queue, so nothing here runs workflow code.
 */
describe('the Temporal gateway (dev server)', () => {
  const config = testConfig();
  let client: Client;
  let gateway: TemporalGateway;

  beforeAll(async () => {
    client = await connectClient(config);
    gateway = new TemporalGateway(client, config);
  });
  afterAll(async () => {
    await client?.connection.close();
  });

  const failure = async (work: Promise<unknown>): Promise<HttpException> => {
    try {
      await work;
    } catch (err) {
      if (err instanceof HttpException) return err;
      throw err;
    }
    throw new Error('expected the call to fail');
  };

  it('answers 404 for a workflow id Temporal never saw', async () => {
    const target = { workflowId: `gateway-test/never-${Date.now()}`, what: 'Programme never' };
    const err = await failure(gateway.update(target, subAnalysesStartedUpdate));
    expect(err).toBeInstanceOf(NotFoundException);
    expect(err.message).toBe('Programme never has no workflow');
  });

  it('answers 409 "not running" for a workflow that has finished', async () => {
    const target = { workflowId: `gateway-test/finished-${Date.now()}`, what: 'Programme finished' };
    await gateway.start(target, 'programmeWorkflow', [{} as never]);
    // A second start of a running workflow is a conflict, not an error.
    expect(await failure(gateway.start(target, 'programmeWorkflow', [{} as never]))).toBeInstanceOf(ConflictException);
    await client.workflow.getHandle(target.workflowId).terminate('the test ends it');
    const err = await failure(gateway.update(target, subAnalysesStartedUpdate));
    expect(err).toBeInstanceOf(ConflictException);
    expect(err.getResponse()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: {
        da: 'Det kan ikke lade sig gøre længere: forløbet er stoppet og tager ikke imod flere handlinger.',
        en: 'Programme finished is not running any more (terminated)',
      },
      details: [],
    });
  });

  it('answers 503 in the error shape when nobody listens at the address', async () => {
    const nowhere = new Client({
      connection: Connection.lazy(clientConnectionOptions(`127.0.0.1:${await freePort()}`)),
    });
    const down = new TemporalGateway(nowhere, config);
    const target = { workflowId: 'gateway-test/unreachable', what: 'Programme unreachable' };
    const update = await failure(down.update(target, subAnalysesStartedUpdate));
    const start = await failure(down.start(target, 'programmeWorkflow', [{} as never]));
    for (const err of [update, start]) {
      expect(err).toBeInstanceOf(TemporalUnavailableException);
      expect(err.getResponse()).toMatchObject({ statusCode: 503, error: 'Service Unavailable', details: [] });
    }
    await nowhere.connection.close();
  });

  it('answers a start over HTTP with 503 while Temporal is away, and starts nothing', async () => {
    const admin = 'admin-token-for-the-unreachable-test-0123';
    const port = await freePort();
    const api = await createApi(
      testConfig({
        PORT: String(port),
        HOST: '127.0.0.1',
        SPOR_ADMIN_TOKEN: admin,
        TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
      }),
    );
    await api.listen(port, '127.0.0.1');
    try {
      const call = (method: string, path: string, body?: unknown) =>
        fetch(`http://127.0.0.1:${port}/api${path}`, {
          method,
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const definition = { ...instantiateForYear(loadDefaultProgramme(), 2031), id: 'gateway-unreachable' };
      expect((await call('POST', '/programmes', definition)).status).toBe(201);
      const res = await call('POST', `/programmes/${definition.id}/start`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { message: string };
      expect(body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: body.message, details: [] });
      expect(body.message).toMatch(/^Programme gateway-unreachable: Temporal/);
      // Nothing was started, so the programme is still not started.
      const programme = (await (await call('GET', `/programmes/${definition.id}`)).json()) as { startedAt: unknown };
      expect(programme.startedAt).toBeNull();
    } finally {
      await api.close();
    }
  });
});
