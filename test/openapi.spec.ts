import SwaggerParser from '@apidevtools/swagger-parser';
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIV3 } from 'openapi-types';
import { createApi } from '../apps/api/bootstrap';
import { freePort } from '../libs/temporal';
import { testConfig } from './support/app';

/**
 * The OpenAPI document is what clients are generated from: it must be valid by an
 * independent validator, and every operation must say what it answers.
 */
describe('the OpenAPI document at /api/docs-json', () => {
  let api: INestApplication;
  let doc: OpenAPIV3.Document;

  beforeAll(async () => {
    const port = await freePort();
    api = await createApi(
      testConfig({ PORT: String(port), HOST: '127.0.0.1', SPOR_ADMIN_TOKEN: 'admin-token-for-the-openapi-test-0123' }),
    );
    await api.listen(port, '127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenAPIV3.Document;
  });
  afterAll(async () => {
    await api?.close();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      (['get', 'put', 'post', 'patch', 'delete'] as const)
        .filter((method) => item?.[method])
        .map((method) => ({ name: `${method.toUpperCase()} ${path}`, op: item![method]! })),
    );

  it('passes swagger-parser validation', async () => {
    // validate() dereferences in place; it gets a copy so the other tests see the document as served.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('describes the answer of every operation, success and errors alike', () => {
    const missing: string[] = [];
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(21);
    for (const { name, op } of ops) {
      for (const [status, response] of Object.entries(op.responses)) {
        const r = response as OpenAPIV3.ResponseObject;
        // 204 is the one answer without a body.
        if (status === '204') continue;
        const content = r.content ?? {};
        const schema = Object.values(content)[0]?.schema;
        if (!schema) missing.push(`${name} ${status}`);
      }
      if (!Object.keys(op.responses).some((s) => /^2\d\d$/.test(s))) missing.push(`${name}: no success answer`);
    }
    expect(missing).toEqual([]);
  });

  it('describes the JSON bodies by their zod schemas', () => {
    const body = (path: string, method: 'post' | 'patch') => {
      const requestBody = doc.paths[path]![method]!.requestBody as OpenAPIV3.RequestBodyObject;
      return requestBody.content['application/json'].schema as OpenAPIV3.SchemaObject;
    };
    const plan = body('/api/programmes/{id}/sub-analyses/{sid}/phases/{code}', 'patch');
    expect(plan.required).toEqual(['reason']);
    expect(Object.keys(plan.properties ?? {}).sort()).toEqual(['from', 'reason', 'to', 'weeks']);
    expect(plan.additionalProperties).toBe(false);
    const definition = body('/api/programmes', 'post');
    expect(definition.required).toEqual(expect.arrayContaining(['id', 'title', 'year', 'subAnalyses']));
    // The error answers share the contract's shape.
    const conflict = doc.paths['/api/programmes/{id}/start']!.post!.responses['409'] as OpenAPIV3.ResponseObject;
    const errorSchema = conflict.content!['application/json'].schema as OpenAPIV3.SchemaObject;
    expect(errorSchema.required).toEqual(['statusCode', 'error', 'message', 'details']);
  });
});
