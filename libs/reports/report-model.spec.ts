import { buildStatusReport } from './report-model';
import { STATUS_RULES } from './rag';
import { aarhusInWeek15, aarhusPlan, snapshotWith } from './test-fixtures';

const plan = aarhusPlan();
const WEEK15 = '2025-04-08T08:00:00+02:00';
const WEEK16 = '2025-04-14T08:00:00+02:00';

describe('buildStatusReport', () => {
  it('shows an overdue phase as Forsinket with its working days late, and the rest on track', () => {
    const report = buildStatusReport({ plan, snapshots: aarhusInWeek15(plan), at: WEEK15 });
    const sbv = report.subAnalyses.find((s) => s.id === 'sbv')!;
    // Phase 1 was due Friday 28 March; 31 March – 4 April and 7–8 April are 7 working days.
    expect(sbv.status).toBe('late');
    expect(sbv.statusLabel).toBe('Forsinket');
    expect(sbv.overdue).toEqual([
      expect.objectContaining({ key: 'phase/1', due: '2025-03-28', workingDaysLate: 7, stateLabel: 'i gang' }),
    ]);
    expect(sbv.phases.find((p) => p.code === '1')!.overdueWorkingDays).toBe(7);
    expect(sbv.statusReasons.join(' ')).toContain('7 arbejdsdage');
    const others = report.subAnalyses.filter((s) => s.id !== 'sbv');
    expect(others.map((s) => s.status)).toEqual(others.map(() => 'on-track'));
    expect(report.counts).toEqual({ 'on-track': 4, 'at-risk': 0, late: 1 });
    expect(report.statusRules).toEqual(STATUS_RULES);
    expect(report.week).toBe(15);
    expect(report.dateText).toBe('tirsdag 8. april 2025');
  });

  it('marks a phase due within three working days that has not started as Risiko', () => {
    // Monday 14 April: SBV's 2A (weeks 14-16) is due Wednesday 16 April (Skærtorsdag follows).
    const snapshots = plan.subAnalyses.map((s) =>
      s.id === 'sbv'
        ? snapshotWith(plan, s.id, {
            '1': {
              state: 'completed',
              actualStart: '2025-03-17T09:00:00+01:00',
              completedAt: '2025-03-28T12:00:00+01:00',
            },
            '2A': { state: 'ready' },
            '2B': { state: 'active', actualStart: '2025-03-25T09:00:00+01:00' },
          })
        : snapshotWith(plan, s.id, {}),
    );
    const sbv = buildStatusReport({ plan, snapshots, at: WEEK16 }).subAnalyses.find((s) => s.id === 'sbv')!;
    expect(sbv.phases.find((p) => p.code === '2A')!.due).toBe('2025-04-16');
    expect(sbv.status).toBe('at-risk');
    expect(sbv.overdue).toEqual([]);
    expect(sbv.statusReasons).toEqual(['En fase med frist inden for 3 arbejdsdage er ikke startet.']);
  });

  it('lists what falls due in the next ten working days, and material for the next meeting', () => {
    const report = buildStatusReport({ plan, snapshots: aarhusInWeek15(plan), at: WEEK15 });
    // Ten working days after Tuesday 8 April, skipping Skærtorsdag, Langfredag and 2. påskedag.
    expect(report.lookahead).toEqual({ workingDays: 10, until: '2025-04-25' });
    const sbv = report.subAnalyses.find((s) => s.id === 'sbv')!;
    expect(sbv.comingUp.map((i) => [i.key, i.due, i.workingDaysLeft])).toEqual([
      ['phase/2A', '2025-04-16', 6],
      ['phase/2B', '2025-04-16', 6],
    ]);
    expect(report.nextMeeting?.id).toBe('udvalg-juni');
    expect(sbv.deliverables).toEqual([
      expect.objectContaining({
        meeting: 'udvalg-juni',
        materialDue: '2025-05-05',
        state: 'missing',
        stateLabel: 'ikke indsendt',
      }),
    ]);
  });

  it('counts late material only until its meeting day begins', () => {
    const snapshots = plan.subAnalyses.map((s) => snapshotWith(plan, s.id, {}, { 'udvalg-juni': 'submitted' }));
    // Due 5 May; by Friday 30 May that is 18 working days (Kristi himmelfartsdag is not one).
    const before = buildStatusReport({ plan, snapshots, at: '2025-05-30T08:00:00+02:00' });
    expect(before.subAnalyses[0].overdue.map((i) => [i.key, i.workingDaysLate])).toContainEqual([
      'material/udvalg-juni',
      18,
    ]);
    const after = buildStatusReport({ plan, snapshots, at: '2025-06-02T08:00:00+02:00' });
    expect(after.subAnalyses[0].overdue.map((i) => i.key)).not.toContain('material/udvalg-juni');
    expect(after.nextMeeting?.id).toBe('udvalg-august');
  });

  it('lists under the changes a phase completed since the previous report, and what else moved', () => {
    const previous = buildStatusReport({ plan, snapshots: aarhusInWeek15(plan), at: WEEK15 });
    const now = aarhusInWeek15(plan).map((s) =>
      s.subAnalysisId !== 'sbv'
        ? s
        : snapshotWith(plan, 'sbv', {
            '1': {
              state: 'completed',
              actualStart: '2025-03-17T09:00:00+01:00',
              completedAt: '2025-04-09T14:00:00+02:00',
            },
            '2A': { state: 'active', actualStart: '2025-04-10T09:00:00+02:00' },
            '2B': { state: 'active', actualStart: '2025-03-25T09:00:00+01:00' },
          }),
    );
    // A plan change moved ledige's 2A by a week.
    const moved = now.map((s) =>
      s.subAnalysisId !== 'ledige'
        ? s
        : { ...s, phases: s.phases.map((p) => (p.code === '2A' ? { ...p, weeks: '15-21', dueWeek: '2025-W21' } : p)) },
    );
    const report = buildStatusReport({
      plan,
      snapshots: moved,
      at: WEEK16,
      previous,
      planChanges: [
        { subAnalysis: 'ledige', phase: '2A', reason: 'Afdelingen mangler data', at: '2025-04-10T10:00:00+02:00' },
      ],
      decisions: [
        {
          meeting: 'udvalg-juni',
          subAnalysis: 'klima',
          outcome: 'droeftet',
          input: 'Udvalget ønsker tre scenarier',
          decidedAt: '2025-04-11T12:00:00+02:00',
        },
      ],
    });
    const sbv = report.subAnalyses.find((s) => s.id === 'sbv')!;
    expect(sbv.changes?.map((c) => c.text)).toEqual([
      'Fase 1 "Opstart og scoping" er afsluttet.',
      'Fase 2A "Udvidet kortlægning af borgernes serviceindgange og opgaver" er startet.',
      'Status er ændret fra Forsinket til På sporet.',
    ]);
    const ledige = report.subAnalyses.find((s) => s.id === 'ledige')!;
    expect(ledige.changes).toEqual([
      {
        kind: 'plan-changed',
        phase: '2A',
        text: 'Fase 2A er flyttet fra uge 15-20 til uge 15-21. Begrundelse: Afdelingen mangler data',
      },
    ]);
    const klima = report.subAnalyses.find((s) => s.id === 'klima')!;
    expect(klima.changes).toEqual([
      {
        kind: 'decision',
        meeting: 'udvalg-juni',
        text: 'Udvalgsmøde: foreløbige analysefund: drøftet. Udvalget ønsker tre scenarier',
      },
    ]);
    expect(klima.decisions).toEqual([expect.objectContaining({ outcome: 'droeftet', outcomeLabel: 'drøftet' })]);
    expect(report.previous).toEqual({ at: previous.at, date: '2025-04-08' });
  });

  it('names a phase newly overdue since the previous report', () => {
    const previous = buildStatusReport({ plan, snapshots: aarhusInWeek15(plan), at: WEEK15 });
    // By Thursday 24 April, the others' 2A and SBV's 2A/2B (due 16 April) are all late.
    const report = buildStatusReport({
      plan,
      snapshots: aarhusInWeek15(plan),
      at: '2025-04-24T08:00:00+02:00',
      previous,
    });
    const sbv = report.subAnalyses.find((s) => s.id === 'sbv')!;
    expect(sbv.changes?.filter((c) => c.kind === 'newly-overdue').map((c) => c.phase)).toEqual(['2A', '2B']);
    expect(sbv.changes?.find((c) => c.phase === '2A')?.text).toContain('er nu 3 arbejdsdage over fristen');
  });

  it("shows the lead's note beside the computed status and flags a disagreement", () => {
    const previous = buildStatusReport({ plan, snapshots: aarhusInWeek15(plan), at: '2025-04-01T08:00:00+02:00' });
    const report = buildStatusReport({
      plan,
      snapshots: aarhusInWeek15(plan),
      at: WEEK15,
      previous,
      notes: {
        sbv: { status: 'on-track', text: 'Fase 1 meldes færdig i morgen.', at: '2025-04-07T16:00:00+02:00' },
        klima: { status: 'on-track', text: 'Alt kører efter planen.', at: '2025-04-07T10:00:00+02:00' },
        // Given before the previous report: that report's note, not this one's.
        ledige: { status: 'late', text: 'Gammel bemærkning.', at: '2025-03-31T10:00:00+02:00' },
      },
    });
    const byId = new Map(report.subAnalyses.map((s) => [s.id, s]));
    expect(byId.get('sbv')!.status).toBe('late');
    expect(byId.get('sbv')!.note).toEqual(
      expect.objectContaining({
        status: 'on-track',
        statusLabel: 'På sporet',
        text: 'Fase 1 meldes færdig i morgen.',
        disagrees: true,
      }),
    );
    expect(byId.get('klima')!.note).toEqual(expect.objectContaining({ disagrees: false }));
    expect(byId.get('ledige')!.note).toBeNull();
    expect(byId.get('byens-rum')!.note).toBeNull();
  });

  it('is frozen and survives a JSON round trip unchanged', () => {
    const report = buildStatusReport({ plan, snapshots: aarhusInWeek15(plan), at: '2025-04-08T06:00:00Z' });
    expect(Object.isFrozen(report.subAnalyses[0].phases[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.at).toBe('2025-04-08T08:00:00+02:00');
    expect(report.subAnalyses.map((s) => s.changes)).toEqual(report.subAnalyses.map(() => null));
  });

  it('refuses a previous report later than this one, naming the field', () => {
    const later = buildStatusReport({ plan, snapshots: [], at: WEEK16 });
    expect(() => buildStatusReport({ plan, snapshots: [], at: WEEK15, previous: later })).toThrow(/previous\.at/);
  });
});
