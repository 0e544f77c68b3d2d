/**
 * The state of one committee meeting: its date and material deadline (movable, with a
 * reason), every sub-analysis' deliverable with all its versions and reviews, the
 * agenda, the package, and the committee's decisions. It says what is due to be sent
 * and when, and which e-mails a change calls for. Pure and synchronous, unit-tested
 * beside it; the workflow file wires Temporal to it.
 */
import { ApplicationFailure } from '@temporalio/common';
import { badInput, refuse } from '../failures';
import { type AgendaMethod, standingItems } from '../../libs/documents/meeting-model';
import { OUTCOMES } from '../../libs/documents/outcomes';
import type { ProgrammeDefinition } from '../../libs/plan/definition';
import { type PlannedMeeting, type PlannedSubAnalysis, type ProgrammePlan, computePlan } from '../../libs/plan/plan';
import { type ScheduledEvent, deliverableReminders, packageDispatch } from '../../libs/plan/schedule';
import { meetingChangeProblems, withMeetingChange } from '../../libs/plan/changes';
import { addDays } from '../../libs/plan/working-days';
import type { DeliverableState, HistoryRecord } from '../../libs/read-model/contract';
import type {
  AgendaItem,
  AgendaItemSettings,
  Decision,
  DeliverableReview,
  DeliverableVersion,
  MeetingChange,
  MeetingDeliverable,
  MeetingSnapshot,
  StoredFile,
} from '../../libs/read-model/meeting';
import { composeMessage } from '../../libs/texts/messages';
import { meetingRefusal, meetingText } from '../../libs/texts/meetings';
import type { NotificationRequest } from '../../activities/mail/mail.activities';
import { type CommitteeDecision, type DecisionsArgs, type MeetingChangeArgs, whatChanges } from './messages';

export const STANDING_FIRST = 'godkendelse-af-dagsorden';
export const STANDING_LAST = 'eventuelt';
/** Minutes set aside for a sub-analysis' item unless the secretariat says otherwise. */
const DEFAULT_ITEM_MINUTES = 20;
const ESCALATION_HORIZON_DAYS = 400;

interface DeliverableFacts {
  state: DeliverableState;
  versions: DeliverableVersion[];
  reviews: DeliverableReview[];
  approvedVersion?: number;
  approvedAt?: string;
}

export interface MeetingCarried {
  definition: ProgrammeDefinition;
  deliverables: Record<string, DeliverableFacts>;
  items: Record<string, AgendaItemSettings>;
  changes: MeetingChange[];
  sequence: number;
  pkg: MeetingSnapshot['package'];
  decisions: Decision[];
  protocol?: MeetingSnapshot['protocol'];
  /** Decisions recorded and not yet passed on (signals, protocol): the number of the protocol due. */
  protocolDue?: number;
  /** The sub-analyses the protocol due passes on (absent: every decided one, as runs before this carried). */
  pendingDecisions?: string[];
  sent: string[];
  version: number;
  since: string;
}

export interface MeetingIds {
  programmeId: string;
  meetingId: string;
  workflowId: string;
}

/** Work the workflow does outside the state: each is done once, in order. */
export type MeetingTask =
  | { kind: 'notify'; message: NotificationRequest; eventKey?: string }
  | { kind: 'package'; event: ScheduledEvent }
  | { kind: 'protocol'; number: number; decisions: { subAnalysisWorkflow: string; decision: CommitteeDecision }[] };

export class MeetingState {
  private definition: ProgrammeDefinition;
  private plan!: ProgrammePlan;
  private meeting!: PlannedMeeting;
  private readonly carriedState: MeetingCarried;
  private pendingHistory: HistoryRecord[] = [];
  private pendingMessages: NotificationRequest[] = [];

  constructor(
    private readonly ids: MeetingIds,
    carried: MeetingCarried,
    private readonly publicUrl: string,
  ) {
    const { pendingDecisions, ...rest } = carried;
    this.carriedState = rest;
    this.pendingDecisions = pendingDecisions ?? [];
    this.definition = carried.definition;
    this.replan();
    for (const sub of this.subAnalyses()) {
      carried.deliverables[sub.id] ??= { state: 'missing', versions: [], reviews: [] };
    }
  }

