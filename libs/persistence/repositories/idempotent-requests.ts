import { type DataSource, IsNull, LessThan } from 'typeorm';
import { IdempotentRequestEntity } from '../entities/idempotent-request.entity';

/** How long a key's first answer is kept: a day covers any sensible retry. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Expired keys are swept at most this often per process, not on every request. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

export interface IdempotentRequest {
  actor: string;
  key: string;
  method: string;
  path: string;
  fingerprint: string;
}

export interface StoredAnswer {
  status: number;
  contentType: string | null;
  body: string | null;
}

/**
 * What a key means for a request: `first` (go ahead; the answer is stored afterwards),
 * `replay` (answered before: give that answer), `busy` (the first request with this key
 * is still being answered), `mismatch` (the key was used for another request).
 */
export type Claim =
  { kind: 'first' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'busy' } | { kind: 'mismatch' };

/**
 * Idempotency keys and the first answer given under each, in the database so every API
 * instance sees the same. A key is claimed (a row without status) before the request is
 * handled; the primary key (person, key) lets only one of two racing requests claim it.
 */
export class IdempotentRequests {
  private lastSweep = 0;

  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(IdempotentRequestEntity);
  }

  async claim(request: IdempotentRequest, now = Date.now()): Promise<Claim> {
    await this.sweep(now);
    const id = { actor: request.actor, key: request.key };
    // A key past its time is free again.
    await this.repo.delete({ ...id, expiresAt: LessThan(new Date(now).toISOString()) });
    try {
      await this.repo.insert({
        ...request,
        status: null,
        contentType: null,
        body: null,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + IDEMPOTENCY_TTL_MS).toISOString(),
      });
      return { kind: 'first' };
    } catch (err) {
      // Most likely the key is taken; if there is no row, it was something else.
      const row = await this.repo.findOneBy(id);
      if (!row) throw err;
      if (row.fingerprint !== request.fingerprint) return { kind: 'mismatch' };
      if (row.status === null) return { kind: 'busy' };
      return { kind: 'replay', answer: { status: row.status, contentType: row.contentType, body: row.body } };
    }
  }

  /** Keeps the first answer under the key. */
  async answer(actor: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.repo.update({ actor, key }, answer);
  }

  /** Frees a key whose request got no lasting answer (a failure), so a retry is handled anew. */
  async release(actor: string, key: string): Promise<void> {
    await this.repo.delete({ actor, key, status: IsNull() });
  }

  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await this.repo.delete({ expiresAt: LessThan(new Date(now).toISOString()) });
  }
}
