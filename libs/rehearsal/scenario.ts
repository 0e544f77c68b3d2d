/**
 * A rehearsal's scenario: the few things people do differently from the plan, each
 * dated in the programme's own terms (a date or an ISO week date). Read and checked
 * against the programme here, every problem by path, before anything runs. Pure.
 */
import { OUTCOME_KEYS, type Outcome } from '../documents/outcomes';
import { checkPhaseWeeksChange } from '../plan/change-checks';
import type { ProgrammeDefinition } from '../plan/definition';
import { type IsoDate, isValidIsoDate, isoWeekDate, weekExists } from '../plan/working-days';
import { rehearsalProblem } from '../texts/problems/rehearsal';
import type { Said } from '../texts/problems/said';

export const STEP_ACTIONS = ['start', 'complete', 'submit', 'approve', 'request-changes', 'decide', 'move'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** One line of a scenario as written. */
export interface ScenarioStep {
  /** '2026-04-08' or '2026-W15-3'. */
  at: string;
  do: StepAction;
  subAnalysis?: string;
  phase?: string;
  meeting?: string;
  outcome?: Outcome;
  /** For 'move': the phase's new weeks, as a definition writes them ('18-22'). */
  weeks?: string;
  comment?: string;
}

/** A step read and dated: `date` is the local day it happens on. */
export interface CheckedStep extends ScenarioStep {
  date: IsoDate;
  /** Its place in the scenario as written. */
  index: number;
}

export interface ScenarioProblem {
  path: string;
  message: Said;
}

const FIELDS = ['at', 'do', 'subAnalysis', 'phase', 'meeting', 'outcome', 'weeks', 'comment'] as const;
const WEEK_DATE = /^(\d{4})-W(\d{2})-([1-7])$/;

/** The local date an `at` names, or undefined when it names none. */
export function dateOfStep(at: unknown): IsoDate | undefined {
  if (typeof at !== 'string') return undefined;
  if (isValidIsoDate(at)) return at;
  const m = WEEK_DATE.exec(at);
  if (!m) return undefined;
  const [year, week, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return weekExists(year, week) ? isoWeekDate(year, week, day) : undefined;
}

/** What each action needs besides `at`. */
const NEEDS: Record<StepAction, readonly (keyof ScenarioStep)[]> = {
  start: ['subAnalysis', 'phase'],
  complete: ['subAnalysis', 'phase'],
  move: ['subAnalysis', 'phase', 'weeks'],
  submit: ['subAnalysis', 'meeting'],
  approve: ['subAnalysis', 'meeting'],
  'request-changes': ['subAnalysis', 'meeting', 'comment'],
  decide: ['subAnalysis', 'meeting'],
};

/**
 * The actions a `comment` goes with, and where it goes: a completion's note, a move's
 * reason, a submission's comment, the changes asked for, the committee's input.
 */
const TAKES_COMMENT: ReadonlySet<StepAction> = new Set(['complete', 'move', 'submit', 'request-changes', 'decide']);

/**
 * Reads a scenario against the programme it is for. Returns the steps, dated, or every
 * problem by path (`scenario[2].phase`).
 */
export function checkScenario(
  input: unknown,
  definition: ProgrammeDefinition,
  basePath = 'scenario',
): { steps: CheckedStep[]; problems: ScenarioProblem[] } {
  const problems: ScenarioProblem[] = [];
  const steps: CheckedStep[] = [];
  if (input === undefined || input === null) return { steps, problems };
  if (!Array.isArray(input)) return { steps, problems: [{ path: basePath, message: rehearsalProblem.notAList }] };

  input.forEach((raw: unknown, index) => {
    const at = `${basePath}[${index}]`;
    const problem = (field: string, message: Said) => problems.push({ path: `${at}.${field}`, message });
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ path: at, message: rehearsalProblem.notAnObject });
      return;
    }
    const step = raw as Record<string, unknown>;
    const before = problems.length;
    for (const key of Object.keys(step)) {
      if (!(FIELDS as readonly string[]).includes(key)) problem(key, rehearsalProblem.unknownField(key));
    }
    for (const key of FIELDS) {
      if (key !== 'at' && step[key] !== undefined && typeof step[key] !== 'string') {
        problem(key, rehearsalProblem.notString);
      }
    }
    const date = dateOfStep(step.at);
    if (!date) problem('at', rehearsalProblem.badInstant(step.at));
    const action = step.do;
    if (!(STEP_ACTIONS as readonly unknown[]).includes(action)) {
      problem('do', rehearsalProblem.badAction(action, STEP_ACTIONS));
      return;
    }
    const act = action as StepAction;
    for (const field of NEEDS[act]) {
      if (field === 'comment' && step.comment !== undefined && String(step.comment).trim() === '') {
        problem('comment', rehearsalProblem.commentRequired);
      } else if (step[field] === undefined) {
        problem(field, field === 'comment' ? rehearsalProblem.commentRequired : rehearsalProblem.required(field, act));
      }
    }
    // A field the action does not take is refused, not ignored: a stray `meeting` on a
    // completion would otherwise read as the scenario taking over that meeting's material.
    for (const key of Object.keys(step)) {
      const takes =
        key === 'at' ||
        key === 'do' ||
        (key === 'comment' && TAKES_COMMENT.has(act)) ||
        NEEDS[act].includes(key as keyof ScenarioStep);
      if ((FIELDS as readonly string[]).includes(key) && !takes && !(key === 'outcome' && act === 'decide')) {
        problem(key, rehearsalProblem.notForAction(key, act));
      }
    }
    if (problems.length > before) return;

    const sid = step.subAnalysis as string;
    const sub = definition.subAnalyses.find((s) => s.id === sid);
    if (!sub) {
      problem('subAnalysis', rehearsalProblem.noSubAnalysis(sid));
      return;
    }
    if (NEEDS[act].includes('phase')) {
      const code = step.phase as string;
      if (!sub.phases.some((p) => p.code === code)) {
        problem('phase', rehearsalProblem.noPhase(code, sid));
        return;
      }
      if (act === 'move') {
        for (const p of checkPhaseWeeksChange(definition, sid, code, { weeks: step.weeks as string })) {
          problem('weeks', rehearsalProblem.badWeeks(p.message));
        }
      }
    } else {
      const meeting = step.meeting as string;
      if (!definition.committee.meetings.some((m) => m.id === meeting)) {
        problem('meeting', rehearsalProblem.noMeeting(meeting));
        return;
      }
      if (!sub.deliverables.some((d) => d.meeting === meeting)) {
        problem('meeting', rehearsalProblem.noDeliverable(sid, meeting));
        return;
      }
      if (
        act === 'decide' &&
        step.outcome !== undefined &&
        !(OUTCOME_KEYS as readonly unknown[]).includes(step.outcome)
      ) {
        problem('outcome', rehearsalProblem.badOutcome(step.outcome, OUTCOME_KEYS));
        return;
      }
    }
    if (problems.length > before) return;
    steps.push({ ...(step as unknown as ScenarioStep), date: date!, index });
  });
  return { steps: problems.length ? [] : steps, problems };
}
