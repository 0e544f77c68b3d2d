import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as nodemailer from 'nodemailer';
import type { SporConfig } from '../../libs/config';

/** A message ready to leave, with the idempotency key it is sent under. */
export interface Envelope {
  key: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** The programme's secretariat, so that answers reach people rather than the sender. */
  replyTo?: { name: string; address: string }[];
  attachments?: { filename: string; content: Buffer; contentType: string; cid?: string }[];
  /** An iCalendar invitation (METHOD:REQUEST), shown by mail clients as one. */
  calendar?: string;
}

/** nodemailer's message from an envelope. */
function mailOf(from: string, e: Envelope, messageId: string): nodemailer.SendMailOptions {
  return {
    from,
    to: e.to,
    subject: e.subject,
    text: e.text,
    messageId,
    ...(e.html ? { html: e.html } : {}),
    ...(e.replyTo?.length ? { replyTo: e.replyTo } : {}),
    ...(e.attachments?.length ? { attachments: e.attachments } : {}),
    ...(e.calendar ? { icalEvent: { method: 'REQUEST', filename: 'invitation.ics', content: e.calendar } } : {}),
  };
}

export interface MailTransport {
  kind: 'smtp' | 'file';
  send(envelope: Envelope): Promise<{ messageId: string }>;
  close(): void;
}

/** A Message-ID derived from the key, so that a receiving system can spot a duplicate too. */
export function messageIdFor(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@spor>`;
}

/**
 * SMTP when SMTP_URL is set; otherwise each message becomes `DATA_DIR/mail/<hash>.eml`,
 * named by its Message-ID.
 */
export function createMailTransport(config: SporConfig): MailTransport {
  const from = config.mail.from;
  if (config.mail.smtpUrl) {
    // Time-outs well inside the activity's minute, so a hung server fails the attempt.
    const smtp = nodemailer.createTransport({
      url: config.mail.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return {
      kind: 'smtp',
      async send(e) {
        const messageId = messageIdFor(e.key);
        // nodemailer resolves as soon as the server's 250 arrives (it says QUIT after,
        // without waiting): the caller marks the outbox next, with nothing in between.
        await smtp.sendMail(mailOf(from, e, messageId));
        return { messageId };
      },
      close: () => smtp.close(),
    };
  }
  const dir = path.join(config.dataDir, 'mail');
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    async send(e) {
      const messageId = messageIdFor(e.key);
      const file = emlFileFor(dir, messageId);
      // A worker killed after writing the file and before the outbox mark comes back
      // here on retry: the file is the delivery, so finding it means sent.
      if (fs.existsSync(file)) return { messageId };
      const info = await stream.sendMail(mailOf(from, e, messageId));
      fs.mkdirSync(dir, { recursive: true });
      // Written under a name of this attempt's own, then linked to the Message-ID's name:
      // link() is atomic and fails when the name exists, so a reader never sees half a
      // message and two attempts (two workers) never both deliver one.
      const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, info.message as Buffer);
      try {
        fs.linkSync(tmp, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      return { messageId };
    },
    close: () => stream.close(),
  };
}

/** The one file a Message-ID is delivered to by the file transport. */
export function emlFileFor(dir: string, messageId: string): string {
  return path.join(dir, `${messageId.slice(1, 41)}.eml`);
}
