import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Meetings, Outbox, ProgrammeDefinitions, ReadModel } from '../../../libs/persistence/repositories';

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
  ],
  exports: [ProgrammeDefinitions, ReadModel, Outbox, Meetings],
})
export class RepositoriesModule {}
