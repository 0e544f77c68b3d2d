import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as ical from 'node-ical';
import { ProgrammeEntity } from '../libs/persistence';
import {
  ProgrammeDefinition,
  ProgrammePlan,
  ScheduledEvent,
  calendarOfDefinition,
  computePlan,
  computeSchedule,
  parseDefinition,
  upcomingInstance,
} from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { RunningApp, startApp } from './support/app';
import { Reply, call, dataSource, definition as authDefinition, mintToken } from './support/auth';
import type { ProgrammeView } from '../apps/api/programmes/programmes.service';

/**
 * The programme endpoints end to end: the real API and worker on the Temporal dev
 * server, SQLite underneath. Expected dates come from shared/specs/aarhus-2025.md or
 * are worked out by hand in the comments, not from the code under test.
 */

const ADMIN = 'admin-token-for-the-programme-endpoints';
const AARHUS_FILE = path.join(__dirname, '..', 'programmes', 'aarhus-organisationsanalyse-2025.yaml');
const AARHUS_YAML = fs.readFileSync(AARHUS_FILE, 'utf8');
const AARHUS = 'aarhus-organisationsanalyse-2025';
/** A second programme, sent as JSON; it shares only the secretariat's address with Aarhus. */
const SMALL = 'api-small-2025';
const SECRETARIAT = 'sekretariat@example.org';
const KLIMA_LEAD = 'pl-klima@example.org';
const SMALL_LEAD = 'pl-oko@example.org';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: { path: string; message: string }[];
}

interface ValidateBody {
  valid: boolean;
  errors: { path: string; message: string }[];
  warnings: { path: string; message: string }[];
  plan: ProgrammePlan | null;
}

type ProgrammeBody = ProgrammeView;

/** The contract's error shape, with the status it is sent with. */
function expectErrorShape(reply: Reply, status: number): ErrorBody {
  expect(reply.status).toBe(status);
  const body = reply.body as ErrorBody;
  expect(body).toEqual({
    statusCode: status,
    error: expect.any(String),
    message: expect.any(String),
    details: expect.any(Array),
  });
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}

function smallDefinition(id = SMALL): Record<string, unknown> {
  return authDefinition(id);
}

/**
 * A definition with seven independent problems, each at a known path. Apart from
 * them it is the small programme, so nothing else may be reported.
 */
function brokenDefinition(id = 'api-broken-2025'): { body: Record<string, unknown>; paths: string[] } {
  const body = smallDefinition(id);
  const people = body.people as Record<string, { name: string; email: string }>;
  people['ejer-sbv'] = { ...people['ejer-sbv'], email: 'not-an-address' };
  body.timezone = 'Europe/Aarhus';
  const committee = body.committee as { meetings: Record<string, unknown>[] };
  committee.meetings[0] = { ...committee.meetings[0], materialDue: '2025-06-09' };
  const [sbv, oko] = body.subAnalyses as Record<string, unknown>[];
  sbv.phases = [
    { code: '1', title: 'Opstart', weeks: '12-13' },
    { code: '2', title: 'Analyse', weeks: '14-54', after: ['1', '9'] },
  ];
  oko.projectLeads = [];
  oko.deliverables = [{ meeting: 'no-such-meeting', title: 'Notat' }];
  return {
    body,
    paths: [
      'people.ejer-sbv.email',
      'timezone',
      'committee.meetings[0].materialDue',
      'subAnalyses[0].phases[1].weeks',
      'subAnalyses[0].phases[1].after[1]',
      'subAnalyses[1].projectLeads',
      'subAnalyses[1].deliverables[0].meeting',
    ],
  };
}

/** The local calendar date of a node-ical date-only value (it builds those at local midnight). */
function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

interface CalendarItem {
  uid: string;
  summary: string;
  start: string;
  end: string | undefined;
  allDay: boolean;
  url: string | undefined;
}

