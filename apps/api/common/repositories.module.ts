import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Meetings,
  Outbox,
  ProgrammeDefinitions,
  ReadModel,
  ReportSourcesReader,
  StatusReports,
} from '../../../libs/persistence/repositories';

/**
 * The database's repositories, the same classes the worker's activities use, built once
 * over the API's DataSource so their caches are shared by every service.
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
  ],
  exports: [ProgrammeDefinitions, ReadModel, Outbox, Meetings, StatusReports, ReportSourcesReader],
})
export class RepositoriesModule {}
