import { RunningApp, startApp } from './support/app';
import {
  EMAIL,
  MEETING,
  OTHER_PROGRAMME,
  PROGRAMME,
  ROLES,
  Role,
  RegisteredRoute,
  SUB_ANALYSIS,
  allMethodControllerRoutes,
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
 * - `allowed` lists the roles that must get past the guard and be answered properly:
 *   any status but 401/403, and never a 5xx (a crash is not "let through"); every
 *   other role must be refused: 401 for `anonymous` and `revoked`, 403 for the rest. Write 'authenticated' for any valid token, 'everyone' for public endpoints.
 *   The admin passes everything, but list it anyway: the row then reads as the rule.
 * - `method: 'ALL'` is for a handler declared with @All(): the row is tried with GET,
 *   POST, PUT, PATCH and DELETE. Page routes (outside /api) belong in the table too.
 * - Each row fails by itself when no registered route serves it any more.
 * - `body` is sent as JSON. Rows run in order, each role in ROLES order, so a
 *   state-changing row may change what later rows see; prefer bodies and ids that keep
 *   requests harmless (e.g. an id that does not exist).
 * Roles (see test/support/auth.ts): admin, secretariat, lead, otherLead, owner, steering,
 * committee, outsider (secretariat of another programme only), anonymous (no token),
 * revoked (a lead whose token was revoked).
 */
const P = PROGRAMME;
const S = SUB_ANALYSIS;
const M = MEETING;
/** Everyone with a role in P. */
const READERS: Role[] = ['admin', 'secretariat', 'lead', 'otherLead', 'owner', 'steering', 'committee'];
/** Those who run P's work: the secretariat and every sub-analysis' leads and owner (rule 'team'). */
const TEAM: Role[] = ['admin', 'secretariat', 'lead', 'otherLead', 'owner'];
/** The steering group reads status and reports; the committee meetings, packages and protocols. */
const STATUS_READERS: Role[] = [...TEAM, 'steering'];
const MEETING_READERS: Role[] = [...TEAM, 'committee'];
const NO_SUCH_TOKEN = '00000000-0000-0000-0000-000000000000';

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ALL';
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

  // The pages and their files: the HTML holds no data (the script asks /api with a token).
  { method: 'GET', path: '/', allowed: 'everyone' },
  { method: 'GET', path: `/programmes/${P}`, allowed: 'everyone' },
  { method: 'GET', path: `/programmes/${P}/sub-analyses/${S}`, allowed: 'everyone' },
  { method: 'GET', path: `/programmes/${P}/reports`, allowed: 'everyone' },
  { method: 'GET', path: `/programmes/${P}/reports/1999-01-01`, allowed: 'everyone' },
  { method: 'GET', path: `/programmes/${P}/meetings/udvalg-juni`, allowed: 'everyone' },
  { method: 'GET', path: `/programmes/${P}/rehearsal`, allowed: 'everyone' },
  { method: 'GET', path: '/assets/js/app.js', allowed: 'everyone' },

  // People and tokens.
  { method: 'GET', path: '/api/me', allowed: 'authenticated' },
  // A person's own calendar feed; the feed itself is opened by the secret in its path alone.
  { method: 'GET', path: '/api/me/calendar', allowed: 'authenticated' },
  { method: 'DELETE', path: '/api/me/calendar', allowed: 'authenticated' },
  { method: 'GET', path: '/api/calendar/no-such-feed.ics', allowed: 'everyone' },
  { method: 'POST', path: `/api/people/${EMAIL.lead}/tokens`, allowed: ['admin'], body: { label: 'table' } },
  { method: 'GET', path: `/api/people/${EMAIL.lead}/tokens`, allowed: ['admin'] },
  { method: 'DELETE', path: `/api/people/${EMAIL.lead}/tokens/${NO_SUCH_TOKEN}`, allowed: ['admin'] },

  // Signing in (public by nature: these are how one gets credentials). The body names an
  // address in no programme, so no e-mail is sent; the link and OIDC routes answer their
  // own pages (OIDC is not configured here: 404).
  { method: 'POST', path: '/api/auth/email-link', allowed: 'everyone', body: { email: 'nobody@example.org' } },
  { method: 'POST', path: '/api/auth/logout', allowed: 'everyone' },
  { method: 'GET', path: '/api/auth/options', allowed: 'everyone' },
  { method: 'GET', path: '/sign-in/spor_no-such-link?next=/', allowed: 'everyone' },
  { method: 'POST', path: '/sign-in/spor_no-such-link?next=/', allowed: 'everyone' },
  { method: 'GET', path: '/auth/oidc/start?next=/', allowed: 'everyone' },
  { method: 'GET', path: '/auth/oidc/callback', allowed: 'everyone' },

  // Audit trail.
  // Programmes.
  { method: 'POST', path: '/api/programmes/validate', allowed: 'authenticated', body: {} },
  { method: 'POST', path: '/api/programmes', allowed: ['admin'], body: {} },
  { method: 'GET', path: '/api/programmes', allowed: 'authenticated' },
  { method: 'GET', path: `/api/programmes/${P}`, allowed: READERS },
  { method: 'GET', path: `/api/programmes/${P}/schedule`, allowed: TEAM },
  { method: 'GET', path: `/api/programmes/${P}/calendar.ics`, allowed: READERS },
  // One person's calendar: their own, or anyone's for the secretariat.
  {
    method: 'GET',
    path: `/api/programmes/${P}/calendar.ics?person=${EMAIL.lead}`,
    allowed: ['admin', 'secretariat', 'lead'],
  },
  { method: 'GET', path: `/api/programmes/${P}/status`, allowed: STATUS_READERS },
  { method: 'GET', path: `/api/programmes/${P}/notifications`, allowed: ['admin', 'secretariat'] },
  { method: 'POST', path: `/api/programmes/${P}/start`, allowed: ['admin', 'secretariat'] },
  // Rehearsals: the guard lets any token through (no :id), the service lets only P's
  // secretariat and the admin on to the scenario check, whose 400 this body gets.
  {
    method: 'POST',
    path: '/api/programmes/rehearse',
    allowed: ['admin', 'secretariat'],
    body: { programmeId: P, scenario: [{ at: 'never', do: 'complete', subAnalysis: S, phase: '1' }] },
  },

  // Sub-analyses and phases: a lead of another sub-analysis is refused.
  { method: 'GET', path: `/api/programmes/${P}/sub-analyses/${S}`, allowed: TEAM },
  {
    method: 'POST',
    path: `/api/programmes/${P}/sub-analyses/${S}/phases/9/start`,
    allowed: ['admin', 'secretariat', 'lead', 'owner'],
    body: { reason: 'table' },
  },
  {
    method: 'POST',
    path: `/api/programmes/${P}/sub-analyses/${S}/phases/9/complete`,
    allowed: ['admin', 'secretariat', 'lead', 'owner'],
    body: { reason: 'table' },
  },
  {
    method: 'POST',
    path: `/api/programmes/${P}/sub-analyses/${S}/phases/9/reopen`,
    allowed: ['admin', 'secretariat'],
    body: { reason: 'table' },
  },
  {
    method: 'POST',
    path: `/api/programmes/${P}/sub-analyses/${S}/gates/9/close`,
    allowed: ['admin', 'secretariat'],
    body: { reason: 'table' },
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

  // Status reports (P has not started: making one or giving a note is refused with 409).
  { method: 'POST', path: `/api/programmes/${P}/reports`, allowed: ['admin', 'secretariat'] },
  { method: 'GET', path: `/api/programmes/${P}/reports`, allowed: ['admin', 'secretariat', 'steering'] },
  { method: 'GET', path: `/api/programmes/${P}/reports/1999-01-01`, allowed: ['admin', 'secretariat', 'steering'] },
  {
    method: 'GET',
    path: `/api/programmes/${P}/reports/1999-01-01.html`,
    allowed: ['admin', 'secretariat', 'steering'],
  },
  { method: 'GET', path: `/api/programmes/${P}/reports/1999-01-01.pdf`, allowed: ['admin', 'secretariat', 'steering'] },
  {
    method: 'GET',
    path: `/api/programmes/${P}/reports/1999-01-01/timeline.svg`,
    allowed: ['admin', 'secretariat', 'steering'],
  },
  { method: 'GET', path: `/api/programmes/${P}/timeline.svg`, allowed: STATUS_READERS },
  { method: 'GET', path: `/api/programmes/${P}/sub-analyses/${S}/status-note`, allowed: STATUS_READERS },
  {
    method: 'POST',
    path: `/api/programmes/${P}/sub-analyses/${S}/status-note`,
    allowed: ['admin', 'lead', 'owner'],
    body: { status: 'on-track', text: 'Tabellen.' },
  },

  // Meetings: the team and the committee read; the secretariat reviews, edits and decides; a
  // lead of another sub-analysis may not hand in its material. P has not started, so the
  // writes that get through end in 409 and change nothing.
  { method: 'GET', path: `/api/programmes/${P}/meetings`, allowed: MEETING_READERS },
  { method: 'GET', path: `/api/programmes/${P}/meetings/${M}`, allowed: MEETING_READERS },
  {
    method: 'PATCH',
    path: `/api/programmes/${P}/meetings/${M}`,
    allowed: ['admin', 'secretariat'],
    body: { place: 'Rådhuset', reason: 'table' },
  },
  {
    method: 'POST',
    path: `/api/programmes/${P}/meetings/${M}/deliverables/${S}`,
    allowed: ['admin', 'secretariat', 'lead', 'owner'],
  },
  { method: 'GET', path: `/api/programmes/${P}/meetings/${M}/deliverables/${S}/versions/1`, allowed: MEETING_READERS },
  {
    method: 'POST',
    path: `/api/programmes/${P}/meetings/${M}/deliverables/${S}/approve`,
    allowed: ['admin', 'secretariat'],
  },
  {
    method: 'POST',
    path: `/api/programmes/${P}/meetings/${M}/deliverables/${S}/request-changes`,
    allowed: ['admin', 'secretariat'],
    body: { comment: 'table' },
  },
  {
    method: 'PATCH',
    path: `/api/programmes/${P}/meetings/${M}/items/${S}`,
    allowed: ['admin', 'secretariat'],
    body: { minutes: 10 },
  },
  { method: 'GET', path: `/api/programmes/${P}/meetings/${M}/agenda.pdf`, allowed: MEETING_READERS },
  { method: 'GET', path: `/api/programmes/${P}/meetings/${M}/package`, allowed: MEETING_READERS },
  { method: 'GET', path: `/api/programmes/${P}/meetings/${M}/package?draft=true`, allowed: ['admin', 'secretariat'] },
  { method: 'GET', path: `/api/programmes/${P}/meetings/${M}/protocol.pdf`, allowed: MEETING_READERS },
  {
    method: 'POST',
    path: `/api/programmes/${P}/meetings/${M}/decisions`,
    allowed: ['admin', 'secretariat'],
    body: { items: [{ subAnalysis: S, outcome: 'godkendt', input: 'table' }] },
  },
  {
    method: 'POST',
    path: `/api/programmes/${P}/meetings/${M}/reopen`,
    allowed: ['admin', 'secretariat'],
    body: { reason: 'table' },
  },

  // Programmes, sub-analyses, meetings, reports: add rows here as the endpoints arrive.
];

/** Routes match on the path alone; a row may add a query that changes who is allowed. */
const withoutQuery = (path: string) => path.split('?')[0];

const ADMIN_TOKEN = 'admin-token-for-the-authorization-table';

/** Every route the running app serves: Express's own list plus the @All() handlers Nest declares. */
function appRoutes(app: RunningApp): RegisteredRoute[] {
  return [...registeredRoutes(app.api), ...allMethodControllerRoutes(app.api)];
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function allowedRoles(row: Row): readonly Role[] {
  if (row.allowed === 'everyone') return ROLES;
  if (row.allowed === 'authenticated') return ROLES.filter((r) => r !== 'anonymous' && r !== 'revoked');
  return row.allowed;
}

describe('authorization: every endpoint × every role', () => {
  let app: RunningApp;
  let tokens: Record<Role, string | undefined>;

  beforeAll(async () => {
    // The table sends hundreds of refused tokens from one address; the throttle has its own test (rate-limit.spec.ts).
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN_TOKEN, AUTH_FAILURE_LIMIT: '100000' });
    tokens = await setUpPeople(app.api, ADMIN_TOKEN);
    // /health answers 503 until the worker's first poll shows; the table must not see that.
    for (let i = 0; i < 40 && (await fetch(`${app.baseUrl}/health`)).status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each(ROWS.map((row) => [`${row.method} ${row.path}`, row] as const))('%s', async (_name, row) => {
    // A row whose route is gone would see only 404s, which pass for "let through".
    if (!appRoutes(app).some((r) => r.method === row.method && r.matches(withoutQuery(row.path)))) {
      throw new Error(`No route serves ${row.method} ${row.path}: remove the row or restore the route.`);
    }
    const allowed = allowedRoles(row);
    const wrong: string[] = [];
    for (const method of row.method === 'ALL' ? ALL_METHODS : [row.method]) {
      for (const role of ROLES) {
        const { status } = await call(app.baseUrl, method, row.path, { token: tokens[role], body: row.body });
        const expected = allowed.includes(role)
          ? 'not 401/403/5xx'
          : role === 'anonymous' || role === 'revoked'
            ? '401'
            : '403';
        const ok =
          expected === 'not 401/403/5xx'
            ? status !== 401 && status !== 403 && status < 500
            : String(status) === expected;
        if (!ok) wrong.push(`${method} ${role}: got ${status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has a row for every route the app serves, pages and @All() handlers included, and no row for a route that does not exist', () => {
    const routes = appRoutes(app);
    const missing = routes
      .filter((route) => !ROWS.some((row) => row.method === route.method && route.matches(withoutQuery(row.path))))
      .map((r) => `${r.method} ${r.pattern}`);
    if (missing.length) {
      throw new Error(`Routes without a row in ROWS (test/authorization.spec.ts):\n  ${missing.join('\n  ')}`);
    }
    const stale = ROWS.filter(
      (row) => !routes.some((r) => r.method === row.method && r.matches(withoutQuery(row.path))),
    ).map((row) => `${row.method} ${row.path}`);
    if (stale.length) throw new Error(`Rows in ROWS that match no route:\n  ${stale.join('\n  ')}`);
  });

  it('agrees with the OpenAPI document both ways: every operation has a row, every documented row an operation', async () => {
    const doc = (await call(app.baseUrl, 'GET', '/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => ({
        method: m.toUpperCase(),
        name: `${m.toUpperCase()} ${p}`,
        // OpenAPI writes parameters as {id}; one segment each.
        regex: new RegExp('^' + p.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+') + '$'),
      })),
    );
    expect(operations.length).toBeGreaterThan(15);
    const undocumentedByTable = operations
      .filter(
        (op) =>
          !ROWS.some(
            (row) => (row.method === op.method || row.method === 'ALL') && op.regex.test(withoutQuery(row.path)),
          ),
      )
      .map((op) => op.name);
    expect(undocumentedByTable).toEqual([]);
    // The pages, their files and Swagger's own files are not API operations.
    const documented = (row: Row) =>
      !/^\/api\/docs/.test(row.path) && (row.path.startsWith('/api/') || row.path === '/health');
    const rowsWithoutOperation = ROWS.filter(documented)
      .filter(
        (row) =>
          !operations.some(
            (op) => (row.method === 'ALL' || op.method === row.method) && op.regex.test(withoutQuery(row.path)),
          ),
      )
      .map((row) => `${row.method} ${row.path}`);
    expect(rowsWithoutOperation).toEqual([]);
  });
});
