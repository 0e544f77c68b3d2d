/**
 * The state of one sub-analysis: the facts of its phases and deliverables, what they
 * imply (each phase's state, what to send next, when it is finished), and every change
 * a message may make. Pure and synchronous: the workflow file only wires Temporal's
 * messages and timers to it, and this class is unit-tested without a server.
 *
 * Instants come in as arguments (`now`, in milliseconds) rather than from a clock, so
 * the same calls give the same answers in a test and on replay.
 */
import { ApplicationFailure } from '@temporalio/common';
import { badInput, refuse } from '../failures';
// The plan library by module, not through its index, which also brings the YAML parser
// into the workflow bundle.
import {
  type PhaseWeeksChange,
  isSamePhaseWeeks,
  phaseWeeksChangeProblems,
  withPhaseWeeks,
} from '../../libs/plan/changes';
import type { ProgrammeDefinition } from '../../libs/plan/definition';
import { materialCutoff } from '../../libs/plan/material';
import { type PlannedPhase, type PlannedSubAnalysis, type ProgrammePlan, computePlan } from '../../libs/plan/plan';
import { autoStartAt, phaseState, readySince } from '../../libs/plan/readiness';
import { type ScheduledEvent, calendarOf, deliverableReminders, phaseReminders } from '../../libs/plan/schedule';
import { addDays } from '../../libs/plan/working-days';
import {
  type DeliverableState,
  type HistoryRecord,
  type PhaseSnapshot,
  type PhaseState,
  type SubAnalysisSnapshot,
  plannedPhaseSnapshot,
} from '../../libs/read-model/contract';
import { type Acted, type StartCause, historyLine, refusal, waitingForText } from '../../libs/texts/history';
import { OUTCOMES } from '../../libs/documents/outcomes';
import { composeMessage } from '../../libs/texts/messages';
import { meetingText } from '../../libs/texts/meetings';
import type { CommitteeDecision } from '../meeting/messages';
import type { NotificationRequest } from '../../activities/mail/mail.activities';

export interface PhaseFacts {
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

export interface DeliverableFacts {
  state: DeliverableState;
  approvedAt?: string;
}

/** Everything the state needs to go on in a new run (continue-as-new). */
export interface SubAnalysisCarried {
  definition: ProgrammeDefinition;
  phases: Record<string, PhaseFacts>;
  deliverables: Record<string, DeliverableFacts>;
  sent: string[];
  version: number;
  /** When the sub-analysis began; reminders falling before it are not sent. */
  since: string;
  /** The committee's decisions on this sub-analysis, one per meeting. */
  decisions?: CommitteeDecision[];
  /** The rules the first run chose; a new run keeps them (absent: carried by an older run). */
  rules?: RuleVersions;
}

export interface SubAnalysisIds {
  programmeId: string;
  subAnalysisId: string;
  workflowId: string;
}

/** Rules that changed while workflows were running; the workflow picks them with `patched()`. */
export interface RuleVersions {
  /**
   * true: material stops mattering when its meeting day begins (libs/plan/material.ts).
   * false: the rule of workflows started before, the end of the meeting day.
   */
  materialCutoffAtMeetingStart: boolean;
  /**
   * true: each meeting's workflow owns its material (reminders, escalations, review), so
   * the sub-analysis neither sends material reminders nor waits on material to finish.
   * false: the rule of workflows started before meetings had workflows of their own.
   */
  meetingsOwnMaterial: boolean;
}

/** Escalations repeat until completion; the horizon only bounds each computation. */
const ESCALATION_HORIZON_DAYS = 400;

export class SubAnalysisState {
  private definition: ProgrammeDefinition;
  private plan: ProgrammePlan;
  private sub: PlannedSubAnalysis;
  private readonly phases: Record<string, PhaseFacts>;
  private readonly deliverables: Record<string, DeliverableFacts>;
  private readonly sent: Set<string>;
  private _version: number;
  private readonly since: string;
  private pendingHistory: HistoryRecord[] = [];
  private decisions: CommitteeDecision[];

