import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** API tokens and the audit trail. Table API, so it runs on SQLite and PostgreSQL alike. */
export class PeopleAndAudit1700000000002 implements MigrationInterface {
  name = 'PeopleAndAudit1700000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'api_token',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'label', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '40' },
          { name: 'revoked_at', type: 'varchar', length: '40', isNullable: true },
          { name: 'last_used_at', type: 'varchar', length: '40', isNullable: true },
        ],
      }),
    );
    await q.createIndex(
      'api_token',
      new TableIndex({ name: 'idx_api_token_token_hash', columnNames: ['token_hash'], isUnique: true }),
    );
    await q.createIndex('api_token', new TableIndex({ name: 'idx_api_token_email', columnNames: ['email'] }));

    await q.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'at', type: 'varchar', length: '40' },
          { name: 'actor_email', type: 'varchar', length: '320', isNullable: true },
          { name: 'actor_admin', type: 'boolean', default: false },
          { name: 'action', type: 'varchar', length: '500' },
          { name: 'programme_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'target', type: 'text', isNullable: true },
          { name: 'status', type: 'integer' },
          { name: 'outcome', type: 'varchar', length: '10' },
        ],
      }),
    );
    await q.createIndex(
      'audit_entry',
      new TableIndex({ name: 'idx_audit_entry_programme_id', columnNames: ['programme_id', 'id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_entry');
    await q.dropTable('api_token');
  }
}
