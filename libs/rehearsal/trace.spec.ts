import { isoWeekOf } from '../plan/working-days';
import { type RehearsalEvent, type RehearsalSummary, byWeek, inTimeOrder, overdueAtEnd, summarise } from './trace';

/** An event at an instant; its date and week are read off the instant as written. */
function event(at: string, fields: Partial<RehearsalEvent> = {}): RehearsalEvent {
  const date = at.slice(0, 10);
  return { at, date, week: isoWeekOf(date).week, type: 'history', kind: 'phase-started', ...fields };
}

const email = (at: string, kind: string, recipients?: string[], fields: Partial<RehearsalEvent> = {}) =>
  event(at, { type: 'email', kind, ...(recipients && { recipients }), ...fields });

describe('inTimeOrder', () => {
  it('orders events by their instant, whatever offset they are written with', () => {
    const late = event('2025-03-28T15:30:00Z');
    // 15:00 at +01:00 is 14:00 UTC.
    const early = event('2025-03-28T15:00:00+01:00');
    const next = event('2025-03-29T00:00:00+01:00');
    expect(inTimeOrder([next, late, early])).toEqual([early, late, next]);
  });

  it('keeps the order they happened in at one instant', () => {
    const a = event('2025-06-02T15:00:00+02:00', { kind: 'decision' });
    const b = event('2025-06-02T13:00:00Z', { kind: 'gate-opened' });
    const c = event('2025-06-02T15:00:00+02:00', { kind: 'phase-started' });
    const before = event('2025-06-02T14:59:59+02:00', { kind: 'phase-completed' });
    const sorted = inTimeOrder([a, b, c, before]);
    expect(sorted.map((e) => e.kind)).toEqual(['phase-completed', 'decision', 'gate-opened', 'phase-started']);
    expect(sorted[1]).toBe(a);
  });

  it('leaves the list it was given as it was', () => {
    const events = [event('2025-04-02T10:00:00Z'), event('2025-04-01T10:00:00Z')];
    const copy = [...events];
    expect(inTimeOrder(events)).not.toBe(events);
    expect(events).toEqual(copy);
  });
});

describe('summarise', () => {
  const facts = {
    programmeId: 'aarhus-organisationsanalyse-2026',
    year: 2026,
    writtenFor: 2025,
    from: '2025-11-23T10:00:00+01:00',
    until: '2026-08-31T23:59:00+02:00',
    overdue: [{ subAnalysis: 'sbv', phase: '3', due: '2026-07-10' }],
    tookMs: 4200,
  };
  const events: RehearsalEvent[] = [
    email('2026-03-23T09:00:00+01:00', 'phase-reminder', ['pl-b@example.org', 'pl-a@example.org']),
    event('2026-03-23T10:00:00+01:00', { type: 'step', kind: 'complete', subAnalysis: 'sbv', phase: '1' }),
    email('2026-04-20T09:00:00+02:00', 'phase-escalation', ['ejer@example.org', 'pl-a@example.org'], {
      subAnalysis: 'sbv',
      phase: '2A',
    }),
    email('2026-05-05T09:00:00+02:00', 'material-escalation', ['sekretariat@example.org'], {
      subAnalysis: 'klima',
      meeting: 'udvalg-juni',
    }),
    // Not an escalation: the kind only begins with the word.
    email('2026-05-06T09:00:00+02:00', 'escalation-withdrawn', ['pl-a@example.org']),
    // An e-mail without recipients counts, but for nobody.
    email('2026-05-07T09:00:00+02:00', 'protocol'),
    // A history line of an escalation is no e-mail.
    event('2026-05-08T09:00:00+02:00', { type: 'history', kind: 'phase-escalation', subAnalysis: 'sbv' }),
    event('2026-05-22T08:00:00+02:00', { type: 'document', kind: 'package', meeting: 'udvalg-juni' }),
    event('2026-05-25T08:00:00+02:00', { type: 'document', kind: 'status-report' }),
    event('2026-05-26T15:00:00+02:00', { type: 'refused', kind: 'complete', subAnalysis: 'sbv', phase: '3' }),
  ];

  it('counts the e-mails, and the e-mails of each person, by address in order', () => {
    const summary = summarise(events, facts);
    expect(summary.emails).toBe(5);
    expect(summary.emailsPerPerson).toEqual({
      'ejer@example.org': 1,
      'pl-a@example.org': 3,
      'pl-b@example.org': 1,
      'sekretariat@example.org': 1,
    });
    expect(Object.keys(summary.emailsPerPerson)).toEqual([
      'ejer@example.org',
      'pl-a@example.org',
      'pl-b@example.org',
      'sekretariat@example.org',
    ]);
  });

  it('lists the escalation e-mails with what they were about', () => {
    expect(summarise(events, facts).escalations).toEqual([
      { at: '2026-04-20T09:00:00+02:00', kind: 'phase-escalation', subAnalysis: 'sbv', phase: '2A' },
      { at: '2026-05-05T09:00:00+02:00', kind: 'material-escalation', subAnalysis: 'klima', meeting: 'udvalg-juni' },
    ]);
  });

  it('counts the documents and the refused steps, and passes the facts on', () => {
    const summary: RehearsalSummary = summarise(events, facts);
    expect(summary).toMatchObject({
      programmeId: facts.programmeId,
      year: 2026,
      writtenFor: 2025,
      from: facts.from,
      until: facts.until,
      overdue: facts.overdue,
      documents: 2,
      refused: 1,
      tookMs: 4200,
    });
  });

  it('names the year the programme was written for only when it was rehearsed in another', () => {
    expect(summarise(events, { ...facts, writtenFor: 2026 })).not.toHaveProperty('writtenFor');
    expect(summarise(events, { ...facts, writtenFor: undefined })).not.toHaveProperty('writtenFor');
  });

  it('summarises an empty trace as nothing', () => {
    expect(summarise([], { ...facts, overdue: [] })).toEqual({
      programmeId: facts.programmeId,
      year: 2026,
      writtenFor: 2025,
      from: facts.from,
      until: facts.until,
      emails: 0,
      emailsPerPerson: {},
      escalations: [],
      overdue: [],
      documents: 0,
      refused: 0,
      tookMs: 4200,
    });
  });
});

