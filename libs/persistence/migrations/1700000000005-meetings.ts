import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Committee meetings: their read model, and e-mails that carry more than text
 * (attachments from the file store, a calendar invitation, an HTML body).
 */
export class Meetings1700000000005 implements MigrationInterface {
  name = 'Meetings1700000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'meeting_state',
        columns: [
          { name: 'programme_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'meeting_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'version', type: 'integer' },
          { name: 'snapshot', type: 'text' },
          { name: 'updated_at', type: 'varchar', length: '40' },
        ],
      }),
    );
    await q.addColumns('notification', [
      // JSON: [{ filename, sha256, contentType }], the bytes in the file store.
      new TableColumn({ name: 'attachments', type: 'text', isNullable: true }),
      new TableColumn({ name: 'calendar', type: 'text', isNullable: true }),
      new TableColumn({ name: 'html', type: 'text', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('notification', 'html');
    await q.dropColumn('notification', 'calendar');
    await q.dropColumn('notification', 'attachments');
    await q.dropTable('meeting_state');
  }
}
