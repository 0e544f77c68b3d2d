import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS, dataSourceOptions, openDatabase } from '../libs/persistence';
import { TestPostgres, startPostgres } from './support/postgres';

/** Runs every migration up, then down, then up again: the schema is reachable and reversible. */
async function exercise(dataSource: DataSource): Promise<void> {
  const executed = await dataSource.query('SELECT name FROM migrations ORDER BY id');
  expect(executed.map((r: { name: string }) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  const tables = dataSource.entityMetadatas.map((m) => m.tableName);
  expect(tables.length).toBeGreaterThan(1);
  // One runner, released at the end: each unreleased runner holds a pooled PostgreSQL
  // connection, and with enough tables the pool (10) runs dry and the test hangs.
  const runner = dataSource.createQueryRunner();
  try {
    for (const t of tables) expect(await runner.hasTable(t)).toBe(true);
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    for (const t of tables) expect(await runner.hasTable(t)).toBe(false);
    await dataSource.runMigrations();
    for (const t of tables) expect(await runner.hasTable(t)).toBe(true);
  } finally {
    await runner.release();
  }
}

describe('migrations', () => {
  it('run on SQLite, down and up again', async () => {
    const file = path.join(process.env.SPOR_TEST_DIR!, `migrate-${process.pid}.sqlite`);
    const ds = await openDatabase({ type: 'sqlite', file });
    try {
      await exercise(ds);
    } finally {
      await ds.destroy();
    }
  });

  describe('on a real PostgreSQL', () => {
    let pg: TestPostgres;
    beforeAll(async () => {
      pg = await startPostgres();
    });
    afterAll(() => pg?.stop());

    it('run, down and up again, and a second run changes nothing', async () => {
      const ds = await openDatabase({ type: 'postgres', url: pg.url });
      try {
        await exercise(ds);
      } finally {
        await ds.destroy();
      }
      const again = new DataSource(dataSourceOptions({ type: 'postgres', url: pg.url }));
      await again.initialize();
      expect(await again.runMigrations()).toEqual([]);
      await again.destroy();
    });
  });
});