  /** A meeting starting now: only the sub-analyses that deliver to it are its business. */
  static fresh(definition: ProgrammeDefinition, meetingId: string, now: number): MeetingCarried {
    return {
      definition: {
        ...definition,
        subAnalyses: definition.subAnalyses.filter(
          (s) =>
            s.deliverables.some((d) => d.meeting === meetingId) || s.phases.some((p) => p.gate?.meeting === meetingId),
        ),
      },
      deliverables: {},
      items: {},
      changes: [],
      sequence: 0,
      pkg: {},
      decisions: [],
      sent: [],
      version: 0,
      since: iso(now),
    };
  }

  /** A meeting workflow that has begun: its first snapshot is version 1, so readers can tell it from the plan's. */
  noteStarted(): void {
    this.bump();
  }

  carried(): MeetingCarried {
    return {
      ...this.carriedState,
      definition: this.definition,
      // A decision recorded while the run waited to continue as new is passed on by the next.
      ...(this.pendingDecisions.length > 0 && { pendingDecisions: [...this.pendingDecisions] }),
    };
  }

  get version(): number {
    return this.carriedState.version;
  }

  private replan(): void {
    this.plan = computePlan(this.definition);
    const meeting = this.plan.meetings.find((m) => m.id === this.ids.meetingId);
    if (!meeting) throw ApplicationFailure.nonRetryable(`The programme has no meeting ${this.ids.meetingId}`);
    this.meeting = meeting;
  }

  /** Sub-analyses with a deliverable for this meeting, in the definition's order. */
  private subAnalyses(): PlannedSubAnalysis[] {
    return this.plan.subAnalyses.filter((s) => s.deliverables.some((d) => d.meeting === this.ids.meetingId));
  }

  private deliverableTitle(sub: PlannedSubAnalysis): string {
    return sub.deliverables.find((d) => d.meeting === this.ids.meetingId)!.title;
  }

  // --- the agenda ---------------------------------------------------------------------

  agenda(): AgendaItem[] {
    // Danish agendas speak of the committee as "udvalget": "Det indstilles, at udvalget …".
    const committee = 'udvalget';
    const { first, last } = standingItems(committee);
    const ordered = this.subAnalyses()
      .map((sub, index) => ({ sub, index, order: this.carriedState.items[sub.id]?.order }))
      .sort((a, b) => (a.order ?? a.index + 1) - (b.order ?? b.index + 1) || a.index - b.index);
    const items: AgendaItem[] = [];
    const push = (item: Omit<AgendaItem, 'number' | 'attachments'>, attachment?: AgendaItem['attachments'][number]) => {
      const number = items.length + 1;
      items.push({ ...item, number, attachments: attachment ? [{ ...attachment, number: `${number}.1` }] : [] });
    };
    push(this.standing(STANDING_FIRST, first));
    for (const { sub } of ordered) {
      const settings = this.carriedState.items[sub.id] ?? {};
      const gated = sub.phases.some((p) => p.gate?.meeting === this.ids.meetingId);
      const d = this.carriedState.deliverables[sub.id];
      const approved =
        d.approvedVersion !== undefined ? d.versions.find((v) => v.number === d.approvedVersion) : undefined;
      push(
        {
          key: sub.id,
          subAnalysis: sub.id,
          standing: false,
          title: settings.title ?? sub.title,
          background:
            settings.background ??
            meetingText.itemBackground(sub.title, this.deliverableTitle(sub), this.meeting.title),
          recommendation:
            settings.recommendation ??
            (gated
              ? meetingText.recommendationForInput(committee)
              : meetingText.recommendationForInformation(committee)),
          method: settings.method ?? (gated ? 'drøftelse' : 'orientering'),
          responsible: settings.responsible ?? this.responsibleOf(sub),
          minutes: settings.minutes ?? DEFAULT_ITEM_MINUTES,
        },
        {
          number: '',
          title: this.deliverableTitle(sub),
          subAnalysis: sub.id,
          ...(approved
            ? {
                version: approved.number,
                file: {
                  sha256: approved.sha256,
                  fileName: approved.fileName,
                  size: approved.size,
                  kind: approved.kind,
                  contentType: approved.contentType,
                },
              }
            : {}),
        },
      );
    }
    push(this.standing(STANDING_LAST, last));
    return items;
  }

