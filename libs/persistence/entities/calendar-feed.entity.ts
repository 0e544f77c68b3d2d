import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A person's calendar subscription. The secret in its URL is derived from `nonce` with a
 * key kept outside the database (see CalendarFeeds), and only the secret's hash is stored,
 * so a copy of the database alone opens no one's calendar.
 */
@Entity('calendar_feed')
export class CalendarFeedEntity {
  /** Lower-case; one feed per person. */
  @PrimaryColumn({ type: 'varchar', length: 320 })
  email!: string;

  /** Random; a new one on revocation makes a new secret. */
  @Column({ type: 'varchar', length: 64 })
  nonce!: string;

  /** SHA-256 of the URL's secret, hex; a calendar app's request finds its feed by it. */
  @Index('idx_calendar_feed_secret_hash', { unique: true })
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 40 })
  createdAt!: string;
}

/**
 * What a calendar was last told about one event, so that SEQUENCE (RFC 5545) rises when
 * the event changes and never falls, across restarts and API instances alike.
 */
@Entity('calendar_event')
export class CalendarEventEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'varchar', length: 64 })
  programmeId!: string;

  /** The schedule's event key, which is also the UID's stable part. */
  @PrimaryColumn({ name: 'event_key', type: 'varchar', length: 200 })
  eventKey!: string;

  /** SHA-256 of what a calendar shows of the event (date, time, place, title). */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ type: 'integer' })
  sequence!: number;
}
