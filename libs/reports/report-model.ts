/**
 * A status report to the steering group, as data: what the programme's state implies at
 * one instant, frozen so that a stored report renders again exactly as it was sent.
 * Pure (no clock, no I/O): the caller passes the instant, the plan, the read model's
 * snapshots, the previous report, the committee's decisions and the leads' notes.
 *
 * Every sentence people read is made here, in Danish, so the PDF, the e-mail and the
 * pages render the same words and a stored report never depends on later wording.
 */
import { materialMatters } from '../plan/material';
import type { ProgrammePlan } from '../plan/plan';
import { calendarOf, workingDaysOverdue } from '../plan/schedule';
import { type Instant, type IsoDate, isoWeekOf } from '../plan/working-days';
import {
  type DeliverableState,
  type PhaseState,
  type SubAnalysisSnapshot,
  notStartedSnapshot,
} from '../read-model/contract';
import { danishDateWithoutWeek, workingDaysText } from '../texts/dates';
import { DELIVERABLE_STATE, PHASE_STATE } from '../texts/labels';
import { type ReportStatus, STATUS_LABEL, STATUS_RULES, statusOf } from './rag';

/** "The next two weeks": the working days after the report's day that a report looks ahead. */
export const LOOKAHEAD_WORKING_DAYS = 10;

/** Bumped when the shape changes, so a stored report says which renderer reads it. */
export const STATUS_REPORT_FORMAT = 1;

/** A committee decision on a sub-analysis (outcome as the API's contract spells it). */
export interface CommitteeDecision {
  meeting: string;
  subAnalysis: string;
  outcome: string;
  /** The committee's input, if any. */
  input?: string;
  decidedAt: Instant;
}

/** A lead's own word on a sub-analysis, asked for before each report. */
export interface LeadNote {
  status: ReportStatus;
  text: string;
  at: Instant;
}

/** Why a phase's weeks were changed (from the audit trail), to name in the changes. */
export interface PlanChangeReason {
  subAnalysis: string;
  phase: string;
  reason: string;
  at: Instant;
}

export interface StatusReportInput {
  plan: ProgrammePlan;
  /** The read model's snapshots; a sub-analysis without one is reported as planned. */
  snapshots: Iterable<SubAnalysisSnapshot>;
  at: Instant;
  previous?: StatusReport | null;
  decisions?: readonly CommitteeDecision[];
  /** By sub-analysis id. Only notes given after the previous report (and not after `at`) count. */
  notes?: Readonly<Record<string, LeadNote>>;
  planChanges?: readonly PlanChangeReason[];
}

export interface ReportPhase {
  code: string;
  title: string;
  state: PhaseState;
  stateLabel: string;
  weeks: string;
  startWeek: string;
  dueWeek: string;
  plannedStart: IsoDate;
  due: IsoDate;
  actualStart?: Instant;
  completedAt?: Instant;
  /** The local dates of actualStart and completedAt, for the chart. */
  startedOn?: IsoDate;
  completedOn?: IsoDate;
  /** Working days past the due date while not completed; 0 otherwise. */
  overdueWorkingDays: number;
  gate?: { meeting: string; open: boolean };
}

export interface ReportDeadline {
  kind: 'phase' | 'material';
  /** 'phase/2A' or 'material/<meeting>': stable across reports, for the changes. */
  key: string;
  phase?: string;
  meeting?: string;
  /** Danish: 'Fase 2A "…"' or 'Materiale "…" til …'. */
  title: string;
  due: IsoDate;
  /** Overdue items: working days past the deadline (> 0). Coming items: 0. */
  workingDaysLate: number;
  /** Coming items: working days from the report's day to the deadline (0 on the day). */
  workingDaysLeft: number;
  /** Danish state of the phase or material. */
  stateLabel: string;
}

export interface ReportDeliverable {
  meeting: string;
  title: string;
  materialDue: IsoDate;
  state: DeliverableState;
  stateLabel: string;
  workingDaysLate: number;
}

export interface ReportDecision extends CommitteeDecision {
  meetingTitle: string;
  outcomeLabel: string;
}

export type ReportChangeKind =
  | 'new-sub-analysis'
  | 'phase-started'
  | 'phase-completed'
  | 'newly-overdue'
  | 'plan-changed'
  | 'deliverable'
  | 'decision'
  | 'status';