  private standing(
    key: string,
    draft: { title: string; recommendation?: string; method: AgendaMethod; minutes?: number },
  ): Omit<AgendaItem, 'number' | 'attachments'> {
    const settings = this.carriedState.items[key] ?? {};
    return {
      key,
      standing: true,
      title: settings.title ?? draft.title,
      background: settings.background ?? '',
      recommendation: settings.recommendation ?? draft.recommendation ?? '',
      method: settings.method ?? draft.method,
      responsible: settings.responsible ?? this.secretariatName(),
      minutes: settings.minutes ?? draft.minutes ?? 5,
    };
  }

  private responsibleOf(sub: PlannedSubAnalysis): string {
    const owner = sub.projectOwner ? this.plan.people[sub.projectOwner] : undefined;
    return owner ?? sub.drivingDepartment ?? sub.projectLeads.map((e) => this.plan.people[e] ?? e).join(', ');
  }

  private secretariatName(): string {
    return this.plan.secretariat.map((e) => this.plan.people[e] ?? e).join(', ');
  }

  // --- the snapshot -----------------------------------------------------------------------

  snapshot(now: number): MeetingSnapshot {
    const c = this.carriedState;
    const m = this.meeting;
    return {
      programmeId: this.ids.programmeId,
      meetingId: this.ids.meetingId,
      title: m.title,
      version: c.version,
      asOf: iso(now),
      date: m.date,
      ...(m.time !== undefined ? { time: m.time } : {}),
      ...(m.durationMinutes !== undefined ? { durationMinutes: m.durationMinutes } : {}),
      ...(m.place !== undefined ? { place: m.place } : {}),
      materialDue: m.materialDue,
      packageDate: m.packageDate,
      packageAt: packageDispatch(this.plan, m.id).at,
      sequence: c.sequence,
      changes: c.changes,
      deliverables: this.subAnalyses().map((sub): MeetingDeliverable => ({
        subAnalysis: sub.id,
        subAnalysisTitle: sub.title,
        title: this.deliverableTitle(sub),
        ...c.deliverables[sub.id],
      })),
      agenda: this.agenda(),
      package: c.pkg,
      decisions: c.decisions,
      ...(c.protocol ? { protocol: c.protocol } : {}),
    };
  }

  // --- checks ---------------------------------------------------------------------------

  private deliverableOrRefuse(subAnalysis: string): { sub: PlannedSubAnalysis; facts: DeliverableFacts } {
    const sub = this.subAnalyses().find((s) => s.id === subAnalysis);
    if (!sub) refuse(meetingRefusal.noDeliverable(subAnalysis));
    return { sub, facts: this.carriedState.deliverables[subAnalysis] };
  }

  checkSubmit(subAnalysis: string): void {
    this.deliverableOrRefuse(subAnalysis);
    const pkg = this.carriedState.pkg;
    if (pkg.sentAt && !pkg.reopenedAt) refuse(meetingRefusal.packageSent);
  }

  checkApprove(subAnalysis: string): void {
    const { facts } = this.deliverableOrRefuse(subAnalysis);
    if (facts.state === 'approved') refuse(meetingRefusal.alreadyApproved);
    if (facts.state !== 'submitted') refuse(meetingRefusal.nothingToReview);
  }

  checkRequestChanges(subAnalysis: string, comment: string | undefined): void {
    const { facts } = this.deliverableOrRefuse(subAnalysis);
    if (!comment?.trim()) refuse(meetingRefusal.commentRequired);
    if (facts.versions.length === 0) refuse(meetingRefusal.nothingToReview);
  }

