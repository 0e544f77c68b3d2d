import { computePlan } from '../plan';
import { defaultDefinition } from '../plan/test-fixtures';
import { type SubAnalysisSnapshot, notStartedSnapshot } from '../read-model/contract';
import { decisionsOn, programmeStatus, scheduleProgress, subAnalysisStatus, withMeetingMaterial } from './status';

// The Aarhus 2025 programme: sbv's phase 1 is due Friday 2025-03-28, its 2B on
// 2025-04-16; material for the June meeting (Monday 2025-06-02) is due 2025-05-05,
// for the August meeting 2025-08-08. Instants are in Copenhagen summer or winter time.
const plan = computePlan(defaultDefinition());

function sbv(edit: (s: SubAnalysisSnapshot) => void = () => {}): SubAnalysisSnapshot {
  const snap = structuredClone(notStartedSnapshot(plan, 'sbv'));
  edit(snap);
  return snap;
}

function complete(snap: SubAnalysisSnapshot, ...codes: string[]): void {
  for (const p of snap.phases) {
    if (codes.includes(p.code)) Object.assign(p, { state: 'completed', completedAt: '2025-01-01T00:00:00Z' });
  }
}

describe('the status projection', () => {
  it('counts working days past the due date, none for a completed phase', () => {
    // Wednesday 2 April: Monday, Tuesday and Wednesday have passed since Friday's due date.
    const at = new Date('2025-04-02T10:00:00+02:00');
    const open = subAnalysisStatus(plan, 'sbv', sbv(), at);
    expect(open.phases.find((p) => p.code === '1')!.overdueWorkingDays).toBe(3);
    expect(open.phases.find((p) => p.code === '2B')!.overdueWorkingDays).toBe(0);
    const done = subAnalysisStatus(
      plan,
      'sbv',
      sbv((s) => complete(s, '1')),
      at,
    );
    expect(done.phases.find((p) => p.code === '1')!.overdueWorkingDays).toBe(0);
  });

  it('skips the weekend when counting', () => {
    // Monday 31 March: Saturday and Sunday are no working days.
    const status = subAnalysisStatus(plan, 'sbv', sbv(), new Date('2025-03-31T09:00:00+02:00'));
    expect(status.phases.find((p) => p.code === '1')!.overdueWorkingDays).toBe(1);
  });

  it('names an overdue deadline as the next one, before those to come', () => {
    const status = subAnalysisStatus(plan, 'sbv', sbv(), new Date('2025-04-02T10:00:00+02:00'));
    // Due Friday 28 March; Monday 31 March to Wednesday 2 April are 3 working days.
    expect(status.nextDeadline).toEqual({
      kind: 'phase',
      phase: '1',
      date: '2025-03-28',
      overdue: true,
      overdueWorkingDays: 3,
    });
    const later = subAnalysisStatus(
      plan,
      'sbv',
      sbv((s) => complete(s, '1')),
      new Date('2025-04-02T10:00:00+02:00'),
    );
    expect(later.nextDeadline).toEqual({
      kind: 'phase',
      phase: '2A',
      date: '2025-04-16',
      overdue: false,
      overdueWorkingDays: 0,
    });
  });

  it('counts missing material until the meeting day begins, and not after', () => {
    const allDone = sbv((s) => complete(s, '1', '2A', '2B', '2C', '3'));
    const eve = subAnalysisStatus(plan, 'sbv', allDone, new Date('2025-06-01T23:30:00+02:00'));
    // Due Monday 5 May: 6 May to Friday 30 May less Kristi himmelfartsdag (29 May) is 18 working days.
    expect(eve.nextDeadline).toEqual({
      kind: 'material',
      meeting: 'udvalg-juni',
      date: '2025-05-05',
      overdue: true,
      overdueWorkingDays: 18,
    });
    const meetingDay = subAnalysisStatus(plan, 'sbv', allDone, new Date('2025-06-02T00:30:00+02:00'));
    expect(meetingDay.nextDeadline).toEqual({
      kind: 'material',
      meeting: 'udvalg-august',
      date: '2025-08-08',
      overdue: false,
      overdueWorkingDays: 0,
    });
  });

  it('leaves approved material out', () => {
    const snap = sbv((s) => {
      complete(s, '1', '2A', '2B', '2C', '3');
      for (const d of s.deliverables) Object.assign(d, { state: 'approved', approvedAt: '2025-05-01T10:00:00Z' });
    });
    expect(subAnalysisStatus(plan, 'sbv', snap, new Date('2025-05-20T10:00:00+02:00')).nextDeadline).toBeNull();
  });

  it('shows every sub-analysis of the plan, those without a snapshot as planned, and the next meeting', () => {
    const at = new Date('2025-06-02T12:00:00+02:00');
    const status = programmeStatus(
      plan,
      { id: plan.programmeId, title: plan.title, startedAt: null },
      new Map([['sbv', sbv((s) => complete(s, '1'))]]),
      at,
    );
    expect(status.asOf).toBe(at.toISOString());
    expect(status.subAnalyses.map((s) => s.id)).toEqual(plan.subAnalyses.map((s) => s.id));
    expect(status.subAnalyses[0].phases[0].state).toBe('completed');
    expect(status.subAnalyses[1].phases.every((p) => p.state === 'planned')).toBe(true);
    // A meeting held today is still the next one.
    expect(status.nextMeeting?.id).toBe('udvalg-juni');
  });

  it('gives the schedule what has happened, and nothing before the start', () => {
    const snap = sbv((s) => {
      Object.assign(s.phases[0], {
        state: 'completed',
        actualStart: '2025-03-17T07:00:00Z',
        completedAt: '2025-03-27T12:00:00Z',
      });
      Object.assign(s.deliverables[0], { state: 'approved', approvedAt: '2025-05-02T09:00:00Z' });
    });
    const snapshots = new Map([['sbv', snap]]);
    expect(scheduleProgress(snapshots, null)).toBeUndefined();
    expect(scheduleProgress(snapshots, '2025-03-01T00:00:00Z')).toEqual({
      startedAt: '2025-03-01T00:00:00Z',
      phaseStarted: { 'sbv/1': '2025-03-17T07:00:00Z' },
      phaseCompleted: { 'sbv/1': '2025-03-27T12:00:00Z' },
      gateOpened: {},
      deliverableApproved: { 'udvalg-juni/sbv': '2025-05-02T09:00:00Z' },
    });
  });
});

