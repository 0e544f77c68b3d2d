/** Real files of each kind for tests, built in memory. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import * as yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { DOCUMENT_FONTS } from './pdf-layout';

const execFileAsync = promisify(execFile);

/** A zip with these entries, in this order. */
export function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    zip.addBuffer(Buffer.from(content), name, { mtime: new Date(Date.UTC(2025, 0, 1)) });
  }
  zip.end();
  return collect(zip.outputStream);
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';

/** The skeleton of an Office Open XML file, as Word, Excel and PowerPoint lay them out. */
export function officeFile(kind: 'docx' | 'xlsx' | 'pptx'): Promise<Buffer> {
  const main = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml', pptx: 'ppt/presentation.xml' }[kind];
  return zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS, [main]: '<?xml version="1.0"?><x/>' });
}

/** A one-page PDF saying `text`. */
export function pdfFile(text = 'Foreløbige resultater'): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date(Date.UTC(2025, 0, 1)) } });
  doc.registerFont('body', DOCUMENT_FONTS.regular);
  doc.font('body').text(text);
  doc.end();
  return collect(doc);
}

/** The start of a Linux executable (ELF) and of a Windows one (MZ/PE). */
export const ELF_BYTES = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
export const EXE_BYTES = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126)]);

export async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A PDF's text as Debian's pdftotext (poppler) reads it, in reading order with layout kept. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'spor-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await execFileAsync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every entry of a zip, in order, with its bytes and date (read with yauzl). */
export async function readZip(zip: Buffer): Promise<{ name: string; bytes: Buffer; mtime: Date }[]> {
  const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z))),
  );
  const entries: { name: string; bytes: Buffer; mtime: Date }[] = [];
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (entry: yauzl.Entry) => {
      file.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        collect(stream).then((bytes) => {
          entries.push({ name: entry.fileName, bytes, mtime: entry.getLastModDate() });
          file.readEntry();
        }, reject);
      });
    });
    file.on('end', () => resolve());
    file.on('error', reject);
    file.readEntry();
  });
  return entries;
}
