/**
 * A multer storage engine that takes each uploaded file straight into the file store
 * (hashed while it streams, type checked before it is kept), for Nest's FileInterceptor:
 * `FileInterceptor('file', uploadOptions(store, limit))`. The route finds the result in
 * `req.file.upload`.
 */
import type { Request } from 'express';
import type { Options, StorageEngine } from 'multer';
import type { FileStore } from './file-store';
import { type AcceptedUpload, acceptUpload } from './uploads';

/** `req.file` after this engine has stored it. */
export type StoredMulterFile = Express.Multer.File & { upload: AcceptedUpload };

export function fileStoreStorage(store: FileStore, limitBytes: number): StorageEngine {
  return {
    _handleFile(_req: Request, file: Express.Multer.File, callback) {
      acceptUpload(store, file.stream, file.originalname, limitBytes).then(
        (upload) => callback(null, { size: upload.size, upload } as Partial<StoredMulterFile>),
        (error: unknown) => callback(error),
      );
    },
    // Multer calls this when a later part of the request fails. The bytes may already be
    // another version's (identical bytes are stored once), so they stay: a stored file
    // no row points to is harmless, a missing one is not.
    _removeFile(_req: Request, _file: Express.Multer.File, callback) {
      callback(null);
    },
  };
}

/** The longest comment accepted beside a file (multer's own default is 1 MB). */
export const MAX_COMMENT_BYTES = 10_000;

/**
 * Multer options for one deliverable upload: the file into the store, names read as
 * UTF-8 (multer's default is Latin-1, which turns 'Foreløbige' into 'ForelÃ¸bige'),
 * one file and a few small text fields. The size limit is the store's (TooLarge), not
 * multer's, so one error says it however the file arrives.
 */
export function uploadOptions(store: FileStore, limitBytes: number): Options {
  return {
    storage: fileStoreStorage(store, limitBytes),
    defParamCharset: 'utf8',
    limits: { files: 1, fields: 5, fieldSize: MAX_COMMENT_BYTES, parts: 6 },
  };
}
