import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type BeforeQueryEvent,
  type DataSource,
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
 * - A transaction has the connection to itself. TypeORM gives a SQLite DataSource one
 *   connection and one query runner, so a statement from elsewhere sent while a
 *   transaction is open runs inside it, and is lost with it if it rolls back or its
 *   process dies before the commit, although the statement was reported done (the spec
 *   shows the rollback case). So while a transaction of `inTransaction` is open,
 *   statements from outside it wait until it ends (`soleUse`).
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
  // Both hooks: a runner's first statement may be a BEGIN, which must already be rewritten,
  // and beforeQuery fires only once the unwrapped `query` is running.
  beforeQuery(event: BeforeQueryEvent<unknown>): void {
    guardSqliteRunner(event.queryRunner);
  }

  beforeTransactionStart(event: TransactionStartEvent): void {
    guardSqliteRunner(event.queryRunner);
  }
}

/** The transaction an asynchronous call belongs to, if any. */
const transactionOf = new AsyncLocalStorage<symbol>();

interface Gate {
  /** The transaction that has the connection now. */
  holder?: symbol;
  /** Settles when it lets go. */
  released: Promise<void>;
}

const gates = new WeakMap<DataSource, Gate>();

function gateOf(dataSource: DataSource): Gate {
  let gate = gates.get(dataSource);
  if (!gate) gates.set(dataSource, (gate = { released: Promise.resolve() }));
  return gate;
}

/**
 * Runs a transaction (`run` opens and ends it) as the only user of the DataSource's SQLite
 * connection: it waits for the transaction before it, and statements from outside wait
 * for it.
 */
export async function soleUse<T>(dataSource: DataSource, run: () => Promise<T>): Promise<T> {
  const gate = gateOf(dataSource);
  while (gate.holder) await gate.released;
  const token = Symbol('transaction');
  let release!: () => void;
  gate.holder = token;
  gate.released = new Promise<void>((resolve) => (release = resolve));
  try {
    return await transactionOf.run(token, run);
  } finally {
    gate.holder = undefined;
    release();
  }
}

/** Whether a statement sent now belongs to the transaction that has the connection. */
function insideTheTransaction(gate: Gate, runner: QueryRunner): boolean {
  if (gate.holder) return transactionOf.getStore() === gate.holder;
  // A transaction TypeORM opened by itself (migrations at start-up).
  return runner.isTransactionActive;
}

type SqliteCall = (sql: string, ...rest: unknown[]) => unknown;

/**
 * Holds back the connection's calls from outside the transaction that has it until it
 * ends. The check and the call happen in one turn, so nothing else can open a
 * transaction in between: the serialized connection runs the calls in the order made.
 */
function gateConnection(gate: Gate, connection: SqliteConnection): void {
  for (const method of ['run', 'all', 'exec'] as const) {
    const call = connection[method].bind(connection);
    connection[method] = (...args: [string, ...unknown[]]) => {
      const context = transactionOf.getStore();
      const send = (): unknown => {
        if (gate.holder && context !== gate.holder) return void gate.released.then(send);
        return call(...args);
      };
      return send();
    };
  }
}

/** Wraps a SQLite query runner's `query` and its connection with the rules above, once. */
export function guardSqliteRunner(runner: QueryRunner): void {
  const marked = runner as QueryRunner & { [GUARDED]?: true };
  if (marked[GUARDED] || runner.connection.options.type !== 'sqlite') return;
  marked[GUARDED] = true;
  const connection = (runner.connection.driver as unknown as { databaseConnection: SqliteConnection })
    .databaseConnection;
  connection.serialize();
  const gate = gateOf(runner.connection);
  gateConnection(gate, connection);
  const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
  (runner as { query: unknown }).query = async (sql: string, ...rest: unknown[]) => {
    const statement = sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql;
    // TypeORM marks the transaction active before it sends the BEGIN.
    const retryable = statement.startsWith('BEGIN') || !insideTheTransaction(gate, runner);
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

type SqliteConnection = Record<'run' | 'all' | 'exec', SqliteCall> & { serialize(): void };

function isBusy(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = err.driverError as { code?: string } | undefined;
  return driverError?.code === 'SQLITE_BUSY' || err.message.includes('SQLITE_BUSY');
}
