import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Programmes and settings. Written with the Table API so it runs on SQLite and PostgreSQL alike. */
export class Foundation1700000000001 implements MigrationInterface {
  name = 'Foundation1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'programme',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'title', type: 'varchar', length: '300' },
          { name: 'year', type: 'integer' },
          { name: 'definition', type: 'text' },
          { name: 'source', type: 'text', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '40' },
          { name: 'created_by', type: 'varchar', length: '320', isNullable: true },
          { name: 'started_at', type: 'varchar', length: '40', isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'setting',
        columns: [
          { name: 'key', type: 'varchar', length: '100', isPrimary: true },
          { name: 'value', type: 'text' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('setting');
    await q.dropTable('programme');
  }
}
