import { RunningApp, startApp } from './support/app';
import {
  EMAIL,
  MEETING,
  OTHER_PROGRAMME,
  PROGRAMME,
  ROLES,
  Role,
  SUB_ANALYSIS,
  call,
  registeredRoutes,
  setUpPeople,
} from './support/auth';

/**
 * Who may call what: every endpoint × every role, against the real app.
 *
 * HOW TO ADD A ROW (do it with every new endpoint; the last test fails until you do):
 *   { method: 'POST', path: `/api/programmes/${P}/sub-analyses/${S}/phases/1/start`, allowed: ['admin', 'lead', 'owner'] }
 * - `path` is concrete: use P (a programme where every role below is held), S (the
 *   sub-analysis `lead` and `owner` belong to; `otherLead` leads another one), M (a meeting).
 *   Made-up ids for other things are fine: a 404 for an allowed role still counts as let through.
 * - `allowed` lists the roles that must get past the guard (any status but 401/403);
 *   every other role must be refused: 401 for `anonymous` and `revoked`, 403 for the
 *   rest. Write 'authenticated' for any valid token, 'everyone' for public endpoints.
 *   The admin passes everything, but list it anyway: the row then reads as the rule.
 * - `body` is sent as JSON. Rows run in order, each role in ROLES order, so a
 *   state-changing row may change what later rows see; prefer bodies and ids that keep
 *   requests harmless (e.g. an id that does not exist).
 * Roles (see test/support/auth.ts): admin, secretariat, lead, otherLead, owner, steering,
 * committee, outsider (secretariat of another programme only), anonymous (no token),
 * revoked (a lead whose token was revoked).
 */
const P = PROGRAMME;
const S = SUB_ANALYSIS;
// M is for the meeting endpoints' rows to come.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const M = MEETING;
/** Everyone with a role in P. */
const READERS: Role[] = ['admin', 'secretariat', 'lead', 'otherLead', 'owner', 'steering', 'committee'];
const NO_SUCH_TOKEN = '00000000-0000-0000-0000-000000000000';

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  allowed: readonly Role[] | 'authenticated' | 'everyone';
  body?: unknown;
}

