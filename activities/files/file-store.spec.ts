import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { UnsupportedType } from '../../libs/documents/file-types';
import { EXE_BYTES, collect, officeFile, pdfFile, zipOf } from '../../libs/documents/test-fixtures';
import { FileNotFound, FileStore, TooLarge } from './file-store';
import { EmptyFile, acceptUpload } from './uploads';

let dataDir: string;
let store: FileStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'spor-files-'));
  store = new FileStore(dataDir);
});

afterEach(() => rm(dataDir, { recursive: true, force: true }));

/** Every file under the data folder, temporary ones included. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dataDir, join(e.parentPath, e.name)));
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A stream of `chunks` chunks of 64 KiB, made only when read; counts what was made. */
function lazyStream(chunks: number): { stream: Readable; produced: () => number } {
  let produced = 0;
  const stream = Readable.from(
    (function* () {
      for (let i = 0; i < chunks; i++) {
        produced++;
        yield Buffer.alloc(64 * 1024, i % 251);
      }
    })(),
  );
  return { stream, produced: () => produced };
}

describe('FileStore', () => {
  it('stores bytes under their SHA-256 and gives them back unchanged', async () => {
    const bytes = Buffer.from('Foreløbige resultater for spor 2\n');
    const stored = await store.put(bytes, 1024);
    expect(stored).toEqual({ sha256: sha256(bytes), size: bytes.length });
    expect(await filesOnDisk()).toEqual([join('files', 'sha256', stored.sha256.slice(0, 2), stored.sha256.slice(2))]);
    expect(await store.read(stored.sha256)).toEqual(bytes);
    expect(await collect(await store.open(stored.sha256))).toEqual(bytes);
    expect(await store.size(stored.sha256)).toBe(bytes.length);
    expect(await store.has(stored.sha256)).toBe(true);
  });

  it('stores identical bytes once, also when they arrive at the same time', async () => {
    const bytes = await pdfFile();
    const results = await Promise.all([
      store.put(bytes, 1 << 20),
      store.put(Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]), 1 << 20),
      store.put(bytes, 1 << 20),
    ]);
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    expect(await filesOnDisk()).toHaveLength(1);
    await store.put(Buffer.from('noget andet'), 1 << 20);
    expect(await filesOnDisk()).toHaveLength(2);
  });

  it('stops reading a stream as soon as it passes the limit and keeps nothing', async () => {
    const { stream, produced } = lazyStream(1600); // 100 MiB if read to the end
    await expect(store.put(stream, 1024 * 1024)).rejects.toBeInstanceOf(TooLarge);
    // 16 chunks reach the limit; a few more may be in flight in the stream's buffers.
    expect(produced()).toBeLessThan(40);
    expect(stream.destroyed).toBe(true);
    expect(await filesOnDisk()).toEqual([]);
  });

  it('accepts a file of exactly the limit', async () => {
    const { stream } = lazyStream(16);
    await expect(store.put(stream, 16 * 64 * 1024)).resolves.toMatchObject({ size: 16 * 64 * 1024 });
  });

  it('says how large the limit is', async () => {
    const tooLarge = await store.put(Buffer.alloc(2 * 1024 * 1024), 1024 * 1024).catch((e: unknown) => e);
    expect(tooLarge).toMatchObject({
      code: 'too-large',
      limitBytes: 1024 * 1024,
      message: expect.stringContaining('1 MB'),
    });
  });

  it('keeps nothing when the source fails half-way', async () => {
    const failing = Readable.from(
      (function* () {
        yield Buffer.alloc(1000);
        throw new Error('forbindelsen blev afbrudt');
      })(),
    );
    await expect(store.put(failing, 1 << 20)).rejects.toThrow('forbindelsen blev afbrudt');
    expect(await filesOnDisk()).toEqual([]);
  });

  it('keeps nothing when the inspection refuses the file', async () => {
    await expect(
      store.put(Buffer.from('x'), 10, () => {
        throw new Error('nej tak');
      }),
    ).rejects.toThrow('nej tak');
    expect(await filesOnDisk()).toEqual([]);
  });

  it('removes what a crash left behind, and only that', async () => {
    const kept = await store.put(Buffer.from('bevares'), 100);
    await writeFile(join(store.root, '.tmp-0123'), 'halvt skrevet');
    expect(await store.removeLeftovers()).toBe(1);
    expect(await filesOnDisk()).toEqual([relative(dataDir, store.pathOf(kept.sha256))]);
    expect(await new FileStore(join(dataDir, 'tom')).removeLeftovers()).toBe(0);
  });

  it('removes a stored file, and does nothing for one it does not have', async () => {
    const stored = await store.put(Buffer.from('trukket tilbage'), 1024);
    await store.remove(stored.sha256);
    expect(await store.has(stored.sha256)).toBe(false);
    expect(await filesOnDisk()).toEqual([]);
    await expect(store.remove(stored.sha256)).resolves.toBeUndefined();
    await expect(store.remove('../../etc/passwd')).rejects.toBeInstanceOf(FileNotFound);
  });

  it('answers FileNotFound for unknown and malformed addresses', async () => {
    await expect(store.read('0'.repeat(64))).rejects.toBeInstanceOf(FileNotFound);
    await expect(store.open('0'.repeat(64))).rejects.toBeInstanceOf(FileNotFound);
    await expect(store.read('../../etc/passwd')).rejects.toBeInstanceOf(FileNotFound);
    expect(await store.has('../x')).toBe(false);
  });
});

describe('acceptUpload', () => {
  const LIMIT = 1 << 20;

  it('stores a PDF named .docx as a PDF under a safe name', async () => {
    const pdf = await pdfFile();
    const upload = await acceptUpload(store, Readable.from([pdf]), '../../Foreløbige resultater.docx', LIMIT);
    expect(upload).toMatchObject({ name: 'Foreløbige resultater.pdf', size: pdf.length, sha256: sha256(pdf) });
    expect(upload.type.kind).toBe('pdf');
    expect(await store.read(upload.sha256)).toEqual(pdf);
  });

  it('recognises an Office file that the sniffer reads from disk', async () => {
    const xlsx = await officeFile('xlsx');
    const upload = await acceptUpload(store, xlsx, 'tal.pdf', LIMIT);
    expect(upload.type.kind).toBe('xlsx');
    expect(upload.name).toBe('tal.xlsx');
  });

  it('refuses a zip renamed .pdf and an executable, keeping nothing', async () => {
    await expect(acceptUpload(store, await zipOf({ 'a.txt': 'a' }), 'bilag.pdf', LIMIT)).rejects.toBeInstanceOf(
      UnsupportedType,
    );
    await expect(acceptUpload(store, EXE_BYTES, 'bilag.pdf', LIMIT)).rejects.toMatchObject({
      found: expect.stringContaining('EXE'),
    });
    expect(await filesOnDisk()).toEqual([]);
  });

  it('refuses an empty file, keeping nothing', async () => {
    await expect(acceptUpload(store, Buffer.alloc(0), 'tom.pdf', LIMIT)).rejects.toBeInstanceOf(EmptyFile);
    expect(await filesOnDisk()).toEqual([]);
  });

  it('reads a large text file in pieces and names Markdown by its extension', async () => {
    const text = Buffer.from('# Notat\n\nÆndringer i spor 3.\n'.repeat(20000));
    const upload = await acceptUpload(store, Readable.from([text]), 'notat.md', LIMIT);
    expect(upload).toMatchObject({ name: 'notat.md', size: text.length });
    expect(upload.type.kind).toBe('markdown');
  });
});
