import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const file = path.join(__dirname, '..', 'docker-compose.yml');

describe('docker-compose.yml (the production shape)', () => {
  const compose = parse(fs.readFileSync(file, 'utf8')) as {
    services: Record<
      string,
      { image?: string; build?: string; environment?: Record<string, string>; command?: string[] }
    >;
  };

  it('has PostgreSQL, Temporal on it, the Temporal UI, the API, the worker and a mail catcher', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['api', 'mailpit', 'postgresql', 'temporal', 'temporal-ui', 'worker'].sort(),
    );
    expect(compose.services.temporal.image).toMatch(/^temporalio\/auto-setup:/);
    expect(compose.services.temporal.environment?.DB).toBe('postgres12');
    expect(compose.services.mailpit.image).toMatch(/mailpit/);
  });

  it('points the API and the worker at PostgreSQL, Temporal and Mailpit, with a valid config', () => {
    for (const name of ['api', 'worker']) {
      const env = compose.services[name].environment!;
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgresql:5432\//);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(env.SMTP_URL).toBe('smtp://mailpit:1025');
      expect(compose.services[name].command?.[1]).toMatch(new RegExp(`dist/apps/${name}/main.js`));
    }
  });

  it('passes `docker compose config` where the docker client and its compose plugin exist', () => {
    const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    const available = probe.status === 0;
    if (available) {
      const result = spawnSync('docker', ['compose', '-f', file, 'config', '--quiet'], {
        encoding: 'utf8',
        env: { ...process.env, SPOR_ADMIN_TOKEN: 'a-token-for-the-config-check' },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    } else {
      // Without the plugin the check above cannot run; the structure tests still hold.
      expect(probe.status).not.toBe(0);
    }
  });
});
