/**
 * What the people do in a rehearsal, and when: the scenario's steps, and for everything
 * the scenario says nothing about, the plan (the contract's defaults): each phase is
 * completed on its due day, each sub-analysis' material is submitted and approved on its
 * deadline, and the committee decides `godkendt` on every item at its meeting. Pure.
 *
 * A scenario's completion that cannot happen (the phase is not active by then) is
 * refused, and the phase is completed by default after all.
 *
 * A default completion waits for the phase to be possible: one hour after the phase it
 * waits for is completed, or its gate opens, when that is later than its due day. A
 * phase whose gate stays closed (the committee did not decide so, or decided so only
 * after its meeting had ended) is never completed by default, as nobody could.
 */
import { OUTCOMES, type Outcome } from '../documents/outcomes';
import { withPhaseWeeks } from '../plan/changes';
import type { ProgrammeDefinition } from '../plan/definition';
import { calendarOf, computePlan } from '../plan/plan';
import { packageDispatch } from '../plan/schedule';
import type { IsoDate } from '../plan/working-days';
import type { CheckedStep, StepAction } from './scenario';

/** Local times of day the people act at. */
export const ACTION_TIMES = {
  /** Scenario steps (one minute apart when several fall on one day). */
  step: '15:00',
  /** Default phase completions: on the due day, after the morning's reminder. */
  complete: '15:00',
  /** Default material: submitted in the afternoon of the deadline, approved an hour later. */
  submit: '14:00',
  approve: '15:00',
  /** A meeting without a time of its own decides at noon. */
  meeting: '12:00',
} as const;

const HOUR = 3_600_000;

export interface RehearsalAction {
  /** Milliseconds, in the server's clock. */
  at: number;
  do: StepAction;
  subAnalysis: string;
  phase?: string;
  meeting?: string;
  outcome?: Outcome;
  weeks?: string;
  comment?: string;
  /** 'scenario' with the step's place, or 'plan' for a default. */
  source: 'scenario' | 'plan';
  step?: number;
  /** Default decisions of one meeting go in one call: the other items decided with this one. */
  alsoDecided?: string[];
}

/** The people's actions in time order (ties keep the order they were made in). */
export function rehearsalActions(definition: ProgrammeDefinition, steps: readonly CheckedStep[]): RehearsalAction[] {
  // Moves change the due dates the defaults aim at.
  let moved = definition;
  for (const s of steps)
    if (s.do === 'move') moved = withPhaseWeeks(moved, s.subAnalysis!, s.phase!, { weeks: s.weeks! });
  const plan = computePlan(moved);
  const cal = calendarOf(plan);
  const actions: RehearsalAction[] = [];

  const perDay = new Map<IsoDate, number>();
  for (const s of steps) {
    const n = perDay.get(s.date) ?? 0;
    perDay.set(s.date, n + 1);
    actions.push({
      at: cal.atMillis(s.date, ACTION_TIMES.step) + n * 60_000,
      do: s.do,
      subAnalysis: s.subAnalysis!,
      ...(s.phase !== undefined && { phase: s.phase }),
      ...(s.meeting !== undefined && { meeting: s.meeting }),
      ...(s.do === 'decide' && { outcome: s.outcome ?? 'godkendt' }),
      ...(s.weeks !== undefined && { weeks: s.weeks }),
      ...(s.comment !== undefined && { comment: s.comment }),
      source: 'scenario',
      step: s.index,
    });
  }
  const scenario = actions.slice();
  const scenarioFor = (what: StepAction, sid: string, key: { phase?: string; meeting?: string }) =>
    scenario.filter(
      (a) =>
        a.subAnalysis === sid &&
        (key.phase !== undefined ? a.phase === key.phase && a.do === what : a.meeting === key.meeting),
    );

  // Decisions: at each meeting, every item the scenario does not decide is decided godkendt.
  const decidedAt = new Map<string, { at: number; opens: boolean }>();
  for (const meeting of plan.meetings) {
    const at = cal.atMillis(meeting.date, meeting.time ?? ACTION_TIMES.meeting);
    const items = plan.subAnalyses.filter((s) => s.deliverables.some((d) => d.meeting === meeting.id));
    const decisionsOf = (sid: string) =>
      scenario
        .filter((a) => a.do === 'decide' && a.subAnalysis === sid && a.meeting === meeting.id)
        .sort((x, y) => x.at - y.at);
    // The meeting's workflow ends once its package has gone and every item is decided
    // (by the scenario's first decision of it, or by default at the meeting). A decision
    // after that is refused, and opens nothing. One at that very instant comes first.
    const ends = Math.max(
      Date.parse(packageDispatch(plan, meeting.id).at),
      ...items.map((sub) => decisionsOf(sub.id)[0]?.at ?? at),
    );
    const open: string[] = [];
    for (const sub of items) {
      const explicit = decisionsOf(sub.id).filter((a) => a.at <= ends);
      if (explicit.length) {
        // A gate once opened stays open, whatever a later decision says.
        const opening = explicit.find((a) => OUTCOMES[a.outcome!].opensGate);
        decidedAt.set(`${meeting.id}/${sub.id}`, { at: (opening ?? explicit[0]).at, opens: !!opening });
      } else {
        open.push(sub.id);
        decidedAt.set(`${meeting.id}/${sub.id}`, { at, opens: true });
      }
    }
    if (open.length) {
      actions.push({
        at,
        do: 'decide',
        subAnalysis: open[0],
        meeting: meeting.id,
        outcome: 'godkendt',
        source: 'plan',
        alsoDecided: open.slice(1),
      });
    }
  }

  for (const sub of plan.subAnalyses) {
    // Material: submitted and approved on the deadline unless the scenario says how it goes.
    for (const d of sub.deliverables) {
      if (scenarioFor('submit', sub.id, { meeting: d.meeting }).some((a) => a.do !== 'decide')) continue;
      const base = { subAnalysis: sub.id, meeting: d.meeting, source: 'plan' as const };
      actions.push({ ...base, at: cal.atMillis(d.materialDue, ACTION_TIMES.submit), do: 'submit' });
      actions.push({ ...base, at: cal.atMillis(d.materialDue, ACTION_TIMES.approve), do: 'approve' });
    }
    // Phases: completed on the due day, or as soon after as they can be.
    const completedAt = new Map<string, number | undefined>();
    for (const phase of afterWhatTheyWaitFor(sub.phases)) {
      const explicit = scenarioFor('complete', sub.id, { phase: phase.code });
      const waits = [...phase.after.map((c) => completedAt.get(c))];
      if (phase.gate) {
        const decision = decidedAt.get(`${phase.gate.meeting}/${sub.id}`);
        waits.push(decision?.opens ? decision.at : undefined);
      }
      const ready = waits.some((w) => w === undefined) ? undefined : Math.max(-Infinity, ...(waits as number[]));
      // A scenario's completion replaces the default when the phase can be active by then
      // (started on plan, or by a scenario step); one that cannot is refused, and the
      // phase is still completed by default later.
      const activeFrom =
        ready === undefined
          ? undefined
          : Math.min(
              Math.max(cal.millis(phase.plannedStartAt), ready),
              ...scenarioFor('start', sub.id, { phase: phase.code })
                .map((a) => a.at)
                .filter((at) => at >= ready),
            );
      // The workflow takes the first completion it can, and refuses the ones after it.
      const possible = explicit.filter((a) => activeFrom !== undefined && a.at > activeFrom);
      if (possible.length) {
        completedAt.set(phase.code, possible[0].at);
        continue;
      }
      if (ready === undefined) {
        completedAt.set(phase.code, undefined);
        continue;
      }
      const at = Math.max(cal.atMillis(phase.due, ACTION_TIMES.complete), ready + HOUR);
      completedAt.set(phase.code, at);
      actions.push({ at, do: 'complete', subAnalysis: sub.id, phase: phase.code, source: 'plan' });
    }
  }
  return actions
    .map((a, order) => ({ a, order }))
    .sort((x, y) => x.a.at - y.a.at || x.order - y.order)
    .map((x) => x.a);
}

