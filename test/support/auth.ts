import { createHash } from 'node:crypto';
import { METHODS } from 'node:http';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { TokenService } from '../../apps/api/auth/token.service';
import { ApiTokenEntity, AuditEntryEntity, ProgrammeEntity } from '../../libs/persistence';
import { validateDefinition } from '../../libs/plan';

/**
 * Helpers for tests about people, tokens and access: a programme definition naming one
 * person per role, inserted straight into the database, and tokens minted through the
 * app's own TokenService (not the HTTP route, whose rate limit tests should not share).
 */

/** The roles the authorization table is written in. */
export const ROLES = [
  'admin',
  'secretariat',
  'lead',
  'otherLead',
  'owner',
  'steering',
  'committee',
  'outsider',
  'anonymous',
  'revoked',
] as const;
export type Role = (typeof ROLES)[number];

export const PROGRAMME = 'authz-test';
export const OTHER_PROGRAMME = 'authz-other';
/** The sub-analysis `lead` and `owner` belong to; `otherLead` leads OTHER_SUB_ANALYSIS. */
export const SUB_ANALYSIS = 'sbv';
export const OTHER_SUB_ANALYSIS = 'oko';
/** The committee meeting PROGRAMME's deliverables are due at. */
export const MEETING = 'udvalg-juni';

/** Each person's e-mail, by the role they hold in PROGRAMME (`outsider` holds one only in OTHER_PROGRAMME). */
export const EMAIL = {
  secretariat: 'sekretariat@example.org',
  lead: 'pl-sbv@example.org',
  otherLead: 'pl-oko@example.org',
  owner: 'ejer-sbv@example.org',
  steering: 'direktor@example.org',
  committee: 'udvalg-1@example.org',
  outsider: 'sekretariat@andet.example.org',
  /** Whose token is revoked before the tests run; a lead, so only revocation explains a refusal. */
  revoked: 'pl-sbv-2@example.org',
} as const;

/** A complete definition in the shape of programme-format.md, so endpoints that plan it can serve it. */
export function definition(id = PROGRAMME): Record<string, unknown> {
  return {
    id,
    title: 'Adgangstest',
    year: 2025,
    timezone: 'Europe/Copenhagen',
    holidays: 'dk',
    closedDays: [],
    people: {
      sekretariat: { name: 'Udvalgssekretariatet', email: EMAIL.secretariat },
      direktor: { name: 'Stadsdirektør', email: EMAIL.steering },
      'udvalg-1': { name: 'Udvalgsmedlem', email: EMAIL.committee },
      'ejer-sbv': { name: 'Projektejer, borgerservice', email: EMAIL.owner },
      'leder-sbv': { name: 'Projektleder, borgerservice', email: EMAIL.lead },
      'leder-sbv-2': { name: 'Projektleder 2, borgerservice', email: EMAIL.revoked },
      'leder-oko': { name: 'Projektleder, økonomi', email: EMAIL.otherLead },
    },
    secretariat: ['sekretariat'],
    steeringGroup: {
      name: 'Direktørgruppen',
      members: ['direktor'],
      statusReports: { every: 'week', weekday: 'monday', time: '08:00' },
    },
    committee: {
      name: 'Udvalget',
      members: ['udvalg-1'],
      packageLeadDays: 5,
      meetings: [{ id: MEETING, title: 'Udvalgsmøde', date: '2025-06-02', materialDue: '2025-05-05' }],
    },
    reminders: { beforeDue: [5, 1], onDueDay: true, overdueEvery: 5, time: '09:00' },
    subAnalyses: [
      {
        id: SUB_ANALYSIS,
        title: 'Borgerservice',
        departments: [],
        projectOwner: 'ejer-sbv',
        projectLeads: ['leder-sbv', 'leder-sbv-2'],
        phases: [
          { code: '1', title: 'Opstart', weeks: '12-13' },
          { code: '2', title: 'Analyse', weeks: '14-18', after: ['1'] },
        ],
        deliverables: [{ meeting: MEETING, title: 'Foreløbige resultater' }],
      },
      {
        id: OTHER_SUB_ANALYSIS,
        title: 'Økonomi',
        departments: [],
        projectLeads: ['leder-oko'],
        phases: [{ code: '1', title: 'Opstart', weeks: '12-14' }],
        deliverables: [],
      },
    ],
  };
}

/** A second programme, where only `outsider` holds a role (its secretariat). */
export function otherDefinition(): Record<string, unknown> {
  const d = definition(OTHER_PROGRAMME);
  return {
    ...d,
    people: { ...(d.people as object), andet: { name: 'Et andet sekretariat', email: EMAIL.outsider } },
    secretariat: ['andet'],
    steeringGroup: { name: 'Andre', members: ['andet'] },
    committee: { name: 'Andet udvalg', members: ['andet'], packageLeadDays: 5, meetings: [] },
    subAnalyses: [
      {
        id: 'x',
        title: 'X',
        departments: [],
        projectLeads: ['andet'],
        phases: [{ code: '1', title: 'Opstart', weeks: '12' }],
      },
    ],
  };
}

