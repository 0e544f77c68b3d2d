import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { Worker } from '@temporalio/worker';
import { ConfigError, loadConfig } from '../../libs/config';
import { WORKER, WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  // The worker stops by itself on SIGINT/SIGTERM, finishing the tasks it holds.
  await app.get<Worker>(WORKER).run();
  await app.close();
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
