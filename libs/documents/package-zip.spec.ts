import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../activities/files/file-store';
import { agendaPdf } from './agenda-pdf';
import { type Agenda, withStandingItems } from './meeting-model';
import { type MeetingPackage, packageEntryNames, packageZip } from './package-zip';
import { collect, officeFile, pdfFile, readZip } from './test-fixtures';

let dataDir: string;
let store: FileStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'spor-package-'));
  store = new FileStore(dataDir);
});

afterEach(() => rm(dataDir, { recursive: true, force: true }));

const createdAt = new Date('2025-08-19T06:00:00Z');

async function meetingPackage(): Promise<{ pkg: MeetingPackage; files: Map<string, Buffer> }> {
  const results = await pdfFile('Resultater for spor 1');
  const table = await officeFile('xlsx');
  const notes = Buffer.from('# Noter\n\nÆndringer efter styregruppens møde.\n');
  const stored = await Promise.all([results, table, notes].map((b) => store.put(b, 1 << 20)));
  const agenda: Agenda = {
    committee: 'Økonomiudvalget',
    meetingTitle: 'Møde 3',
    date: '2025-08-26',
    createdAt,
    items: withStandingItems([
      {
        title: 'Spor 1',
        method: 'drøftelse',
        attachments: [
          { title: 'Foreløbige resultater', missing: false },
          { title: 'Udkast', missing: true },
          { title: 'Tal/årsværk', missing: false },
        ],
      },
      { title: 'Spor 2', method: 'orientering', attachments: [{ title: 'Noter fra møde', missing: false }] },
    ]),
  };
  const pkg: MeetingPackage = {
    header: agenda,
    agendaPdf: await agendaPdf(agenda),
    // Out of order on purpose: the zip sorts them.
    attachments: [
      { item: 3, attachment: 1, title: 'Noter fra møde', ext: 'md', sha256: stored[2].sha256 },
      { item: 2, attachment: 3, title: 'Tal/årsværk', ext: 'xlsx', sha256: stored[1].sha256, size: stored[1].size },
      { item: 2, attachment: 1, title: 'Foreløbige resultater', ext: 'pdf', sha256: stored[0].sha256 },
    ],
  };
  const files = new Map([
    ['Punkt 2 - Bilag 1 - Foreløbige resultater.pdf', results],
    ['Punkt 2 - Bilag 3 - Tal-årsværk.xlsx', table],
    ['Punkt 3 - Bilag 1 - Noter fra møde.md', notes],
  ]);
  return { pkg, files };
}

describe('packageZip', () => {
  it('holds the agenda and exactly the approved files, byte for byte, in agenda order', async () => {
    const { pkg, files } = await meetingPackage();
    const entries = await readZip(await collect(packageZip(pkg, (sha) => store.open(sha))));
    expect(entries.map((e) => e.name)).toEqual([
      'Dagsorden - Økonomiudvalget - tirsdag 26. august 2025.pdf',
      'Punkt 2 - Bilag 1 - Foreløbige resultater.pdf',
      'Punkt 2 - Bilag 3 - Tal-årsværk.xlsx',
      'Punkt 3 - Bilag 1 - Noter fra møde.md',
    ]);
    expect(entries.map((e) => e.name)).toEqual(packageEntryNames(pkg));
    expect(entries[0].bytes.equals(pkg.agendaPdf)).toBe(true);
    for (const entry of entries.slice(1)) expect(entry.bytes.equals(files.get(entry.name)!)).toBe(true);
  });

  it('gives the same bytes for the same input, every entry dated when the package was made', async () => {
    const { pkg } = await meetingPackage();
    const first = await collect(packageZip(pkg, (sha) => store.open(sha)));
    const second = await collect(packageZip(pkg, (sha) => store.open(sha)));
    expect(first.equals(second)).toBe(true);
    // yauzl reads the DOS timestamp, which has a two-second resolution in local time.
    for (const entry of await readZip(first)) {
      expect(Math.abs(entry.mtime.getTime() - createdAt.getTime())).toBeLessThanOrEqual(2000);
    }
  });

  it('fails the stream when a stored file is gone', async () => {
    const { pkg } = await meetingPackage();
    pkg.attachments.push({ item: 4, attachment: 1, title: 'Borte', ext: 'pdf', sha256: 'f'.repeat(64) });
    await expect(collect(packageZip(pkg, (sha) => store.open(sha)))).rejects.toThrow('No stored file');
  });
});
