import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../libs/temporal';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  /** Attachments, inline images (related) included; their bytes only for PDFs. */
  attachments: { filename?: string; contentType: string; related: boolean; cid?: string; pdf?: Buffer }[];
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
            attachments: mail.attachments.map((a) => ({
              ...(a.filename !== undefined && { filename: a.filename }),
              contentType: a.contentType,
              related: a.related ?? false,
              ...(a.contentId !== undefined && { cid: a.contentId }),
              ...(a.contentType === 'application/pdf' && { pdf: a.content }),
            })),
          });
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