describe('withMeetingMaterial', () => {
  it('takes material states from the meeting that owns them, and leaves the rest', () => {
    const snap = {
      programmeId: 'p',
      subAnalysisId: 'sbv',
      title: 'SBV',
      version: 3,
      asOf: '',
      finished: false,
      phases: [],
      deliverables: [
        { meeting: 'udvalg-juni', title: 'A', materialDue: '2025-05-05', state: 'missing' as const },
        { meeting: 'udvalg-august', title: 'B', materialDue: '2025-08-08', state: 'submitted' as const },
      ],
    };
    const merged = withMeetingMaterial(new Map([['sbv', snap]]), [
      {
        meetingId: 'udvalg-juni',
        deliverables: [
          {
            subAnalysis: 'sbv',
            subAnalysisTitle: 'SBV',
            title: 'A',
            state: 'approved',
            approvedAt: '2025-05-02T10:00:00.000Z',
            versions: [],
            reviews: [],
          },
        ],
      },
    ]);
    expect(merged.get('sbv')!.deliverables).toEqual([
      {
        meeting: 'udvalg-juni',
        title: 'A',
        materialDue: '2025-05-05',
        state: 'approved',
        approvedAt: '2025-05-02T10:00:00.000Z',
      },
      { meeting: 'udvalg-august', title: 'B', materialDue: '2025-08-08', state: 'submitted' },
    ]);
  });
});

describe('decisionsOn', () => {
  it('lists a sub-analysis’ decisions from the meetings that took them, in meeting order', () => {
    const decision = (subAnalysis: string, outcome: 'godkendt' | 'udgaaet', decidedAt: string) => ({
      subAnalysis,
      outcome,
      input: `input ${subAnalysis}`,
      decidedAt,
      decidedBy: 'sekretariat@example.org',
    });
    const meetings = [
      { meetingId: 'aug', title: 'August', date: '2025-08-25', decisions: [decision('sbv', 'udgaaet', 'b')] },
      {
        meetingId: 'jun',
        title: 'Juni',
        date: '2025-06-02',
        decisions: [decision('sbv', 'godkendt', 'a'), decision('klima', 'godkendt', 'a')],
      },
    ];
    expect(decisionsOn('sbv', meetings)).toEqual([
      { meeting: 'jun', meetingTitle: 'Juni', outcome: 'godkendt', input: 'input sbv', decidedAt: 'a' },
      { meeting: 'aug', meetingTitle: 'August', outcome: 'udgaaet', input: 'input sbv', decidedAt: 'b' },
    ]);
  });
});
