import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The outbox: every message Spor sends or was due to send. The key is derived from the
 * workflow and the event; a key is sent at most once, whatever retries happen.
 */
@Entity('notification')
@Index('idx_notification_programme', ['programmeId', 'dueAt'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ name: 'programme_id', type: 'varchar', length: 64 })
  programmeId!: string;

  @Column({ name: 'sub_analysis_id', type: 'varchar', length: 64, nullable: true })
  subAnalysisId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  /** JSON array of e-mail addresses. */
  @Column({ type: 'text' })
  recipients!: string;

  @Column({ type: 'varchar', length: 400 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The instant the plan says it is due. */
  @Column({ name: 'due_at', type: 'varchar', length: 40 })
  dueAt!: string;

  @Column({ name: 'sent_at', type: 'varchar', length: 40, nullable: true })
  sentAt!: string | null;

  /** 'smtp' or 'file' (no SMTP server configured: written to DATA_DIR/mail). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  transport!: string | null;

  @Column({ name: 'message_id', type: 'varchar', length: 300, nullable: true })
  messageId!: string | null;

  /** JSON: [{ filename, sha256, contentType }]; the bytes are in the file store. */
  @Column({ type: 'text', nullable: true })
  attachments!: string | null;

  /** An iCalendar invitation (METHOD:REQUEST) sent with the message. */
  @Column({ type: 'text', nullable: true })
  calendar!: string | null;

  @Column({ type: 'text', nullable: true })
  html!: string | null;
}
