import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Idempotent writes: the first answer to each `Idempotency-Key`, kept for a day so a
 * retried request gets it again, shared by every API instance through the database.
 * And the audit trail's request id, so an entry written as pending before a workflow
 * is asked can be completed by whoever learns the outcome first.
 */
export class Idempotency1700000000007 implements MigrationInterface {
  name = 'Idempotency1700000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'idempotent_request',
        columns: [
          { name: 'actor', type: 'varchar', length: '320', isPrimary: true },
          { name: 'key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'method', type: 'varchar', length: '10' },
          { name: 'path', type: 'varchar', length: '2000' },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          { name: 'status', type: 'integer', isNullable: true },
          { name: 'content_type', type: 'varchar', length: '200', isNullable: true },
          { name: 'body', type: 'text', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '40' },
          { name: 'expires_at', type: 'varchar', length: '40' },
        ],
        indices: [{ name: 'idx_idempotent_request_expires_at', columnNames: ['expires_at'] }],
      }),
    );
    await q.addColumn(
      'audit_entry',
      new TableColumn({ name: 'request_id', type: 'varchar', length: '64', isNullable: true }),
    );
    await q.createIndex(
      'audit_entry',
      new TableIndex({ name: 'idx_audit_entry_request_id', columnNames: ['request_id'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_entry', 'idx_audit_entry_request_id');
    await q.dropColumn('audit_entry', 'request_id');
    await q.dropTable('idempotent_request');
  }
}
