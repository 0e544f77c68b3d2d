import * as ical from 'node-ical';
import { instantiateForYear } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { RunningApp, startApp } from './support/app';
import { eventually } from './support/process';

const ADMIN = 'admin-token-for-the-calendar-feed-test-0123';
const SECRETARIAT = 'sekretariat@example.org';
const SBV_LEAD = 'pl-borgerservice@example.org';

interface FeedEvent {
  uid: string;
  sequence: number;
  summary: string;
  start: Date;
  allDay: boolean;
  url?: string;
  location?: string;
}

const text = (v: unknown): string | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? v : (v as { val: string }).val;

/**
 * A person's own calendar feed, as a calendar app uses it: fetched by its secret URL with
 * no header at all, parsed by node-ical; plan changes keep each event's UID and raise its
 * SEQUENCE; a revoked feed answers 404.
 */
describe('personal calendar feeds (GET/DELETE /api/me/calendar, GET /api/calendar/{secret}.ics)', () => {
  let app: RunningApp;
  const tokens: Record<string, string> = {};
  const definition = {
    ...instantiateForYear(loadDefaultProgramme(), new Date().getUTCFullYear() + 1),
    id: 'calendar-feed-test',
  };
  const id = definition.id;

  async function api(token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${app.baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await res.text();
    return { status: res.status, body: answer ? JSON.parse(answer) : undefined };
  }

  /** The feed's address, reached on the test's port (the public address names localhost). */
  const reachable = (url: string) => url.replace(app.config.publicUrl, app.baseUrl);

  /** What a calendar app sees: node-ical fetches the URL itself, with no Authorization header. */
  async function subscribe(url: string): Promise<Map<string, FeedEvent>> {
    const parsed = await ical.async.fromURL(reachable(url));
    const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
    return new Map(
      events.map((e) => [
        e.uid,
        {
          uid: e.uid,
          sequence: Number(e.sequence),
          summary: text(e.summary) ?? '',
          start: e.start,
          allDay: e.datetype === 'date',
          url: text(e.url),
          location: text(e.location),
        },
      ]),
    );
  }

  beforeAll(async () => {
    app = await startApp({ SPOR_ADMIN_TOKEN: ADMIN });
    expect((await api(ADMIN, 'POST', '/programmes', definition)).status).toBe(201);
    for (const email of [SECRETARIAT, SBV_LEAD]) {
      const res = await api(ADMIN, 'POST', `/people/${email}/tokens`, { label: 'calendar test' });
      expect(res.status).toBe(201);
      tokens[email] = res.body.token;
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  let url: string;
  let first: Map<string, FeedEvent>;

  it('gives a lead a secret URL whose feed holds their deadlines and the meetings, linked to the pages', async () => {
    const answer = await api(tokens[SBV_LEAD], 'GET', '/me/calendar');
    expect(answer.status).toBe(200);
    url = answer.body.url;
    expect(url).toMatch(new RegExp(`^${app.config.publicUrl}/api/calendar/[A-Za-z0-9_-]{40,}\\.ics$`));
    // The same address each time it is asked for, so the page can always show it.
    expect((await api(tokens[SBV_LEAD], 'GET', '/me/calendar')).body.url).toBe(url);

    const raw = await fetch(reachable(url));
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toMatch(/^text\/calendar/);

    first = await subscribe(url);
    const uids = [...first.keys()];
    expect(uids).toEqual(expect.arrayContaining([`sbv/phase/1/due@${id}.spor`, `sbv/phase/2A/due@${id}.spor`]));
    // Only the lead's own sub-analysis' deadlines; every meeting.
    expect(uids.filter((u) => u.startsWith('klima/'))).toEqual([]);
    expect(uids).toEqual(
      expect.arrayContaining([`meeting/udvalg-juni@${id}.spor`, `meeting/udvalg-august@${id}.spor`]),
    );
    expect(uids.some((u) => u.startsWith('sbv/material/'))).toBe(true);

    const due = first.get(`sbv/phase/2A/due@${id}.spor`)!;
    expect(due).toMatchObject({
      allDay: true,
      sequence: 0,
      url: `${app.config.publicUrl}/programmes/${id}/sub-analyses/sbv`,
    });
    const meeting = first.get(`meeting/udvalg-juni@${id}.spor`)!;
    expect(meeting).toMatchObject({
      allDay: false,
      location: 'Aarhus Rådhus',
      url: `${app.config.publicUrl}/programmes/${id}/meetings/udvalg-juni`,
    });
    // 15:00 in Copenhagen, whatever the machine's zone.
    expect(
      new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' }).format(
        meeting.start,
      ),
    ).toBe('15.00');
    for (const e of first.values()) expect(e.url).not.toContain('/api/');
  });

  it('keeps the UIDs when the plan changes, and raises SEQUENCE of the events that moved', async () => {
    expect((await api(tokens[SECRETARIAT], 'POST', `/programmes/${id}/start`)).status).toBe(202);
    await eventually(
      async () => {
        const status = await api(tokens[SECRETARIAT], 'GET', `/programmes/${id}/status`);
        return status.body.subAnalyses?.find((s: { id: string }) => s.id === 'sbv')?.phases?.[0]?.state === 'ready';
      },
      30_000,
      'the programme to start',
    );
    const changed = await api(tokens[SECRETARIAT], 'PATCH', `/programmes/${id}/sub-analyses/sbv/phases/2A`, {
      weeks: '14-17',
      reason: 'Mere tid til kortlægning',
    });
    expect(changed.status).toBe(200);

    const after = await subscribe(url);
    expect(new Set(after.keys())).toEqual(new Set(first.keys()));
    const moved = after.get(`sbv/phase/2A/due@${id}.spor`)!;
    expect(moved.start.getTime()).not.toBe(first.get(`sbv/phase/2A/due@${id}.spor`)!.start.getTime());
    expect(moved.sequence).toBe(1);
    // What did not change keeps its SEQUENCE, and a further fetch changes nothing.
    expect(after.get(`sbv/phase/1/due@${id}.spor`)!.sequence).toBe(0);
    expect(after.get(`meeting/udvalg-juni@${id}.spor`)!.sequence).toBe(0);
    expect((await subscribe(url)).get(`sbv/phase/2A/due@${id}.spor`)!.sequence).toBe(1);
  });

  it('revokes a feed: the old URL answers 404 and the next GET makes a new one', async () => {
    expect((await api(tokens[SBV_LEAD], 'DELETE', '/me/calendar')).status).toBe(204);
    const old = await fetch(reachable(url));
    expect(old.status).toBe(404);
    expect(((await old.json()) as { message: string }).message).toMatch(/no calendar/);
    const again = await api(tokens[SBV_LEAD], 'GET', '/me/calendar');
    expect(again.status).toBe(200);
    expect(again.body.url).not.toBe(url);
    expect((await fetch(reachable(again.body.url))).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/api/calendar/made-up.ics`)).status).toBe(404);
  });

  it('has no calendar for the admin token, which belongs to no one', async () => {
    const answer = await api(ADMIN, 'GET', '/me/calendar');
    expect(answer.status).toBe(404);
  });
});
