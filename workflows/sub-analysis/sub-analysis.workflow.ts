/**
 * One sub-analysis (analysespor) moving through its phases on the week plan.
 *
 * The workflow keeps the phases' facts (when started, completed, gates opened); every
 * date, reminder and escalation comes from the plan library, the same computation the
 * API's schedule preview runs. It sleeps until the next thing the plan says happens
 * (a planned start, a reminder, an escalation) or until a message changes the state.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { SporActivities } from '../../activities';
import type {
  DeliverableState,
  HistoryRecord,
  PhaseState,
  PlanChangeRecord,
  SubAnalysisSnapshot,
} from '../../libs/read-model/contract';
import { plannedPhaseSnapshot } from '../../libs/read-model/contract';
import {
  changePhasePlanUpdate,
  completePhaseUpdate,
  openGateUpdate,
  setDeliverableStateUpdate,
  startPhaseUpdate,
  stateQuery,
} from './messages';
import { composeMessage } from '../../libs/texts/messages';
// The plan library by module, not through its index, which also brings the YAML parser
// into the workflow bundle.
import { addDays } from '../../libs/plan/working-days';
import { danishDate } from '../../libs/texts/dates';
import type { ProgrammeDefinition } from '../../libs/plan/definition';
import { type PlannedPhase, type PlannedSubAnalysis, type ProgrammePlan, computePlan } from '../../libs/plan/plan';
import { type ScheduledEvent, calendarOf, deliverableReminders, phaseReminders } from '../../libs/plan/schedule';
import { validateDefinition } from '../../libs/plan/validate';
import { type PhaseWeeksChange, withPhaseWeeks } from '../../libs/plan/changes';

/** How a deliverable's state reads in Danish, in history entries. */
const DELIVERABLE_STATE_DA: Record<DeliverableState, string> = {
  missing: 'ikke indsendt',
  submitted: 'indsendt',
  changes_requested: 'sendt tilbage til rettelse',
  approved: 'godkendt',
};

// ---------------------------------------------------------------------------------
// Input and the state carried across continue-as-new.

interface PhaseFacts {
  startedAt?: string;
  startedBy?: string;
  completedAt?: string;
  completedBy?: string;
  note?: string;
  gateOpenedAt?: string;
  gateOpenedBy?: string;
  gateReason?: string;
  /** Reminders before this instant are not sent (set when the plan changes). */
  remindFrom?: string;
}

interface DeliverableFacts {
  state: DeliverableState;
  approvedAt?: string;
}

export interface SubAnalysisCarried {
  definition: ProgrammeDefinition;
  phases: Record<string, PhaseFacts>;
  deliverables: Record<string, DeliverableFacts>;
  sent: string[];
  version: number;
  /** When the sub-analysis began; reminders falling before it are not sent. */
  since: string;
}

export interface SubAnalysisInput {
  programmeId: string;
  subAnalysisId: string;
  definition: ProgrammeDefinition;
  /** Base of links in messages, e.g. http://localhost:3000. */
  publicUrl: string;
  carried?: SubAnalysisCarried;
  /** History length at which the workflow continues as new (default 5,000; tests use less). */
  historyLimit?: number;
}

/** Escalations repeat until completion; the horizon only bounds each computation. */
const ESCALATION_HORIZON_DAYS = 400;
/** Continue as new well before the history gets heavy (Temporal warns at 10,240 events). */
const HISTORY_LIMIT = 5_000;

