import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, type LogLevel, Runtime, type Worker } from '@temporalio/worker';
import { ConfigError, loadConfig } from '../../libs/config';
import { WORKER, WorkerModule } from './worker.module';

const SDK_LEVELS: Record<string, LogLevel> = {
  fatal: 'ERROR',
  error: 'ERROR',
  silent: 'ERROR',
  warn: 'WARN',
  info: 'INFO',
  debug: 'DEBUG',
  trace: 'TRACE',
};

async function main(): Promise<void> {
  const config = loadConfig();
  // The SDK logs through its own runtime logger; LOG_LEVEL governs it too.
  Runtime.install({ logger: new DefaultLogger(SDK_LEVELS[config.logLevel] ?? 'INFO') });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: config.logLevel === 'silent' ? false : undefined,
  });
  // The worker stops by itself on SIGINT/SIGTERM, finishing the tasks it holds.
  await app.get<Worker>(WORKER).run();
  await app.close();
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
