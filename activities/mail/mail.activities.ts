import { heartbeat } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
<<<<<<< HEAD
import { IsNull } from 'typeorm';
import { NotificationEntity } from '../../libs/persistence/entities/notification.entity';
import { inTransaction } from '../../libs/persistence/transactions';
import type { FileStore } from '../files/file-store';
import type { MailTransport } from './transport';

/** One notification a workflow wants sent, under a key unique to the workflow and the event. */
export interface NotificationRequest {
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
=======
import { Outbox, type OutboxMessage } from '../../libs/persistence/repositories/outbox';
import type { MailTransport } from './transport';

/** One notification a workflow wants sent, under a key unique to the workflow and the event. */
export type NotificationRequest = OutboxMessage;
>>>>>>> api

export interface NotificationResult {
  sentAt: string;
  /** True when an earlier attempt had already sent it. */
  alreadySent: boolean;
}

/**
 * Sending goes through the outbox: the row is claimed under its key first, the message
 * leaves, then the row is marked sent. A retry of an activity whose message already left
 * finds the mark and sends nothing. (The one gap no outbox closes: a crash after the SMTP
 * server took the message and before the mark; the retry then sends it again, with the
 * same Message-ID.)
 */
<<<<<<< HEAD
export function createMailActivities(dataSource: DataSource, transport: MailTransport, files: FileStore) {
=======
export function createMailActivities(dataSource: DataSource, transport: MailTransport) {
  const outbox = new Outbox(dataSource);
>>>>>>> api
  return {
    async sendNotification(req: NotificationRequest): Promise<NotificationResult> {
      if (req.recipients.length === 0) {
        throw ApplicationFailure.nonRetryable(`Notification ${req.key} has no recipients`);
      }
<<<<<<< HEAD
      // Claim the key (or find it claimed). In a transaction so that, on SQLite's single
      // connection, it never lands inside another activity's transaction.
      const row = await inTransaction(dataSource, async (tx) => {
        await tx
          .createQueryBuilder()
          .insert()
          .into(NotificationEntity)
          .values({
            key: req.key,
            programmeId: req.programmeId,
            subAnalysisId: req.subAnalysisId ?? null,
            kind: req.kind,
            recipients: JSON.stringify(req.recipients),
            subject: req.subject,
            body: req.text,
            dueAt: req.dueAt,
            sentAt: null,
            transport: null,
            messageId: null,
            attachments: req.attachments?.length ? JSON.stringify(req.attachments) : null,
            calendar: req.calendar ?? null,
            html: req.html ?? null,
          })
          .orIgnore()
          .execute();
        return tx.getRepository(NotificationEntity).findOneByOrFail({ key: req.key });
      });
=======
      const row = await outbox.claim(req);
>>>>>>> api
      if (row.sentAt) return { sentAt: row.sentAt, alreadySent: true };

      // Heartbeats let Temporal notice a worker that died mid-send within the heartbeat
      // time-out, rather than the whole start-to-close time-out, and retry elsewhere.
      const beat = setInterval(() => heartbeat(), 1_000);
      let messageId: string;
      try {
        ({ messageId } = await transport.send({
          key: req.key,
          to: req.recipients,
          subject: req.subject,
          text: req.text,
          ...(req.html ? { html: req.html } : {}),
          ...(req.calendar ? { calendar: req.calendar } : {}),
          ...(req.attachments?.length
            ? {
                attachments: await Promise.all(
                  req.attachments.map(async (a) => ({
                    filename: a.filename,
                    contentType: a.contentType,
                    content: await files.read(a.sha256),
                    ...(a.cid ? { cid: a.cid } : {}),
                  })),
                ),
              }
            : {}),
        }));
      } finally {
        clearInterval(beat);
      }
      const sentAt = new Date().toISOString();
      await outbox.markSent(req.key, sentAt, transport.kind, messageId);
      return { sentAt, alreadySent: false };
    },
  };
}
