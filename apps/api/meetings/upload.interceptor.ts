import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError, type StorageEngine } from 'multer';
import { PassThrough, finished } from 'node:stream';
import type { Observable } from 'rxjs';
import {
  EmptyFile,
  MAX_COMMENT_BYTES,
  type StoredMulterFile,
  TooLarge,
  fileStoreStorage,
  uploadOptions,
} from '../../../activities/files';
import { UnsupportedType } from '../../../libs/documents/file-types';
import { BadInputException } from '../common/errors';
import { meetingProblems } from '../../../libs/texts/problems';
import { MeetingsService } from './meetings.service';

/** The multipart field that carries the file. */
export const FILE_FIELD = 'file';

/** Room for the multipart framing and the comment beside the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024 + MAX_COMMENT_BYTES;

const EARLY_FAILURE = Symbol('spor:upload-failed');
type UploadRequest = Request & { [EARLY_FAILURE]?: (error: unknown) => void; file?: StoredMulterFile };

/**
 * Takes in a deliverable's file before the route handler runs:
 * 1. 404/409 from the meeting (MeetingsService.checkUpload) before a byte is read;
 * 2. 413 at once when the declared length is beyond the limit;
 * 3. the file streamed into the store by multer with the store's engine, which checks
 *    emptiness, size and type as the bytes arrive.
 * A refused file is answered the moment it is refused, and the rest of the body is left
 * unread until the answer is out: the client learns at once and can stop sending, and
 * what it still sends is discarded, never stored. (Closing the connection instead would
 * make the kernel reset it, and a client still sending would lose the answer.) The route handler finds the stored file in `req.file.upload`, held against removal until
 * MeetingsService.submit answers.
 */
@Injectable()
export class DeliverableUploadInterceptor implements NestInterceptor {
  private readonly middleware: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(private readonly meetings: MeetingsService) {
    const options = uploadOptions(meetings.store, meetings.maxUploadBytes);
    this.middleware = multer({ ...options, storage: this.storage() }).single(FILE_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<UploadRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const { id, mid, sid } = req.params as Record<string, string>;
    try {
      await this.meetings.checkUpload(id, mid, sid);
      const declared = Number(req.headers['content-length']);
      if (declared > this.meetings.maxUploadBytes + FORM_OVERHEAD_BYTES) {
        throw new TooLarge(this.meetings.maxUploadBytes);
      }
      await this.receive(req, res);
    } catch (error) {
      throw httpErrorOfUpload(error);
    }
    if (!req.file?.upload) {
      throw new BadInputException([{ path: FILE_FIELD, message: meetingProblems.fileRequired }]);
    }
    return next.handle();
  }

  /** Runs multer; settles as soon as the store refuses the file, without waiting for the rest of the body. */
  private receive(req: UploadRequest, res: Response): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      req[EARLY_FAILURE] = reject;
      this.middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
    });
  }

  /** The store's engine, telling the interceptor at once when a file is refused and holding a stored one. */
  private storage(): StorageEngine {
    const engine = fileStoreStorage(this.meetings.store, this.meetings.maxUploadBytes);
    return {
      _handleFile: (req: UploadRequest, file, callback) => {
        // The store reads the file through a stream of its own: when it gives up (past the
        // limit) it ends only that one, so multer is not told and does not drain the rest
        // of the body before the answer; TCP holds a client that is still sending back
        // until the answer comes and it can stop. multer drains what a client sends on
        // once it is told, after the answer.
        const body = new PassThrough();
        file.stream.pipe(body);
        const own = { ...file, stream: body } as Express.Multer.File;
        engine._handleFile(req, own, (error, info) => {
          if (!error) {
            this.meetings.hold((info as StoredMulterFile).upload.sha256);
            return callback(null, info);
          }
          const answer = req[EARLY_FAILURE];
          if (!answer || !req.res) return callback(error);
          answer(error);
          finished(req.res, () => callback(error));
        });
      },
      // A later part of the request failed after the file was stored: the upload failed.
      _removeFile: (_req, file, callback) => {
        const { upload } = file as StoredMulterFile;
        if (!upload) return callback(null);
        this.meetings.release(upload.sha256, true).then(
          () => callback(null),
          (error: unknown) => callback(error as Error),
        );
      },
    };
  }
}

function problem(status: HttpStatus, error: string, path: string, message: string): HttpException {
  return new HttpException({ statusCode: status, error, message, details: [{ path, message }] }, status);
}

/** The contract's answer for why an upload was not taken in. */
export function httpErrorOfUpload(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof TooLarge) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, 'Payload Too Large', FILE_FIELD, error.message);
  }
  if (error instanceof UnsupportedType) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'Unsupported Media Type', FILE_FIELD, error.message);
  }
  if (error instanceof EmptyFile)
    return new BadInputException([{ path: FILE_FIELD, message: meetingProblems.fileEmpty }]);
  if (error instanceof MulterError) {
    const field = error.field ?? '';
    const messages: Partial<Record<MulterError['code'], [string, string]>> = {
      LIMIT_UNEXPECTED_FILE: [field, `only the field "${FILE_FIELD}" may carry a file`],
      LIMIT_FILE_COUNT: [FILE_FIELD, 'send one file at a time'],
      LIMIT_FIELD_VALUE: [field, `must be at most ${MAX_COMMENT_BYTES} bytes`],
      LIMIT_FIELD_KEY: ['', 'a field name is too long'],
      LIMIT_FIELD_COUNT: ['', 'too many fields'],
      LIMIT_PART_COUNT: ['', 'too many parts'],
    };
    const [path, message] = messages[error.code] ?? ['', error.message];
    return new BadInputException([{ path, message }]);
  }
  // busboy's complaints about a malformed body ("Unexpected end of form", a missing boundary).
  if (error instanceof Error && /multipart|boundary|unexpected end of form|malformed/i.test(error.message)) {
    return new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `The upload is not valid multipart/form-data: ${error.message}`,
      details: [{ path: '', message: error.message }],
    });
  }
  return error;
}