export interface ReportChange {
  kind: ReportChangeKind;
  phase?: string;
  meeting?: string;
  /** Danish, one sentence. */
  text: string;
}

export interface ReportNote extends LeadNote {
  statusLabel: string;
  /** The lead's status differs from the computed one. */
  disagrees: boolean;
}

export interface SubAnalysisReport {
  id: string;
  title: string;
  status: ReportStatus;
  statusLabel: string;
  /** Why the computed status is what it is, in Danish; empty when on track. */
  statusReasons: string[];
  note: ReportNote | null;
  finished: boolean;
  phases: ReportPhase[];
  overdue: ReportDeadline[];
  /** Deadlines within the look-ahead, not overdue, not done. */
  comingUp: ReportDeadline[];
  /** Material for the next meeting. */
  deliverables: ReportDeliverable[];
  /** The committee's decisions at the latest meeting that decided on this sub-analysis. */
  decisions: ReportDecision[];
  /** Since the previous report; null for the first report. */
  changes: ReportChange[] | null;
}

export interface ReportMeeting {
  id: string;
  title: string;
  date: IsoDate;
  week: number;
  materialDue: IsoDate;
}

export interface StatusReport {
  format: number;
  programme: { id: string; title: string };
  /** The instant the report stands for, with the programme's offset. */
  at: Instant;
  /** Its local date and ISO week. */
  date: IsoDate;
  week: number;
  /** Danish: 'mandag 14. april 2025'. */
  dateText: string;
  lookahead: { workingDays: number; until: IsoDate };
  previous: { at: Instant; date: IsoDate } | null;
  meetings: ReportMeeting[];
  nextMeeting: ReportMeeting | null;
  counts: Record<ReportStatus, number>;
  subAnalyses: SubAnalysisReport[];
  statusRules: string[];
}

/** Danish outcome names of the decisions contract (godkendt | droeftet | …). */
const OUTCOME_LABEL: Record<string, string> = {
  godkendt: 'godkendt',
  droeftet: 'drøftet',
  'taget-til-efterretning': 'taget til efterretning',
  'ikke-tiltraadt': 'ikke tiltrådt i nuværende form',
  udgaaet: 'udgået',
};

