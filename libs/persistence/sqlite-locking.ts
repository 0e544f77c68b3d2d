import {
  type BeforeQueryEvent,
  EventSubscriber,
  type EntitySubscriberInterface,
  QueryFailedError,
  type QueryRunner,
  type TransactionStartEvent,
} from 'typeorm';

const GUARDED = Symbol('spor:sqlite-locking');

/** The pause between two attempts at a statement that found the database locked. */
export const SQLITE_BUSY_RETRY_MS = 10;
/** How long a statement keeps trying before its caller gets the SQLITE_BUSY error. */
export const SQLITE_BUSY_GIVE_UP_MS = 30_000;

/**
 * How Spor shares one SQLite file between connections (the API, the worker, a second
 * API), in one place:
 *
 * - Every transaction begins `IMMEDIATE`, taking the write lock at once. A deferred one
 *   (SQLite's default, and TypeORM's `BEGIN TRANSACTION`) that reads first and then
 *   writes fails at once with SQLITE_BUSY when another connection wrote in between; an
 *   immediate one simply waits its turn at BEGIN.
 * - A statement that finds the database locked is tried again after a short pause, on a
 *   timer rather than a blocked thread, so many waiting writers cannot occupy Node's few
 *   I/O threads and starve the lock's holder (the API and the worker share a process in
 *   the tests). Only a BEGIN or a statement outside a transaction is retried: inside an
 *   immediate transaction nothing else can hold the lock.
 *
 * - The connection runs one statement at a time (sqlite3's serialized mode). By default
 *   sqlite3 runs a connection's statements side by side, and they then share one implicit
 *   transaction: when one of them met the lock, SQLite rolled that transaction back with
 *   another's INSERT in it, which had already been reported done. The concurrency test
 *   lost audit entries that way.
 *
 * TypeORM has no option for these rules (its `busyErrorRetry` retries inside a
 * transaction too), so this subscriber wraps the DataSource's one query runner before
 * its first statement runs.
 *
 * The class needs its decorator: TypeORM loads a subscriber class named in the options
 * only if it is registered as one.
 */
@EventSubscriber()
export class SqliteLocking implements EntitySubscriberInterface {
  beforeQuery(event: BeforeQueryEvent<unknown>): void {
    guardSqliteRunner(event.queryRunner);
  }

  beforeTransactionStart(event: TransactionStartEvent): void {
    guardSqliteRunner(event.queryRunner);
  }
}

/** Wraps a SQLite query runner's `query` with the two rules above, once. */
export function guardSqliteRunner(runner: QueryRunner): void {
  const marked = runner as QueryRunner & { [GUARDED]?: true };
  if (marked[GUARDED] || runner.connection.options.type !== 'sqlite') return;
  marked[GUARDED] = true;
  (runner.connection.driver as unknown as { databaseConnection: { serialize(): void } }).databaseConnection.serialize();
  const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
  (runner as { query: unknown }).query = async (sql: string, ...rest: unknown[]) => {
    const statement = sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql;
    // TypeORM marks the transaction active before it sends the BEGIN.
    const retryable = statement.startsWith('BEGIN') || !runner.isTransactionActive;
    const giveUpAt = Date.now() + SQLITE_BUSY_GIVE_UP_MS;
    for (;;) {
      try {
        return await query(statement, ...rest);
      } catch (err) {
        if (!retryable || !isBusy(err) || Date.now() >= giveUpAt) throw err;
        await new Promise((resolve) => setTimeout(resolve, SQLITE_BUSY_RETRY_MS));
      }
    }
  };
}

function isBusy(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = err.driverError as { code?: string } | undefined;
  return driverError?.code === 'SQLITE_BUSY' || err.message.includes('SQLITE_BUSY');
}
