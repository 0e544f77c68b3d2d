import { withPhaseWeeks } from '../plan/changes';
import { loadDefaultProgramme } from '../plan/default-programme';
import type { ProgrammeDefinition } from '../plan/definition';
import { calendarOf, computePlan } from '../plan/plan';
import { defaultRaw } from '../plan/test-fixtures';
import { validateDefinition } from '../plan/validate';
import type { IsoDate } from '../plan/working-days';
import { ACTION_TIMES, type RehearsalAction, inRounds, laneOf, rehearsalActions } from './actions';
import { checkScenario } from './scenario';

const definition = loadDefaultProgramme();
const plan = computePlan(definition);
const cal = calendarOf(plan);
const at = (date: IsoDate, time: string) => cal.atMillis(date, time);
const HOUR = 3_600_000;
const phase = (sid: string, code: string) =>
  plan.subAnalyses.find((s) => s.id === sid)!.phases.find((p) => p.code === code)!;
const meeting = (id: string) => plan.meetings.find((m) => m.id === id)!;
const ITEMS = ['sbv', 'ledige', 'byens-rum', 'relationel-velfaerd', 'klima'];

/** The actions of a scenario written as a person writes it; it must read without problems. */
function actionsOf(scenario: unknown[], def: ProgrammeDefinition = definition): RehearsalAction[] {
  const { steps, problems } = checkScenario(scenario, def);
  expect(problems).toEqual([]);
  return rehearsalActions(def, steps);
}

const completions = (actions: readonly RehearsalAction[], sid: string, code: string) =>
  actions.filter((a) => a.do === 'complete' && a.subAnalysis === sid && a.phase === code);
const planned = (actions: readonly RehearsalAction[]) => actions.filter((a) => a.source === 'plan');
const defaultDecision = (actions: readonly RehearsalAction[], meetingId: string) =>
  planned(actions).filter((a) => a.do === 'decide' && a.meeting === meetingId);

function expectTimeOrder(actions: readonly RehearsalAction[]) {
  for (let i = 1; i < actions.length; i++) expect(actions[i].at).toBeGreaterThanOrEqual(actions[i - 1].at);
}

describe('rehearsalActions without a scenario', () => {
  const actions = rehearsalActions(definition, []);

  it('completes every phase once, on its due day in the afternoon', () => {
    // The June gates open at the meeting on 2 June, long before any gated phase is due.
    for (const sub of plan.subAnalyses) {
      for (const p of sub.phases) {
        expect(completions(actions, sub.id, p.code)).toEqual([
          { at: at(p.due, ACTION_TIMES.complete), do: 'complete', subAnalysis: sub.id, phase: p.code, source: 'plan' },
        ]);
      }
    }
    // SBV's phase 1 is due Friday 28 March 2025 (weeks 12-13), in winter time.
    expect(completions(actions, 'sbv', '1')[0].at).toBe(Date.parse('2025-03-28T15:00:00+01:00'));
  });

  it("submits each sub-analysis' material on its deadline and approves it an hour later", () => {
    for (const sub of plan.subAnalyses) {
      for (const d of sub.deliverables) {
        const material = actions.filter(
          (a) => a.subAnalysis === sub.id && a.meeting === d.meeting && a.do !== 'decide',
        );
        expect(material).toEqual([
          { at: at(d.materialDue, '14:00'), do: 'submit', subAnalysis: sub.id, meeting: d.meeting, source: 'plan' },
          { at: at(d.materialDue, '15:00'), do: 'approve', subAnalysis: sub.id, meeting: d.meeting, source: 'plan' },
        ]);
      }
    }
  });

  it('decides godkendt on every item of a meeting in one action, at the meeting', () => {
    for (const m of plan.meetings) {
      expect(actions.filter((a) => a.do === 'decide' && a.meeting === m.id)).toEqual([
        {
          // Both meetings of the programme are at 15:00.
          at: at(m.date, '15:00'),
          do: 'decide',
          subAnalysis: ITEMS[0],
          meeting: m.id,
          outcome: 'godkendt',
          source: 'plan',
          alsoDecided: ITEMS.slice(1),
        },
      ]);
    }
  });

  it('does nothing else, and gives the actions in time order', () => {
    const phases = plan.subAnalyses.reduce((n, s) => n + s.phases.length, 0);
    const deliverables = plan.subAnalyses.reduce((n, s) => n + s.deliverables.length, 0);
    expect(actions).toHaveLength(phases + 2 * deliverables + plan.meetings.length);
    expect(actions.every((a) => a.source === 'plan' && a.step === undefined)).toBe(true);
    expectTimeOrder(actions);
  });

  it('decides at noon at a meeting without a time of its own', () => {
    const raw = defaultRaw();
    delete raw.committee.meetings[0].time;
    const result = validateDefinition(raw);
    expect(result.errors).toEqual([]);
    const decisions = rehearsalActions(result.definition!, []).filter((a) => a.do === 'decide');
    expect(decisions.map((d) => [d.meeting, d.at])).toEqual([
      ['udvalg-juni', at(meeting('udvalg-juni').date, '12:00')],
      ['udvalg-august', at(meeting('udvalg-august').date, '15:00')],
    ]);
  });
});

