import { isSafeMethod, safeNext, secureCookies } from './sessions';

describe('safeNext', () => {
  it.each([
    ['/programmes/p/sub-analyses/s', '/programmes/p/sub-analyses/s'],
    ['/programmes/p?tab=mine#top', '/programmes/p?tab=mine#top'],
    ['/', '/'],
  ])('keeps the path %s', (value, expected) => {
    expect(safeNext(value)).toBe(expected);
  });

  it.each([
    ['https://evil.example/x'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
    ['/x\nLocation: https://evil.example'],
    ['programmes/p'],
    [''],
    [undefined],
    [['/a', '/b']],
  ])('sends %p to the front page instead', (value) => {
    expect(safeNext(value)).toBe('/');
  });
});

describe('isSafeMethod', () => {
  it('needs a CSRF token only for methods that change something', () => {
    expect(['GET', 'head', 'OPTIONS'].every(isSafeMethod)).toBe(true);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].some(isSafeMethod)).toBe(false);
  });
});

describe('secureCookies', () => {
  it('marks cookies Secure over HTTPS, whether PUBLIC_URL or the request says so', () => {
    expect(secureCookies('https://spor.example.org', false)).toBe(true);
    expect(secureCookies('http://localhost:3000', true)).toBe(true);
    expect(secureCookies('http://localhost:3000', false)).toBe(false);
  });
});