export function dataSource(api: INestApplication): DataSource {
  return api.get(DataSource);
}

/**
 * Stores a definition as if it had been created through the API: checked, and in the
 * normalised form the API stores (defaults filled in), which the endpoints that plan
 * it rely on.
 */
export async function insertProgramme(api: INestApplication, def: Record<string, unknown>): Promise<void> {
  const checked = validateDefinition(def);
  if (!checked.valid || !checked.definition)
    throw new Error(`Invalid test definition: ${JSON.stringify(checked.errors)}`);
  await dataSource(api)
    .getRepository(ProgrammeEntity)
    .insert({
      id: String(def.id),
      title: String(def.title),
      year: Number(def.year),
      definition: JSON.stringify(checked.definition),
      source: null,
      createdAt: new Date().toISOString(),
      createdBy: null,
      startedAt: null,
    });
}

export async function mintToken(api: INestApplication, email: string, label: string | null = null): Promise<string> {
  return (await api.get(TokenService).create(email, label)).token;
}

/** Both programmes stored and a token per role; `anonymous` has none, `revoked`'s is revoked. */
export async function setUpPeople(
  api: INestApplication,
  adminToken: string,
): Promise<Record<Role, string | undefined>> {
  await insertProgramme(api, definition());
  await insertProgramme(api, otherDefinition());
  const tokens: Partial<Record<Role, string | undefined>> = { admin: adminToken, anonymous: undefined };
  for (const role of ['secretariat', 'lead', 'otherLead', 'owner', 'steering', 'committee', 'outsider'] as const) {
    tokens[role] = await mintToken(api, EMAIL[role]);
  }
  const service = api.get(TokenService);
  const revoked = await service.create(EMAIL.revoked, 'to be revoked');
  await service.revoke(EMAIL.revoked, revoked.view.id);
  tokens.revoked = revoked.token;
  return tokens as Record<Role, string | undefined>;
}

export interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
  text: string;
}

/** One HTTP request; `body` is sent as JSON unless it is a string. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(baseUrl + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (e.g. the Swagger UI's HTML): keep the text.
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

export async function tokenRows(api: INestApplication): Promise<ApiTokenEntity[]> {
  return dataSource(api)
    .getRepository(ApiTokenEntity)
    .find({ order: { createdAt: 'ASC' } });
}

export async function auditRows(api: INestApplication): Promise<AuditEntryEntity[]> {
  return dataSource(api)
    .getRepository(AuditEntryEntity)
    .find({ order: { id: 'ASC' } });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A route of the running Express app, with the matcher Express itself uses. */
export interface RegisteredRoute {
  method: string;
  pattern: string;
  matches(path: string): boolean;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
  match(path: string): unknown;
}

/**
 * Every endpoint the running Express app serves. Routes that answer every HTTP method
 * are left out: that is how Nest mounts middleware for a path (`app.all`, e.g. the
 * request logger on '/api/{*path}'), not an endpoint.
 */
export function registeredRoutes(api: INestApplication): RegisteredRoute[] {
  const express = api.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack.flatMap((layer) => {
    const route = layer.route;
    if (!route || METHODS.every((m) => route.methods[m.toLowerCase()])) return [];
    return Object.keys(route.methods)
      .filter((m) => route.methods[m])
      .map((m) => ({
        method: m.toUpperCase(),
        pattern: route.path,
        matches: (path: string) => Boolean(layer.match(path)),
      }));
  });
}

/** The routes that answer every method (Express shows Nest's middleware mounts this way too). */
function allMethodLayers(api: INestApplication): ExpressLayer[] {
  const express = api.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack.filter(
    (layer) => layer.route && METHODS.every((m) => layer.route!.methods[m.toLowerCase()]),
  );
}

/**
 * The handlers Nest's controllers declare with @All(), as method 'ALL'. Express cannot
 * tell them from middleware (both answer every method), so they are read from the
 * controllers' own metadata and then located among Express's routes, under the global
 * prefix or outside it (an excluded path such as /health).
 */
export function allMethodControllerRoutes(api: INestApplication): RegisteredRoute[] {
  const layers = allMethodLayers(api);
  const routes: RegisteredRoute[] = [];
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value ?? '')]);
  const clean = (p: string) => ('/' + p).replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  for (const module of api.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!type?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.ALL) continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        for (const base of list(Reflect.getMetadata(PATH_METADATA, type))) {
          for (const own of list(Reflect.getMetadata(PATH_METADATA, handler))) {
            const pattern = clean(`${base}/${own}`);
            const layer =
              layers.find((l) => l.route!.path === clean(`api/${pattern}`)) ??
              layers.find((l) => l.route!.path === pattern);
            if (!layer) throw new Error(`@All() route ${type.name}.${name} (${pattern}) is not among Express's routes`);
            routes.push({
              method: 'ALL',
              pattern: layer.route!.path,
              matches: (path: string) => Boolean(layer.match(path)),
            });
          }
        }
      }
    }
  }
  return routes;
}
