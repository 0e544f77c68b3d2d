import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createActivities } from '../../activities';
import type { SporConfig } from '../../libs/config';
import { dataSourceOptions } from '../../libs/persistence';
import { temporalAddress } from '../../libs/temporal';
import { workflowSource } from './workflow-source';

export const CONFIG = Symbol('SporConfig');
export const WORKER = Symbol('TemporalWorker');

/** Owns the worker's native connection so that closing the context closes it. */
class WorkerLifecycle implements OnApplicationShutdown {
  constructor(@Inject(WORKER) private readonly worker: Worker) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
  }
}

/**
 * The worker as a NestJS application context: configuration and the database are
 * providers, and the Temporal worker is built from them.
 */
@Module({})
export class WorkerModule {
  /** `workflowBundlePath` overrides where the workflow code comes from (tests bundle once). */
  static forRoot(config: SporConfig, options: { workflowBundlePath?: string } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.database))],
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: WORKER,
          inject: [DataSource],
          useFactory: async (dataSource: DataSource) => {
            const connection = await NativeConnection.connect({ address: temporalAddress(config) });
            const worker = await Worker.create({
              connection,
              namespace: config.temporal.namespace,
              taskQueue: config.temporal.taskQueue,
              ...(options.workflowBundlePath
                ? { workflowBundle: { codePath: options.workflowBundlePath } }
                : workflowSource()),
              activities: createActivities({ dataSource, config }),
              ...(config.temporal.maxCachedWorkflows !== undefined
                ? { maxCachedWorkflows: config.temporal.maxCachedWorkflows }
                : {}),
            });
            new Logger('Worker').log(`Polling task queue "${config.temporal.taskQueue}" at ${temporalAddress(config)}`);
            return worker;
          },
        },
        WorkerLifecycle,
      ],
      exports: [WORKER],
    };
  }
}
