/**
 * The bridge from zod to the OpenAPI document: every body and answer is described by
 * its zod schema alone, through zod's own JSON Schema output.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import { errorSchema } from './error.dto';

/**
 * The OpenAPI 3.0 schema of a zod schema, as a request (`input`: before defaults and
 * transforms) or an answer (`output`). Refinements and transforms have no JSON Schema
 * form; they stay unconstrained in the document and are checked by zod at run time.
 */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json as SchemaObject;
}

/** Documents a JSON request body by its schema. */
export function ApiJsonBody(schema: z.ZodType, options: { required?: boolean; description?: string } = {}) {
  return ApiBody({
    schema: openApiSchema(schema, 'input'),
    required: options.required ?? true,
    description: options.description,
  });
}

/** Documents an answer by its schema. */
export function ApiJsonResponse(status: number, schema: z.ZodType, description: string) {
  return ApiResponse({ status, description, schema: openApiSchema(schema, 'output') });
}

/** Documents error answers, all in the contract's error shape. */
export function ApiErrors(errors: Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503, string>>) {
  return applyDecorators(
    ...Object.entries(errors).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, schema: openApiSchema(errorSchema, 'output') }),
    ),
  );
}