  checkAgendaItem(item: string): void {
    if (item !== STANDING_FIRST && item !== STANDING_LAST && !this.subAnalyses().some((s) => s.id === item)) {
      refuse(meetingRefusal.noItem(item));
    }
  }

  checkChange(change: MeetingChangeArgs): void {
    const what = whatChanges(change);
    const changed = withMeetingChange(this.definition, this.ids.meetingId, what);
    const meetingIn = (d: ProgrammeDefinition) => d.committee.meetings.find((x) => x.id === this.ids.meetingId);
    if (JSON.stringify(meetingIn(this.definition)) === JSON.stringify(meetingIn(changed)))
      refuse(meetingRefusal.noChange);
    const problems = meetingChangeProblems(this.definition, this.ids.meetingId, what);
    if (problems.length) badInput(meetingRefusal.invalidChange, problems);
  }

  checkReopen(): void {
    const pkg = this.carriedState.pkg;
    if (!pkg.sentAt) refuse(meetingRefusal.notSent);
    if (pkg.reopenedAt) refuse(meetingRefusal.alreadyOpen);
  }

  checkDecisions(args: Pick<DecisionsArgs, 'items'>): void {
    if (args.items.length === 0) refuse(meetingRefusal.noDecisions);
    for (const item of args.items) {
      if (!this.subAnalyses().some((s) => s.id === item.subAnalysis))
        refuse(meetingRefusal.notOnAgenda(item.subAnalysis));
    }
  }

  // --- changes --------------------------------------------------------------------------

  submit(
    subAnalysis: string,
    file: StoredFile,
    comment: string | undefined,
    by: string,
    now: number,
  ): DeliverableVersion {
    const { sub, facts } = this.deliverableOrRefuse(subAnalysis);
    const version: DeliverableVersion = {
      ...file,
      number: facts.versions.length + 1,
      submittedAt: iso(now),
      submittedBy: by,
      ...(comment ? { comment } : {}),
    };
    facts.versions.push(version);
    // A new version goes (back) to review, also after an approval.
    facts.state = 'submitted';
    delete facts.approvedVersion;
    delete facts.approvedAt;
    const title = this.deliverableTitle(sub);
    this.note(
      sub.id,
      'deliverable-submitted',
      meetingText.submitted(title, this.meeting.title, version.number, file.fileName),
      now,
      by,
    );
    this.queueMessage(`submitted/${sub.id}/${version.number}`, 'material-submitted', this.plan.secretariat, now, {
      subject: meetingText.submittedNotice.subject(sub.title, this.meeting.title),
      lines: meetingText.submittedNotice.body(sub.title, title, version.number, this.plan.people[by] ?? by, comment),
      subAnalysis: sub.id,
    });
    return version;
  }

  approve(subAnalysis: string, by: string, now: number): void {
    const { sub, facts } = this.deliverableOrRefuse(subAnalysis);
    const latest = facts.versions[facts.versions.length - 1];
    facts.state = 'approved';
    facts.approvedVersion = latest.number;
    facts.approvedAt = iso(now);
    facts.reviews.push({ at: iso(now), by, action: 'approved', version: latest.number });
    this.note(
      sub.id,
      'deliverable-approved',
      meetingText.approved(this.deliverableTitle(sub), this.meeting.title, latest.number),
      now,
      by,
    );
  }

  requestChanges(subAnalysis: string, comment: string, by: string, now: number): void {
    const { sub, facts } = this.deliverableOrRefuse(subAnalysis);
    const latest = facts.versions[facts.versions.length - 1];
    facts.state = 'changes_requested';
    delete facts.approvedVersion;
    delete facts.approvedAt;
    facts.reviews.push({ at: iso(now), by, action: 'changes_requested', version: latest.number, comment });
    const title = this.deliverableTitle(sub);
    this.note(
      sub.id,
      'deliverable-changes-requested',
      meetingText.changesRequested(title, this.meeting.title, comment),
      now,
      by,
    );
    this.queueMessage(
      `changes-requested/${sub.id}/${facts.reviews.length}`,
      'material-changes-requested',
      sub.projectLeads,
      now,
      {
        subject: meetingText.changesRequestedNotice.subject(sub.title, this.meeting.title),
        lines: meetingText.changesRequestedNotice.body(title, latest.number, comment, this.meeting.materialDue),
        subAnalysis: sub.id,
      },
    );
  }