  constructor(
    private readonly ids: SubAnalysisIds,
    carried: SubAnalysisCarried,
    private readonly rules: RuleVersions,
  ) {
    this.definition = carried.definition;
    this.plan = computePlan(this.definition);
    this.sub = findSub(this.plan, ids.subAnalysisId);
    this.phases = carried.phases;
    this.deliverables = carried.deliverables;
    this.sent = new Set(carried.sent);
    this._version = carried.version;
    this.since = carried.since;
    this.decisions = carried.decisions ?? [];
    for (const p of this.sub.phases) this.phases[p.code] ??= {};
    for (const d of this.sub.deliverables) this.deliverables[d.meeting] ??= { state: 'missing' };
  }

  /** A new sub-analysis starting at `now`. */
  static fresh(definition: ProgrammeDefinition, now: number): SubAnalysisCarried {
    return { definition, phases: {}, deliverables: {}, sent: [], version: 0, since: iso(now) };
  }

  carried(): SubAnalysisCarried {
    return {
      definition: this.definition,
      phases: this.phases,
      deliverables: this.deliverables,
      sent: [...this.sent],
      version: this._version,
      since: this.since,
      decisions: this.decisions,
      rules: this.rules,
    };
  }

  /** Raised by every change; the workflow compares it to notice changes. */
  get version(): number {
    return this._version;
  }

  // --- what the facts imply ---------------------------------------------------------

  stateOf(p: PlannedPhase): PhaseState {
    const f = this.phases[p.code];
    return phaseState(times(f), this.readyAt(p) !== undefined);
  }

  /** When the phase became ready, or undefined while it waits. */
  private readyAt(p: PlannedPhase): number | undefined {
    return readySince(p, (code) => times(this.phases[code]));
  }

  private waitingFor(p: PlannedPhase): string | undefined {
    const open = p.after.filter((c) => !this.phases[c]?.completedAt);
    const gateClosed = p.gate && !this.phases[p.code].gateOpenedAt;
    const meeting = gateClosed ? this.plan.meetings.find((m) => m.id === p.gate!.meeting) : undefined;
    return waitingForText(open, gateClosed ? (meeting?.date ?? p.gate!.meeting) : undefined);
  }

  /** The instant after which material for a meeting no longer holds the sub-analysis open. */
  private materialEnd(meetingId: string): number {
    if (this.rules.materialCutoffAtMeetingStart) return materialCutoff(this.plan, meetingId);
    const meeting = this.plan.meetings.find((m) => m.id === meetingId)!;
    return calendarOf(this.plan).atMillis(addDays(meeting.date, 1), '00:00');
  }

  finished(now: number): boolean {
    return (
      this.sub.phases.every((p) => this.phases[p.code].completedAt) &&
      (this.rules.meetingsOwnMaterial ||
        this.sub.deliverables.every(
          (d) => this.deliverables[d.meeting].state === 'approved' || now >= this.materialEnd(d.meeting),
        ))
    );
  }

  snapshot(now: number): SubAnalysisSnapshot {
    return {
      programmeId: this.ids.programmeId,
      subAnalysisId: this.ids.subAnalysisId,
      title: this.sub.title,
      version: this._version,
      asOf: iso(now),
      finished: this.finished(now),
      phases: this.sub.phases.map((p): PhaseSnapshot => {
        const f = this.phases[p.code];
        const state = this.stateOf(p);
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
          waitingFor: state === 'planned' ? this.waitingFor(p) : undefined,
        };
      }),
      decisions: this.decisions.map((d) => ({
        meeting: d.meeting,
        meetingTitle: d.meetingTitle,
        outcome: d.outcome,
        input: d.input,
        decidedAt: d.decidedAt,
      })),
      deliverables: this.sub.deliverables.map((d) => ({
        meeting: d.meeting,
        title: d.title,
        materialDue: d.materialDue,
        state: this.deliverables[d.meeting].state,
        approvedAt: this.deliverables[d.meeting].approvedAt,
      })),
    };
  }

  // --- checks: each throws the refusal the API answers with -------------------------------

