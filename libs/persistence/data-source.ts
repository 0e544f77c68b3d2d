import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { SporConfig } from '../config';
import { ApiTokenEntity } from './entities/api-token.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { ProgrammeEntity } from './entities/programme.entity';
import { SettingEntity } from './entities/setting.entity';
import { SubAnalysisStateEntity } from './entities/sub-analysis-state.entity';
import { HistoryEntryEntity } from './entities/history-entry.entity';
import { NotificationEntity } from './entities/notification.entity';
import { MeetingStateEntity } from './entities/meeting-state.entity';
import { StatusNoteEntity, StatusReportEntity } from './entities/status-report.entity';
import { Foundation1700000000001 } from './migrations/1700000000001-foundation';
import { PeopleAndAudit1700000000002 } from './migrations/1700000000002-people-and-audit';
import { ReadModel1700000000003 } from './migrations/1700000000003-read-model';
import { ProgrammeRevision1700000000004 } from './migrations/1700000000004-programme-revision';
import { Meetings1700000000005 } from './migrations/1700000000005-meetings';
import { StatusReports1700000000006 } from './migrations/1700000000006-status-reports';
import { Idempotency1700000000007 } from './migrations/1700000000007-idempotency';
import { Sessions1700000000008 } from './migrations/1700000000008-sessions';
import { SessionEntity } from './entities/session.entity';
import { SignInLinkEntity } from './entities/sign-in-link.entity';
import { CalendarFeeds1700000000009 } from './migrations/1700000000009-calendar-feeds';
import { CalendarEventEntity, CalendarFeedEntity } from './entities/calendar-feed.entity';
import { IdempotentRequestEntity } from './entities/idempotent-request.entity';
import { SqliteLocking } from './sqlite-locking';

/** Every entity, listed by class so the same list works compiled and under ts-jest. */
export const ENTITIES = [
  ProgrammeEntity,
  SettingEntity,
  SubAnalysisStateEntity,
  HistoryEntryEntity,
  NotificationEntity,
  MeetingStateEntity,
  StatusReportEntity,
  StatusNoteEntity,
  ApiTokenEntity,
  AuditEntryEntity,
  SessionEntity,
  SignInLinkEntity,
  CalendarFeedEntity,
  CalendarEventEntity,
  IdempotentRequestEntity,
];

/** Migrations in the order they run. Never `synchronize`: the schema changes only through these. */
export const MIGRATIONS = [
  Foundation1700000000001,
  PeopleAndAudit1700000000002,
  ReadModel1700000000003,
  ProgrammeRevision1700000000004,
  Meetings1700000000005,
  StatusReports1700000000006,
  Idempotency1700000000007,
  Sessions1700000000008,
  CalendarFeeds1700000000009,
];

/** How long SQLite itself waits for a lock before sqlite-locking.ts tries again on a timer. */
const SQLITE_BUSY_WAIT_MS = 50;

export function dataSourceOptions(database: SporConfig['database']): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    subscribers: [SqliteLocking],
    synchronize: false,
    migrationsRun: false,
  };
  if (database.type === 'postgres') return { ...common, type: 'postgres', url: database.url };
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
  // WAL lets readers go on while one connection writes. A writer that finds the database
  // locked by another connection (the worker, a second API) waits its turn: SQLite's busy
  // handler briefly, then sqlite-locking.ts tries again on a timer.
  return {
    ...common,
    type: 'sqlite',
    database: database.file,
    enableWAL: true,
    busyTimeout: SQLITE_BUSY_WAIT_MS,
  };
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(database: SporConfig['database']): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
