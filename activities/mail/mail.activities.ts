import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { finishNotification, type NotificationPeople } from '../../libs/email/notification';
import { Outbox, type OutboxMessage } from '../../libs/persistence/repositories/outbox';
import { ProgrammeDefinitions } from '../../libs/persistence/repositories/programme-definitions';
import type { FileStore } from '../files/file-store';
import type { Envelope, MailTransport } from './transport';

/** One notification a workflow wants sent, under a key unique to the workflow and the event. */
export type NotificationRequest = OutboxMessage;

export interface NotificationResult {
  sentAt: string;
  /** True when an earlier attempt had already sent it. */
  alreadySent: boolean;
}

/**
 * Sending goes through the outbox: the row is claimed under its key first, the message
 * leaves, then the row is marked sent. A retry of an activity whose message already left
 * finds the mark and sends nothing. The file transport closes the last gap itself (the
 * .eml file is the delivery, written once per Message-ID). For SMTP one gap stays, and no
 * outbox closes it: a crash after the server accepted the message and before the mark;
 * the retry then sends it again, with the same Message-ID. That window is kept to the
 * mark's own write: nothing else happens between the server's answer and it (README,
 * "Delivery guarantees").
 */
export function createMailActivities(dataSource: DataSource, transport: MailTransport, files: FileStore) {
  const outbox = new Outbox(dataSource);
  const definitions = new ProgrammeDefinitions(dataSource);
  /** Names and the secretariat from the programme's definition, for greeting and Reply-To. */
  const peopleOf = async (programmeId: string): Promise<NotificationPeople | undefined> => {
    const meta = await definitions.meta(programmeId);
    if (!meta) return undefined;
    const { plan } = await definitions.planOf(meta);
    return { programmeTitle: plan.title, people: plan.people, secretariat: plan.secretariat };
  };
  async function send(req: NotificationRequest, lookUp = peopleOf): Promise<NotificationResult> {
    if (req.recipients.length === 0) {
      throw ApplicationFailure.nonRetryable(`Notification ${req.key} has no recipients`);
    }
    const row = await outbox.claim(req);
    if (row.sentAt) return { sentAt: row.sentAt, alreadySent: true };

    // Everything the message needs is read before it leaves, so that nothing but the
    // mark's own write stands between the server's acceptance and the mark.
    // The workflow composed the words; the greeting by name, the HTML and Reply-To are
    // added here, so the workflow's history does not depend on them.
    const who = await lookUp(req.programmeId);
    const finished = who && !req.html ? finishNotification(req, who) : undefined;
    const replyTo = who?.secretariat.map((address) => ({ address, name: who.people[address] ?? '' }));
    const html = finished?.html ?? req.html;
    const envelope: Envelope = {
      key: req.key,
      to: req.recipients,
      subject: req.subject,
      text: finished?.text ?? req.text,
      ...(replyTo?.length ? { replyTo } : {}),
      ...(html ? { html } : {}),
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
    };
    const { messageId } = await transport.send(envelope);
    const sentAt = new Date().toISOString();
    await outbox.markSent(req.key, sentAt, transport.kind, messageId);
    return { sentAt, alreadySent: false };
  }
  return {
    sendNotification: (req: NotificationRequest) => heartbeating(() => send(req)),
    /**
     * Several e-mails in one activity, one after another, each through the outbox as a
     * single one goes: a retry skips those already sent (workflows/sending.ts says why).
     */
    sendNotifications: (requests: NotificationRequest[]) =>
      heartbeating(async (activity): Promise<NotificationResult[]> => {
        // The names and the secretariat once per programme, not once per e-mail.
        const people = new Map<string, ReturnType<typeof peopleOf>>();
        const lookUp = (programmeId: string) => {
          if (!people.has(programmeId)) people.set(programmeId, peopleOf(programmeId));
          return people.get(programmeId)!;
        };
        const results: NotificationResult[] = [];
        for (const req of requests) {
          // An attempt Temporal has given up on (timed out, its worker thought dead) stops
          // before its next e-mail: the retry sends the rest, and nothing goes twice.
          activity?.cancellationSignal.throwIfAborted();
          results.push(await send(req, lookUp));
        }
        return results;
      }),
  };
}

/**
 * Runs a send activity's work heartbeating every second, from its start to its end: the
 * outbox and file reads count against the heartbeat time-out as much as the SMTP
 * exchange does. Heartbeats let Temporal notice a worker that died mid-send within that
 * time-out, rather than the whole start-to-close time-out, and retry elsewhere. A test
 * that calls the function directly runs it outside an activity, without heartbeats.
 */
async function heartbeating<T>(work: (activity?: Context) => Promise<T>): Promise<T> {
  const activity = currentActivity();
  activity?.heartbeat();
  const beat = activity && setInterval(() => activity.heartbeat(), 1_000);
  try {
    return await work(activity);
  } finally {
    if (beat) clearInterval(beat);
  }
}

/** The activity this runs in; none when a test calls the function directly. */
function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}
