/* eslint-disable @typescript-eslint/no-explicit-any */
import { OUTCOME_KEYS } from '../documents/outcomes';
import { loadDefaultProgramme } from '../plan/default-programme';
import { defaultRaw } from '../plan/test-fixtures';
import { validateDefinition } from '../plan/validate';
import { rehearsalProblem } from '../texts/problems/rehearsal';
import { STEP_ACTIONS, checkScenario, dateOfStep } from './scenario';

const definition = loadDefaultProgramme();

describe('dateOfStep', () => {
  it('takes a date as it is', () => {
    expect(dateOfStep('2026-04-08')).toBe('2026-04-08');
    expect(dateOfStep('2024-02-29')).toBe('2024-02-29');
  });

  it('reads an ISO week date as the local day it names', () => {
    // The two ways the scenario format shows of writing Wednesday 8 April 2026.
    expect(dateOfStep('2026-W15-3')).toBe('2026-04-08');
    // Week 1 of 2026 starts on Monday 29 December 2025.
    expect(dateOfStep('2026-W01-1')).toBe('2025-12-29');
    expect(dateOfStep('2025-W12-1')).toBe('2025-03-17');
  });

  it('knows week 53 only in the years that have one', () => {
    expect(dateOfStep('2026-W53-1')).toBe('2026-12-28');
    expect(dateOfStep('2025-W53-1')).toBeUndefined();
  });

  it('names no date for anything else', () => {
    for (const at of [
      '2025-02-29',
      '2026-13-01',
      '2026-W15-8',
      '2026-W15-0',
      '2026-W15',
      '2026-W5-3',
      'tomorrow',
      '',
    ]) {
      expect(dateOfStep(at)).toBeUndefined();
    }
    expect(dateOfStep(20260408)).toBeUndefined();
    expect(dateOfStep(undefined)).toBeUndefined();
    expect(dateOfStep(new Date('2026-04-08'))).toBeUndefined();
  });
});