  setAgendaItem(item: string, settings: AgendaItemSettings): void {
    this.carriedState.items[item] = { ...this.carriedState.items[item], ...settings };
    this.bump();
  }

  change(change: MeetingChangeArgs, now: number): void {
    const before = this.meeting;
    const what = whatChanges(change);
    this.definition = withMeetingChange(this.definition, this.ids.meetingId, what);
    this.replan();
    const after = this.meeting;
    const lines = (['date', 'time', 'place', 'materialDue'] as const)
      .filter((f) => before[f] !== after[f])
      .map((f) => meetingText.moved(f, before[f], after[f]!));
    this.carriedState.changes.push({ at: iso(now), by: change.by, reason: change.reason, text: lines.join(' ') });
    // People's calendars must see the new date and time.
    if (before.date !== after.date || before.time !== after.time || before.place !== after.place) {
      this.carriedState.sequence++;
    }
    this.bump();
  }

  reopen(reason: string, by: string, now: number): void {
    this.carriedState.pkg = { ...this.carriedState.pkg, reopenedAt: iso(now), reopenReason: reason };
    this.carriedState.changes.push({ at: iso(now), by, reason, text: meetingText.reopened(reason) });
    this.bump();
  }

  /**
   * Records the committee's decisions; a protocol becomes due that passes them on.
   *
   * `queued`: decisions recorded while a protocol is being made, or before the one due has
   * been taken up, are not lost. Before, a second recording while the first's protocol was
   * being made took the same number, was struck off when that protocol went, and its
   * sub-analyses never heard of it; two recordings before the protocol was taken up passed
   * on only the second's. Histories from before replay without it.
   */
  recordDecisions(args: DecisionsArgs, now: number, queued = true): void {
    const decisions = this.carriedState.decisions.filter(
      (d) => !args.items.some((i) => i.subAnalysis === d.subAnalysis),
    );
    for (const item of args.items) {
      decisions.push({ ...item, input: item.input.trim(), decidedAt: iso(now), decidedBy: args.by });
    }
    const order = this.agenda().map((i) => i.key);
    this.carriedState.decisions = decisions.sort((a, b) => order.indexOf(a.subAnalysis) - order.indexOf(b.subAnalysis));
    const items = args.items.map((i) => i.subAnalysis);
    if (!queued) {
      this.carriedState.protocolDue = (this.carriedState.protocol?.number ?? 0) + 1;
      this.pendingDecisions = items;
    } else {
      const due = this.carriedState.protocolDue;
      // A protocol due and not taken up yet takes these decisions too; otherwise the next one.
      if (due === undefined || due === this.protocolTaken) {
        this.carriedState.protocolDue = Math.max(this.carriedState.protocol?.number ?? 0, this.protocolTaken ?? 0) + 1;
      }
      this.pendingDecisions = [...new Set([...this.pendingDecisions, ...items])];
    }
    this.bump();
  }

  /** Sub-analyses whose decisions the next protocol passes on (all decided ones, when empty). */
  private pendingDecisions: string[] = [];
  /** The number of the protocol being made, from the task's making until it is sent. */
  private protocolTaken?: number;

  markPackageSent(zipSha256: string, agendaSha256: string, now: number): void {
    this.carriedState.pkg = { sentAt: iso(now), zipSha256, agendaSha256 };
    this.bump();
  }

  markProtocolSent(number: number, sha256: string, now: number): void {
    this.carriedState.protocol = { number, sha256, at: iso(now) };
    if (this.carriedState.protocolDue === number) delete this.carriedState.protocolDue;
    if (this.protocolTaken === number) this.protocolTaken = undefined;
    this.bump();
  }

