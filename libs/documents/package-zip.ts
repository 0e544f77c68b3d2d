/**
 * The meeting package as a zip: the agenda first, then every approved attachment named
 * after its place on the agenda ('Punkt 2 - Bilag 1 - Foreløbige resultater.pdf'). The
 * attachments are streamed one at a time from wherever the caller keeps them, and the
 * same input gives the same bytes (fixed order, every entry dated `createdAt`).
 */
import { PassThrough, type Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { danishDateWithoutWeek } from '../texts/dates';
import { composeFileName } from './file-names';
import type { MeetingHeader } from './meeting-model';

export interface PackageAttachment {
  /** The agenda item's number (N in 'Bilag N.M'). */
  item: number;
  /** The attachment's place under the item (M in 'Bilag N.M'). */
  attachment: number;
  title: string;
  /** Extension of the stored file's type, without the dot. */
  ext: string;
  sha256: string;
  /** Checked against the bytes streamed when given. */
  size?: number;
}

export interface MeetingPackage {
  header: Pick<MeetingHeader, 'committee' | 'date' | 'createdAt'>;
  agendaPdf: Buffer;
  /** Approved attachments only; the agenda lists the missing ones. */
  attachments: PackageAttachment[];
}

/** Opens a stored file's bytes (FileStore.open). */
export type OpenFile = (sha256: string) => Promise<NodeJS.ReadableStream>;

/** 'Dagsorden - Økonomiudvalget - tirsdag 26. august 2025.pdf'. */
export function agendaFileName(header: Pick<MeetingHeader, 'committee' | 'date'>): string {
  return composeFileName(`Dagsorden - ${header.committee} - ${danishDateWithoutWeek(header.date)}`, 'pdf');
}

/** 'Punkt 2 - Bilag 1 - Foreløbige resultater.pdf'. */
export function attachmentFileName(a: Pick<PackageAttachment, 'item' | 'attachment' | 'title' | 'ext'>): string {
  return composeFileName(`Punkt ${a.item} - Bilag ${a.attachment} - ${a.title}`, a.ext);
}

/** The entries' names in the order they are written. */
export function packageEntryNames(pkg: MeetingPackage): string[] {
  return [agendaFileName(pkg.header), ...sortedAttachments(pkg.attachments).map(attachmentFileName)];
}

function sortedAttachments(attachments: PackageAttachment[]): PackageAttachment[] {
  return [...attachments].sort((a, b) => a.item - b.item || a.attachment - b.attachment);
}

/** The zip as a stream; a file that cannot be opened or read fails the stream. */
export function packageZip(pkg: MeetingPackage, open: OpenFile): Readable {
  const zip = new ZipFile();
  const output = new PassThrough();
  const options = { mtime: pkg.header.createdAt };
  zip.addBuffer(pkg.agendaPdf, agendaFileName(pkg.header), options);
  for (const a of sortedAttachments(pkg.attachments)) {
    zip.addReadStreamLazy(
      attachmentFileName(a),
      { ...options, ...(a.size === undefined ? {} : { size: a.size }) },
      (cb) =>
        open(a.sha256).then(
          (stream) => cb(null, stream),
          (error: unknown) => cb(error, undefined as unknown as NodeJS.ReadableStream),
        ),
    );
  }
  zip.on('error', (error: Error) => output.destroy(error));
  zip.outputStream.on('error', (error: Error) => output.destroy(error));
  zip.outputStream.pipe(output);
  zip.end();
  return output;
}
