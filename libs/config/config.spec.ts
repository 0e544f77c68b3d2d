import * as path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the embedded default when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.temporal.address).toBeUndefined();
    expect(c.temporal.uiPort).toBe(8233);
    expect(c.database).toEqual({ type: 'sqlite', file: path.resolve('data', 'spor.sqlite') });
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.loadDefaultProgramme).toBe(true);
    expect(c.maxUploadBytes).toBe(25 * 1024 * 1024);
  });

  it('takes the upload limit in megabytes, fractions too', () => {
    expect(loadConfig({ MAX_UPLOAD_MB: '0.5' }).maxUploadBytes).toBe(512 * 1024);
  });

  it('uses PostgreSQL and an external Temporal cluster when told to', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/spor', TEMPORAL_ADDRESS: 'temporal:7233' });
    expect(c.database).toEqual({ type: 'postgres', url: 'postgres://u:p@db:5432/spor' });
    expect(c.temporal.address).toBe('temporal:7233');
  });

  it('warns when PUBLIC_URL is unset and the API is reachable from other machines', () => {
    expect(loadConfig({}).warnings).toEqual([expect.stringMatching(/PUBLIC_URL is not set.*0\.0\.0\.0/)]);
    expect(loadConfig({ HOST: '127.0.0.1' }).warnings).toEqual([]);
    expect(loadConfig({ HOST: 'localhost' }).warnings).toEqual([]);
    expect(loadConfig({ PUBLIC_URL: 'https://spor.aarhus.dk' }).warnings).toEqual([]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ TEMPORAL_ADDRESS: '', PORT: '' }).port).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['TEMPORAL_ADDRESS', 'http://x'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'mail.example.org'],
    ['SPOR_ADMIN_TOKEN', 'short'],
    ['SPOR_LOAD_DEFAULT', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['PUBLIC_URL', 'not a url'],
    ['MAX_UPLOAD_MB', 'lots'],
    ['MAX_UPLOAD_MB', '0'],
    ['MAX_UPLOAD_MB', '5000'],
    ['OIDC_ISSUER', 'login.example.org'],
    ['AUTH_FAILURE_LIMIT', '0'],
    ['AUTH_FAILURE_LIMIT', 'many'],
  ])('rejects %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/);
  });

  it('takes single sign-on as all three OIDC variables or none, naming the missing ones', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    const oidc = { OIDC_ISSUER: 'https://login.example.org', OIDC_CLIENT_ID: 'spor', OIDC_CLIENT_SECRET: 's3cret' };
    expect(loadConfig(oidc).oidc).toEqual({
      issuer: 'https://login.example.org',
      clientId: 'spor',
      clientSecret: 's3cret',
    });
    expect(() => loadConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID[\s\S]*OIDC_CLIENT_SECRET/);
  });

  it('limits failed authentication to 30 a minute per address unless told otherwise', () => {
    expect(loadConfig({}).authFailureLimit).toBe(30);
    expect(loadConfig({ AUTH_FAILURE_LIMIT: '500' }).authFailureLimit).toBe(500);
  });
});
