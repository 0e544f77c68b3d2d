import { bearerToken, generateToken, hashToken, sameHash } from './tokens';

describe('tokens', () => {
  it('are long, random and recognisable', () => {
    const a = generateToken();
    expect(a).toMatch(/^spor_[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('are stored as SHA-256 hex and compared by hash', () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameHash(hashToken(token), hashToken(token))).toBe(true);
    expect(sameHash(hashToken(token), hashToken(generateToken()))).toBe(false);
    // Malformed stored values never match (and never throw, as timingSafeEqual would on unequal lengths).
    expect(sameHash('abc', hashToken(token))).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });

  it('are read from an Authorization: Bearer header only', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
