import { SMTPServer } from 'smtp-server';
import { freePort } from '../../libs/temporal';

/** One message the server accepted, with who sent it and when the server said 250. */
export interface AcceptedMail {
  messageId: string;
  /** The envelope's MAIL FROM: tells apart workers given different MAIL_FROM. */
  from: string;
  acceptedAtMs: number;
}

/**
 * Decides about a message once its data has arrived and before the server answers:
 * true accepts it, false refuses it (421), and a promise holds the answer back until it
 * settles, as a slow server would.
 */
export type Gate = (mail: { messageId: string; from: string }) => boolean | Promise<boolean>;

export interface RecordingSmtp {
  url: string;
  /** In the order the server accepted them. */
  accepted: AcceptedMail[];
  /** Replaces the gate (the default accepts everything). */
  setGate(gate: Gate): void;
  stop(): Promise<void>;
}

const MESSAGE_ID = /^message-id:\s*(<[^>\r\n]+>)/im;

/**
 * A real SMTP server on loopback for the resilience tests, which count deliveries by
 * Message-ID and time them: it keeps only the header it needs, not the parsed message.
 */
export async function startRecordingSmtp(): Promise<RecordingSmtp> {
  const accepted: AcceptedMail[] = [];
  let gate: Gate = () => true;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const head = Buffer.concat(chunks)
          .toString('utf8')
          .split(/\r?\n\r?\n/)[0];
        const messageId = MESSAGE_ID.exec(head)?.[1] ?? '';
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        Promise.resolve(gate({ messageId, from })).then(
          (ok) => {
            if (!ok) {
              callback(Object.assign(new Error('Service not available'), { responseCode: 421 }));
              return;
            }
            accepted.push({ messageId, from, acceptedAtMs: Date.now() });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  // A worker killed mid-conversation resets its connection; the server reports that as an
  // error event, which unheard would end the process. Expected here: the tests kill workers.
  server.on('error', () => undefined);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    setGate: (g) => (gate = g),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