describe('byWeek', () => {
  it('groups the events of each week, in order', () => {
    const a = event('2025-03-17T09:00:00+01:00');
    const b = event('2025-03-21T15:00:00+01:00');
    const c = event('2025-03-24T09:00:00+01:00');
    const d = event('2025-03-28T15:00:00+01:00');
    expect(byWeek([a, b, c, d])).toEqual([
      { year: 2025, week: 12, events: [a, b] },
      { year: 2025, week: 13, events: [c, d] },
    ]);
    expect(byWeek([])).toEqual([]);
  });

  it('counts the days of a week across a year end to its week-year', () => {
    // Week 1 of 2026 runs from Monday 29 December 2025; week 53 of 2026 ends on Sunday 3 January 2027.
    const dec = event('2025-12-29T09:00:00+01:00');
    const jan = event('2026-01-02T09:00:00+01:00');
    const w53dec = event('2026-12-31T09:00:00+01:00');
    const w53jan = event('2027-01-01T09:00:00+01:00');
    const w1 = event('2027-01-04T09:00:00+01:00');
    expect(byWeek([dec, jan, w53dec, w53jan, w1])).toEqual([
      { year: 2026, week: 1, events: [dec, jan] },
      { year: 2026, week: 53, events: [w53dec, w53jan] },
      { year: 2027, week: 1, events: [w1] },
    ]);
  });

  it('keeps the same week number of two years apart', () => {
    const a = event('2025-06-02T09:00:00+02:00');
    const b = event('2026-06-01T09:00:00+02:00');
    expect(a.week).toBe(b.week);
    expect(byWeek([a, b]).map((g) => [g.year, g.week, g.events.length])).toEqual([
      [2025, 23, 1],
      [2026, 23, 1],
    ]);
  });
});

describe('overdueAtEnd', () => {
  const subAnalyses = [
    {
      subAnalysisId: 'sbv',
      phases: [
        { code: '1', state: 'completed', due: '2025-03-28' },
        { code: '2C', state: 'active', due: '2025-05-23' },
        { code: '3', state: 'planned', due: '2025-07-11' },
      ],
    },
    {
      subAnalysisId: 'klima',
      phases: [
        { code: '2A', state: 'ready', due: '2025-05-16' },
        { code: '3', state: 'active', due: '2025-06-27' },
      ],
    },
  ];
  const meetings = [
    {
      meetingId: 'udvalg-august',
      materialDue: '2025-08-08',
      deliverables: [
        { subAnalysis: 'sbv', state: 'submitted' },
        { subAnalysis: 'klima', state: 'approved' },
      ],
    },
    {
      meetingId: 'udvalg-juni',
      materialDue: '2025-05-05',
      deliverables: [
        { subAnalysis: 'ledige', state: 'missing' },
        { subAnalysis: 'sbv', state: 'approved' },
        { subAnalysis: 'klima', state: 'changes_requested' },
      ],
    },
  ];

  it('lists what is not completed or approved past its deadline, by deadline and sub-analysis', () => {
    expect(overdueAtEnd(subAnalyses, meetings, '2025-07-01')).toEqual([
      { subAnalysis: 'klima', meeting: 'udvalg-juni', due: '2025-05-05' },
      { subAnalysis: 'ledige', meeting: 'udvalg-juni', due: '2025-05-05' },
      { subAnalysis: 'klima', phase: '2A', due: '2025-05-16' },
      { subAnalysis: 'sbv', phase: '2C', due: '2025-05-23' },
      { subAnalysis: 'klima', phase: '3', due: '2025-06-27' },
    ]);
  });

  it('does not count a deadline on the end date as past', () => {
    expect(overdueAtEnd(subAnalyses, meetings, '2025-07-11')).not.toContainEqual(
      expect.objectContaining({ subAnalysis: 'sbv', phase: '3' }),
    );
    expect(overdueAtEnd(subAnalyses, meetings, '2025-08-08')).toContainEqual({
      subAnalysis: 'sbv',
      phase: '3',
      due: '2025-07-11',
    });
    expect(overdueAtEnd(subAnalyses, meetings, '2025-08-08')).not.toContainEqual(
      expect.objectContaining({ meeting: 'udvalg-august' }),
    );
    expect(overdueAtEnd(subAnalyses, meetings, '2025-08-09')).toContainEqual({
      subAnalysis: 'sbv',
      meeting: 'udvalg-august',
      due: '2025-08-08',
    });
  });

  it('finds nothing overdue before the first deadline or when all is done', () => {
    expect(overdueAtEnd(subAnalyses, meetings, '2025-03-28')).toEqual([]);
    const done = subAnalyses.map((s) => ({ ...s, phases: s.phases.map((p) => ({ ...p, state: 'completed' })) }));
    const approved = meetings.map((m) => ({
      ...m,
      deliverables: m.deliverables.map((d) => ({ ...d, state: 'approved' })),
    }));
    expect(overdueAtEnd(done, approved, '2025-12-31')).toEqual([]);
  });
});