function parseCalendar(text: string): { items: CalendarItem[]; timezone: unknown; name: unknown } {
  const parsed = ical.sync.parseICS(text);
  const items = Object.values(parsed)
    .filter((c): c is ical.VEvent => c?.type === 'VEVENT')
    .map((e) => ({
      uid: e.uid,
      summary: typeof e.summary === 'string' ? e.summary : e.summary.val,
      start: localDate(e.start),
      end: e.end && localDate(e.end),
      allDay: e.datetype === 'date' && e.start.dateOnly === true,
      url: typeof e.url === 'string' ? e.url : (e.url as { val?: string } | undefined)?.val,
    }));
  const vcalendar = parsed.vcalendar as Record<string, unknown> | undefined;
  return { items, timezone: vcalendar?.['WR-TIMEZONE'], name: vcalendar?.['WR-CALNAME'] };
}

/** 'YYYY-MM-DD' of the day after. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The properties of each VEVENT as written, lines unfolded (RFC 5545 3.1), by name with its parameters. */
function rawEvents(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

const isoDate = (compact: string) => `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
const compactDate = (iso: string) => iso.replace(/-/g, '');

/** What a person's calendar must hold: the deadlines of `subAnalyses` (all when undefined) and every meeting. */
function expectedCalendar(plan: ProgrammePlan, subAnalyses?: string[]): string[] {
  const rows: string[] = [];
  for (const s of plan.subAnalyses) {
    if (subAnalyses && !subAnalyses.includes(s.id)) continue;
    for (const p of s.phases) rows.push(`${p.due} ${s.id} phase ${p.code}`);
    for (const d of s.deliverables) rows.push(`${d.materialDue} ${s.id} material ${d.meeting}`);
  }
  for (const m of plan.meetings) rows.push(`${m.date} meeting ${m.id}`);
  return rows.sort();
}

/** The same rows, read back from the calendar through each event's UID (key@programme.spor). */
function calendarRows(items: CalendarItem[], programmeId: string): string[] {
  return items
    .map((i) => {
      const key = i.uid.replace(`@${programmeId}.spor`, '');
      const parts = key.split('/');
      if (parts[0] === 'meeting') return `${i.start} meeting ${parts[1]}`;
      if (parts[1] === 'phase' && parts[3] === 'due') return `${i.start} ${parts[0]} phase ${parts[2]}`;
      if (parts[1] === 'material' && parts[3] === 'due') return `${i.start} ${parts[0]} material ${parts[2]}`;
      return `${i.start} unexpected ${key}`;
    })
    .sort();
}

function getWithHost(url: string, host: string, token: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { host, authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
}

async function programmeCount(app: RunningApp): Promise<number> {
  return dataSource(app.api).getRepository(ProgrammeEntity).count();
}

describe('programme endpoints on the real app', () => {
  let app: RunningApp;
  const tokens: Record<string, string> = {};
  let aarhus: ProgrammeDefinition;

  const get = (p: string, token = ADMIN) => call(app.baseUrl, 'GET', p, { token });
  const post = (p: string, body: unknown, headers: Record<string, string> = {}, token = ADMIN) =>
    call(app.baseUrl, 'POST', p, { token, body, headers });
  const yaml = { 'content-type': 'application/yaml' };

  /** For tests that read the two programmes, so each can also run alone (`jest -t`). */
  const ensureProgrammes = async () => {
    for (const reply of [
      await post('/api/programmes', AARHUS_YAML, yaml),
      await post('/api/programmes', smallDefinition()),
    ]) {
      if (reply.status !== 201 && reply.status !== 409) throw new Error(`Could not create a programme: ${reply.text}`);
    }
  };

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN });
    const parsed = parseDefinition(AARHUS_YAML, 'yaml');
    if (!parsed.definition) throw new Error('The Aarhus programme file does not validate');
    aarhus = parsed.definition;
    // Tokens can be minted before anyone's programme exists; roles are looked up per request.
    tokens.secretariat = await mintToken(app.api, SECRETARIAT);
    tokens.klima = await mintToken(app.api, KLIMA_LEAD);
    tokens.small = await mintToken(app.api, SMALL_LEAD);
    tokens.nobody = await mintToken(app.api, 'nobody@example.org');
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('POST /api/programmes/validate', () => {
    it('checks a JSON definition, returns its plan and stores nothing', async () => {
      const before = await programmeCount(app);
      const reply = await post('/api/programmes/validate', smallDefinition('api-validate-only'));
      expect(reply.status).toBe(200);
      const body = reply.body as ValidateBody;
      expect(body).toEqual({ valid: true, errors: [], warnings: expect.any(Array), plan: expect.any(Object) });
      expect(body.plan?.programmeId).toBe('api-validate-only');
      // Phase 1 of sbv covers weeks 12-13 of 2025: Monday 17 March to Friday 28 March.
      const phase1 = body.plan?.subAnalyses[0].phases[0];
      expect([phase1?.plannedStart, phase1?.due]).toEqual(['2025-03-17', '2025-03-28']);
      expect(await programmeCount(app)).toBe(before);
      expect((await get('/api/programmes/api-validate-only')).status).toBe(404);
    });

    it('checks YAML text (application/yaml) and warns about material due before its phases end', async () => {
      const reply = await post('/api/programmes/validate', AARHUS_YAML, yaml);
      expect(reply.status).toBe(200);
      const body = reply.body as ValidateBody;
      expect(body.valid).toBe(true);
      expect(body.errors).toEqual([]);
      // aarhus-2025.md: the June material (5 May) is due before SBV's phase 2C ends (week 21).
      expect(body.warnings).toContainEqual({
        path: 'subAnalyses[0].deliverables[0]',
        message: expect.stringContaining('2C'),
      });
      const sbv = body.plan?.subAnalyses.find((s) => s.id === 'sbv');
      expect(sbv?.phases.find((p) => p.code === '2C')?.due).toBe('2025-05-23');
      expect((await get(`/api/programmes/${AARHUS}`)).status).toBe(404);
    });

    it('lists every problem of an invalid definition with its path, as JSON and as YAML', async () => {
      const { body, paths } = brokenDefinition();
      const before = await programmeCount(app);
      for (const reply of [
        await post('/api/programmes/validate', body),
        await post('/api/programmes/validate', JSON.stringify(body, null, 2), yaml),
      ]) {
        expect(reply.status).toBe(200);
        const result = reply.body as ValidateBody;
        expect(result.valid).toBe(false);
        expect(result.plan).toBeNull();
        expect(result.errors.map((e) => e.path).sort()).toEqual([...paths].sort());
        for (const e of result.errors) expect(e.message.length).toBeGreaterThan(10);
      }
      expect(await programmeCount(app)).toBe(before);
    });

    it('reports malformed YAML as a problem with its line, not as an error response', async () => {
      const reply = await post('/api/programmes/validate', 'id: x\ntitle: [unclosed\nyear: 2025\n', yaml);
      expect(reply.status).toBe(200);
      const body = reply.body as ValidateBody;
      expect(body.valid).toBe(false);
      expect(body.plan).toBeNull();
      expect(body.errors.length).toBeGreaterThan(0);
      expect(body.errors[0]).toEqual({ path: '', message: expect.stringMatching(/YAML.*line \d+/) });
    });

    it('survives a YAML alias bomb', async () => {
      const bomb = [
        'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
        ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
      ].join('\n');
      const reply = await post('/api/programmes/validate', bomb, yaml);
      expect(reply.status).toBe(200);
      expect((reply.body as ValidateBody).valid).toBe(false);
    });

    it('answers malformed JSON with 400 in the contract shape', async () => {
      const reply = await post('/api/programmes/validate', '{"id": "x", "title": ', {
        'content-type': 'application/json',
      });
      const body = expectErrorShape(reply, 400);
      expect(body.error).toBe('Bad Request');
      expect(body.message).toMatch(/JSON/);
    });

    it('treats an empty body, a JSON array and a bare JSON value as bad input, never as a server error', async () => {
      const empty = await post('/api/programmes/validate', '', yaml);
      expect(empty.status).toBe(200);
      expect((empty.body as ValidateBody).valid).toBe(false);
      const array = await post('/api/programmes/validate', [1, 2]);
      expect(array.status).toBe(200);
      expect((array.body as ValidateBody).valid).toBe(false);
      expectErrorShape(await post('/api/programmes/validate', '42', { 'content-type': 'application/json' }), 400);
    });

    it('refuses a body in a media type it does not read with 415', async () => {
      const reply = await post('/api/programmes/validate', AARHUS_YAML, { 'content-type': 'application/xml' });
      expectErrorShape(reply, 415);
    });

    it('refuses a body over the limit with 413 in the contract shape', async () => {
      const big = `# ${'x'.repeat(1_100_000)}\n${AARHUS_YAML}`;
      expectErrorShape(await post('/api/programmes/validate', big, yaml), 413);
    });
  });

  describe('POST /api/programmes', () => {
    it('creates a programme from YAML: 201 with the Aarhus 2025 plan', async () => {
      const reply = await post('/api/programmes', AARHUS_YAML, yaml);
      expect(reply.status).toBe(201);
      const body = reply.body as ProgrammeBody;
      expect(body).toMatchObject({ id: AARHUS, year: 2025, startedAt: null, title: aarhus.title });
      expect(body.definition).toEqual(aarhus);

      const sbv = body.plan.subAnalyses.find((s) => s.id === 'sbv');
      const due = Object.fromEntries(sbv?.phases.map((p) => [p.code, p.due]) ?? []);
      // shared/specs/aarhus-2025.md; 17 and 18 April 2025 are skærtorsdag and langfredag.
      expect(due).toEqual({
        '1': '2025-03-28',
        '2A': '2025-04-16',
        '2B': '2025-04-16',
        '2C': '2025-05-23',
        '3': '2025-07-11',
      });
      const start = Object.fromEntries(sbv?.phases.map((p) => [p.code, p.plannedStart]) ?? []);
      expect(start).toEqual({
        '1': '2025-03-17',
        '2A': '2025-03-31',
        '2B': '2025-03-24',
        '2C': '2025-04-22', // Monday 21 April is 2. påskedag
        '3': '2025-06-02',
      });
      // Five working days before Monday 2 June, skipping Kristi himmelfartsdag (29 May):
      // 30, 28, 27, 26 and 23 May. August: Monday of week 35, material on Friday of week 32.
      expect(body.plan.meetings).toEqual([
        expect.objectContaining({
          id: 'udvalg-juni',
          date: '2025-06-02',
          materialDue: '2025-05-05',
          packageDate: '2025-05-23',
        }),
        expect.objectContaining({
          id: 'udvalg-august',
          date: '2025-08-25',
          materialDue: '2025-08-08',
          packageDate: '2025-08-18',
        }),
      ]);
      const klima = body.plan.subAnalyses.find((s) => s.id === 'klima');
      expect(klima?.deliverables.map((d) => d.materialDue)).toEqual(['2025-05-05', '2025-08-08']);

      const row = await dataSource(app.api).getRepository(ProgrammeEntity).findOneByOrFail({ id: AARHUS });
      expect(row.source).toBe(AARHUS_YAML);
      expect(row.createdBy).toBeNull(); // the admin token belongs to no person
    });

    it('creates a programme from JSON', async () => {
      const reply = await post('/api/programmes', smallDefinition());
      expect(reply.status).toBe(201);
      const body = reply.body as ProgrammeBody;
      expect(body.id).toBe(SMALL);
      expect(body.plan.meetings.map((m) => [m.id, m.packageDate])).toEqual([['udvalg-juni', '2025-05-23']]);
      expect(body.plan.subAnalyses.map((s) => s.projectLeads)).toEqual([
        ['pl-sbv-2@example.org', 'pl-sbv@example.org'],
        [SMALL_LEAD],
      ]);
    });

    it('answers 409 when the id exists, and keeps the stored programme as it was', async () => {
      const before = await dataSource(app.api).getRepository(ProgrammeEntity).findOneByOrFail({ id: SMALL });
      const changed = { ...smallDefinition(), title: 'Et andet program med samme id' };
      const body = expectErrorShape(await post('/api/programmes', changed), 409);
      expect(body.message).toContain(SMALL);
      const yamlAgain = expectErrorShape(await post('/api/programmes', AARHUS_YAML, yaml), 409);
      expect(yamlAgain.message).toContain(AARHUS);
      const after = await dataSource(app.api).getRepository(ProgrammeEntity).findOneByOrFail({ id: SMALL });
      expect(after).toEqual(before);
    });

    it('lets exactly one of two simultaneous creations of one id through', async () => {
      const def = smallDefinition('api-race-2025');
      const replies = await Promise.all([post('/api/programmes', def), post('/api/programmes', def)]);
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
      expectErrorShape(
        replies.find((r) => r.status === 409)!,
        409,
      );
    });

    it('answers 400 listing every problem with its path, and stores nothing', async () => {
      const before = await programmeCount(app);
      const { body, paths } = brokenDefinition('api-broken-create');
      const reply = expectErrorShape(await post('/api/programmes', body), 400);
      expect(reply.details.map((d) => d.path).sort()).toEqual([...paths].sort());
      expect(reply.message).toMatch(/7 problem/);

      const malformed = expectErrorShape(await post('/api/programmes', 'id: [x\n', yaml), 400);
      expect(malformed.details).toEqual([{ path: '', message: expect.stringMatching(/YAML/) }]);
      expectErrorShape(await post('/api/programmes', {}), 400);
      expectErrorShape(await post('/api/programmes', '{"id":', { 'content-type': 'application/json' }), 400);

      expect(await programmeCount(app)).toBe(before);
      expect((await get('/api/programmes/api-broken-create')).status).toBe(404);
    });

    it('refuses a title longer than the database keeps, instead of failing on PostgreSQL', async () => {
      const def = { ...smallDefinition('api-long-title'), title: 'Analyse '.repeat(40) };
      const reply = expectErrorShape(await post('/api/programmes', def), 400);
      expect(reply.details).toEqual([{ path: 'title', message: expect.stringContaining('300') }]);
      expect((await get('/api/programmes/api-long-title')).status).toBe(404);
    });

    it('is for the admin only', async () => {
      const before = await programmeCount(app);
      expectErrorShape(await post('/api/programmes', smallDefinition('api-not-admin'), {}, tokens.secretariat), 403);
      expect(await programmeCount(app)).toBe(before);
    });
  });

  describe('GET /api/programmes and /api/programmes/{id}', () => {
    beforeAll(ensureProgrammes);

    it('lists every programme for the admin, and only their own for everyone else', async () => {
      const ids = async (token: string) => {
        const reply = await get('/api/programmes', token);
        expect(reply.status).toBe(200);
        return (reply.body as ProgrammeBody[]).map((p) => p.id);
      };
      const stored = (await dataSource(app.api).getRepository(ProgrammeEntity).find()).map((p) => p.id).sort();
      expect(stored).toEqual(expect.arrayContaining([AARHUS, SMALL]));
      expect(await ids(ADMIN)).toEqual(stored);
      // The secretariat's address is in every programme of this file; every one but
      // Aarhus is built from smallDefinition, which Aarhus' klima lead is not in.
      expect(await ids(tokens.secretariat)).toEqual(stored);
      expect(await ids(tokens.klima)).toEqual([AARHUS]);
      expect(await ids(tokens.small)).toEqual(stored.filter((id) => id !== AARHUS));
      expect(await ids(tokens.nobody)).toEqual([]);
    });

    it('lists each programme with its title, year and plan', async () => {
      const list = (await get('/api/programmes', tokens.klima)).body as ProgrammeBody[];
      expect(list[0]).toMatchObject({ id: AARHUS, title: aarhus.title, year: 2025, startedAt: null });
      expect(list[0].plan).toEqual(computePlan(aarhus));
    });

    it('gives the definition and the plan of one programme', async () => {
      const reply = await get(`/api/programmes/${AARHUS}`, tokens.klima);
      expect(reply.status).toBe(200);
      const body = reply.body as ProgrammeBody;
      expect(body.definition).toEqual(aarhus);
      expect(body.plan).toEqual(computePlan(aarhus));
      for (const s of body.plan.subAnalyses) {
        for (const p of s.phases) expect(p.plannedStart <= p.due).toBe(true);
      }
    });

    it('answers 404 for an unknown id', async () => {
      const body = expectErrorShape(await get('/api/programmes/no-such-programme'), 404);
      expect(body.message).toContain('no-such-programme');
      expectErrorShape(await get('/api/programmes/no-such-programme/schedule'), 404);
      expectErrorShape(await get('/api/programmes/no-such-programme/calendar.ics'), 404);
    });

    it('refuses a programme the caller has no role in', async () => {
      expectErrorShape(await get(`/api/programmes/${AARHUS}`, tokens.small), 403);
    });
  });

  describe('GET /api/programmes/{id}/schedule', () => {
    beforeAll(ensureProgrammes);

    it('is, before the start, exactly what the plan library computes', async () => {
      const reply = await get(`/api/programmes/${AARHUS}/schedule`, tokens.klima);
      expect(reply.status).toBe(200);
      const events = reply.body as ScheduledEvent[];
      expect(events).toEqual(computeSchedule(computePlan(aarhus)));
    });

    it('is in time order and holds every kind of event the contract names', async () => {
      const events = (await get(`/api/programmes/${AARHUS}/schedule`)).body as ScheduledEvent[];
      for (let i = 1; i < events.length; i++) {
        expect(Date.parse(events[i - 1].at)).toBeLessThanOrEqual(Date.parse(events[i].at));
      }
      const kinds = new Set(events.map((e) => e.kind));
      for (const kind of [
        'phase-start',
        'phase-due',
        'phase-reminder',
        'material-due',
        'material-reminder',
        'package-dispatch',
        'meeting',
        'status-report',
      ]) {
        expect(kinds).toContain(kind);
      }
      // An on-time preview has no escalations but the conditional ones: the first that would
      // follow each deadline if it were missed, with its recipients.
      const escalations = events.filter((e) => e.kind.endsWith('escalation'));
      expect(escalations.filter((e) => !e.conditional)).toEqual([]);
      // sbv's 2A is due Wednesday 16 April 2025; Easter makes Tuesday 22 April the first working day after.
      expect(escalations.find((e) => e.key === 'sbv/phase/2A/escalation/2025-04-22')).toMatchObject({
        conditional: true,
        at: '2025-04-22T09:00:00+02:00',
        recipients: expect.arrayContaining([SECRETARIAT, 'projektejer-sbv@example.org']),
      });

      const due = events.find((e) => e.key === 'sbv/phase/2A/due');
      expect(due).toMatchObject({ date: '2025-04-16', allDay: true });
      // Five working days before Wednesday 16 April: 9 April, at 09:00 in Copenhagen (summer time).
      const reminder = events.find((e) => e.key === 'sbv/phase/2A/reminder/2025-04-09');
      expect(reminder).toMatchObject({ at: '2025-04-09T09:00:00+02:00', daysBefore: 5 });
      expect(reminder?.recipients).toEqual(['pl-borgerservice@example.org', 'pl-virksomhedsservice@example.org']);
      const pkg = events.find((e) => e.key === 'meeting/udvalg-juni/package');
      expect(pkg?.date).toBe('2025-05-23');
      expect(pkg?.recipients).toContain('borgmester@example.org');
      expect(pkg?.recipients).toContain(SECRETARIAT);
    });
  });

  describe('GET /api/programmes/{id}/calendar.ics', () => {
    beforeAll(ensureProgrammes);

    it('holds every phase due date, material deadline and meeting as an all-day event on its day', async () => {
      const reply = await get(`/api/programmes/${AARHUS}/calendar.ics`, tokens.klima);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/^text\/calendar/);
      const { items, timezone, name } = parseCalendar(reply.text);
      const plan = computePlan(aarhus);
      expect(calendarRows(items, AARHUS)).toEqual(expectedCalendar(plan));
      expect(timezone).toBe('Europe/Copenhagen');
      expect(name).toBe(aarhus.title);
      for (const item of items) {
        expect({ uid: item.uid, allDay: item.allDay }).toEqual({ uid: item.uid, allDay: true });
      }
      // Read from the text itself, not the parser, which may make up an end: every event
      // is one whole day, DTSTART a date and DTEND the next date (RFC 5545 3.6.1).
      const days = rawEvents(reply.text).map((e) => ({
        uid: e.UID,
        start: e['DTSTART;VALUE=DATE'],
        end: e['DTEND;VALUE=DATE'],
      }));
      expect(days.length).toBe(items.length);
      for (const day of days) {
        expect(day.start).toMatch(/^\d{8}$/);
        expect(day).toEqual({ ...day, end: compactDate(nextDay(isoDate(day.start))) });
      }
      expect(new Set(items.map((i) => i.uid)).size).toBe(items.length);
      // RFC 5545 3.8.7.2: DTSTAMP is in UTC.
      const stamps = reply.text.split('\r\n').filter((line) => line.startsWith('DTSTAMP'));
      expect(stamps.length).toBe(items.length);
      for (const line of stamps) expect(line).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);

      // Spot checks against shared/specs/aarhus-2025.md.
      const on = (date: string) => items.filter((i) => i.start === date).map((i) => i.uid);
      expect(on('2025-03-28')).toContain(`sbv/phase/1/due@${AARHUS}.spor`);
      expect(on('2025-04-16')).toEqual(
        expect.arrayContaining([`sbv/phase/2A/due@${AARHUS}.spor`, `sbv/phase/2B/due@${AARHUS}.spor`]),
      );
      expect(on('2025-07-11')).toContain(`sbv/phase/3/due@${AARHUS}.spor`);
      expect(on('2025-06-02')).toContain(`meeting/udvalg-juni@${AARHUS}.spor`);
      expect(on('2025-05-05')).toContain(`klima/material/udvalg-juni/due@${AARHUS}.spor`);
    });

    it('links deadlines to their sub-analysis in the API, at the configured public address', async () => {
      // fetch will not send another Host header than the URL's; node:http will.
      const reply = await getWithHost(`${app.baseUrl}/api/programmes/${AARHUS}/calendar.ics`, 'evil.example', ADMIN);
      expect(reply.status).toBe(200);
      const { items } = parseCalendar(reply.text);
      const due = items.find((i) => i.uid === `sbv/phase/1/due@${AARHUS}.spor`);
      expect(due?.url).toBe(`${app.config.publicUrl}/api/programmes/${AARHUS}/sub-analyses/sbv`);
      expect(items.find((i) => i.uid === `meeting/udvalg-juni@${AARHUS}.spor`)?.url).toBeUndefined();
      expect(reply.text).not.toContain('evil.example');
    });

    it('gives a lead only their sub-analysis deadlines, plus every meeting', async () => {
      const plan = computePlan(aarhus);
      for (const person of [KLIMA_LEAD, 'PL-Klima@Example.ORG']) {
        const reply = await get(`/api/programmes/${AARHUS}/calendar.ics?person=${encodeURIComponent(person)}`);
        expect(reply.status).toBe(200);
        const { items } = parseCalendar(reply.text);
        expect(calendarRows(items, AARHUS)).toEqual(expectedCalendar(plan, ['klima']));
      }
      // The owner of SBV follows SBV; the secretariat follows everything; the committee only meetings.
      const owner = parseCalendar(
        (await get(`/api/programmes/${AARHUS}/calendar.ics?person=projektejer-sbv@example.org`)).text,
      );
      expect(calendarRows(owner.items, AARHUS)).toEqual(expectedCalendar(plan, ['sbv']));
      const secretariat = parseCalendar(
        (await get(`/api/programmes/${AARHUS}/calendar.ics?person=${SECRETARIAT}`)).text,
      );
      expect(calendarRows(secretariat.items, AARHUS)).toEqual(expectedCalendar(plan));
      const mayor = parseCalendar(
        (await get(`/api/programmes/${AARHUS}/calendar.ics?person=borgmester@example.org`)).text,
      );
      expect(calendarRows(mayor.items, AARHUS)).toEqual(expectedCalendar(plan, []));
    });

    it('answers 400 naming `person` for a bad address or someone outside the programme', async () => {
      const bad = expectErrorShape(await get(`/api/programmes/${AARHUS}/calendar.ics?person=not-an-email`), 400);
      expect(bad.details.map((d) => d.path)).toEqual(['person']);
      const outsider = expectErrorShape(
        await get(`/api/programmes/${AARHUS}/calendar.ics?person=${SMALL_LEAD}`, tokens.secretariat),
        400,
      );
      expect(outsider.details).toEqual([{ path: 'person', message: expect.stringContaining(SMALL_LEAD) }]);
      const twice = expectErrorShape(
        await get(`/api/programmes/${AARHUS}/calendar.ics?person=${KLIMA_LEAD}&person=${SECRETARIAT}`),
        400,
      );
      expect(twice.details.map((d) => d.path)).toEqual(['person']);
    });

    it('uses the programme time zone', async () => {
      const def = { ...smallDefinition('api-greenland-2025'), timezone: 'America/Nuuk' };
      expect((await post('/api/programmes', def)).status).toBe(201);
      const { items, timezone } = parseCalendar((await get('/api/programmes/api-greenland-2025/calendar.ics')).text);
      expect(timezone).toBe('America/Nuuk');
      const plan = computePlan(parseDefinition(JSON.stringify(def), 'json').definition!);
      expect(calendarRows(items, 'api-greenland-2025')).toEqual(expectedCalendar(plan));
    });
  });

  describe('the OpenAPI document', () => {
    it('documents the programme endpoints, their body types and the calendar filter', async () => {
      const reply = await get('/api/docs-json');
      expect(reply.status).toBe(200);
      const doc = reply.body as {
        paths: Record<
          string,
          Record<
            string,
            {
              requestBody?: { content: Record<string, unknown> };
              parameters?: { name: string; in: string }[];
              responses: Record<string, { content?: Record<string, unknown> }>;
            }
          >
        >;
      };
      expect(Object.keys(doc.paths['/api/programmes/validate'] ?? {})).toContain('post');
      expect(Object.keys(doc.paths['/api/programmes'] ?? {}).sort()).toEqual(['get', 'post']);
      for (const p of ['/api/programmes/{id}', '/api/programmes/{id}/schedule', '/api/programmes/{id}/calendar.ics']) {
        expect(Object.keys(doc.paths[p] ?? {})).toContain('get');
      }
      for (const p of ['/api/programmes/validate', '/api/programmes']) {
        expect(Object.keys(doc.paths[p].post.requestBody?.content ?? {}).sort()).toEqual([
          'application/json',
          'application/yaml',
        ]);
      }
      expect(Object.keys(doc.paths['/api/programmes'].post.responses)).toEqual(
        expect.arrayContaining(['201', '400', '403', '409', '415']),
      );
      expect(Object.keys(doc.paths['/api/programmes/{id}'].get.responses)).toContain('404');
      const ics = doc.paths['/api/programmes/{id}/calendar.ics'].get;
      expect(Object.keys(ics.responses['200']?.content ?? {})).toEqual(['text/calendar']);
      const calendar = ics.parameters ?? [];
      expect(calendar).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'id', in: 'path' }),
          expect.objectContaining({ name: 'person', in: 'query' }),
        ]),
      );
    });
  });
});

