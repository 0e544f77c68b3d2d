import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

interface Service {
  restart?: string;
  healthcheck?: { test?: string[] | string };
  depends_on?: string[] | Record<string, { condition: string }>;
}

/**
 * The production counterpart of the embedded supervisor: in docker-compose.yml every
 * service comes back when it stops and says whether it is healthy.
 */
describe('docker-compose.yml heals as the embedded default does', () => {
  const compose = parse(fs.readFileSync(path.join(__dirname, '..', 'docker-compose.yml'), 'utf8'), {
    uniqueKeys: true,
  }) as { services: Record<string, Service> };

  it('restarts every service that stops and checks every service’s health', () => {
    const problems: string[] = [];
    for (const [name, service] of Object.entries(compose.services)) {
      if (!['always', 'unless-stopped', 'on-failure'].includes(service.restart ?? '')) {
        problems.push(`${name}: restart is ${service.restart}`);
      }
      const test = service.healthcheck?.test;
      if (!Array.isArray(test) || !['CMD', 'CMD-SHELL'].includes(test[0]) || test.length < 2) {
        problems.push(`${name}: no healthcheck command`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('starts the API and the worker once Temporal is healthy', () => {
    for (const name of ['api', 'worker']) {
      expect(compose.services[name].depends_on).toMatchObject({ temporal: { condition: 'service_healthy' } });
    }
  });
});
