import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Status reports as sent (the frozen report, the PDF's address in the file store), and
 * the leads' latest status note per sub-analysis.
 */
export class StatusReports1700000000006 implements MigrationInterface {
  name = 'StatusReports1700000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'status_report',
        columns: [
          { name: 'programme_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'at', type: 'varchar', length: '40' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'json', type: 'text' },
          { name: 'pdf_sha256', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '40' },
          { name: 'created_by', type: 'varchar', length: '200', isNullable: true },
        ],
        indices: [{ name: 'idx_status_report_at', columnNames: ['programme_id', 'at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'status_note',
        columns: [
          { name: 'programme_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'sub_analysis_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'text', type: 'text' },
          { name: 'at', type: 'varchar', length: '40' },
          { name: 'by', type: 'varchar', length: '200' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('status_note');
    await q.dropTable('status_report');
  }
}
