import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Personal calendar subscriptions (hashed secrets) and each event's SEQUENCE. */
export class CalendarFeeds1700000000009 implements MigrationInterface {
  name = 'CalendarFeeds1700000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'calendar_feed',
        columns: [
          { name: 'email', type: 'varchar', length: '320', isPrimary: true },
          { name: 'nonce', type: 'varchar', length: '64' },
          { name: 'secret_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '40' },
        ],
        indices: [{ name: 'idx_calendar_feed_secret_hash', columnNames: ['secret_hash'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'calendar_event',
        columns: [
          { name: 'programme_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'event_key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          { name: 'sequence', type: 'integer' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('calendar_event');
    await q.dropTable('calendar_feed');
  }
}
