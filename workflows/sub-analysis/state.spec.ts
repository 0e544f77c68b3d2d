import { ApplicationFailure } from '@temporalio/common';
import { defaultDefinition } from '../../libs/plan/test-fixtures';
import { type RuleVersions, SubAnalysisState } from './state';

const ids = { programmeId: 'aarhus', subAnalysisId: 'sbv', workflowId: 'programme/aarhus/sub-analysis/sbv' };
const rules: RuleVersions = { materialCutoffAtMeetingStart: true, meetingsOwnMaterial: false };
const at = (instant: string) => Date.parse(instant);

/** sbv of the 2025 programme, started by Spor on Monday 10 March 2025 (week 11). */
function sbv(ruleVersions: RuleVersions = rules): SubAnalysisState {
  return new SubAnalysisState(
    ids,
    SubAnalysisState.fresh(defaultDefinition(), at('2025-03-10T08:00:00+01:00')),
    ruleVersions,
  );
}

function refusalOf(fn: () => void): ApplicationFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApplicationFailure) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const stateOfPhases = (s: SubAnalysisState, now: number) =>
  Object.fromEntries(s.snapshot(now).phases.map((p) => [p.code, p.state]));

describe('SubAnalysisState', () => {
  it('derives each phase state from its predecessors and its gate', () => {
    const s = sbv();
    const now = at('2025-03-10T08:00:00+01:00');
    expect(stateOfPhases(s, now)).toEqual({
      '1': 'ready',
      '2A': 'planned',
      '2B': 'ready',
      '2C': 'planned',
      '3': 'planned',
    });
    const phase3 = s.snapshot(now).phases.find((p) => p.code === '3')!;
    expect(phase3.waitingFor).toBe(
      'fase 2C er ikke afsluttet og udvalgets input fra mødet mandag 2. juni 2025 (uge 23) mangler',
    );
  });

  it('starts a ready phase by itself at its planned start and not before', () => {
    const s = sbv();
    s.startDuePhases(at('2025-03-16T23:59:00+01:00'));
    expect(s.takeHistory()).toEqual([]);
    // Week 12 of 2025 begins on Monday 17 March.
    s.startDuePhases(at('2025-03-17T00:00:00+01:00'));
    const history = s.takeHistory();
    expect(history).toEqual([
      {
        key: `${ids.workflowId}#1`,
        at: '2025-03-16T23:00:00.000Z',
        kind: 'phase-started',
        phase: '1',
        actor: 'spor',
        text: 'Fase 1 "Opstart og scoping" er startet efter planen.',
      },
    ]);
    expect(stateOfPhases(s, at('2025-03-17T12:00:00+01:00'))['1']).toBe('active');
  });

  it('refuses what the state does not allow, naming why, as type Refused', () => {
    const s = sbv();
    s.startDuePhases(at('2025-03-17T09:00:00+01:00'));
    expect(refusalOf(() => s.checkStart('2A'))).toMatchObject({
      type: 'Refused',
      message: 'Fase 2A er ikke klar til at starte: fase 1 er ikke afsluttet',
    });
    expect(refusalOf(() => s.checkStart('1')).message).toBe('Fase 1 er allerede i gang');
    expect(refusalOf(() => s.checkComplete('2B')).message).toBe('Fase 2B er ikke i gang og kan ikke afsluttes');
    expect(refusalOf(() => s.checkStart('9')).message).toBe('Analysesporet har ingen fase 9');
    expect(refusalOf(() => s.checkOpenGate('2A')).message).toBe('Fase 2A venter ikke på en port');
    expect(() => s.checkStart('2B')).not.toThrow(); // ready: a lead may start it early
  });

  it('starts a waiting phase at once when its predecessor completes after its planned start', () => {
    const s = sbv();
    s.startDuePhases(at('2025-03-17T09:00:00+01:00'));
    s.takeHistory();
    // 2A (weeks 14-16) was planned to start Monday 31 March; phase 1 completes on 2 April.
    s.completePhase('1', 'pl-borgerservice@example.org', 'Scoping godkendt', at('2025-04-02T10:00:00+02:00'));
    const lines = s.takeHistory().map((h) => [h.kind, h.phase, h.text]);
    expect(lines).toEqual([
      ['phase-completed', '1', 'Fase 1 "Opstart og scoping" er afsluttet. Note: Scoping godkendt'],
      [
        'phase-started',
        '2A',
        'Fase 2A "Udvidet kortlægning af borgernes serviceindgange og opgaver" er startet efter planen.',
      ],
      ['phase-started', '2B', 'Fase 2B "Analyse af virksomhedernes behov" er startet efter planen.'],
    ]);
    expect(s.snapshot(at('2025-04-02T10:00:00+02:00')).version).toBe(4);
  });

  it('wakes up for the next reminder: 5 working days before phase 1 is due', () => {
    const s = sbv();
    s.startDuePhases(at('2025-03-17T00:00:00+01:00'));
    // Phase 1 is due Friday 28 March 2025; 5 working days before is Friday 21 March, at 09:00.
    expect(s.nextWakeUp(at('2025-03-17T00:00:00+01:00'))).toBe(at('2025-03-21T09:00:00+01:00'));
    const [first] = s.unsentEvents();
    expect(first).toMatchObject({ kind: 'phase-reminder', at: '2025-03-21T09:00:00+01:00', daysBefore: 5 });
    const message = s.message(first, 'https://spor.example.org');
    expect(message.key).toBe(`${ids.workflowId}/${first.key}`);
    expect(message.subject).toBe(first.title);
    expect(message.recipients).toEqual(['pl-borgerservice@example.org', 'pl-virksomhedsservice@example.org']);
    expect(message.text).toContain('https://spor.example.org/programmes/aarhus/sub-analyses/sbv');
    s.markSent(first.key);
    expect(s.unsentEvents()[0].key).not.toBe(first.key);
  });

  it('refuses an invalid plan change as bad input with the problems by path', () => {
    const s = sbv();
    const failure = refusalOf(() => s.checkPlanChange('2A', { weeks: '60' }));
    expect(failure.type).toBe('BadInput');
    const [problems] = failure.details as [{ path: string; message: string }[]];
    expect(problems.map((p) => p.path)).toContain('weeks');
    expect(() => s.checkPlanChange('2A', { weeks: '15-17' })).not.toThrow();
  });

  it('moves a phase and writes why', () => {
    const s = sbv();
    s.changePlan('2A', { weeks: '15-17' }, 'Ferie', 'sekretariat@example.org', at('2025-03-12T10:00:00+01:00'));
    const [line] = s.takeHistory();
    expect(line.text).toBe(
      'Planen for fase 2A er ændret fra uge 14-16 (frist onsdag 16. april 2025 (uge 16)) til uge 15-17 ' +
        '(frist fredag 25. april 2025 (uge 17)). Begrundelse: Ferie',
    );
    expect(s.snapshot(at('2025-03-12T10:00:00+01:00')).phases.find((p) => p.code === '2A')!.due).toBe('2025-04-25');
  });

  it('is finished when every phase is done and material is approved or no longer matters', () => {
    for (const [ruleVersions, finishedAt] of [
      [{ materialCutoffAtMeetingStart: true, meetingsOwnMaterial: false }, '2025-08-25T00:00:00+02:00'],
      [{ materialCutoffAtMeetingStart: false, meetingsOwnMaterial: false }, '2025-08-26T00:00:00+02:00'],
    ] as const) {
      const s = sbv(ruleVersions);
      let now = at('2025-03-17T09:00:00+01:00');
      s.startDuePhases(now);
      for (const code of ['1', '2B', '2A', '2C']) {
        if (s.snapshot(now).phases.find((p) => p.code === code)!.state === 'ready') s.startPhase(code, 'pl', now);
        s.completePhase(code, 'pl', undefined, (now += 3_600_000));
      }
      s.openGate('3', 'Udvalget har givet input', 'sekretariat@example.org', (now += 3_600_000));
      s.completePhase('3', 'pl', undefined, (now += 3_600_000));
      // The August meeting is Monday 25 August 2025; its material is never approved.
      expect(s.finished(at(finishedAt) - 1)).toBe(false);
      expect(s.finished(at(finishedAt))).toBe(true);
    }
  });

  describe('secretariat overrides', () => {
    const SECRETARIAT = 'sekretariat@example.org';
    const phase = (s: SubAnalysisState, code: string, now: number) =>
      s.snapshot(now).phases.find((p) => p.code === code)!;

    it("names who acted by role, and the secretariat's reason", () => {
      const s = sbv();
      const now = at('2025-03-11T10:00:00+01:00');
      s.startPhase('1', SECRETARIAT, now, { role: 'secretariat', reason: 'Projektlederen er syg' });
      s.completePhase('1', 'po@example.org', 'Godkendt', now + 1000, { role: 'project-owner' });
      s.startPhase('2B', 'pl@example.org', now + 2000, { role: 'project-lead' });
      expect(s.takeHistory().map((h) => [h.kind, h.actor, h.text])).toEqual([
        [
          'phase-started',
          SECRETARIAT,
          'Fase 1 "Opstart og scoping" er startet før tid af sekretariatet. Begrundelse: Projektlederen er syg',
        ],
        [
          'phase-completed',
          'po@example.org',
          'Fase 1 "Opstart og scoping" er afsluttet af projektejeren. Note: Godkendt',
        ],
        [
          'phase-started',
          'pl@example.org',
          'Fase 2B "Analyse af virksomhedernes behov" er startet før tid af projektlederen.',
        ],
      ]);
    });

    it('keeps the lines of Updates sent without a role as they always were', () => {
      const s = sbv();
      s.startPhase('2B', 'pl', at('2025-03-11T10:00:00+01:00'));
      s.completePhase('2B', 'pl', undefined, at('2025-03-11T11:00:00+01:00'));
      expect(s.takeHistory().map((h) => h.text)).toEqual([
        'Fase 2B "Analyse af virksomhedernes behov" er startet før tid af projektlederen.',
        'Fase 2B "Analyse af virksomhedernes behov" er afsluttet.',
      ]);
    });

    it('reopens a completed phase: active again, its successors wait, reminders follow its due date from now', () => {
      const s = sbv();
      s.startDuePhases(at('2025-03-17T09:00:00+01:00'));
      s.completePhase('1', 'pl', undefined, at('2025-03-18T10:00:00+01:00'));
      expect(phase(s, '2A', at('2025-03-18T10:00:00+01:00')).state).toBe('ready');
      expect(s.unsentEvents().filter((e) => e.phase === '1')).toEqual([]);
      s.takeHistory();

      // Phase 1 is due Friday 28 March 2025; reopened on Monday 24 March at noon.
      const now = at('2025-03-24T12:00:00+01:00');
      expect(() => s.checkReopen('1')).not.toThrow();
      s.reopenPhase('1', SECRETARIAT, { role: 'secretariat', reason: 'Afsluttet ved en fejl' }, now);
      expect(s.takeHistory().map((h) => [h.kind, h.phase, h.text])).toEqual([
        [
          'phase-reopened',
          '1',
          'Fase 1 "Opstart og scoping" er genåbnet af sekretariatet og er i gang igen. Begrundelse: Afsluttet ved en fejl',
        ],
      ]);
      expect(phase(s, '1', now)).toMatchObject({ state: 'active', completedAt: undefined, completedBy: undefined });
      expect(phase(s, '2A', now)).toMatchObject({ state: 'planned', waitingFor: 'fase 1 er ikke afsluttet' });
      // The reminder still to come (1 working day before) goes out; the one already past
      // (5 working days before, Friday 21 March) is not sent late.
      const reminders = s.unsentEvents().filter((e) => e.phase === '1');
      expect(reminders.length).toBeGreaterThan(0);
      expect(reminders.every((e) => Date.parse(e.at) >= now)).toBe(true);
      expect(reminders[0]).toMatchObject({ kind: 'phase-reminder', at: '2025-03-27T09:00:00+01:00' });
      expect(s.nextWakeUp(now)).toBe(at('2025-03-27T09:00:00+01:00'));
      // Completing it again lets 2A start as planned.
      s.completePhase('1', 'pl', undefined, at('2025-03-26T10:00:00+01:00'));
      expect(phase(s, '2A', at('2025-03-26T10:00:00+01:00')).state).toBe('ready');
    });

    it('refuses to reopen a phase that is not completed, or whose successor has started', () => {
      const s = sbv();
      s.startDuePhases(at('2025-03-17T09:00:00+01:00'));
      expect(refusalOf(() => s.checkReopen('1'))).toMatchObject({
        type: 'Refused',
        message: 'Fase 1 er ikke afsluttet og kan ikke genåbnes',
      });
      // Completed after 2A's planned start (31 March): 2A starts at once.
      s.completePhase('1', 'pl', undefined, at('2025-04-02T10:00:00+02:00'));
      expect(refusalOf(() => s.checkReopen('1')).message).toBe(
        'Fase 1 kan ikke genåbnes, fordi fase 2A, der venter på den, er startet',
      );
      expect(refusalOf(() => s.checkReopen('7')).message).toBe('Analysesporet har ingen fase 7');
    });

    it('closes a gate opened by mistake, only while its phase has not started', () => {
      const s = sbv();
      const now = at('2025-03-12T10:00:00+01:00');
      expect(refusalOf(() => s.checkCloseGate('3')).message).toBe('Porten før fase 3 er ikke åben');
      expect(refusalOf(() => s.checkCloseGate('2A')).message).toBe('Fase 2A venter ikke på en port');
      s.openGate('3', 'Udvalget har givet input', SECRETARIAT, now);
      s.takeHistory();
      expect(() => s.checkCloseGate('3')).not.toThrow();
      s.closeGate('3', SECRETARIAT, { role: 'secretariat', reason: 'Forkert spor' }, now + 1000);
      expect(s.takeHistory().map((h) => [h.kind, h.text])).toEqual([
        [
          'gate-closed',
          'Porten før fase 3 "Implementeringsprogram og afrapportering" er lukket igen af sekretariatet. Begrundelse: Forkert spor',
        ],
      ]);
      expect(phase(s, '3', now + 1000).gate).toEqual({ meeting: expect.any(String), open: false });
      expect(phase(s, '3', now + 1000).waitingFor).toMatch(/udvalgets input/);
      expect(() => s.checkOpenGate('3')).not.toThrow();
    });
  });

  it('carries its state into a new run unchanged', () => {
    const s = sbv();
    const now = at('2025-04-02T10:00:00+02:00');
    s.startDuePhases(at('2025-03-17T09:00:00+01:00'));
    s.completePhase('1', 'pl', undefined, now);
    s.markSent('sbv/phase/1/reminder/2025-03-21');
    const again = new SubAnalysisState(ids, JSON.parse(JSON.stringify(s.carried())), rules);
    expect(again.snapshot(now)).toEqual(s.snapshot(now));
    expect(again.unsentEvents().map((e) => e.key)).toEqual(s.unsentEvents().map((e) => e.key));
  });
});
