import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** The read model the workflows write (sub-analysis snapshots, history) and the outbox. */
export class ReadModel1700000000003 implements MigrationInterface {
  name = 'ReadModel1700000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'sub_analysis_state',
        columns: [
          { name: 'programme_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'sub_analysis_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'version', type: 'integer' },
          { name: 'snapshot', type: 'text' },
          { name: 'updated_at', type: 'varchar', length: '40' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'history_entry',
        columns: [
          { name: 'key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'programme_id', type: 'varchar', length: '64' },
          { name: 'sub_analysis_id', type: 'varchar', length: '64' },
          { name: 'at', type: 'varchar', length: '40' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'phase', type: 'varchar', length: '16', isNullable: true },
          { name: 'actor', type: 'varchar', length: '320', isNullable: true },
          { name: 'text', type: 'text' },
        ],
      }),
    );
    await q.createIndex(
      'history_entry',
      new TableIndex({ name: 'idx_history_sub_analysis', columnNames: ['programme_id', 'sub_analysis_id', 'at'] }),
    );
    await q.createTable(
      new Table({
        name: 'notification',
        columns: [
          { name: 'key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'programme_id', type: 'varchar', length: '64' },
          { name: 'sub_analysis_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'recipients', type: 'text' },
          { name: 'subject', type: 'varchar', length: '400' },
          { name: 'body', type: 'text' },
          { name: 'due_at', type: 'varchar', length: '40' },
          { name: 'sent_at', type: 'varchar', length: '40', isNullable: true },
          { name: 'transport', type: 'varchar', length: '10', isNullable: true },
          { name: 'message_id', type: 'varchar', length: '300', isNullable: true },
        ],
      }),
    );
    await q.createIndex(
      'notification',
      new TableIndex({ name: 'idx_notification_programme', columnNames: ['programme_id', 'due_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notification');
    await q.dropTable('history_entry');
    await q.dropTable('sub_analysis_state');
  }
}
