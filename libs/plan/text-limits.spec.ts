import { emailWithinLimits, hasControlCharacters, stringsIn } from './text-limits';

describe('text limits', () => {
  it('finds control characters but lets tabs and line breaks be', () => {
    expect(hasControlCharacters('a\u0000b')).toBe(true);
    expect(hasControlCharacters('\u001b[31m')).toBe(true);
    expect(hasControlCharacters('\u0085')).toBe(true);
    expect(hasControlCharacters('Første linje\r\n\tAnden')).toBe(false);
    expect(hasControlCharacters('Økonomi – æøå')).toBe(false);
  });

  it('holds e-mail addresses to RFC 5321: 64 before the @, 254 in all, in octets', () => {
    expect(emailWithinLimits(`${'a'.repeat(64)}@example.org`)).toBe(true);
    expect(emailWithinLimits(`${'a'.repeat(65)}@example.org`)).toBe(false);
    expect(emailWithinLimits(`${'æ'.repeat(33)}@example.org`)).toBe(false);
    expect(emailWithinLimits(`a@${'b'.repeat(240)}.dk`)).toBe(true);
    expect(emailWithinLimits(`a@${'b'.repeat(250)}.dk`)).toBe(false);
  });

  it('walks every string with its path, keys included', () => {
    const found = [...stringsIn({ a: ['x', { email: 'e' }], 'k\u0000': 1 })].map((s) => [s.path, s.key]);
    expect(found).toEqual([
      [['a', 0], undefined],
      [['a', 1, 'email'], 'email'],
      [['k\u0000'], undefined],
    ]);
  });
});
