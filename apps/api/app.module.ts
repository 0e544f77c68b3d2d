import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { LoggerModule } from 'nestjs-pino';
import { loggedRequest, loggedResponse } from './common/log-redaction';
import type { SporConfig } from '../../libs/config';
import { dataSourceOptions } from '../../libs/persistence';
import { connectClient } from '../../libs/temporal';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CONFIG, TEMPORAL_CLIENT } from './common/tokens';
import { HealthController } from './health/health.controller';
import { MeetingsModule } from './meetings/meetings.module';
import { FileStore } from '../../activities/files/file-store';
import { PagesModule } from './pages/pages.module';
import { RepositoriesModule } from './common/repositories.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { RehearsalsModule } from './rehearsals/rehearsals.module';
import { ReportsModule } from './reports/reports.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  /** The API for one configuration; tests build it with their own. */
  static forRoot(config: SporConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Tokens never reach the logs: not in headers, not in addresses (log-redaction.ts).
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["x-csrf-token"]',
              'res.headers["set-cookie"]',
            ],
            serializers: { req: loggedRequest, res: loggedResponse },
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), migrationsRun: true }),
        RepositoriesModule,
        TemporalModule,
        AuthModule,
        ProgrammesModule,
        ReportsModule,
        MeetingsModule,
        CalendarModule,
        RehearsalsModule,
        PagesModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: CONFIG, useValue: config },
        // One file store for uploads, downloads, packages and reports (the worker has its own).
        { provide: FileStore, useValue: new FileStore(config.dataDir) },
        {
          provide: TEMPORAL_CLIENT,
          useFactory: () => connectClient(config),
        },
        {
          // Closes the Temporal connection when the app shuts down.
          provide: 'TEMPORAL_CLIENT_CLOSER',
          inject: [TEMPORAL_CLIENT],
          useFactory: (client: Client) => ({ onApplicationShutdown: () => client.connection.close() }),
        },
      ],
      exports: [CONFIG, TEMPORAL_CLIENT, FileStore],
      global: true,
    };
  }
}
