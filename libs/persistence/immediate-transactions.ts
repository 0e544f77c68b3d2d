import type { EntitySubscriberInterface, QueryRunner, TransactionStartEvent } from 'typeorm';

const PATCHED = Symbol('spor:immediate-transactions');

/**
 * On SQLite, every transaction Spor opens begins as `BEGIN IMMEDIATE`, taking the write
 * lock at once. A deferred transaction (SQLite's default, and TypeORM's `BEGIN
 * TRANSACTION`) that reads first and then writes fails at once with SQLITE_BUSY,
 * without waiting out the busy timeout, when another connection (the worker, the other
 * API) wrote in between; an immediate one simply waits its turn at BEGIN. TypeORM has no
 * option for it, so this subscriber rewrites the BEGIN of the DataSource's query runner
 * just before TypeORM sends it.
 */
export class ImmediateTransactions implements EntitySubscriberInterface {
  beforeTransactionStart(event: TransactionStartEvent): void {
    makeImmediate(event.queryRunner);
  }
}

/** Rewrites the query runner's `BEGIN TRANSACTION` to `BEGIN IMMEDIATE TRANSACTION`, once. */
export function makeImmediate(runner: QueryRunner): void {
  const marked = runner as QueryRunner & { [PATCHED]?: true };
  if (marked[PATCHED] || runner.connection.options.type !== 'sqlite') return;
  marked[PATCHED] = true;
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  (runner as { query: unknown }).query = (sql: string, ...rest: unknown[]) =>
    query(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql, ...rest);
}
