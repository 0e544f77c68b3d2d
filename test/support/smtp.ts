import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../libs/temporal';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  html?: string;
  /** As the header reads, e.g. '"Anna Holm" <anna@example.org>'. */
  replyTo?: string;
  /** `related`: an inline image of the HTML (cid:). */
  attachments: { filename?: string; contentType: string; content: Buffer; cid?: string; related?: boolean }[];
}

/** A real SMTP server on loopback that keeps what it receives. */
export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  stop(): Promise<void>;
}

/**
 * `beforeAccept` sees each message (numbered from 1) before the server answers; when it
 * returns false the message is refused, as a server that went away mid-conversation
 * never accepted it.
 */
export async function startSmtp(beforeAccept?: (n: number) => boolean): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (beforeAccept && !beforeAccept(++count)) {
            callback(Object.assign(new Error('Service not available'), { responseCode: 421 }));
            return;
          }
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address).sort(),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
            ...(typeof mail.html === 'string' ? { html: mail.html } : {}),
            ...(mail.replyTo ? { replyTo: mail.replyTo.text } : {}),
            attachments: mail.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: a.content,
              ...(a.cid ? { cid: a.cid } : {}),
              ...(a.related ? { related: true } : {}),
            })),
          });
          callback();
        })
        .catch(callback);
    },
  });
  // A worker killed mid-conversation resets its connection; the server reports that as an
  // error event, which unheard would end the process. Expected here: the tests kill workers.
  server.on('error', () => undefined);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
