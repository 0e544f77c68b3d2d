import * as path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Spor reads from the environment, validated once at start so that a
 * bad value stops start-up with a message naming the variable.
 */
const port = z.coerce.number().int().min(1).max(65535);
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'must be host:port, e.g. localhost:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('spor'),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
  TEMPORAL_CLI_PATH: z.string().min(1).optional(),
  TEMPORAL_TEST_SERVER_PATH: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Spor <spor@example.org>'),
  SPOR_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SPOR_LOAD_DEFAULT: flag.default(true),
  MAX_UPLOAD_MB: z.coerce
    .number({ error: 'must be a number of megabytes, e.g. 25' })
    .positive('must be more than 0')
    .max(1024, 'must be at most 1024 (1 GB)')
    .default(25),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OIDC_ISSUER: z.url({ error: 'must be the URL of the OpenID provider, e.g. https://login.example.org' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  AUTH_FAILURE_LIMIT: z.coerce
    .number({ error: 'must be a whole number of failed sign-ins, e.g. 30' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(30),
});

/** Single sign-on is configured by all three OIDC variables together, or not at all. */
const OIDC_KEYS = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

export interface SporConfig {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  database: { type: 'sqlite'; file: string } | { type: 'postgres'; url: string };
  temporal: {
    /** Unset: the embedded dev server is started and used. */
    address?: string;
    namespace: string;
    taskQueue: string;
    embeddedPort: number;
    uiPort: number;
    /** Workflows the worker keeps in memory between tasks; 0 turns off sticky execution. */
    maxCachedWorkflows?: number;
    cliPath?: string;
    testServerPath?: string;
  };
  mail: { smtpUrl?: string; from: string };
  adminToken?: string;
  loadDefaultProgramme: boolean;
  logLevel: string;
  /** Largest file accepted as a deliverable, in bytes (MAX_UPLOAD_MB). */
  maxUploadBytes: number;
  /** OpenID Connect single sign-on; unset: people sign in by e-mail link (or token). */
  oidc?: { issuer: string; clientId: string; clientSecret: string };
  /** Failed authentications per client address per minute before it is answered 429. */
  authFailureLimit: number;
  /** Settings that work but are probably wrong; logged at start. */
  warnings: string[];
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * Links in e-mails and calendars use PUBLIC_URL. Unset, it is http://localhost:PORT,
 * which is right only when nobody reaches Spor from another machine.
 */
function publicUrlWarning(e: { PUBLIC_URL?: string; HOST: string; PORT: number }): string[] {
  if (e.PUBLIC_URL !== undefined || LOOPBACK.test(e.HOST)) return [];
  return [
    `PUBLIC_URL is not set, but the API listens on ${e.HOST}, reachable from other machines: links in ` +
      `e-mails and calendars will point to http://localhost:${e.PORT}. Set PUBLIC_URL to the address people use.`,
  ];
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SporConfig {
  // Empty strings count as unset, as a shell `FOO= cmd` usually means.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidcSet = OIDC_KEYS.filter((k) => e[k] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < OIDC_KEYS.length) {
    const missing = OIDC_KEYS.filter((k) => e[k] === undefined);
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((k) => `  ${k}: must be set with ${oidcSet.join(' and ')} (single sign-on needs all three)`).join('\n')}`,
    );
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const url = e.DATABASE_URL;
  const database: SporConfig['database'] =
    url === undefined
      ? { type: 'sqlite', file: path.join(dataDir, 'spor.sqlite') }
      : url.startsWith('sqlite:')
        ? { type: 'sqlite', file: url === 'sqlite::memory:' ? ':memory:' : path.resolve(url.slice('sqlite:'.length)) }
        : { type: 'postgres', url };
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir,
    database,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      embeddedPort: e.TEMPORAL_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
      maxCachedWorkflows: e.TEMPORAL_MAX_CACHED_WORKFLOWS,
      cliPath: e.TEMPORAL_CLI_PATH,
      testServerPath: e.TEMPORAL_TEST_SERVER_PATH,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    adminToken: e.SPOR_ADMIN_TOKEN,
    loadDefaultProgramme: e.SPOR_LOAD_DEFAULT,
    logLevel: e.LOG_LEVEL,
    maxUploadBytes: Math.floor(e.MAX_UPLOAD_MB * 1024 * 1024),
    ...(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? { oidc: { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET } }
      : {}),
    authFailureLimit: e.AUTH_FAILURE_LIMIT,
    warnings: publicUrlWarning(e),
  };
}
