import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Browser sessions and one-time sign-in links (issue 13). Table API, for SQLite and PostgreSQL alike. */
export class Sessions1700000000008 implements MigrationInterface {
  name = 'Sessions1700000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'session',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'csrf_hash', type: 'varchar', length: '64' },
          { name: 'method', type: 'varchar', length: '20' },
          { name: 'created_at', type: 'varchar', length: '40' },
          { name: 'expires_at', type: 'varchar', length: '40' },
          { name: 'ended_at', type: 'varchar', length: '40', isNullable: true },
        ],
      }),
    );
    await q.createIndex(
      'session',
      new TableIndex({ name: 'idx_session_token_hash', columnNames: ['token_hash'], isUnique: true }),
    );
    await q.createIndex('session', new TableIndex({ name: 'idx_session_email', columnNames: ['email'] }));

    await q.createTable(
      new Table({
        name: 'sign_in_link',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '40' },
          { name: 'expires_at', type: 'varchar', length: '40' },
          { name: 'used_at', type: 'varchar', length: '40', isNullable: true },
        ],
      }),
    );
    await q.createIndex(
      'sign_in_link',
      new TableIndex({ name: 'idx_sign_in_link_token_hash', columnNames: ['token_hash'], isUnique: true }),
    );
    await q.createIndex('sign_in_link', new TableIndex({ name: 'idx_sign_in_link_email', columnNames: ['email'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('sign_in_link');
    await q.dropTable('session');
  }
}
