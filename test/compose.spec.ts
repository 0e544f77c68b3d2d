import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const file = path.join(__dirname, '..', 'docker-compose.yml');

// `docker compose config` is the only full check of the file (interpolation, the
// schema); it needs the docker client with its compose plugin, which CI machines may
// lack. Where it is missing, the check below is not defined at all and the run says so:
// the tests that remain claim only what they check by reading the YAML.
const composeProbe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
const composeAvailable = composeProbe.status === 0;

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  command?: string[];
  depends_on?: string[] | Record<string, { condition: string }>;
  volumes?: string[];
}

describe('docker-compose.yml (the production shape), read as YAML', () => {
  // Strict parsing: a duplicate key is an error, as it is for docker compose.
  const compose = parse(fs.readFileSync(file, 'utf8'), { uniqueKeys: true }) as {
    services: Record<string, Service>;
    volumes?: Record<string, unknown>;
  };

  it('has PostgreSQL, Temporal on it, the Temporal UI, the API, the worker and a mail catcher', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['api', 'mailpit', 'postgresql', 'temporal', 'temporal-ui', 'worker'].sort(),
    );
    expect(compose.services.temporal.image).toMatch(/^temporalio\/auto-setup:/);
    expect(compose.services.temporal.environment?.DB).toBe('postgres12');
    expect(compose.services.mailpit.image).toMatch(/mailpit/);
  });

  it('points the API and the worker at PostgreSQL, Temporal and Mailpit', () => {
    for (const name of ['api', 'worker']) {
      const env = compose.services[name].environment!;
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgresql:5432\//);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(env.SMTP_URL).toBe('smtp://mailpit:1025');
      expect(compose.services[name].command?.[1]).toMatch(new RegExp(`dist/apps/${name}/main.js`));
      // The admin token has no default: compose must refuse to start without one.
      expect(env.SPOR_ADMIN_TOKEN).toMatch(/^\$\{SPOR_ADMIN_TOKEN:\?.+\}$/);
    }
  });

  it('pins every image to a version, builds Spor from this folder, and refers only to what it declares', () => {
    const problems: string[] = [];
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.build !== undefined) {
        if (service.build !== '.') problems.push(`${name}: builds from ${service.build}`);
      } else if (!/^[\w./-]+:[\w.-]+$/.test(service.image ?? '') || /:latest$/.test(service.image!)) {
        problems.push(`${name}: image ${service.image} has no pinned tag`);
      }
      const deps = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dep of deps) if (!compose.services[dep]) problems.push(`${name}: depends on unknown ${dep}`);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (!source.startsWith('.') && !source.startsWith('/') && !(source in (compose.volumes ?? {}))) {
          problems.push(`${name}: volume ${source} is not declared`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(fs.existsSync(path.join(__dirname, '..', 'Dockerfile'))).toBe(true);
  });
});

if (composeAvailable) {
  describe('docker-compose.yml, checked by docker compose', () => {
    it('passes `docker compose config`', () => {
      const result = spawnSync('docker', ['compose', '-f', file, 'config', '--quiet'], {
        encoding: 'utf8',
        env: { ...process.env, SPOR_ADMIN_TOKEN: 'a-token-for-the-config-check' },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    });
  });
} else {
  // Said once, plainly, in the run's output, rather than a test that passes on nothing.
  console.warn(
    'docker compose config: not checked (no docker compose plugin: ' +
      `${(composeProbe.stderr || composeProbe.error?.message || '').trim().split('\n')[0]}). ` +
      'Only the structure tests above ran.',
  );
}
