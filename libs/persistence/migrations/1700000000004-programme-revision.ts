import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A revision number on each programme, raised whenever its definition changes, so that
 * readers can keep a parsed definition and ask only whether it is still current.
 */
export class ProgrammeRevision1700000000004 implements MigrationInterface {
  name = 'ProgrammeRevision1700000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('programme', new TableColumn({ name: 'revision', type: 'integer', default: 0 }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('programme', 'revision');
  }
}
