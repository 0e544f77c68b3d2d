import { loggedRequest, loggedResponse, withoutSecrets } from './log-redaction';

describe('withoutSecrets', () => {
  it("blots out a sign-in link's token and keeps where it leads", () => {
    expect(withoutSecrets('/sign-in/AbC-123_x?next=%2Fprogrammes')).toBe('/sign-in/[redacted]?next=%2Fprogrammes');
    expect(withoutSecrets('/sign-in/AbC-123_x')).toBe('/sign-in/[redacted]');
  });

  it("blots out a calendar feed's secret", () => {
    expect(withoutSecrets('/api/calendar/s3cr3t.ics')).toBe('/api/calendar/[redacted].ics');
    expect(withoutSecrets('/api/calendar/s3cr3t.ics?x=1')).toBe('/api/calendar/[redacted].ics?x=1');
  });

  it('blots out the code and state single sign-on brings back, whatever their case', () => {
    expect(withoutSecrets('/auth/oidc/callback?code=abc&state=def&iss=https%3A%2F%2Fidp')).toBe(
      '/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
    expect(withoutSecrets('/x?Code=abc&%74oken=t')).toBe('/x?Code=[redacted]&%74oken=[redacted]');
  });

  it('blots out the addresses Express serves the same, whatever their case or trailing slash', () => {
    expect(withoutSecrets('/SIGN-IN/tok/')).toBe('/SIGN-IN/[redacted]/');
    expect(withoutSecrets('/api/calendar/s3cr3t.ICS')).toBe('/api/calendar/[redacted].ICS');
    expect(withoutSecrets('/api/calendar/s3cr3t.ics/')).toBe('/api/calendar/[redacted].ics/');
  });

  it('blots out the secrets of an absolute address, and keeps its origin', () => {
    expect(withoutSecrets('https://idp.example.org/authorize?client_id=spor&state=s1&nonce=n1&scope=openid')).toBe(
      'https://idp.example.org/authorize?client_id=spor&state=[redacted]&nonce=[redacted]&scope=openid',
    );
    expect(withoutSecrets('https://spor.example.org/sign-in/tok?next=%2F')).toBe(
      'https://spor.example.org/sign-in/[redacted]?next=%2F',
    );
  });

  it('leaves other addresses as they are', () => {
    for (const url of [
      '/api/programmes/aarhus/sub-analyses/sbv',
      '/api/me/calendar',
      '/sign-in',
      '/api/programmes?state',
      '/api/calendar/',
      '/x?%E0%A4%A=1',
    ]) {
      expect(withoutSecrets(url)).toBe(url);
    }
  });
});

describe('loggedRequest', () => {
  it('logs the address without secrets, and neither the query nor the route parameters', () => {
    const logged = loggedRequest({
      id: 7,
      method: 'GET',
      url: '/auth/oidc/callback?code=abc&state=def',
      query: { code: 'abc', state: 'def' },
      params: { path: ['auth', 'oidc', 'callback'] },
    });
    expect(logged).toEqual({ id: 7, method: 'GET', url: '/auth/oidc/callback?code=[redacted]&state=[redacted]' });
  });
});

describe('loggedResponse', () => {
  it("blots out a redirect's secrets and leaves other responses alone", () => {
    const redirect = { statusCode: 302, headers: { location: 'https://idp.example.org/auth?state=s1&nonce=n1' } };
    expect(loggedResponse(redirect)).toEqual({
      statusCode: 302,
      headers: { location: 'https://idp.example.org/auth?state=[redacted]&nonce=[redacted]' },
    });
    expect(redirect.headers.location).toContain('s1');
    const ok = { statusCode: 200, headers: { 'content-type': 'application/json' } };
    expect(loggedResponse(ok)).toBe(ok);
  });
});
