import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  AuditEntries,
  IdempotentRequests,
  Meetings,
  Outbox,
  ProgrammeDefinitions,
  ReadModel,
  ReportSourcesReader,
  StatusReports,
} from '../../../libs/persistence/repositories';
import { AuditPendingInterceptor } from '../auth/audit-recorder';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { MediaTypeInterceptor } from './media-type.interceptor';

/**
 * The database's repositories, the same classes the worker's activities use, built once
 * over the API's DataSource so their caches are shared by every service. With them the
 * interceptors every request passes, in this order: the body's media type (415), then
 * idempotency keys (a retry answered from its first answer goes no further), then the
 * audit trail's pending entry.
 */
@Global()
@Module({
  providers: [
    {
      provide: ProgrammeDefinitions,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new ProgrammeDefinitions(ds),
    },
    { provide: ReadModel, inject: [DataSource], useFactory: (ds: DataSource) => new ReadModel(ds) },
    { provide: Outbox, inject: [DataSource], useFactory: (ds: DataSource) => new Outbox(ds) },
    { provide: Meetings, inject: [DataSource], useFactory: (ds: DataSource) => new Meetings(ds) },
    { provide: StatusReports, inject: [DataSource], useFactory: (ds: DataSource) => new StatusReports(ds) },
    {
      provide: ReportSourcesReader,
      inject: [DataSource, ProgrammeDefinitions, ReadModel, Meetings],
      useFactory: (ds: DataSource, defs: ProgrammeDefinitions, rm: ReadModel, meetings: Meetings) =>
        new ReportSourcesReader(ds, defs, rm, meetings),
    },
    { provide: IdempotentRequests, inject: [DataSource], useFactory: (ds: DataSource) => new IdempotentRequests(ds) },
    { provide: AuditEntries, inject: [DataSource], useFactory: (ds: DataSource) => new AuditEntries(ds) },
    { provide: APP_INTERCEPTOR, useClass: MediaTypeInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuditPendingInterceptor },
  ],
  exports: [
    IdempotentRequests,
    AuditEntries,
    ProgrammeDefinitions,
    ReadModel,
    Outbox,
    Meetings,
    StatusReports,
    ReportSourcesReader,
  ],
})
export class RepositoriesModule {}
