import type { DataSource, EntityManager } from 'typeorm';
import { soleUse } from './sqlite-locking';

/**
 * Runs work in a transaction. SQLite has one connection per DataSource, and TypeORM
 * would mix concurrent work into an open transaction there (activities run side by
 * side), so a transaction has the connection to itself (sqlite-locking.ts); PostgreSQL's
 * pool needs no such care.
 */
export function inTransaction<T>(dataSource: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'sqlite') return dataSource.transaction(work);
  return soleUse(dataSource, () => dataSource.transaction(work));
}
