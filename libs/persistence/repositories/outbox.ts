import { type DataSource, IsNull } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';

/** One message a workflow wants sent, under a key unique to the workflow and the event. */
export interface OutboxMessage {
  key: string;
  programmeId: string;
  subAnalysisId?: string;
  kind: string;
  recipients: string[];
  subject: string;
  text: string;
  /** The instant the plan says it is due. */
  dueAt: string;
  /** Files from the file store, attached under these names. */
  attachments?: { filename: string; sha256: string; contentType: string; cid?: string }[];
  /** An iCalendar invitation (METHOD:REQUEST). */
  calendar?: string;
  html?: string;
}

/** A message as the outbox lists it. */
export interface OutboxEntry {
  key: string;
  kind: string;
  subAnalysis: string | null;
  recipients: string[];
  subject: string;
  dueAt: string;
  sentAt: string | null;
}

/**
 * The outbox: every message Spor sends or was due to send, claimed under its key before
 * it leaves and marked once it has, so a key is sent at most once whatever retries happen.
 */
export class Outbox {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the key (or finds it claimed) and answers the row. Two stand-alone statements,
   * no transaction: the insert is one atomic statement that leaves an existing row alone,
   * and no row is ever deleted, so the read after it finds the row whatever ran between.
   * (A stand-alone statement on SQLite waits for any open transaction to end first:
   * sqlite-locking.ts.) Each transaction here cost a BEGIN and a COMMIT on the one
   * connection that every send shares, and in a reminder storm the marks queued behind
   * them, which widened the window in which a killed worker sends a message twice.
   */
  async claim(message: OutboxMessage): Promise<NotificationEntity> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    await repo
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        key: message.key,
        programmeId: message.programmeId,
        subAnalysisId: message.subAnalysisId ?? null,
        kind: message.kind,
        recipients: JSON.stringify(message.recipients),
        subject: message.subject,
        body: message.text,
        dueAt: message.dueAt,
        sentAt: null,
        transport: null,
        messageId: null,
        attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
        calendar: message.calendar ?? null,
        html: message.html ?? null,
      })
      .orIgnore()
      .execute();
    return repo.findOneByOrFail({ key: message.key });
  }

  /**
   * Marks a claimed message sent; a message marked already keeps its first mark. One
   * stand-alone UPDATE: the time it takes is the window in which a crash sends the message
   * again (README, "Delivery guarantees").
   */
  async markSent(key: string, sentAt: string, transport: string, messageId: string): Promise<void> {
    await this.dataSource
      .getRepository(NotificationEntity)
      .update({ key, sentAt: IsNull() }, { sentAt, transport, messageId });
  }

  /** A programme's messages in the order they were due. */
  async list(programmeId: string): Promise<OutboxEntry[]> {
    const rows = await this.dataSource
      .getRepository(NotificationEntity)
      .find({ where: { programmeId }, order: { dueAt: 'ASC', key: 'ASC' } });
    return rows.map((r) => ({
      key: r.key,
      kind: r.kind,
      subAnalysis: r.subAnalysisId,
      recipients: JSON.parse(r.recipients) as string[],
      subject: r.subject,
      dueAt: r.dueAt,
      sentAt: r.sentAt,
    }));
  }
}