describe('checkScenario', () => {
  const check = (input: unknown, def = definition) => checkScenario(input, def);

  it('takes no scenario for an empty one', () => {
    expect(check(undefined)).toEqual({ steps: [], problems: [] });
    expect(check(null)).toEqual({ steps: [], problems: [] });
    expect(check([])).toEqual({ steps: [], problems: [] });
  });

  it('wants a list of steps', () => {
    expect(check({ at: '2025-04-08', do: 'start' })).toEqual({
      steps: [],
      problems: [{ path: 'scenario', message: rehearsalProblem.notAList }],
    });
    expect(checkScenario('start', definition, 'body.scenario').problems).toEqual([
      { path: 'body.scenario', message: rehearsalProblem.notAList },
    ]);
  });

  it('dates every step and keeps its place in the scenario', () => {
    const input = [
      { at: '2025-W17-5', do: 'complete', subAnalysis: 'sbv', phase: '2A' },
      { at: '2025-04-01', do: 'start', subAnalysis: 'klima', phase: '2B' },
      { at: '2025-W19-1', do: 'submit', subAnalysis: 'ledige', meeting: 'udvalg-juni', comment: 'Første udkast' },
      {
        at: '2025-W19-2',
        do: 'request-changes',
        subAnalysis: 'ledige',
        meeting: 'udvalg-juni',
        comment: 'Mangler tal',
      },
      { at: '2025-05-07', do: 'approve', subAnalysis: 'ledige', meeting: 'udvalg-juni' },
      { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'droeftet' },
      { at: '2025-06-02', do: 'decide', subAnalysis: 'klima', meeting: 'udvalg-juni' },
      { at: '2025-W15-1', do: 'move', subAnalysis: 'sbv', phase: '2C', weeks: '17-22' },
    ];
    const { steps, problems } = check(input);
    expect(problems).toEqual([]);
    // Friday of week 17 is 25 April; Monday of week 19 is 5 May; Monday of week 15 is 7 April.
    expect(steps.map((s) => [s.index, s.date])).toEqual([
      [0, '2025-04-25'],
      [1, '2025-04-01'],
      [2, '2025-05-05'],
      [3, '2025-05-06'],
      [4, '2025-05-07'],
      [5, '2025-06-02'],
      [6, '2025-06-02'],
      [7, '2025-04-07'],
    ]);
    // Each step keeps what was written, `at` included, in the order written.
    steps.forEach((s, i) => expect(s).toEqual({ ...input[i], date: s.date, index: i }));
  });

  it('wants each step to be an object', () => {
    const { steps, problems } = check([null, 'start', ['2025-04-08', 'start'], 7]);
    expect(steps).toEqual([]);
    expect(problems).toEqual(
      [0, 1, 2, 3].map((i) => ({ path: `scenario[${i}]`, message: rehearsalProblem.notAnObject })),
    );
  });

  it('names unknown fields and fields that are not text by their path', () => {
    const { problems } = check([
      { at: '2025-04-08', do: 'start', subAnalysis: 'sbv', phase: 2, when: 'soon' },
      { at: '2025-04-08', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', comment: ['ok'] },
    ]);
    expect(problems).toEqual([
      { path: 'scenario[0].when', message: rehearsalProblem.unknownField('when') },
      { path: 'scenario[0].phase', message: rehearsalProblem.notString },
      { path: 'scenario[1].comment', message: rehearsalProblem.notString },
    ]);
  });

  it('refuses a field the action does not take, by its path', () => {
    const { steps, problems } = check([
      { at: '2025-04-08', do: 'complete', subAnalysis: 'klima', phase: '1', meeting: 'udvalg-juni' },
      { at: '2025-04-08', do: 'submit', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'godkendt' },
      { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'droeftet' },
    ]);
    expect(steps).toEqual([]);
    expect(problems).toEqual([
      { path: 'scenario[0].meeting', message: rehearsalProblem.notForAction('meeting', 'complete') },
      { path: 'scenario[1].outcome', message: rehearsalProblem.notForAction('outcome', 'submit') },
    ]);
  });

  it('takes a comment only where it goes somewhere', () => {
    const { problems } = check([
      { at: '2025-03-25', do: 'start', subAnalysis: 'klima', phase: '2A', comment: 'Tidligt' },
      { at: '2025-05-05', do: 'approve', subAnalysis: 'sbv', meeting: 'udvalg-juni', comment: 'Fint' },
    ]);
    expect(problems).toEqual([
      { path: 'scenario[0].comment', message: rehearsalProblem.notForAction('comment', 'start') },
      { path: 'scenario[1].comment', message: rehearsalProblem.notForAction('comment', 'approve') },
    ]);
    const { steps, problems: none } = check([
      { at: '2025-04-08', do: 'complete', subAnalysis: 'klima', phase: '1', comment: 'Scoping aftalt' },
      { at: '2025-05-05', do: 'submit', subAnalysis: 'sbv', meeting: 'udvalg-juni', comment: 'Udkast' },
      { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', comment: 'Uddyb scenarie B' },
    ]);
    expect(none).toEqual([]);
    expect(steps.map((s) => s.comment)).toEqual(['Scoping aftalt', 'Udkast', 'Uddyb scenarie B']);
  });

  it('refuses an instant that names no day', () => {
    for (const at of ['2025-W53-1', '8 April 2025', 20250408, undefined]) {
      expect(check([{ at, do: 'start', subAnalysis: 'sbv', phase: '2A' }]).problems).toEqual([
        { path: 'scenario[0].at', message: rehearsalProblem.badInstant(at) },
      ]);
    }
  });

  it('refuses an unknown action, and then asks nothing more of the step', () => {
    const { problems } = check([{ at: 'someday', do: 'finish', subAnalysis: 'nobody' }]);
    expect(problems).toEqual([
      { path: 'scenario[0].at', message: rehearsalProblem.badInstant('someday') },
      { path: 'scenario[0].do', message: rehearsalProblem.badAction('finish', STEP_ACTIONS) },
    ]);
    expect(check([{ at: '2025-04-08' }]).problems).toEqual([
      { path: 'scenario[0].do', message: rehearsalProblem.badAction(undefined, STEP_ACTIONS) },
    ]);
  });

  it('asks each action for the fields it needs', () => {
    const needs = (action: string) =>
      check([{ at: '2025-04-08', do: action }]).problems.map((p) => [p.path.replace('scenario[0].', ''), p.message]);
    const required = (field: string, action: string) => [field, rehearsalProblem.required(field, action)];
    for (const action of ['start', 'complete']) {
      expect(needs(action)).toEqual([required('subAnalysis', action), required('phase', action)]);
    }
    expect(needs('move')).toEqual([
      required('subAnalysis', 'move'),
      required('phase', 'move'),
      required('weeks', 'move'),
    ]);
    for (const action of ['submit', 'approve', 'decide']) {
      expect(needs(action)).toEqual([required('subAnalysis', action), required('meeting', action)]);
    }
    expect(needs('request-changes')).toEqual([
      required('subAnalysis', 'request-changes'),
      required('meeting', 'request-changes'),
      ['comment', rehearsalProblem.commentRequired],
    ]);
  });

  it('wants a comment with something in it when changes are requested', () => {
    for (const comment of ['', '   ']) {
      expect(
        check([{ at: '2025-05-06', do: 'request-changes', subAnalysis: 'sbv', meeting: 'udvalg-juni', comment }])
          .problems,
      ).toEqual([{ path: 'scenario[0].comment', message: rehearsalProblem.commentRequired }]);
    }
  });

  it('checks the sub-analysis, phase and meeting against the programme', () => {
    const { problems } = check([
      { at: '2025-04-08', do: 'start', subAnalysis: 'SBV', phase: '2A' },
      { at: '2025-04-08', do: 'complete', subAnalysis: 'sbv', phase: '4' },
      { at: '2025-04-08', do: 'submit', subAnalysis: 'sbv', meeting: 'udvalg-maj' },
      // A phase code of another sub-analysis is no phase of this one.
      { at: '2025-04-08', do: 'move', subAnalysis: 'klima', phase: '2C', weeks: '17-20' },
    ]);
    expect(problems).toEqual([
      { path: 'scenario[0].subAnalysis', message: rehearsalProblem.noSubAnalysis('SBV') },
      { path: 'scenario[1].phase', message: rehearsalProblem.noPhase('4', 'sbv') },
      { path: 'scenario[2].meeting', message: rehearsalProblem.noMeeting('udvalg-maj') },
      { path: 'scenario[3].phase', message: rehearsalProblem.noPhase('2C', 'klima') },
    ]);
  });

  it('refuses material and decisions for a meeting the sub-analysis delivers nothing to', () => {
    const raw = defaultRaw();
    raw.subAnalyses[4].deliverables = raw.subAnalyses[4].deliverables.filter((d: any) => d.meeting !== 'udvalg-august');
    const result = validateDefinition(raw);
    expect(result.errors).toEqual([]);
    expect(result.definition!.subAnalyses[4].id).toBe('klima');
    const { problems } = check(
      [
        { at: '2025-08-08', do: 'submit', subAnalysis: 'klima', meeting: 'udvalg-august' },
        { at: '2025-08-25', do: 'decide', subAnalysis: 'klima', meeting: 'udvalg-august' },
        { at: '2025-06-02', do: 'decide', subAnalysis: 'klima', meeting: 'udvalg-juni' },
      ],
      result.definition!,
    );
    expect(problems).toEqual([
      { path: 'scenario[0].meeting', message: rehearsalProblem.noDeliverable('klima', 'udvalg-august') },
      { path: 'scenario[1].meeting', message: rehearsalProblem.noDeliverable('klima', 'udvalg-august') },
    ]);
  });

  it("takes only the committee's own decisions as a decision's outcome", () => {
    for (const outcome of OUTCOME_KEYS) {
      const { steps, problems } = check([
        { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome },
      ]);
      expect(problems).toEqual([]);
      expect(steps[0].outcome).toBe(outcome);
    }
    expect(
      check([{ at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'vedtaget' }])
        .problems,
    ).toEqual([{ path: 'scenario[0].outcome', message: rehearsalProblem.badOutcome('vedtaget', OUTCOME_KEYS) }]);
  });

  it('checks the weeks of a move as a change to the plan is checked', () => {
    const move = (weeks: string) => check([{ at: '2025-04-07', do: 'move', subAnalysis: 'sbv', phase: '2C', weeks }]);
    expect(move('17-22').problems).toEqual([]);
    for (const weeks of ['22-17', 'uge 17', '17-60']) {
      const { steps, problems } = move(weeks);
      expect(steps).toEqual([]);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) {
        expect(p.path).toBe('scenario[0].weeks');
        expect(p.message.en).toMatch(/^the weeks cannot be used: ./);
        expect(p.message.da).toMatch(/^ugerne kan ikke bruges: ./);
      }
    }
  });

  it('reports every problem of every step, and then gives no steps', () => {
    const { steps, problems } = check([
      { at: '2025-04-08', do: 'start', subAnalysis: 'sbv', phase: '2A' },
      { at: '2025-04-32', do: 'start', subAnalysis: 'sbv', phase: '2A' },
      { at: '2025-04-08', do: 'start', subAnalysis: 'sbv', phase: '2A' },
      { at: '2025-04-08', do: 'approve', subAnalysis: 'sbv', meeting: 'udvalg-juli' },
    ]);
    expect(steps).toEqual([]);
    expect(problems.map((p) => p.path)).toEqual(['scenario[1].at', 'scenario[3].meeting']);
  });

  it('puts its own base path in front of every path', () => {
    const { problems } = checkScenario(
      [{}, { at: '2025-04-08', do: 'complete', subAnalysis: 'sbv', phase: '9' }],
      definition,
      'rehearsal.scenario',
    );
    expect(problems.map((p) => p.path)).toEqual([
      'rehearsal.scenario[0].at',
      'rehearsal.scenario[0].do',
      'rehearsal.scenario[1].phase',
    ]);
  });
});
