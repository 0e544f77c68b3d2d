import * as net from 'node:net';
import { HttpException } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { SporConfig } from '../../../libs/config';
import { clientConnectionOptions } from '../../../libs/temporal';
import { subAnalysesStartedUpdate } from '../../../workflows/programme/messages';
import { RETRY_AFTER_SECONDS, TemporalUnavailableException } from './temporal-errors';
import { TemporalGateway } from './temporal-gateway.service';

const config = { temporal: { taskQueue: 'deadline-test', namespace: 'default' } } as SporConfig;
const target = { workflowId: 'deadline-test/1', what: 'Programme deadline-test' };

async function failure(work: Promise<unknown>): Promise<HttpException> {
  try {
    await work;
  } catch (err) {
    if (err instanceof HttpException) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/**
 * A Temporal that takes the connection but never answers (a stalled or overloaded
 * server): the deadlines turn every call into a 503 that says the change may still come,
 * instead of a request that hangs.
 */
describe('the gateway against a server that never answers', () => {
  let silent: net.Server;
  const sockets: net.Socket[] = [];
  let client: Client;
  let gateway: TemporalGateway;

  beforeAll(async () => {
    silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    client = new Client({ connection: Connection.lazy(clientConnectionOptions(`127.0.0.1:${port}`)) });
    gateway = new TemporalGateway(client, config);
  });
  afterAll(async () => {
    await client.connection.close();
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('answers a start with 503 and Retry-After once its deadline has passed', async () => {
    const err = await failure(gateway.start(target, 'programmeWorkflow', [{} as never]));
    expect(err).toBeInstanceOf(TemporalUnavailableException);
    expect((err as TemporalUnavailableException).retryAfterSeconds).toBe(RETRY_AFTER_SECONDS);
    expect(err.getResponse()).toMatchObject({
      statusCode: 503,
      message: {
        da: expect.stringMatching(/svarede ikke i tide/),
        en: expect.stringMatching(/did not answer in time/),
      },
    });
  });

  it('answers an Update with 503 too', async () => {
    const err = await failure(gateway.update(target, subAnalysesStartedUpdate));
    expect(err).toBeInstanceOf(TemporalUnavailableException);
  }, 30_000);
});

describe('the gateway while the API shuts down', () => {
  it('answers 503, not 500, once the connection is closed under it', async () => {
    const client = new Client({ connection: Connection.lazy(clientConnectionOptions('127.0.0.1:1')) });
    const gateway = new TemporalGateway(client, config);
    gateway.onModuleDestroy();
    await client.connection.close();
    const err = await failure(gateway.start(target, 'programmeWorkflow', [{} as never]));
    expect(err).toBeInstanceOf(TemporalUnavailableException);
    expect(err.getResponse()).toMatchObject({ message: { en: expect.stringMatching(/Nothing was changed/) } });
  });
});