export function buildStatusReport(input: StatusReportInput): StatusReport {
  const { plan, previous } = input;
  const cal = calendarOf(plan);
  const at = cal.normalise(input.at);
  const atMs = cal.millis(at);
  const today = cal.dateOf(at);
  const until = cal.addWorkingDays(today, LOOKAHEAD_WORKING_DAYS);
  const previousMs = previous ? cal.millis(previous.at) : undefined;
  if (previousMs !== undefined && previousMs > atMs) {
    throw new RangeError(`previous.at: the previous report (${previous!.at}) is later than this one (${at})`);
  }
  const since = (instant: Instant | undefined): boolean =>
    instant !== undefined &&
    cal.millis(instant) <= atMs &&
    (previousMs === undefined || cal.millis(instant) > previousMs);

  const meetings: ReportMeeting[] = plan.meetings.map((m) => ({
    id: m.id,
    title: m.title,
    date: m.date,
    week: m.week,
    materialDue: m.materialDue,
  }));
  const meetingTitle = new Map(meetings.map((m) => [m.id, m.title]));
  const nextMeeting = meetings.find((m) => materialMatters(plan, m.id, atMs)) ?? null;

  const snapshots = new Map([...input.snapshots].map((s) => [s.subAnalysisId, s]));
  const decisions = (input.decisions ?? []).filter((d) => cal.millis(d.decidedAt) <= atMs);

  const subAnalyses = plan.subAnalyses.map((planned): SubAnalysisReport => {
    const snap = snapshots.get(planned.id) ?? notStartedSnapshot(plan, planned.id);
    const overdueDays = (due: IsoDate) => workingDaysOverdue(plan, due, at);

    const phases = snap.phases.map((p): ReportPhase => ({
      code: p.code,
      title: p.title,
      state: p.state,
      stateLabel: PHASE_STATE[p.state],
      weeks: p.weeks,
      startWeek: p.startWeek,
      dueWeek: p.dueWeek,
      plannedStart: p.plannedStart,
      due: p.due,
      ...(p.actualStart !== undefined && { actualStart: p.actualStart }),
      ...(p.completedAt !== undefined && { completedAt: p.completedAt }),
      ...(p.actualStart !== undefined && { startedOn: cal.dateOf(p.actualStart) }),
      ...(p.completedAt !== undefined && { completedOn: cal.dateOf(p.completedAt) }),
      overdueWorkingDays: p.state === 'completed' ? 0 : overdueDays(p.due),
      ...(p.gate && { gate: { meeting: p.gate.meeting, open: p.gate.open } }),
    }));

    const openPhases = phases.filter((p) => p.state !== 'completed');
    // Material matters until its meeting day begins; approved material is done.
    const openMaterial = snap.deliverables.filter(
      (d) => d.state !== 'approved' && materialMatters(plan, d.meeting, atMs),
    );
    const phaseItem = (p: ReportPhase): ReportDeadline => ({
      kind: 'phase',
      key: `phase/${p.code}`,
      phase: p.code,
      title: `Fase ${p.code} "${p.title}"`,
      due: p.due,
      workingDaysLate: p.overdueWorkingDays,
      workingDaysLeft: p.due >= today ? cal.workingDaysBetween(today, p.due) : 0,
      stateLabel: p.stateLabel,
    });
    const materialItem = (d: SubAnalysisSnapshot['deliverables'][number]): ReportDeadline => ({
      kind: 'material',
      key: `material/${d.meeting}`,
      meeting: d.meeting,
      title: `Materiale "${d.title}" til ${meetingTitle.get(d.meeting) ?? d.meeting}`,
      due: d.materialDue,
      workingDaysLate: overdueDays(d.materialDue),
      workingDaysLeft: d.materialDue >= today ? cal.workingDaysBetween(today, d.materialDue) : 0,
      stateLabel: DELIVERABLE_STATE[d.state],
    });
    const open = [...openPhases.map(phaseItem), ...openMaterial.map(materialItem)].sort(
      (a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key),
    );
    const overdue = open.filter((i) => i.workingDaysLate > 0).sort((a, b) => b.workingDaysLate - a.workingDaysLate);
    const comingUp = open.filter((i) => i.workingDaysLate === 0 && i.due >= today && i.due <= until);

    const verdict = statusOf({
      overdueWorkingDays: overdue.map((i) => i.workingDaysLate),
      notStartedDueInWorkingDays: openPhases
        .filter((p) => (p.state === 'planned' || p.state === 'ready') && p.overdueWorkingDays === 0 && p.due >= today)
        .map((p) => cal.workingDaysBetween(today, p.due)),
    });

    const deliverables = nextMeeting
      ? snap.deliverables
          .filter((d) => d.meeting === nextMeeting.id)
          .map((d) => ({
            meeting: d.meeting,
            title: d.title,
            materialDue: d.materialDue,
            state: d.state,
            stateLabel: DELIVERABLE_STATE[d.state],
            workingDaysLate: d.state === 'approved' ? 0 : overdueDays(d.materialDue),
          }))
      : [];

    const own = decisions
      .filter((d) => d.subAnalysis === planned.id)
      .sort((a, b) => cal.millis(a.decidedAt) - cal.millis(b.decidedAt))
      .map((d) => reportDecision(d, meetingTitle));
    const latestMeeting = own.at(-1)?.meeting;
    const latestDecisions = own.filter((d) => d.meeting === latestMeeting);

    const given = input.notes?.[planned.id];
    const note: ReportNote | null =
      given && since(given.at)
        ? {
            status: given.status,
            text: given.text,
            at: cal.normalise(given.at),
            statusLabel: STATUS_LABEL[given.status],
            disagrees: given.status !== verdict.status,
          }
        : null;

    const current: SubAnalysisReport = {
      id: planned.id,
      title: snap.title,
      status: verdict.status,
      statusLabel: STATUS_LABEL[verdict.status],
      statusReasons: verdict.reasons,
      note,
      finished: snap.finished,
      phases,
      overdue,
      comingUp,
      deliverables,
      decisions: latestDecisions,
      changes: null,
    };
    if (previous) {
      const before = previous.subAnalyses.find((s) => s.id === planned.id);
      current.changes = changesSince(
        before,
        current,
        snap,
        own.filter((d) => since(d.decidedAt)),
        (input.planChanges ?? []).filter((c) => c.subAnalysis === planned.id && since(c.at)),
      );
    }
    return current;
  });

  const counts: Record<ReportStatus, number> = { 'on-track': 0, 'at-risk': 0, late: 0 };
  for (const s of subAnalyses) counts[s.status]++;

  return deepFreeze({
    format: STATUS_REPORT_FORMAT,
    programme: { id: plan.programmeId, title: plan.title },
    at,
    date: today,
    week: isoWeekOf(today).week,
    dateText: danishDateWithoutWeek(today),
    lookahead: { workingDays: LOOKAHEAD_WORKING_DAYS, until },
    previous: previous ? { at: previous.at, date: previous.date } : null,
    meetings,
    nextMeeting,
    counts,
    subAnalyses,
    statusRules: [...STATUS_RULES],
  });
}

