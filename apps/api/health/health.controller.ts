import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { SporConfig } from '../../../libs/config';
import { workerIsPolling } from '../../../libs/temporal';
import { Public } from '../auth/decorators';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import { ApiJsonResponse } from '../dtos/openapi';
import { healthSchema } from '../dtos/health.dto';

type PartState = 'ok' | 'down';

/** /health answers within this even when Temporal takes the connection but stays silent. */
const HEALTH_DEADLINE_MS = 3_000;

export type HealthReport = z.infer<typeof healthSchema>;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: SporConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether Spor, its Temporal cluster with a polling worker, and its database are up' })
  @ApiJsonResponse(200, healthSchema, 'Every part is up')
  @ApiJsonResponse(503, healthSchema, 'A part is down; `problems` says why')
  async health(@Res() res: Response): Promise<void> {
    const problems: string[] = [];
    const [temporal, database] = await Promise.all([
      this.checkTemporal().catch((err: Error) => (problems.push(`temporal: ${err.message}`), 'down' as const)),
      this.dataSource
        .query('SELECT 1')
        .then(() => 'ok' as const)
        .catch((err: Error) => (problems.push(`database: ${err.message}`), 'down' as const)),
    ]);
    const status: PartState = temporal === 'ok' && database === 'ok' ? 'ok' : 'down';
    const body: HealthReport = { status, temporal, database, ...(problems.length ? { problems } : {}) };
    res.status(status === 'ok' ? 200 : 503).json(body);
  }

  private async checkTemporal(): Promise<PartState> {
    // The deadline ends the RPC itself (so none pile up while Temporal is away); the race
    // bounds the answer even if the connection has not noticed yet.
    const polling = this.client.connection.withDeadline(Date.now() + HEALTH_DEADLINE_MS, () =>
      workerIsPolling(this.client, this.config.temporal.taskQueue),
    );
    if (!(await withTimeout(polling, HEALTH_DEADLINE_MS))) {
      throw new Error(`no worker polls task queue "${this.config.temporal.taskQueue}"`);
    }
    return 'ok';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}
