import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { SporConfig } from '../../libs/config';
import { AppModule } from './app.module';
import { installAuditRecorder } from './auth/audit-recorder';
import { answerClientErrorsInShape } from './common/client-errors';
import { ErrorFilter } from './common/error.filter';
import { DEFINITION_MEDIA_TYPES } from './programmes/programmes.service';

/** Builds the API (not yet listening), shared by main.ts and the tests. */
export async function createApi(config: SporConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(helmet({ contentSecurityPolicy: false }));
  // The pages' session and CSRF cookies (apps/api/auth/session.service.ts).
  app.use(cookieParser());
  // Before the body parsers, so requests they reject are audited too.
  installAuditRecorder(app);
  // Bodies are small JSON or YAML documents; uploads have their own limit.
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('text', {
    limit: '1mb',
    type: DEFINITION_MEDIA_TYPES.filter((t) => t !== 'application/json'),
  });
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalFilters(new ErrorFilter());
  answerClientErrorsInShape(app.getHttpServer());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Spor')
      .setDescription('Analysis programmes for political committees: plans, phases, deadlines and reminders.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
