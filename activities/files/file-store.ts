/**
 * Files handed in, stored by the SHA-256 of their bytes under `<dataDir>/files/sha256/`:
 * identical bytes are stored once, a stored file never changes, and its address is
 * also its checksum. Rows elsewhere hold the name, who and when.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  sha256: string;
  size: number;
}

/** The upload passed the size limit; it was not read further and nothing was kept. */
export class TooLarge extends Error {
  readonly code = 'too-large';
  /** The HTTP status the API's error filter answers with (like body-parser's errors). */
  readonly status = 413;
  constructor(readonly limitBytes: number) {
    super(`The file is larger than the limit of ${formatMegabytes(limitBytes)}`);
    this.name = 'TooLarge';
  }
}

/** No stored file has this address. */
export class FileNotFound extends Error {
  readonly code = 'file-not-found';
  /** The HTTP status the API's error filter answers with (like body-parser's errors). */
  readonly status = 404;
  constructor(readonly sha256: string) {
    super(`No stored file has the address ${sha256}`);
    this.name = 'FileNotFound';
  }
}

/** '25 MB', '1.5 MB'. */
function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

const SHA256 = /^[0-9a-f]{64}$/;
const TEMP_PREFIX = '.tmp-';

/** Counts and hashes what passes through, and fails the moment the limit is passed. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limitBytes) return done(new TooLarge(this.limitBytes));
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/**
 * Called with the complete temporary file before it is moved into place; throwing
 * refuses the file (it is removed, and the error reaches the caller of `put`).
 */
export type Inspect = (file: { path: string; size: number }) => Promise<void> | void;

export class FileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'files', 'sha256');
  }

  /** Where the file with this hash lives: two levels, so no folder grows past 256 entries. */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new FileNotFound(sha256);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  /**
   * Stores the bytes of `source` and returns their address. A stream is read only until
   * it passes `limitBytes` (then TooLarge, and the stream is destroyed). The bytes go to a
   * temporary file in the store's own folder, so the final rename is atomic and a crash
   * leaves at most a `.tmp-` file, never a half-written one under a hash. The bytes are
   * flushed to disk before the rename, so a file that has an address has its bytes.
   */
  async put(source: Readable | Buffer | Uint8Array, limitBytes: number, inspect?: Inspect): Promise<StoredFile> {
    await mkdir(this.root, { recursive: true });
    const temp = join(this.root, `${TEMP_PREFIX}${randomBytes(12).toString('hex')}`);
    const meter = new Meter(limitBytes);
    const input = source instanceof Readable ? source : Readable.from([Buffer.from(source)]);
    try {
      await pipeline(input, meter, createWriteStream(temp, { flags: 'wx', flush: true }));
      const stored = { sha256: meter.hash.digest('hex'), size: meter.size };
      await inspect?.({ path: temp, size: stored.size });
      const target = this.pathOf(stored.sha256);
      await mkdir(join(this.root, stored.sha256.slice(0, 2)), { recursive: true });
      // Renaming over an existing file with the same hash replaces identical bytes.
      await rename(temp, target);
      return stored;
    } catch (error) {
      // pipeline destroys the source on error; say so explicitly for sources it did not own.
      if (!input.destroyed) input.destroy();
      throw error;
    } finally {
      await rm(temp, { force: true });
    }
  }

  /**
   * Removes temporary files a crash left behind; returns how many. Only for start-up,
   * before this process (the one that writes here) takes uploads.
   */
  async removeLeftovers(): Promise<number> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    const leftovers = names.filter((name) => name.startsWith(TEMP_PREFIX));
    await Promise.all(leftovers.map((name) => rm(join(this.root, name), { force: true })));
    return leftovers.length;
  }

  /**
   * Removes a stored file; nothing happens when there is none. Only for bytes no row
   * refers to (an upload refused after it was stored): the caller makes sure of that.
   */
  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Whether a file with this hash is stored. */
  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  /** The size of a stored file; FileNotFound when there is none. */
  async size(sha256: string): Promise<number> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch (error) {
      throw notFound(error, sha256);
    }
  }

  /** A stream of a stored file's bytes; FileNotFound (before any byte) when there is none. */
  async open(sha256: string): Promise<ReadStream> {
    const path = this.pathOf(sha256);
    await this.size(sha256);
    return createReadStream(path);
  }

  /** A stored file's bytes in memory (for small files: attachments to a message). */
  async read(sha256: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      throw notFound(error, sha256);
    }
  }
}

function notFound(error: unknown, sha256: string): unknown {
  return (error as NodeJS.ErrnoException).code === 'ENOENT' ? new FileNotFound(sha256) : error;
}
