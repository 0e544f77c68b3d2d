/**
 * Taking in one uploaded file: stored by content, its type found in its bytes before it
 * is kept, its display name made safe. What the API's upload route and any importer use.
 */
import FileType from 'file-type';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { type AcceptedType, TextCheck, classify } from '../../libs/documents/file-types';
import { safeFileName } from '../../libs/documents/file-names';
import type { FileStore, StoredFile } from './file-store';

/** The upload held no bytes. */
export class EmptyFile extends Error {
  readonly code = 'empty-file';
  /** The HTTP status the API's error filter answers with (like body-parser's errors). */
  readonly status = 400;
  constructor() {
    super('The file is empty');
    this.name = 'EmptyFile';
  }
}

export interface AcceptedUpload extends StoredFile {
  /** The name to show and to serve it under, never the client's path. */
  name: string;
  type: AcceptedType;
}

/** The accepted type of a file on disk, by its content (and, for text, its name). */
export async function sniffFile(path: string, clientName: string): Promise<AcceptedType> {
  const detected = await FileType.fromFile(path);
  if (detected) return classify(detected, undefined, clientName);
  const check = new TextCheck();
  for await (const chunk of createReadStream(path)) check.push(chunk as Buffer);
  return classify(undefined, check.finish(), clientName);
}

/**
 * Stores an upload if it is non-empty, within `limitBytes` and of an accepted type.
 * Throws EmptyFile, TooLarge or UnsupportedType otherwise, having kept nothing.
 */
export async function acceptUpload(
  store: FileStore,
  source: Readable | Buffer,
  clientName: string,
  limitBytes: number,
): Promise<AcceptedUpload> {
  let type: AcceptedType | undefined;
  const stored = await store.put(source, limitBytes, async ({ path, size }) => {
    if (size === 0) throw new EmptyFile();
    type = await sniffFile(path, clientName);
  });
  if (!type) throw new Error('The stored file was not inspected.');
  return { ...stored, type, name: safeFileName(clientName, type) };
}