  // --- what is due -------------------------------------------------------------------------

  /**
   * The next things to do at `now`, in order: e-mails a change called for, reminders and
   * escalations due, the package on its day, decisions to pass on.
   */
  tasks(now: number): MeetingTask[] {
    const tasks: MeetingTask[] = this.pendingMessages.map((message) => ({ kind: 'notify' as const, message }));
    this.pendingMessages = [];
    for (const event of this.unsentEvents()) {
      if (Date.parse(event.at) > now) break;
      if (event.kind === 'package-dispatch') tasks.push({ kind: 'package', event });
      else if (this.concernsLead(event))
        tasks.push({ kind: 'notify', message: this.reminderMessage(event), eventKey: event.key });
      // Submitted material waits for the secretariat, not the lead: nothing to remind about.
      else this.markDone(event.key);
    }
    const due = this.carriedState.protocolDue;
    if (due !== undefined) {
      const affected = this.pendingDecisions.length
        ? this.pendingDecisions
        : this.carriedState.decisions.map((d) => d.subAnalysis);
      this.pendingDecisions = [];
      this.protocolTaken = due;
      tasks.push({
        kind: 'protocol',
        number: due,
        decisions: this.carriedState.decisions
          .filter((d) => affected.includes(d.subAnalysis))
          .map((d) => ({
            subAnalysisWorkflow: `programme/${this.ids.programmeId}/sub-analysis/${d.subAnalysis}`,
            decision: {
              meeting: this.ids.meetingId,
              meetingTitle: this.meeting.title,
              outcome: d.outcome,
              input: d.input,
              decidedAt: d.decidedAt,
              by: d.decidedBy,
            },
          })),
      });
    }
    return tasks;
  }

