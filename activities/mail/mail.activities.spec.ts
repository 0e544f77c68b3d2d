import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/config';
import { NotificationEntity, openDatabase } from '../../libs/persistence';
import { FileStore } from '../files/file-store';
import { type NotificationRequest, type NotificationResult, createMailActivities } from './mail.activities';
import { type MailTransport, createMailTransport } from './transport';

/**
 * A batch of e-mails in one activity (`sendNotifications`), on a migrated SQLite outbox
 * and the file transport, in Temporal's mock activity context.
 */
describe('sendNotifications', () => {
  let dataDir: string;
  let db: DataSource;
  let files: FileStore;
  let transport: MailTransport;
  const written: string[] = [];

  const request = (n: number): NotificationRequest => ({
    key: `batch-test/note-request/2027-03-18/sub-${n}`,
    programmeId: 'batch-test',
    kind: 'status-note-request',
    recipients: [`lead-${n}@example.org`],
    subject: `Statusnote ${n}`,
    text: 'Hej',
    dueAt: '2027-03-18T09:00:00+01:00',
  });
  const sentKeys = async () =>
    (await db.getRepository(NotificationEntity).find())
      .filter((r) => r.sentAt !== null)
      .map((r) => r.key)
      .sort();

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spor-batch-'));
    db = await openDatabase({ type: 'sqlite', file: ':memory:' });
    files = new FileStore(dataDir);
    const fileTransport = createMailTransport(loadConfig({ DATA_DIR: dataDir }));
    written.length = 0;
    transport = {
      kind: fileTransport.kind,
      close: () => fileTransport.close(),
      async send(envelope) {
        written.push(envelope.key);
        return fileTransport.send(envelope);
      },
    };
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends each e-mail once, in order, and a retry of the batch sends none again', async () => {
    const { sendNotifications } = createMailActivities(db, transport, files);
    const batch = [1, 2, 3].map(request);
    const first: NotificationResult[] = await new MockActivityEnvironment().run(sendNotifications, batch);
    expect(first.map((r) => r.alreadySent)).toEqual([false, false, false]);
    expect(written).toEqual(batch.map((r) => r.key));
    const again: NotificationResult[] = await new MockActivityEnvironment().run(sendNotifications, batch);
    expect(again.map((r) => r.alreadySent)).toEqual([true, true, true]);
    expect(written).toHaveLength(3);
    expect(await sentKeys()).toEqual(batch.map((r) => r.key).sort());
  });

  it('stops before its next e-mail once Temporal gives the attempt up, and the retry sends the rest', async () => {
    const env = new MockActivityEnvironment();
    // The attempt times out while its first e-mail leaves.
    const cancelling: MailTransport = {
      ...transport,
      async send(envelope) {
        const sent = await transport.send(envelope);
        env.cancel('TIMED_OUT');
        return sent;
      },
    };
    const batch = [1, 2, 3].map(request);
    const { sendNotifications } = createMailActivities(db, cancelling, files);
    await expect(env.run(sendNotifications, batch)).rejects.toThrow();
    expect(written).toEqual([batch[0].key]);

    const retry = createMailActivities(db, transport, files).sendNotifications;
    const results: NotificationResult[] = await new MockActivityEnvironment().run(retry, batch);
    expect(results.map((r) => r.alreadySent)).toEqual([true, false, false]);
    expect(written).toEqual(batch.map((r) => r.key));
  });
});