// The activity heartbeats while it sends, so a worker dying mid-send is noticed within
// seconds and another one retries.
const { sendNotification } = proxyActivities<SporActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '5 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
const { recordSubAnalysis } = proxyActivities<SporActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function subAnalysisWorkflow(input: SubAnalysisInput): Promise<SubAnalysisSnapshot> {
  const { programmeId, subAnalysisId, publicUrl } = input;
  const carried: SubAnalysisCarried = input.carried ?? {
    definition: input.definition,
    phases: {},
    deliverables: {},
    sent: [],
    version: 0,
    since: nowIso(),
  };
  let definition = carried.definition;
  let plan = computePlan(definition);
  let sub = findSub(plan, subAnalysisId);
  const phases = carried.phases;
  const deliverables = carried.deliverables;
  const sent = new Set(carried.sent);
  let version = carried.version;
  let changed = false;
  let pendingHistory: HistoryRecord[] = [];

  for (const p of sub.phases) phases[p.code] ??= {};
  for (const d of sub.deliverables) deliverables[d.meeting] ??= { state: 'missing' };

  // --- state derived from the facts ---------------------------------------------
  const facts = (code: string) => phases[code];
  const gateOpen = (p: PlannedPhase) => !p.gate || facts(p.code).gateOpenedAt !== undefined;
  const depsDone = (p: PlannedPhase) => p.after.every((c) => facts(c)?.completedAt !== undefined);
  const stateOf = (p: PlannedPhase): PhaseState => {
    const f = facts(p.code);
    if (f.completedAt) return 'completed';
    if (f.startedAt) return 'active';
    return depsDone(p) && gateOpen(p) ? 'ready' : 'planned';
  };
  const phaseOrThrow = (code: string): PlannedPhase => {
    const p = sub.phases.find((x) => x.code === code);
    if (!p) throw ApplicationFailure.nonRetryable(`Sub-analysis ${subAnalysisId} has no phase ${code}`);
    return p;
  };
  const waitingFor = (p: PlannedPhase): string | undefined => {
    const open = p.after.filter((c) => !facts(c)?.completedAt);
    const parts: string[] = [];
    if (open.length) parts.push(`fase ${open.join(', ')} er ikke afsluttet`);
    if (!gateOpen(p)) {
      const meeting = plan.meetings.find((m) => m.id === p.gate!.meeting);
      parts.push(
        `udvalgets input fra ${meeting ? `mødet ${danishDate(meeting.date)}` : `mødet ${p.gate!.meeting}`} mangler`,
      );
    }
    return parts.length ? parts.join(' og ') : undefined;
  };
  const finished = () =>
    sub.phases.every((p) => facts(p.code).completedAt) &&
    sub.deliverables.every((d) => {
      const meeting = plan.meetings.find((m) => m.id === d.meeting);
      return deliverables[d.meeting].state === 'approved' || (meeting && Date.now() >= endOfDayMs(plan, meeting.date));
    });

  const snapshot = (): SubAnalysisSnapshot => ({
    programmeId,
    subAnalysisId,
    title: sub.title,
    version,
    asOf: nowIso(),
    finished: finished(),
    phases: sub.phases.map((p) => {
      const f = facts(p.code);
      const state = stateOf(p);
      return {
        ...plannedPhaseSnapshot(p),
        state,
        actualStart: f.startedAt,
        startedBy: f.startedBy,
        completedAt: f.completedAt,
        completedBy: f.completedBy,
        note: f.note,
        gate: p.gate && {
          meeting: p.gate.meeting,
          open: f.gateOpenedAt !== undefined,
          openedAt: f.gateOpenedAt,
          openedBy: f.gateOpenedBy,
          reason: f.gateReason,
        },
        waitingFor: state === 'planned' ? waitingFor(p) : undefined,
      };
    }),
    deliverables: sub.deliverables.map((d) => ({
      meeting: d.meeting,
      title: d.title,
      materialDue: d.materialDue,
      state: deliverables[d.meeting].state,
      approvedAt: deliverables[d.meeting].approvedAt,
    })),
  });

  // --- changes, each recorded in the read model -----------------------------------
  const note = (kind: string, text: string, phase?: string, actor?: string) => {
    version++;
    changed = true;
    pendingHistory.push({ key: `${workflowInfo().workflowId}#${version}`, at: nowIso(), kind, phase, actor, text });
  };
  /** Writes the snapshot and the new history to the database before anyone is answered. */
  const record = async (planChange?: PlanChangeRecord): Promise<SubAnalysisSnapshot> => {
    const snap = snapshot();
    const history = pendingHistory;
    pendingHistory = [];
    if (history.length) {
      await recordSubAnalysis({ programmeId, subAnalysisId, version, snapshot: snap }, history, planChange);
    }
    return snap;
  };
  const start = (p: PlannedPhase, by: string, how: string) => {
    phases[p.code].startedAt = nowIso();
    phases[p.code].startedBy = by;
    note('phase-started', `Fase ${p.code} "${p.title}" er startet ${how}.`, p.code, by);
  };
  /** A ready phase starts by itself once its planned start has come. */
  const startDuePhases = () => {
    for (const p of sub.phases) {
      if (stateOf(p) === 'ready' && Date.now() >= Date.parse(p.plannedStartAt)) start(p, 'spor', 'efter planen');
    }
  };

  // --- messages -----------------------------------------------------------------------
  setHandler(stateQuery, snapshot);

  setHandler(
    startPhaseUpdate,
    async ({ code, by }) => {
      start(phaseOrThrow(code), by, 'før tid af projektlederen');
      return record();
    },
    {
      validator: ({ code }) => {
        const p = phaseOrRefuse(sub, code);
        const state = stateOf(p);
        if (state === 'active') refuse(`Fase ${code} er allerede i gang`);
        if (state === 'completed') refuse(`Fase ${code} er allerede afsluttet`);
        if (state === 'planned') refuse(`Fase ${code} er ikke klar til at starte: ${waitingFor(p)}`);
      },
    },
  );

  setHandler(
    completePhaseUpdate,
    async ({ code, by, note: text }) => {
      const p = phaseOrThrow(code);
      phases[code].completedAt = nowIso();
      phases[code].completedBy = by;
      if (text) phases[code].note = text;
      note('phase-completed', `Fase ${code} "${p.title}" er afsluttet.${text ? ` Note: ${text}` : ''}`, code, by);
      // Phases waiting only for this one start at once if their planned start has passed.
      startDuePhases();
      return record();
    },
    {
      validator: ({ code }) => {
        const p = phaseOrRefuse(sub, code);
        const state = stateOf(p);
        if (state === 'completed') refuse(`Fase ${code} er allerede afsluttet`);
        if (state !== 'active') refuse(`Fase ${code} er ikke i gang og kan ikke afsluttes`);
      },
    },
  );

  setHandler(
    changePhasePlanUpdate,
    async ({ code, change, reason, by }) => {
      const before = phaseOrThrow(code);
      definition = withPhaseWeeks(definition, subAnalysisId, code, change);
      plan = computePlan(definition);
      sub = findSub(plan, subAnalysisId);
      const after = phaseOrThrow(code);
      // Reminders already past under the new plan are not sent late.
      phases[code].remindFrom = nowIso();
      note(
        'plan-changed',
        `Planen for fase ${code} er ændret fra uge ${before.weeks} (frist ${danishDate(before.due)}) ` +
          `til uge ${after.weeks} (frist ${danishDate(after.due)}). Begrundelse: ${reason}`,
        code,
        by,
      );
      startDuePhases();
      return record({ code, change });
    },
    {
      validator: ({ code, change }) => {
        phaseOrRefuse(sub, code);
        if (facts(code).completedAt) refuse(`Fase ${code} er afsluttet; planen kan ikke ændres`);
        const problems = validateDefinition(withPhaseWeeks(definition, subAnalysisId, code, change)).errors;
        if (problems.length) refuse(problems.map((e) => `${e.path}: ${e.message}`).join('; '));
      },
    },
  );

  setHandler(
    openGateUpdate,
    async ({ code, reason, by }) => {
      const p = phaseOrThrow(code);
      phases[code].gateOpenedAt = nowIso();
      phases[code].gateOpenedBy = by;
      phases[code].gateReason = reason;
      note('gate-opened', `Porten før fase ${code} "${p.title}" er åbnet. Begrundelse: ${reason}`, code, by);
      startDuePhases();
      return record();
    },
    {
      validator: ({ code }) => {
        const p = phaseOrRefuse(sub, code);
        if (!p.gate) refuse(`Fase ${code} venter ikke på en port`);
        if (facts(code).gateOpenedAt) refuse(`Porten før fase ${code} er allerede åben`);
      },
    },
  );

  setHandler(
    setDeliverableStateUpdate,
    async ({ meeting, state, by }) => {
      const d = deliverables[meeting];
      d.state = state;
      d.approvedAt = state === 'approved' ? nowIso() : undefined;
      const title = plan.meetings.find((m) => m.id === meeting)?.title ?? meeting;
      note('deliverable', `Materialet til ${title} er nu ${DELIVERABLE_STATE_DA[state]}.`, undefined, by);
      return record();
    },
    {
      validator: ({ meeting }) => {
        if (!deliverables[meeting]) refuse(`Analysesporet leverer ikke materiale til mødet ${meeting}`);
      },
    },
  );

  // --- the plan's events ----------------------------------------------------------
  /** Reminders and escalations not yet sent, in time order: what the plan says comes next. */
  const unsentEvents = (): ScheduledEvent[] => {
    const events: ScheduledEvent[] = [];
    for (const p of sub.phases) {
      const f = facts(p.code);
      if (!f.startedAt || f.completedAt) continue;
      events.push(
        ...phaseReminders(plan, subAnalysisId, p.code, {
          activeFrom: latest(f.startedAt, f.remindFrom, carried.since),
          until: addDays(p.due, ESCALATION_HORIZON_DAYS),
        }),
      );
    }
    for (const d of sub.deliverables) {
      if (deliverables[d.meeting].state === 'approved') continue;
      events.push(
        ...deliverableReminders(plan, d.meeting, subAnalysisId, {
          activeFrom: carried.since,
          until: addDays(d.materialDue, ESCALATION_HORIZON_DAYS),
        }),
      );
    }
    return events.filter((e) => !sent.has(e.key)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  };

  const send = async (event: ScheduledEvent) => {
    const phase = event.phase ? sub.phases.find((p) => p.code === event.phase) : undefined;
    const deliverable = event.meeting ? sub.deliverables.find((d) => d.meeting === event.meeting) : undefined;
    const meeting = event.meeting ? plan.meetings.find((m) => m.id === event.meeting) : undefined;
    const message = composeMessage(event, {
      programmeTitle: plan.title,
      subAnalysisTitle: sub.title,
      phaseTitle: phase?.title,
      deliverableTitle: deliverable?.title,
      meetingTitle: meeting?.title,
      deadline: phase?.due ?? deliverable?.materialDue,
      link: `${publicUrl}/programmes/${programmeId}/sub-analyses/${subAnalysisId}`,
    });
    await sendNotification({
      key: `${workflowInfo().workflowId}/${event.key}`,
      programmeId,
      subAnalysisId,
      kind: event.kind,
      recipients: event.recipients,
      subject: message.subject,
      text: message.text,
      dueAt: event.at,
    });
    sent.add(event.key);
  };

  // --- the main loop ----------------------------------------------------------------
  if (!input.carried) note('started', `Analysesporet ${sub.title} er startet i Spor.`);
  for (;;) {
    changed = false;
    startDuePhases();
    await record();

    for (const event of unsentEvents()) {
      if (Date.parse(event.at) > Date.now()) break;
      await send(event);
    }
    if (finished()) break;

    if (workflowInfo().historyLength > (input.historyLimit ?? HISTORY_LIMIT) || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await record();
      await continueAsNew<typeof subAnalysisWorkflow>({
        ...input,
        carried: { definition, phases, deliverables, sent: [...sent], version, since: carried.since },
      });
    }

    // Sleep until the next planned start, reminder or escalation, or the end of a
    // meeting (after which its material no longer holds the workflow open).
    const wakeUps = [
      ...sub.phases.filter((p) => stateOf(p) === 'ready').map((p) => Date.parse(p.plannedStartAt)),
      ...unsentEvents()
        .slice(0, 1)
        .map((e) => Date.parse(e.at)),
      ...sub.deliverables.map((d) =>
        endOfDayMs(plan, d.meeting && plan.meetings.find((m) => m.id === d.meeting)!.date),
      ),
    ].filter((at) => at > Date.now());
    const next = Math.min(...wakeUps);
    if (Number.isFinite(next)) await condition(() => changed, next - Date.now());
    else await condition(() => changed);
  }

  note('finished', `Analysesporet ${sub.title} er afsluttet.`);
  await condition(allHandlersFinished);
  return record();
}

// ---------------------------------------------------------------------------------

function nowIso(): string {
  return new Date(Date.now()).toISOString();
}

function findSub(plan: ProgrammePlan, id: string): PlannedSubAnalysis {
  const sub = plan.subAnalyses.find((s) => s.id === id);
  if (!sub) throw ApplicationFailure.nonRetryable(`The programme has no sub-analysis ${id}`);
  return sub;
}

function phaseOrRefuse(sub: PlannedSubAnalysis, code: string): PlannedPhase {
  const p = sub.phases.find((x) => x.code === code);
  if (!p) refuse(`Analysesporet har ingen fase ${code}`);
  return p!;
}

/** A refused update: the API answers 409 with this reason. */
function refuse(reason: string): never {
  throw ApplicationFailure.nonRetryable(reason, 'Refused');
}

/** The latest of some instants (undefined ones ignored). */
function latest(...instants: (string | undefined)[]): string {
  return instants
    .filter((x): x is string => x !== undefined)
    .reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

/** The midnight after a date in the programme's zone: from then on the day is over. */
function endOfDayMs(plan: ProgrammePlan, date: string): number {
  return calendarOf(plan).atMillis(addDays(date, 1), '00:00');
}
