import { Inject, Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { SporConfig } from '../../../libs/config';
import { CONFIG } from '../common/tokens';

/** The window failed authentications are counted in, and how long an address is then answered 429. */
export const AUTH_FAILURE_WINDOW_MS = 60_000;

/**
 * Counts failed authentication (an unknown or revoked token, an ended or unknown
 * session, a spent sign-in link) per client address, in @nestjs/throttler's storage.
 * Only failures are counted and only failures are refused: past the limit a failure
 * is answered 429 with Retry-After instead of 401, while a valid token or session from
 * the same address still passes. So guessing is slowed to the limit, and a colleague
 * behind the same municipal NAT who mistypes nothing is never locked out. Counts are
 * kept in memory, per API process.
 */
@Injectable()
export class AuthFailures {
  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    @Inject(CONFIG) private readonly config: SporConfig,
  ) {}

  /** Records a failure; the seconds to wait when the address is over the limit, otherwise undefined. */
  async record(address: string | undefined): Promise<number | undefined> {
    const record = await this.storage.increment(
      `auth-failure:${address ?? 'unknown'}`,
      AUTH_FAILURE_WINDOW_MS,
      this.config.authFailureLimit,
      AUTH_FAILURE_WINDOW_MS,
      'auth-failure',
    );
    return record.isBlocked ? Math.max(1, record.timeToBlockExpire) : undefined;
  }

  /** Counts one use of `key`; the seconds to wait when it was used more than `limit` times in `windowMs`. */
  async limit(key: string, limit: number, windowMs: number): Promise<number | undefined> {
    const record = await this.storage.increment(key, windowMs, limit, windowMs, key.split(':')[0]);
    return record.isBlocked ? Math.max(1, record.timeToBlockExpire) : undefined;
  }
}