const ROWS: Row[] = [
  // Public: no token needed.
  { method: 'GET', path: '/health', allowed: 'everyone' },
  { method: 'GET', path: '/api/docs', allowed: 'everyone' },
  { method: 'GET', path: '/api/docs-json', allowed: 'everyone' },
  { method: 'GET', path: '/api/docs-yaml', allowed: 'everyone' },
  { method: 'GET', path: '/api/docs/index.html', allowed: 'everyone' },
  { method: 'GET', path: '/api/docs/swagger-ui-init.js', allowed: 'everyone' },
  { method: 'GET', path: '/api/docs/docs/swagger-ui-init.js', allowed: 'everyone' },
  { method: 'GET', path: '/api/docs/LICENSE', allowed: 'everyone' },

  // People and tokens.
  { method: 'GET', path: '/api/me', allowed: 'authenticated' },
  { method: 'POST', path: `/api/people/${EMAIL.lead}/tokens`, allowed: ['admin'], body: { label: 'table' } },
  { method: 'GET', path: `/api/people/${EMAIL.lead}/tokens`, allowed: ['admin'] },
  { method: 'DELETE', path: `/api/people/${EMAIL.lead}/tokens/${NO_SUCH_TOKEN}`, allowed: ['admin'] },

  // Audit trail.
  // Programmes.
  { method: 'POST', path: '/api/programmes/validate', allowed: 'authenticated', body: {} },
  { method: 'POST', path: '/api/programmes', allowed: ['admin'], body: {} },
  { method: 'GET', path: '/api/programmes', allowed: 'authenticated' },
  { method: 'GET', path: `/api/programmes/${P}`, allowed: READERS },
  { method: 'GET', path: `/api/programmes/${P}/schedule`, allowed: READERS },
  { method: 'GET', path: `/api/programmes/${P}/calendar.ics`, allowed: READERS },
  { method: 'GET', path: `/api/programmes/${P}/status`, allowed: READERS },
  { method: 'GET', path: `/api/programmes/${P}/notifications`, allowed: ['admin', 'secretariat'] },
  { method: 'POST', path: `/api/programmes/${P}/start`, allowed: ['admin', 'secretariat'] },

  // Sub-analyses and phases: a lead of another sub-analysis is refused.
  { method: 'GET', path: `/api/programmes/${P}/sub-analyses/${S}`, allowed: READERS },
  {
    method: 'POST',
    path: `/api/programmes/${P}/sub-analyses/${S}/phases/9/start`,
    allowed: ['admin', 'lead', 'owner'],
  },
  {
    method: 'POST',
    path: `/api/programmes/${P}/sub-analyses/${S}/phases/9/complete`,
    allowed: ['admin', 'lead', 'owner'],
    body: {},
  },
  {
    method: 'PATCH',
    path: `/api/programmes/${P}/sub-analyses/${S}/phases/9`,
    allowed: ['admin', 'secretariat'],
    body: { weeks: '99', reason: 'table' },
  },
  {
    method: 'POST',
    path: `/api/programmes/${P}/sub-analyses/${S}/gates/9/open`,
    allowed: ['admin', 'secretariat'],
    body: { reason: 'table' },
  },

  { method: 'GET', path: `/api/programmes/${P}/audit`, allowed: ['admin', 'secretariat'] },
  { method: 'GET', path: `/api/programmes/${OTHER_PROGRAMME}/audit`, allowed: ['admin', 'outsider'] },
  { method: 'GET', path: '/api/audit', allowed: ['admin'] },

  // Programmes, sub-analyses, meetings, reports: add rows here as the endpoints arrive.
];

const ADMIN_TOKEN = 'admin-token-for-the-authorization-table';

function allowedRoles(row: Row): readonly Role[] {
  if (row.allowed === 'everyone') return ROLES;
  if (row.allowed === 'authenticated') return ROLES.filter((r) => r !== 'anonymous' && r !== 'revoked');
  return row.allowed;
}

describe('authorization: every endpoint × every role', () => {
  let app: RunningApp;
  let tokens: Record<Role, string | undefined>;

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN_TOKEN });
    tokens = await setUpPeople(app.api, ADMIN_TOKEN);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each(ROWS.map((row) => [`${row.method} ${row.path}`, row] as const))('%s', async (_name, row) => {
    const allowed = allowedRoles(row);
    const wrong: string[] = [];
    for (const role of ROLES) {
      const { status } = await call(app.baseUrl, row.method, row.path, { token: tokens[role], body: row.body });
      const expected = allowed.includes(role)
        ? 'not 401/403'
        : role === 'anonymous' || role === 'revoked'
          ? '401'
          : '403';
      const ok = expected === 'not 401/403' ? status !== 401 && status !== 403 : String(status) === expected;
      if (!ok) wrong.push(`${role}: got ${status}, expected ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has a row for every route under /api, and no row for a route that does not exist', () => {
    const routes = registeredRoutes(app.api).filter((r) => r.pattern.toLowerCase().startsWith('/api'));
    const missing = routes
      .filter((route) => !ROWS.some((row) => row.method === route.method && route.matches(row.path)))
      .map((r) => `${r.method} ${r.pattern}`);
    if (missing.length) {
      throw new Error(`Routes without a row in ROWS (test/authorization.spec.ts):\n  ${missing.join('\n  ')}`);
    }
    const stale = ROWS.filter(
      (row) => !registeredRoutes(app.api).some((r) => r.method === row.method && r.matches(row.path)),
    ).map((row) => `${row.method} ${row.path}`);
    if (stale.length) throw new Error(`Rows in ROWS that match no route:\n  ${stale.join('\n  ')}`);
  });
});