  /** Reminders, escalations and the package not yet sent, in time order. */
  unsentEvents(): ScheduledEvent[] {
    const events: ScheduledEvent[] = [];
    for (const sub of this.subAnalyses()) {
      const facts = this.carriedState.deliverables[sub.id];
      if (facts.state === 'approved') continue;
      events.push(
        ...deliverableReminders(this.plan, this.ids.meetingId, sub.id, {
          activeFrom: this.carriedState.since,
          until: addDays(this.meeting.materialDue, ESCALATION_HORIZON_DAYS),
        }),
      );
    }
    if (!this.carriedState.pkg.sentAt) {
      const dispatch = packageDispatch(this.plan, this.ids.meetingId);
      if (Date.parse(dispatch.at) >= Date.parse(this.carriedState.since)) events.push(dispatch);
    }
    const sent = new Set(this.carriedState.sent);
    return events.filter((e) => !sent.has(e.key)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  /** Whether a reminder or escalation still concerns the lead: material missing or sent back. */
  private concernsLead(event: ScheduledEvent): boolean {
    const state = this.carriedState.deliverables[event.subAnalysis!]?.state;
    return state === 'missing' || state === 'changes_requested';
  }

  markDone(eventKey: string): void {
    this.carriedState.sent.push(eventKey);
  }

  nextWakeUp(now: number): number | undefined {
    const next = this.unsentEvents().find((e) => Date.parse(e.at) > now);
    return next ? Date.parse(next.at) : undefined;
  }

  /** Done when the package has gone out and every item has its decision, passed on. */
  finished(): boolean {
    const c = this.carriedState;
    return (
      c.pkg.sentAt !== undefined &&
      c.protocolDue === undefined &&
      this.subAnalyses().every((s) => c.decisions.some((d) => d.subAnalysis === s.id))
    );
  }

  // --- messages ----------------------------------------------------------------------------

  private link(): string {
    return `${this.publicUrl}/programmes/${this.ids.programmeId}/meetings/${this.ids.meetingId}`;
  }

  private reminderMessage(event: ScheduledEvent): NotificationRequest {
    const sub = this.plan.subAnalyses.find((s) => s.id === event.subAnalysis)!;
    const { subject, text } = composeMessage(event, {
      programmeTitle: this.plan.title,
      subAnalysisTitle: sub.title,
      deliverableTitle: this.deliverableTitle(sub),
      meetingTitle: this.meeting.title,
      deadline: this.meeting.materialDue,
      link: `${this.publicUrl}/programmes/${this.ids.programmeId}/sub-analyses/${sub.id}`,
    });
    return this.request(event.key, event.kind, event.recipients, subject, text, event.at, sub.id);
  }

  /** The package e-mail (its attachments are added by the workflow once assembled). */
  packageMessage(event: ScheduledEvent): NotificationRequest {
    const m = this.meeting;
    const text = [
      ...meetingText.packageNotice.body(m.title, m.date, m.time, m.place),
      ...meetingText.footer(this.plan.title, this.link()),
    ].join('\n');
    return this.request(event.key, event.kind, event.recipients, event.title, text, event.at);
  }

  protocolMessage(number: number, now: number): NotificationRequest {
    const affected = this.plan.subAnalyses.filter((s) =>
      this.carriedState.decisions.some((d) => d.subAnalysis === s.id),
    );
    const recipients = [
      ...this.plan.committee,
      ...this.plan.secretariat,
      ...affected.flatMap((s) => [...s.projectLeads, ...(s.projectOwner ? [s.projectOwner] : [])]),
    ];
    const text = [
      ...meetingText.protocolNotice.body(this.meeting.title, this.meeting.date),
      ...meetingText.footer(this.plan.title, this.link()),
    ].join('\n');
    return this.request(
      `protocol/${number}`,
      'protocol',
      recipients,
      meetingText.protocolNotice.subject(this.meeting.title, number),
      text,
      iso(now),
    );
  }

  /** What the calendar invitation and the documents need to know of the meeting. */
  details() {
    return {
      committee: this.definition.committee.name,
      meetingTitle: this.meeting.title,
      date: this.meeting.date,
      time: this.meeting.time,
      durationMinutes: this.meeting.durationMinutes,
      place: this.meeting.place,
      timezone: this.plan.timezone,
      sequence: this.carriedState.sequence,
      organizer: this.plan.secretariat[0],
      attendees: this.plan.committee,
      people: this.plan.people,
      link: this.link(),
    };
  }

  /** Which decisions open gates (libs/documents/outcomes.ts). */
  static opensGate(outcome: Decision['outcome']): boolean {
    return OUTCOMES[outcome].opensGate;
  }

  takeHistory(): HistoryRecord[] {
    const history = this.pendingHistory;
    this.pendingHistory = [];
    return history;
  }

  // ------------------------------------------------------------------------------------------

  private queueMessage(
    key: string,
    kind: string,
    recipients: string[],
    now: number,
    content: { subject: string; lines: string[]; subAnalysis?: string },
  ): void {
    const text = [...content.lines, ...meetingText.footer(this.plan.title, this.link())].join('\n');
    this.pendingMessages.push(
      this.request(key, kind, recipients, content.subject, text, iso(now), content.subAnalysis),
    );
  }

  private request(
    key: string,
    kind: string,
    recipients: string[],
    subject: string,
    text: string,
    dueAt: string,
    subAnalysisId?: string,
  ): NotificationRequest {
    return {
      key: `${this.ids.workflowId}/${key}`,
      programmeId: this.ids.programmeId,
      ...(subAnalysisId ? { subAnalysisId } : {}),
      kind,
      recipients: [...new Set(recipients)].sort(),
      subject,
      text,
      dueAt,
    };
  }

  private bump(): void {
    this.carriedState.version++;
  }

  private note(subAnalysis: string, kind: string, text: string, now: number, actor: string): void {
    this.carriedState.version++;
    this.pendingHistory.push({
      key: `${this.ids.workflowId}#${this.carriedState.version}`,
      at: iso(now),
      kind,
      actor,
      text,
      subAnalysisId: subAnalysis,
    });
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
