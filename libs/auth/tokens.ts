import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Marks Spor's tokens so one pasted in the wrong place is recognisable (and greppable by secret scanners). */
const PREFIX = 'spor_';

/** A new bearer token: 32 random bytes, base64url. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/**
 * The stored form of a token: SHA-256, hex. A slow password hash (bcrypt, scrypt) exists
 * to make guessing low-entropy passwords expensive; our tokens carry 256 random bits, so
 * guessing is hopeless anyway and a fast hash lets every request look its token up by
 * hash in one indexed query. (An operator-chosen SPOR_ADMIN_TOKEN is at least 16
 * characters; its strength is the operator's choice and it is never stored.)
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex SHA-256 hashes in constant time, so timing reveals nothing about how much matched. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}

/** The token in an `Authorization: Bearer <token>` header, if the header has that shape. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}