function reportDecision(d: CommitteeDecision, meetingTitle: ReadonlyMap<string, string>): ReportDecision {
  return {
    meeting: d.meeting,
    subAnalysis: d.subAnalysis,
    outcome: d.outcome,
    ...(d.input !== undefined && d.input !== '' && { input: d.input }),
    decidedAt: d.decidedAt,
    meetingTitle: meetingTitle.get(d.meeting) ?? d.meeting,
    outcomeLabel: OUTCOME_LABEL[d.outcome] ?? d.outcome,
  };
}

/** What happened to a sub-analysis between the previous report and this one. */
function changesSince(
  before: SubAnalysisReport | undefined,
  now: SubAnalysisReport,
  snap: SubAnalysisSnapshot,
  newDecisions: readonly ReportDecision[],
  reasons: readonly PlanChangeReason[],
): ReportChange[] {
  if (!before) return [{ kind: 'new-sub-analysis', text: 'Analysesporet er kommet med siden sidste rapport.' }];
  const changes: ReportChange[] = [];
  const phaseBefore = new Map(before.phases.map((p) => [p.code, p]));
  for (const p of now.phases) {
    const old = phaseBefore.get(p.code);
    if (old && old.weeks !== p.weeks) {
      const reason = reasons.filter((r) => r.phase === p.code).at(-1)?.reason;
      changes.push({
        kind: 'plan-changed',
        phase: p.code,
        text: `Fase ${p.code} er flyttet fra uge ${old.weeks} til uge ${p.weeks}.${reason ? ` Begrundelse: ${reason}` : ''}`,
      });
    }
    if (p.actualStart && !old?.actualStart) {
      changes.push({ kind: 'phase-started', phase: p.code, text: `Fase ${p.code} "${p.title}" er startet.` });
    }
    if (p.completedAt && !old?.completedAt) {
      changes.push({ kind: 'phase-completed', phase: p.code, text: `Fase ${p.code} "${p.title}" er afsluttet.` });
    }
  }
  const overdueBefore = new Set(before.overdue.map((i) => i.key));
  for (const i of now.overdue) {
    if (!overdueBefore.has(i.key)) {
      changes.push({
        kind: 'newly-overdue',
        ...(i.phase !== undefined && { phase: i.phase }),
        ...(i.meeting !== undefined && { meeting: i.meeting }),
        text: `${i.title} er nu ${workingDaysText(i.workingDaysLate)} over fristen.`,
      });
    }
  }
  const materialBefore = new Map(before.deliverables.map((d) => [d.meeting, d.state]));
  for (const d of snap.deliverables) {
    const was = materialBefore.get(d.meeting);
    if (was !== undefined && was !== d.state) {
      changes.push({
        kind: 'deliverable',
        meeting: d.meeting,
        text: `Materialet "${d.title}" er nu ${DELIVERABLE_STATE[d.state]} (før: ${DELIVERABLE_STATE[was]}).`,
      });
    }
  }
  for (const d of newDecisions) {
    changes.push({
      kind: 'decision',
      meeting: d.meeting,
      text: `${d.meetingTitle}: ${d.outcomeLabel}.${d.input ? ` ${d.input}` : ''}`,
    });
  }
  if (before.status !== now.status) {
    changes.push({ kind: 'status', text: `Status er ændret fra ${before.statusLabel} til ${now.statusLabel}.` });
  }
  return changes;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