  checkStart(code: string): void {
    const p = this.phaseOrRefuse(code);
    const state = this.stateOf(p);
    if (state === 'active') refuse(refusal.alreadyActive(code));
    if (state === 'completed') refuse(refusal.alreadyCompleted(code));
    if (state === 'planned') refuse(refusal.notReady(code, this.waitingFor(p)));
  }

  checkComplete(code: string): void {
    const state = this.stateOf(this.phaseOrRefuse(code));
    if (state === 'completed') refuse(refusal.alreadyCompleted(code));
    if (state !== 'active') refuse(refusal.notActive(code));
  }

  checkPlanChange(code: string, change: PhaseWeeksChange): void {
    this.phaseOrRefuse(code);
    if (this.phases[code].completedAt) refuse(refusal.completedPlanFixed(code));
    const problems = phaseWeeksChangeProblems(this.definition, change);
    if (problems.length) badInput(refusal.invalidPlan, problems);
  }

  /** Whether the change gives the phase the weeks it has already: then there is nothing to do. */
  isSamePlan(code: string, change: PhaseWeeksChange): boolean {
    return isSamePhaseWeeks(this.definition, this.ids.subAnalysisId, code, change);
  }

  checkOpenGate(code: string): void {
    const p = this.phaseOrRefuse(code);
    if (!p.gate) refuse(refusal.noGate(code));
    if (this.phases[code].gateOpenedAt) refuse(refusal.gateOpen(code));
  }

  /**
   * Reopening undoes a completion only while nothing has been built on it: a phase that
   * waits for this one and has started would otherwise run on an unfinished basis.
   */
  checkReopen(code: string): void {
    const p = this.phaseOrRefuse(code);
    if (this.stateOf(p) !== 'completed') refuse(refusal.notCompleted(code));
    const started = this.sub.phases.filter((s) => s.after.includes(code) && this.phases[s.code].startedAt);
    if (started.length)
      refuse(
        refusal.successorStarted(
          code,
          started.map((s) => s.code),
        ),
      );
  }

  /** A gate closes again only before its phase has started. */
  checkCloseGate(code: string): void {
    const p = this.phaseOrRefuse(code);
    if (!p.gate) refuse(refusal.noGate(code));
    if (!this.phases[code].gateOpenedAt) refuse(refusal.gateNotOpen(code));
    if (this.phases[code].startedAt) refuse(refusal.gatePhaseStarted(code));
  }

  // --- changes: each adds a history line; the caller records them -----------------------

  /** `acted` is absent for Updates sent before roles were passed along. */
  startPhase(code: string, by: string, now: number, acted?: Acted): void {
    this.start(this.phase(code), by, 'early', now, acted);
  }

  completePhase(code: string, by: string, note: string | undefined, now: number, acted?: Acted): void {
    const p = this.phase(code);
    const f = this.phases[code];
    f.completedAt = iso(now);
    f.completedBy = by;
    if (note) f.note = note;
    this.note('phase-completed', historyLine.phaseCompleted(code, p.title, note, acted), now, code, by);
    // Phases waiting only for this one start at once if their planned start has passed.
    this.startDuePhases(now);
  }

  changePlan(code: string, change: PhaseWeeksChange, reason: string, by: string, now: number): void {
    const before = this.phase(code);
    this.definition = withPhaseWeeks(this.definition, this.ids.subAnalysisId, code, change);
    this.plan = computePlan(this.definition);
    this.sub = findSub(this.plan, this.ids.subAnalysisId);
    const after = this.phase(code);
    // Reminders already past under the new plan are not sent late.
    this.phases[code].remindFrom = iso(now);
    this.note('plan-changed', historyLine.planChanged(code, before, after, reason), now, code, by);
    this.startDuePhases(now);
  }

  openGate(code: string, reason: string, by: string, now: number): void {
    const p = this.phase(code);
    const f = this.phases[code];
    f.gateOpenedAt = iso(now);
    f.gateOpenedBy = by;
    f.gateReason = reason;
    this.note('gate-opened', historyLine.gateOpened(code, p.title, reason), now, code, by);
    this.startDuePhases(now);
  }