describe('the default programme', () => {
  let app: RunningApp | undefined;
  afterAll(async () => {
    await app?.stop();
  });

  it('is loaded at boot when SPOR_LOAD_DEFAULT=true, as the upcoming instance', async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN, SPOR_LOAD_DEFAULT: 'true' });
    const written = loadDefaultProgramme();
    const today = calendarOfDefinition(written).dateOf(Date.now());
    const expected = upcomingInstance(written, today);
    // Whatever year the tests run in, the instance's last meeting is still ahead.
    const plan = computePlan(expected);
    expect(plan.meetings[plan.meetings.length - 1].date >= today).toBe(true);

    const list = await call(app.baseUrl, 'GET', '/api/programmes', { token: ADMIN });
    expect((list.body as ProgrammeBody[]).map((p) => p.id)).toEqual([expected.id]);
    const reply = await call(app.baseUrl, 'GET', `/api/programmes/${expected.id}`, { token: ADMIN });
    expect(reply.status).toBe(200);
    const body = reply.body as ProgrammeBody;
    expect(body.definition).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.plan).toEqual(plan);
    expect(body.startedAt).toBeNull();
  });

  it('is loaded once: a second boot on the same data finds it there', async () => {
    if (!app) throw new Error('the first boot failed');
    const dataDir = app.config.dataDir;
    await app.stop();
    app = undefined;
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN, SPOR_LOAD_DEFAULT: 'true', DATA_DIR: dataDir });
    const list = await call(app.baseUrl, 'GET', '/api/programmes', { token: ADMIN });
    expect(list.status).toBe(200);
    expect((list.body as ProgrammeBody[]).length).toBe(1);
  });
});
