import 'reflect-metadata';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../apps/api/app.module';
import { installAuditRecorder } from '../../apps/api/auth/audit-recorder';
import { ErrorFilter } from '../../apps/api/common/error.filter';
import type { SporConfig } from '../../libs/config';

@Module({})
class ProbeModule {}

/**
 * The real API module plus test-only controllers, set up as apps/api/bootstrap.ts does
 * (audit recorder, body parser, prefix, error filter), without a worker. Lets tests
 * exercise access rules and auditing on route shapes (':id', ':sid', failures) before
 * real endpoints of that shape exist. `init` false: built but not started, so a failing
 * start-up check can be caught.
 */
export async function createProbeApi(config: SporConfig, controllers: Type<unknown>[]): Promise<INestApplication> {
  const root: DynamicModule = { module: ProbeModule, imports: [AppModule.forRoot(config)], controllers };
  const app = await NestFactory.create<NestExpressApplication>(root, {
    bodyParser: false,
    logger: false,
    abortOnError: false,
  });
  installAuditRecorder(app);
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalFilters(new ErrorFilter());
  return app;
}
