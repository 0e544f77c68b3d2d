import express from 'express';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multer from 'multer';
import request from 'supertest';
import { pdfFile, zipOf } from '../../libs/documents/test-fixtures';
import { FileStore } from './file-store';
import { type StoredMulterFile, uploadOptions } from './multer-storage';

let dataDir: string;
let store: FileStore;
let app: express.Express;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'spor-multer-'));
  store = new FileStore(dataDir);
  app = express();
  const upload = multer(uploadOptions(store, 64 * 1024)).single('file');
  app.post('/upload', upload, (req, res) => {
    const { upload: stored } = req.file as StoredMulterFile;
    res.json({ sha256: stored.sha256, size: stored.size, name: stored.name, kind: stored.type.kind });
  });
  app.use((error: Error & { code?: string }, _req: express.Request, res: express.Response, _next: unknown) => {
    res.status((error as { status?: number }).status ?? 500).json({ code: error.code, message: error.message });
  });
});

afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('uploadOptions', () => {
  it('stores a multipart upload by content, under a safe name, ignoring the client type', async () => {
    const pdf = await pdfFile();
    const res = await request(app)
      .post('/upload')
      .attach('file', pdf, { filename: '../../Foreløbige resultater.docx', contentType: 'text/plain' })
      .expect(200);
    expect(res.body).toMatchObject({ size: pdf.length, name: 'Foreløbige resultater.pdf', kind: 'pdf' });
    expect(await store.read(res.body.sha256)).toEqual(pdf);
  });

  it('passes the store errors on and keeps nothing', async () => {
    const tooLarge = await request(app)
      .post('/upload')
      .attach('file', Buffer.alloc(200 * 1024, 0x61), 'stor.txt')
      .expect(413);
    expect(tooLarge.body.code).toBe('too-large');
    const disguised = await request(app)
      .post('/upload')
      .attach('file', await zipOf({ 'a.txt': 'a' }), { filename: 'bilag.pdf', contentType: 'application/pdf' })
      .expect(415);
    expect(disguised.body.code).toBe('unsupported-type');
    const empty = await request(app).post('/upload').attach('file', Buffer.alloc(0), 'tom.pdf').expect(400);
    expect(empty.body.code).toBe('empty-file');
    expect(await storedFiles()).toEqual([]);
  });
});
