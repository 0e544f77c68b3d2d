/**
 * A real SMTP server on loopback for the reminder storm: it keeps, per message, when it
 * arrived, its envelope recipients and its Message-ID (Spor derives that from the
 * message's outbox key, so a message sent twice arrives with the same id).
 */
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../libs/temporal';

export interface Arrival {
  /** Epoch milliseconds on this machine's clock. */
  at: number;
  to: string[];
  messageId: string;
}

export interface BenchSmtp {
  url: string;
  arrivals: Arrival[];
  stop(): Promise<void>;
}

export async function startBenchSmtp(): Promise<BenchSmtp> {
  const arrivals: Arrival[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Many workers' connections at once in a storm.
    maxClients: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const head = Buffer.concat(chunks)
          .toString('utf8')
          .split(/\r?\n\r?\n/, 1)[0];
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '';
        arrivals.push({ at: Date.now(), to: session.envelope.rcptTo.map((r) => r.address).sort(), messageId });
        callback();
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
    arrivals,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