  /**
   * A completed phase is active again. Reminders and escalations follow its due date once
   * more, from now on: those already past are not sent late. Phases that were ready only
   * because of it wait again (none has started: checkReopen).
   */
  reopenPhase(code: string, by: string, acted: Acted, now: number): void {
    const p = this.phase(code);
    const f = this.phases[code];
    delete f.completedAt;
    delete f.completedBy;
    f.remindFrom = iso(now);
    this.note('phase-reopened', historyLine.phaseReopened(code, p.title, acted), now, code, by);
  }

  /** A gate opened by mistake is closed: its phase waits for the gate again. */
  closeGate(code: string, by: string, acted: Acted, now: number): void {
    const p = this.phase(code);
    const f = this.phases[code];
    delete f.gateOpenedAt;
    delete f.gateOpenedBy;
    delete f.gateReason;
    this.note('gate-closed', historyLine.gateClosed(code, p.title, acted), now, code, by);
  }

  /**
   * The committee has decided on this sub-analysis' item at a meeting: recorded, and an
   * opening outcome opens every gate that waits on that meeting.
   */
  committeeDecided(decision: CommitteeDecision, now: number): void {
    this.decisions = [...this.decisions.filter((d) => d.meeting !== decision.meeting), decision];
    this.note(
      'decision',
      meetingText.decided(decision.meetingTitle, OUTCOMES[decision.outcome].label, decision.input),
      now,
      undefined,
      decision.by,
    );
    for (const p of this.sub.phases) {
      if (p.gate?.meeting !== decision.meeting || this.phases[p.code].gateOpenedAt) continue;
      if (OUTCOMES[decision.outcome].opensGate) {
        const f = this.phases[p.code];
        f.gateOpenedAt = iso(now);
        f.gateOpenedBy = decision.by;
        f.gateReason = meetingText.gateOpenedByDecision(p.code, decision.meetingTitle);
        this.note('gate-opened', f.gateReason, now, p.code, decision.by);
      } else {
        this.note('gate-closed', meetingText.gateStaysClosed(p.code), now, p.code, decision.by);
      }
    }
    this.startDuePhases(now);
  }

  /** A ready phase starts by itself once its planned start has come. */
  startDuePhases(now: number): void {
    for (const p of this.sub.phases) {
      const ready = this.readyAt(p);
      const f = this.phases[p.code];
      if (ready === undefined || f.startedAt || f.completedAt) continue;
      if (now >= autoStartAt(Date.parse(p.plannedStartAt), ready)) this.start(p, 'spor', 'on-plan', now);
    }
  }

  noteStarted(now: number): void {
    this.note('started', historyLine.started(this.sub.title), now);
  }

  noteFinished(now: number): void {
    this.note('finished', historyLine.finished(this.sub.title), now);
  }

  /** History lines not yet written to the read model; taking them empties the list. */
  takeHistory(): HistoryRecord[] {
    const history = this.pendingHistory;
    this.pendingHistory = [];
    return history;
  }

  // --- what to send, and when to wake up -------------------------------------------------

