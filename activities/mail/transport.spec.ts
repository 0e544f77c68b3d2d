import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../libs/config';
import { createMailTransport, emlFileFor, messageIdFor } from './transport';

/**
 * The file transport is the delivery itself: a message written once is delivered, so a
 * retry after a crash (the outbox row claimed, not yet marked) must not write it again.
 */
describe('the file mail transport', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spor-mail-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const envelope = (key: string) => ({ key, to: ['a@example.org'], subject: 'Påmindelse', text: 'Hej' });

  it('writes a Message-ID once: a retry finds the file and leaves it as it was', async () => {
    const transport = createMailTransport(loadConfig({ DATA_DIR: dataDir }));
    const first = await transport.send(envelope('p/sub-analysis/sbv/phase/1/reminder/2027-01-04'));
    const file = emlFileFor(path.join(dataDir, 'mail'), first.messageId);
    const written = fs.readFileSync(file, 'utf8');
    expect(written).toContain(`Message-ID: ${messageIdFor('p/sub-analysis/sbv/phase/1/reminder/2027-01-04')}`);
    const before = fs.statSync(file);

    // The retry of a worker killed after the write and before the mark.
    const again = await transport.send(envelope('p/sub-analysis/sbv/phase/1/reminder/2027-01-04'));
    expect(again.messageId).toBe(first.messageId);
    const after = fs.statSync(file);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(fs.readFileSync(file, 'utf8')).toBe(written);
    expect(fs.readdirSync(path.join(dataDir, 'mail'))).toEqual([path.basename(file)]);
    transport.close();
  });

  it('delivers one file when two attempts race for the same message, and leaves nothing half-written', async () => {
    const a = createMailTransport(loadConfig({ DATA_DIR: dataDir }));
    const b = createMailTransport(loadConfig({ DATA_DIR: dataDir }));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).send(envelope(`race/${Math.floor(i / 5)}`))),
    );
    expect(new Set(results.map((r) => r.messageId)).size).toBe(2);
    const files = fs.readdirSync(path.join(dataDir, 'mail')).sort();
    expect(files).toEqual(
      [messageIdFor('race/0'), messageIdFor('race/1')].map((id) => path.basename(emlFileFor('.', id))).sort(),
    );
    a.close();
    b.close();
  });
});