/**
 * A sub-analysis' phases, each after the phases it waits for: a definition may list them
 * in any order (the workflows do not depend on it), and a phase's default completion is
 * reckoned from theirs.
 */
function afterWhatTheyWaitFor<P extends { code: string; after: readonly string[] }>(phases: readonly P[]): P[] {
  const ordered: P[] = [];
  const placed = new Set<string>();
  let rest = [...phases];
  while (rest.length) {
    const ready = rest.filter((p) => p.after.every((c) => placed.has(c)));
    // Validation refuses cycles; should one come through, its phases keep their order.
    const next = ready.length ? ready : rest;
    for (const p of next) {
      ordered.push(p);
      placed.add(p.code);
    }
    rest = rest.filter((p) => !placed.has(p.code));
  }
  return ordered;
}

/** The workflow an action goes to: its meeting's for material and decisions, else its sub-analysis'. */
export function laneOf(action: RehearsalAction): string {
  const toMeeting =
    action.do === 'submit' || action.do === 'approve' || action.do === 'request-changes' || action.do === 'decide';
  return toMeeting ? `meeting/${action.meeting}` : `sub-analysis/${action.subAnalysis}`;
}

/**
 * The actions (in time order) as rounds that can each be performed side by side. The
 * defaults of one instant form one round, in lanes, one lane per workflow, each lane's
 * actions in their order: they go to different workflows, at one instant of the server's
 * clock, which stands still meanwhile, and no default of an instant depends on another
 * of that instant in another workflow (a gated phase is completed an hour after its
 * decision). A scenario's step is a round of its own, before the defaults of its instant,
 * as the person's step came first: "complete sbv/3 at the meeting's 15:00" must meet the
 * gate still closed every time. Performing a large programme's actions one after the
 * other was most of its rehearsal's time.
 */
export function inRounds(actions: readonly RehearsalAction[]): RehearsalAction[][][] {
  const rounds: Map<string, RehearsalAction[]>[] = [];
  let open: { at: number; lanes: Map<string, RehearsalAction[]> } | undefined;
  for (const a of actions) {
    if (a.source === 'scenario') {
      rounds.push(new Map([[laneOf(a), [a]]]));
      open = undefined;
      continue;
    }
    if (open?.at !== a.at) {
      open = { at: a.at, lanes: new Map() };
      rounds.push(open.lanes);
    }
    const lane = laneOf(a);
    open.lanes.set(lane, [...(open.lanes.get(lane) ?? []), a]);
  }
  return rounds.map((lanes) => [...lanes.values()]);
}