describe("rehearsalActions with a scenario's steps", () => {
  it('acts on a step at 15:00 on its day, a minute apart for each earlier step of that day', () => {
    const actions = actionsOf([
      { at: '2025-05-06', do: 'request-changes', subAnalysis: 'sbv', meeting: 'udvalg-juni', comment: 'Mangler tal' },
      { at: '2025-W19-1', do: 'submit', subAnalysis: 'sbv', meeting: 'udvalg-juni' },
      { at: '2025-05-06', do: 'submit', subAnalysis: 'sbv', meeting: 'udvalg-juni', comment: 'Rettet' },
      { at: '2025-05-06', do: 'approve', subAnalysis: 'sbv', meeting: 'udvalg-juni' },
      { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni' },
      { at: '2025-W17-1', do: 'move', subAnalysis: 'sbv', phase: '2C', weeks: '17-22' },
    ]);
    const scenario = actions.filter((a) => a.source === 'scenario');
    // Monday of week 19 is 5 May; the three steps of 6 May follow each other by the minute.
    expect(scenario).toEqual([
      {
        at: at('2025-04-21', '15:00'),
        do: 'move',
        subAnalysis: 'sbv',
        phase: '2C',
        weeks: '17-22',
        source: 'scenario',
        step: 5,
      },
      {
        at: at('2025-05-05', '15:00'),
        do: 'submit',
        subAnalysis: 'sbv',
        meeting: 'udvalg-juni',
        source: 'scenario',
        step: 1,
      },
      {
        at: at('2025-05-06', '15:00'),
        do: 'request-changes',
        subAnalysis: 'sbv',
        meeting: 'udvalg-juni',
        comment: 'Mangler tal',
        source: 'scenario',
        step: 0,
      },
      {
        at: at('2025-05-06', '15:00') + 60_000,
        do: 'submit',
        subAnalysis: 'sbv',
        meeting: 'udvalg-juni',
        comment: 'Rettet',
        source: 'scenario',
        step: 2,
      },
      {
        at: at('2025-05-06', '15:00') + 120_000,
        do: 'approve',
        subAnalysis: 'sbv',
        meeting: 'udvalg-juni',
        source: 'scenario',
        step: 3,
      },
      // A decision without an outcome is godkendt.
      {
        at: at('2025-06-02', '15:00'),
        do: 'decide',
        subAnalysis: 'sbv',
        meeting: 'udvalg-juni',
        outcome: 'godkendt',
        source: 'scenario',
        step: 4,
      },
    ]);
    expectTimeOrder(actions);
  });

  it('keeps the order the actions were made in at one instant: the steps first, then the defaults', () => {
    // 4 April 2025 at 15:00: the four assumed sub-analyses complete phase 1 by default.
    const actions = actionsOf([{ at: '2025-04-04', do: 'start', subAnalysis: 'sbv', phase: '2C' }]);
    const instant = at('2025-04-04', '15:00');
    expect(actions.filter((a) => a.at === instant).map((a) => [a.source, a.do, a.subAnalysis])).toEqual([
      ['scenario', 'start', 'sbv'],
      ['plan', 'complete', 'ledige'],
      ['plan', 'complete', 'byens-rum'],
      ['plan', 'complete', 'relationel-velfaerd'],
      ['plan', 'complete', 'klima'],
    ]);
  });

  it("lets a scenario's completion replace the default when the phase is active by then", () => {
    const actions = actionsOf([{ at: '2025-04-15', do: 'complete', subAnalysis: 'sbv', phase: '2A' }]);
    expect(completions(actions, 'sbv', '2A')).toEqual([
      { at: at('2025-04-15', '15:00'), do: 'complete', subAnalysis: 'sbv', phase: '2A', source: 'scenario', step: 0 },
    ]);
    expect(completions(actions, 'sbv', '2C').map((a) => [a.source, a.at])).toEqual([
      ['plan', at(phase('sbv', '2C').due, '15:00')],
    ]);
  });

  it('completes a phase by default an hour after the phase it waits for, when that is later than its due day', () => {
    // SBV's 2C (due Friday 23 May) waits for 2A, completed late on Monday 26 May.
    const actions = actionsOf([{ at: '2025-05-26', do: 'complete', subAnalysis: 'sbv', phase: '2A' }]);
    expect(phase('sbv', '2C').due).toBe('2025-05-23');
    expect(completions(actions, 'sbv', '2C').map((a) => [a.source, a.at])).toEqual([
      ['plan', at('2025-05-26', '15:00') + HOUR],
    ]);
    // Phase 3 waits for 2C and for the June gate, both long before its own due day.
    expect(completions(actions, 'sbv', '3').map((a) => a.at)).toEqual([at(phase('sbv', '3').due, '15:00')]);
  });

  it('keeps a completion that cannot happen and completes the phase by default later', () => {
    // SBV's phase 3 waits for the June meeting: nobody can complete it in week 18.
    const actions = actionsOf([{ at: '2025-W18-2', do: 'complete', subAnalysis: 'sbv', phase: '3' }]);
    expect(completions(actions, 'sbv', '3')).toEqual([
      { at: at('2025-04-29', '15:00'), do: 'complete', subAnalysis: 'sbv', phase: '3', source: 'scenario', step: 0 },
      { at: at(phase('sbv', '3').due, '15:00'), do: 'complete', subAnalysis: 'sbv', phase: '3', source: 'plan' },
    ]);
  });

  it('refuses a completion at the very instant its phase becomes possible', () => {
    // The June meeting decides at 15:00, the scenario's step of that day acts at 15:00 too,
    // and the step comes first: phase 3 is not active yet.
    const actions = actionsOf([{ at: '2025-06-02', do: 'complete', subAnalysis: 'sbv', phase: '3' }]);
    expect(meeting('udvalg-juni').time).toBe('15:00');
    expect(completions(actions, 'sbv', '3').map((a) => [a.source, a.at])).toEqual([
      ['scenario', at('2025-06-02', '15:00')],
      ['plan', at(phase('sbv', '3').due, '15:00')],
    ]);
    // Another step first on that day puts the completion at 15:01, after the decision: it counts.
    const later = actionsOf([
      { at: '2025-06-02', do: 'start', subAnalysis: 'klima', phase: '3' },
      { at: '2025-06-02', do: 'complete', subAnalysis: 'sbv', phase: '3' },
    ]);
    expect(completions(later, 'sbv', '3').map((a) => [a.source, a.at])).toEqual([
      ['scenario', at('2025-06-02', '15:00') + 60_000],
    ]);
  });

  it('counts a completion before the planned start only when a step started the phase once it was ready', () => {
    // Klima's 2A waits for phase 1 and is planned from Monday 7 April.
    expect(phase('klima', '2A').plannedStart).toBe('2025-04-07');
    const early = [
      { at: '2025-03-31', do: 'complete', subAnalysis: 'klima', phase: '1' },
      { at: '2025-04-02', do: 'complete', subAnalysis: 'klima', phase: '2A' },
    ];
    const defaultOf2A = ['plan', at(phase('klima', '2A').due, '15:00')];
    // Not started: 2A is not active on 2 April, so the step is refused and the default stays.
    expect(completions(actionsOf(early), 'klima', '2A').map((a) => [a.source, a.at])).toEqual([
      ['scenario', at('2025-04-02', '15:00')],
      defaultOf2A,
    ]);
    // Started the day after phase 1 was completed: the completion counts.
    const started = actionsOf([...early, { at: '2025-04-01', do: 'start', subAnalysis: 'klima', phase: '2A' }]);
    expect(completions(started, 'klima', '2A').map((a) => a.source)).toEqual(['scenario']);
    // Started before phase 1 was completed: the start cannot happen, so it does not count.
    const tooSoon = actionsOf([
      { at: '2025-03-25', do: 'start', subAnalysis: 'klima', phase: '2A' },
      { at: '2025-04-05', do: 'complete', subAnalysis: 'klima', phase: '2A' },
    ]);
    expect(completions(tooSoon, 'klima', '2A').map((a) => [a.source, a.at])).toEqual([
      ['scenario', at('2025-04-05', '15:00')],
      defaultOf2A,
    ]);
  });

  it('never completes by default a phase behind a gate the committee does not open', () => {
    for (const outcome of ['ikke-tiltraadt', 'udgaaet']) {
      const actions = actionsOf([
        { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome },
      ]);
      expect(completions(actions, 'sbv', '3')).toEqual([]);
      // The phases before the gate, and the other sub-analyses' gated phases, go on as planned.
      expect(completions(actions, 'sbv', '2C').map((a) => a.source)).toEqual(['plan']);
      expect(completions(actions, 'klima', '3').map((a) => a.at)).toEqual([at(phase('klima', '3').due, '15:00')]);
    }
  });

  it('opens the gate with every outcome that opens it, and completes the phase an hour after a late one', () => {
    const decided = (outcome: string, date: IsoDate) =>
      actionsOf([{ at: date, do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome }]);
    for (const outcome of ['godkendt', 'droeftet', 'taget-til-efterretning']) {
      expect(completions(decided(outcome, '2025-06-02'), 'sbv', '3').map((a) => a.at)).toEqual([
        at(phase('sbv', '3').due, '15:00'),
      ]);
    }
    // Decided only after phase 3's due day (Friday 11 July): completed an hour after the decision.
    expect(phase('sbv', '3').due).toBe('2025-07-11');
    expect(completions(decided('droeftet', '2025-07-14'), 'sbv', '3').map((a) => a.at)).toEqual([
      at('2025-07-14', '15:00') + HOUR,
    ]);
  });

  // The meeting stays open while klima's item waits for its first decision (16 July).
  const klimaDecidedLate = {
    at: '2025-07-16',
    do: 'decide',
    subAnalysis: 'klima',
    meeting: 'udvalg-juni',
    outcome: 'godkendt',
  } as const;

  it('opens the gate at a later decision that opens it after one that did not', () => {
    const actions = actionsOf([
      { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'ikke-tiltraadt' },
      { at: '2025-07-15', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'godkendt' },
      klimaDecidedLate,
    ]);
    expect(completions(actions, 'sbv', '3').map((a) => [a.source, a.at])).toEqual([
      ['plan', at('2025-07-15', '15:00') + HOUR],
    ]);
  });

  it('opens nothing with a decision after its meeting has ended', () => {
    // Every item is decided on 2 June (sbv by the scenario, the rest by default), and the
    // package went before: the meeting's workflow has ended when the 15 July one comes.
    const actions = actionsOf([
      { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'ikke-tiltraadt' },
      { at: '2025-07-15', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'godkendt' },
    ]);
    expect(completions(actions, 'sbv', '3')).toEqual([]);
    // The late step is still performed, for the workflow to refuse it in the trace.
    expect(actions.filter((a) => a.do === 'decide' && a.subAnalysis === 'sbv').map((a) => a.step)).toEqual([0, 1]);
  });

  it('keeps a gate open at a later decision that would not open it', () => {
    const actions = actionsOf([
      { at: '2025-06-02', do: 'decide', subAnalysis: 'ledige', meeting: 'udvalg-juni', outcome: 'godkendt' },
      { at: '2025-06-03', do: 'decide', subAnalysis: 'ledige', meeting: 'udvalg-juni', outcome: 'ikke-tiltraadt' },
      klimaDecidedLate,
    ]);
    expect(completions(actions, 'ledige', '3').map((a) => a.source)).toEqual(['plan']);
  });

  it('takes the first decision in time, whatever order the scenario lists them in', () => {
    const actions = actionsOf([
      { at: '2025-07-15', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'godkendt' },
      { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'ikke-tiltraadt' },
    ]);
    // Decided (closing) on 2 June, which ended the meeting: 15 July comes too late.
    expect(completions(actions, 'sbv', '3')).toEqual([]);
  });

  it('reckons the next phase from the first of two completions, the one the workflow takes', () => {
    const actions = actionsOf([
      { at: '2025-W13-2', do: 'complete', subAnalysis: 'sbv', phase: '1' },
      { at: '2025-W17-2', do: 'complete', subAnalysis: 'sbv', phase: '1' },
    ]);
    expect(completions(actions, 'sbv', '2A').map((a) => [a.source, a.at])).toEqual([
      ['plan', at(phase('sbv', '2A').due, '15:00')],
    ]);
  });

  it('leaves the items the scenario decides out of the default decision of their meeting', () => {
    const actions = actionsOf([
      { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'ikke-tiltraadt' },
      { at: '2025-06-02', do: 'decide', subAnalysis: 'byens-rum', meeting: 'udvalg-juni', outcome: 'droeftet' },
    ]);
    expect(defaultDecision(actions, 'udvalg-juni')).toEqual([
      {
        at: at('2025-06-02', '15:00'),
        do: 'decide',
        subAnalysis: 'ledige',
        meeting: 'udvalg-juni',
        outcome: 'godkendt',
        source: 'plan',
        alsoDecided: ['relationel-velfaerd', 'klima'],
      },
    ]);
    // The August meeting decides on all five as planned.
    expect(defaultDecision(actions, 'udvalg-august').map((a) => [a.subAnalysis, ...a.alsoDecided!])).toEqual([ITEMS]);
  });

  it('makes no default decision at a meeting whose every item the scenario decides', () => {
    const actions = actionsOf(
      ITEMS.map((subAnalysis) => ({ at: '2025-08-25', do: 'decide', subAnalysis, meeting: 'udvalg-august' })),
    );
    expect(defaultDecision(actions, 'udvalg-august')).toEqual([]);
    expect(actions.filter((a) => a.do === 'decide' && a.meeting === 'udvalg-august').map((a) => a.subAnalysis)).toEqual(
      ITEMS,
    );
    expect(defaultDecision(actions, 'udvalg-juni')).toHaveLength(1);
  });

  it('leaves the material of a deliverable to the scenario once it says how the material goes', () => {
    const actions = actionsOf([
      { at: '2025-05-02', do: 'submit', subAnalysis: 'sbv', meeting: 'udvalg-juni' },
      { at: '2025-06-02', do: 'decide', subAnalysis: 'klima', meeting: 'udvalg-juni' },
    ]);
    const material = (sid: string, meetingId: string) =>
      planned(actions)
        .filter((a) => a.subAnalysis === sid && a.meeting === meetingId && a.do !== 'decide')
        .map((a) => a.do);
    // Neither submitted nor approved by default: the scenario did not approve it.
    expect(material('sbv', 'udvalg-juni')).toEqual([]);
    expect(material('sbv', 'udvalg-august')).toEqual(['submit', 'approve']);
    expect(material('ledige', 'udvalg-juni')).toEqual(['submit', 'approve']);
    // A decision says nothing about the material.
    expect(material('klima', 'udvalg-juni')).toEqual(['submit', 'approve']);
  });

  it('completes by default a phase listed before a phase it waits for', () => {
    const raw = defaultRaw();
    const [p1, a, b, c, p3] = raw.subAnalyses[0].phases;
    raw.subAnalyses[0].phases = [p1, c, a, b, p3];
    const checked = validateDefinition(raw);
    expect(checked.errors).toEqual([]);
    const sid = checked.definition!.subAnalyses[0].id;
    const actions = rehearsalActions(checked.definition!, []);
    for (const code of ['1', '2A', '2B', '2C', '3']) expect(completions(actions, sid, code)).toHaveLength(1);
  });

  it('aims the defaults at the due dates a move gives', () => {
    const moved = computePlan(withPhaseWeeks(definition, 'sbv', '2C', { weeks: '17-22' }));
    const due = moved.subAnalyses[0].phases.find((p) => p.code === '2C')!.due;
    expect(due).not.toBe(phase('sbv', '2C').due);
    const actions = actionsOf([{ at: '2025-W17-1', do: 'move', subAnalysis: 'sbv', phase: '2C', weeks: '17-22' }]);
    expect(completions(actions, 'sbv', '2C').map((a) => [a.source, a.at])).toEqual([['plan', at(due, '15:00')]]);
    // Other phases keep their due days.
    expect(completions(actions, 'sbv', '2A').map((a) => a.at)).toEqual([at(phase('sbv', '2A').due, '15:00')]);
  });
});

describe('laneOf', () => {
  const action = (what: RehearsalAction['do']): RehearsalAction => ({
    at: 0,
    do: what,
    subAnalysis: 'sbv',
    phase: '2A',
    meeting: 'udvalg-juni',
    source: 'plan',
  });

  it("sends phase actions to the sub-analysis' workflow", () => {
    for (const what of ['start', 'complete', 'move'] as const) expect(laneOf(action(what))).toBe('sub-analysis/sbv');
  });

  it("sends material and decisions to the meeting's workflow", () => {
    for (const what of ['submit', 'approve', 'request-changes', 'decide'] as const) {
      expect(laneOf(action(what))).toBe('meeting/udvalg-juni');
    }
  });
});

describe('inRounds', () => {
  const T = Date.parse('2025-05-05T12:00:00Z');
  const act = (at: number, what: RehearsalAction['do'], subAnalysis: string, key: string): RehearsalAction =>
    what === 'start' || what === 'complete' || what === 'move'
      ? { at, do: what, subAnalysis, phase: key, source: 'plan' }
      : { at, do: what, subAnalysis, meeting: key, source: 'plan' };

  it('gives no rounds for no actions', () => {
    expect(inRounds([])).toEqual([]);
  });

  it('puts the actions of one instant in one lane per workflow, each in its order', () => {
    const a = act(T, 'complete', 'sbv', '1');
    const b = act(T, 'submit', 'sbv', 'udvalg-juni');
    const c = act(T, 'start', 'sbv', '2A');
    const d = act(T, 'complete', 'klima', '1');
    const e = act(T, 'submit', 'klima', 'udvalg-juni');
    const f = act(T, 'approve', 'sbv', 'udvalg-juni');
    const g = act(T, 'submit', 'sbv', 'udvalg-august');
    expect(inRounds([a, b, c, d, e, f, g])).toEqual([[[a, c], [b, e, f], [d], [g]]]);
  });

  it('starts a new round when the instant changes, even in the same lane', () => {
    const a = act(T, 'complete', 'sbv', '1');
    const b = act(T + 1, 'start', 'sbv', '2A');
    const c = act(T + 1, 'complete', 'klima', '1');
    const d = act(T + HOUR, 'complete', 'sbv', '2A');
    expect(inRounds([a, b, c, d])).toEqual([[[a]], [[b], [c]], [[d]]]);
  });

  it("gives a scenario's step a round of its own, before the defaults of its instant", () => {
    const step: RehearsalAction = { ...act(T, 'complete', 'sbv', '3'), source: 'scenario', step: 0 };
    const decide = act(T, 'decide', 'sbv', 'udvalg-juni');
    const other = act(T, 'complete', 'klima', '1');
    expect(inRounds([step, decide, other])).toEqual([[[step]], [[decide], [other]]]);
  });

  it('splits the default programme into one round per instant and loses no action', () => {
    const actions = rehearsalActions(definition, []);
    const rounds = inRounds(actions);
    expect(rounds).toHaveLength(new Set(actions.map((a) => a.at)).size);
    for (const round of rounds) {
      const instant = round[0][0].at;
      const lanes = round.map((lane) => laneOf(lane[0]));
      expect(new Set(lanes).size).toBe(lanes.length);
      for (const lane of round) {
        expect(lane.every((a) => a.at === instant && laneOf(a) === laneOf(lane[0]))).toBe(true);
        expect(lane).toEqual(actions.filter((a) => a.at === instant && laneOf(a) === laneOf(lane[0])));
      }
    }
    expect(rounds.flat(2)).toHaveLength(actions.length);
    // 5 May at 14:00: the five submissions of June material go to the one meeting, in one lane.
    const submissions = rounds.find((r) => r[0][0].at === at(meeting('udvalg-juni').materialDue, '14:00'))!;
    expect(submissions.map((lane) => lane.map((a) => a.subAnalysis))).toEqual([ITEMS]);
  });
});