  /** Reminders and escalations not yet sent, in time order: what the plan says comes next. */
  unsentEvents(): ScheduledEvent[] {
    const events: ScheduledEvent[] = [];
    for (const p of this.sub.phases) {
      const f = this.phases[p.code];
      if (!f.startedAt || f.completedAt) continue;
      events.push(
        ...phaseReminders(this.plan, this.ids.subAnalysisId, p.code, {
          activeFrom: latest(f.startedAt, f.remindFrom, this.since),
          until: addDays(p.due, ESCALATION_HORIZON_DAYS),
        }),
      );
    }
    for (const d of this.rules.meetingsOwnMaterial ? [] : this.sub.deliverables) {
      if (this.deliverables[d.meeting].state === 'approved') continue;
      events.push(
        ...deliverableReminders(this.plan, d.meeting, this.ids.subAnalysisId, {
          activeFrom: this.since,
          until: addDays(d.materialDue, ESCALATION_HORIZON_DAYS),
        }),
      );
    }
    return events.filter((e) => !this.sent.has(e.key)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  markSent(key: string): void {
    this.sent.add(key);
  }

  /** The e-mail for an event, under a key unique to this workflow and the event. */
  message(event: ScheduledEvent, publicUrl: string): NotificationRequest {
    const phase = event.phase ? this.sub.phases.find((p) => p.code === event.phase) : undefined;
    const deliverable = event.meeting ? this.sub.deliverables.find((d) => d.meeting === event.meeting) : undefined;
    const meeting = event.meeting ? this.plan.meetings.find((m) => m.id === event.meeting) : undefined;
    const { subject, text } = composeMessage(event, {
      programmeTitle: this.plan.title,
      subAnalysisTitle: this.sub.title,
      phaseTitle: phase?.title,
      deliverableTitle: deliverable?.title,
      meetingTitle: meeting?.title,
      deadline: phase?.due ?? deliverable?.materialDue,
      link: `${publicUrl}/programmes/${this.ids.programmeId}/sub-analyses/${this.ids.subAnalysisId}`,
    });
    return {
      key: `${this.ids.workflowId}/${event.key}`,
      programmeId: this.ids.programmeId,
      subAnalysisId: this.ids.subAnalysisId,
      kind: event.kind,
      recipients: event.recipients,
      subject,
      text,
      dueAt: event.at,
    };
  }

  /**
   * When something next happens by itself: a ready phase's planned start, the next
   * reminder or escalation, or the end of a meeting's material. Undefined: only a
   * message can change anything.
   */
  nextWakeUp(now: number): number | undefined {
    const wakeUps = [
      ...this.sub.phases.filter((p) => this.stateOf(p) === 'ready').map((p) => Date.parse(p.plannedStartAt)),
      ...this.unsentEvents()
        .slice(0, 1)
        .map((e) => Date.parse(e.at)),
      ...(this.rules.meetingsOwnMaterial ? [] : this.sub.deliverables).map((d) => this.materialEnd(d.meeting)),
    ].filter((at) => at > now);
    return wakeUps.length ? Math.min(...wakeUps) : undefined;
  }

  // ---------------------------------------------------------------------------------------

  private start(p: PlannedPhase, by: string, cause: StartCause, now: number, acted?: Acted): void {
    this.phases[p.code].startedAt = iso(now);
    this.phases[p.code].startedBy = by;
    this.note('phase-started', historyLine.phaseStarted(p.code, p.title, cause, acted), now, p.code, by);
  }

  private note(kind: string, text: string, now: number, phase?: string, actor?: string): void {
    this._version++;
    this.pendingHistory.push({
      key: `${this.ids.workflowId}#${this._version}`,
      at: iso(now),
      kind,
      phase,
      actor,
      text,
    });
  }

  private phase(code: string): PlannedPhase {
    const p = this.sub.phases.find((x) => x.code === code);
    if (!p) throw ApplicationFailure.nonRetryable(`Sub-analysis ${this.ids.subAnalysisId} has no phase ${code}`);
    return p;
  }

  private phaseOrRefuse(code: string): PlannedPhase {
    const p = this.sub.phases.find((x) => x.code === code);
    if (!p) refuse(refusal.noPhase(code));
    return p;
  }
}

function findSub(plan: ProgrammePlan, id: string): PlannedSubAnalysis {
  const sub = plan.subAnalyses.find((s) => s.id === id);
  if (!sub) throw ApplicationFailure.nonRetryable(`The programme has no sub-analysis ${id}`);
  return sub;
}

function times(f: PhaseFacts | undefined) {
  return {
    startedAt: f?.startedAt === undefined ? undefined : Date.parse(f.startedAt),
    completedAt: f?.completedAt === undefined ? undefined : Date.parse(f.completedAt),
    gateOpenedAt: f?.gateOpenedAt === undefined ? undefined : Date.parse(f.gateOpenedAt),
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The latest of some instants (undefined ones ignored). */
function latest(...instants: (string | undefined)[]): string {
  return instants
    .filter((x): x is string => x !== undefined)
    .reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}
