import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { Readable } from 'node:stream';
import { FileNotFound, FileStore } from '../../../activities/files';
import type { AcceptedUpload } from '../../../activities/files';
import type { SporConfig } from '../../../libs/config';
import {
  type MeetingDetails,
  agendaModel,
  packageAttachments,
} from '../../../activities/documents/meeting-documents.activities';
import { agendaFileName, agendaPdf, packageZip } from '../../../libs/documents';
import type { ProgrammeDefinition, ProgrammePlan } from '../../../libs/plan';
import { checkMeetingChange } from '../../../libs/plan/change-checks';
import { withMeetingChange } from '../../../libs/plan/changes';
import { Meetings } from '../../../libs/persistence/repositories';
import type {
  AgendaItemSettings,
  DeliverableVersion,
  MeetingSnapshot,
  StoredFile,
} from '../../../libs/read-model/meeting';
import { meetingWorkflowId } from '../../../workflows/ids';
import { MeetingState } from '../../../workflows/meeting/state';
import {
  type Acting,
  type DecisionsArgs,
  type MeetingChangeArgs,
  approveDeliverableUpdate,
  changeMeetingUpdate,
  recordDecisionsUpdate,
  reopenMeetingUpdate,
  requestChangesUpdate,
  setAgendaItemUpdate,
  submitDeliverableUpdate,
  whatChanges,
} from '../../../workflows/meeting/messages';
import { BadInputException, ProblemException, StateConflictException, invalidChange } from '../common/errors';
import { meetingRefusal } from '../../../libs/texts/meetings';
import { meetingProblems } from '../../../libs/texts/problems';
import { CONFIG } from '../common/tokens';
import { parseBody } from '../common/validation';
import { uploadFieldsSchema } from '../dtos/meeting.dto';
import { ProgrammesService } from '../programmes/programmes.service';
import { TemporalGateway } from '../temporal/temporal-gateway.service';

/** A stored file ready to serve: its bytes, name and type. */
export interface Download {
  stream: Readable;
  fileName: string;
  contentType: string;
  size: number;
}

/** A document made or read in full: the bytes, name and type. */
export interface Document {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

const PDF = 'application/pdf';

/**
 * Committee meetings: read from the read model (or, before the programme starts, from
 * the plan), changed by Updates to the meeting's workflow. What the programme does not
 * know (the meeting, a deliverable for it, an agenda item) is 404 here, before Temporal
 * is asked, and before an upload's bytes are read.
 */
@Injectable()
export class MeetingsService {
  /** Uploads stored but not yet answered, by SHA-256: their bytes must not be removed under them. */
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly programmes: ProgrammesService,
    private readonly meetings: Meetings,
    private readonly temporal: TemporalGateway,
    readonly store: FileStore,
    @Inject(CONFIG) private readonly config: SporConfig,
  ) {}

  get maxUploadBytes(): number {
    return this.config.maxUploadBytes;
  }

  // ---- Reading ----

  async list(programmeId: string): Promise<MeetingSnapshot[]> {
    const { definition, plan } = await this.programmes.planOf(programmeId);
    const written = await this.meetings.snapshots(programmeId);
    return plan.meetings.map((m) => written.get(m.id) ?? this.planned(definition, plan, m.id));
  }

  async get(programmeId: string, meetingId: string): Promise<MeetingSnapshot> {
    const { definition, plan } = await this.programmes.planOf(programmeId);
    return this.snapshotOf(definition, plan, meetingId);
  }

  /** The bytes of one version, exactly as they were handed in. */
  async version(programmeId: string, meetingId: string, subAnalysisId: string, n: number): Promise<Download> {
    const meeting = await this.get(programmeId, meetingId);
    const deliverable = this.deliverableOf(meeting, subAnalysisId);
    const version = deliverable.versions.find((v) => v.number === n);
    if (!version) {
      throw new ProblemException(404, meetingProblems.noVersion(subAnalysisId, meetingId, n));
    }
    return { ...(await this.open(version)), fileName: version.fileName, contentType: version.contentType };
  }

  /** The Dagsorden: the one sent with the package once it is sent, else made from the meeting now. */
  async agenda(programmeId: string, meetingId: string): Promise<Document> {
    const { definition, plan } = await this.programmes.planOf(programmeId);
    const meeting = await this.snapshotOf(definition, plan, meetingId);
    const agenda = this.agendaOf(definition, plan, meeting);
    const fileName = agendaFileName(agenda);
    if (meeting.package.agendaSha256) {
      return { bytes: await this.read(meeting.package.agendaSha256), fileName, contentType: PDF };
    }
    return { bytes: await agendaPdf(agenda), fileName, contentType: PDF };
  }

  /**
   * The meeting package: the zip sent (404 before it is sent), or with `draft` the zip
   * as it would be sent now, made from the meeting's agenda and approved files.
   */
  async package(
    programmeId: string,
    meetingId: string,
    draft: boolean,
  ): Promise<{ stream: Readable; fileName: string; size?: number }> {
    const { definition, plan } = await this.programmes.planOf(programmeId);
    const meeting = await this.snapshotOf(definition, plan, meetingId);
    const agenda = this.agendaOf(definition, plan, meeting);
    const fileName = `Mødepakke - ${definition.committee.name} - ${meeting.date}.zip`;
    if (!draft) {
      const sha256 = meeting.package.zipSha256;
      if (!sha256) {
        throw new ProblemException(404, meetingProblems.packageNotSent(meetingId, meeting.packageAt));
      }
      return { ...(await this.open({ sha256 })), fileName };
    }
    const stream = packageZip(
      { header: agenda, agendaPdf: await agendaPdf(agenda), attachments: packageAttachments(meeting.agenda) },
      (sha256) => this.store.open(sha256),
    );
    return { stream, fileName };
  }

  /** The Beslutningsprotokol, once decisions are recorded. */
  async protocol(programmeId: string, meetingId: string): Promise<Document> {
    const { definition, plan } = await this.programmes.planOf(programmeId);
    const meeting = await this.snapshotOf(definition, plan, meetingId);
    if (!meeting.protocol) {
      throw new ProblemException(
        404,
        meeting.decisions.length
          ? meetingProblems.protocolBeingMade(meetingId)
          : meetingProblems.noDecisionsYet(meetingId),
      );
    }
    return {
      bytes: await this.read(meeting.protocol.sha256),
      fileName: `Beslutningsprotokol - ${definition.committee.name} - ${meeting.date}.pdf`,
      contentType: PDF,
    };
  }

  // ---- Deliverables ----

  /**
   * Checks, before any byte of an upload is read, that the meeting expects material from
   * the sub-analysis and can still take it: 404 otherwise, 409 when the programme has not
   * started or the package has gone out (unless the secretariat reopened the meeting).
   */
  async checkUpload(programmeId: string, meetingId: string, subAnalysisId: string): Promise<void> {
    const { meeting, started } = await this.target(programmeId, meetingId);
    this.deliverableOf(meeting, subAnalysisId);
    if (!started) throw new StateConflictException(meetingProblems.notStarted(programmeId));
    if (meeting.package.sentAt && !meeting.package.reopenedAt) {
      throw new StateConflictException(meetingProblems.packageSent(meetingId, meeting.package.sentAt));
    }
  }

  /** Notes that an upload's bytes are stored and about to be referred to. */
  hold(sha256: string): void {
    this.inFlight.set(sha256, (this.inFlight.get(sha256) ?? 0) + 1);
  }

  /**
   * The upload is answered. With `discard` (it failed), its bytes are removed unless a
   * version, a package or another upload under way refers to the same bytes.
   */
  async release(sha256: string, discard: boolean): Promise<void> {
    const left = (this.inFlight.get(sha256) ?? 1) - 1;
    if (left > 0) this.inFlight.set(sha256, left);
    else this.inFlight.delete(sha256);
    if (!discard || left > 0 || (await this.meetings.referencesFile(sha256))) return;
    await this.store.remove(sha256);
  }

  /** Hands a stored upload to the meeting's workflow; answers the new version. */
  async submit(
    programmeId: string,
    meetingId: string,
    subAnalysisId: string,
    upload: AcceptedUpload,
    acting: Acting,
    fields: unknown,
  ): Promise<DeliverableVersion> {
    const file: StoredFile = {
      sha256: upload.sha256,
      fileName: upload.name,
      size: upload.size,
      kind: upload.type.kind,
      contentType: upload.type.mime,
    };
    let ok = false;
    try {
      const { comment } = parseBody(uploadFieldsSchema, { ...(fields as object) });
      await this.checkUpload(programmeId, meetingId, subAnalysisId);
      const meeting = await this.temporal.update(this.workflow(programmeId, meetingId), submitDeliverableUpdate, {
        subAnalysis: subAnalysisId,
        file,
        ...acting,
        ...(comment ? { comment } : {}),
      });
      const versions = this.deliverableOf(meeting, subAnalysisId).versions;
      // The newest version with these bytes by this person is the one just made.
      const mine = [...versions].reverse().find((v) => v.sha256 === file.sha256 && v.submittedBy === acting.by);
      ok = true;
      return mine ?? versions[versions.length - 1];
    } finally {
      await this.release(upload.sha256, !ok);
    }
  }

  approve(programmeId: string, meetingId: string, subAnalysisId: string, acting: Acting): Promise<MeetingSnapshot> {
    return this.send(programmeId, meetingId, { deliverable: subAnalysisId }, approveDeliverableUpdate, {
      subAnalysis: subAnalysisId,
      ...acting,
    });
  }

  requestChanges(
    programmeId: string,
    meetingId: string,
    subAnalysisId: string,
    acting: Acting,
    comment: string,
  ): Promise<MeetingSnapshot> {
    return this.send(programmeId, meetingId, { deliverable: subAnalysisId }, requestChangesUpdate, {
      subAnalysis: subAnalysisId,
      ...acting,
      comment,
    });
  }

  // ---- The meeting ----

  setAgendaItem(
    programmeId: string,
    meetingId: string,
    item: string,
    settings: AgendaItemSettings,
    acting: Acting,
  ): Promise<MeetingSnapshot> {
    return this.send(programmeId, meetingId, { item }, setAgendaItemUpdate, { item, settings, ...acting });
  }

  async change(programmeId: string, meetingId: string, change: MeetingChangeArgs): Promise<MeetingSnapshot> {
    // The full check of the changed plan runs here, where zod is at hand; the workflow's
    // validator runs only light checks (its bundle is kept free of the schema). The
    // meeting as it stands now comes from its snapshot (earlier changes included).
    const { definition, plan } = await this.programmes.planOf(programmeId);
    const now = await this.snapshotOf(definition, plan, meetingId);
    const current = withMeetingChange(definition, meetingId, {
      date: now.date,
      materialDue: now.materialDue,
      ...(now.time !== undefined ? { time: now.time } : {}),
      ...(now.place !== undefined ? { place: now.place } : {}),
    });
    const problems = checkMeetingChange(current, meetingId, whatChanges(change));
    if (problems.length) throw invalidChange(meetingRefusal.invalidChange, problems);
    return this.send(programmeId, meetingId, {}, changeMeetingUpdate, change);
  }

  recordDecisions(programmeId: string, meetingId: string, args: DecisionsArgs): Promise<MeetingSnapshot> {
    return this.send(
      programmeId,
      meetingId,
      { decisions: args.items.map((i) => i.subAnalysis) },
      recordDecisionsUpdate,
      args,
    );
  }

  reopen(programmeId: string, meetingId: string, reason: string, acting: Acting): Promise<MeetingSnapshot> {
    return this.send(programmeId, meetingId, {}, reopenMeetingUpdate, { reason, ...acting });
  }

  // ---- Helpers ----

  private workflow(programmeId: string, meetingId: string) {
    return { workflowId: meetingWorkflowId(programmeId, meetingId), what: `Meeting ${meetingId}` };
  }

  /** The meeting and whether its programme has started; 404 for an unknown meeting. */
  private async target(programmeId: string, meetingId: string) {
    const { definition, plan, entity } = await this.programmes.planOf(programmeId);
    const meeting = await this.snapshotOf(definition, plan, meetingId);
    return { meeting, started: entity.startedAt !== null && entity.startedAt !== undefined };
  }

  /**
   * Checks what the Update is about (a deliverable, an agenda item, the sub-analyses
   * decided on) against the meeting, and that the programme runs; then sends it.
   */
  private async send<Arg>(
    programmeId: string,
    meetingId: string,
    about: { deliverable?: string; item?: string; decisions?: string[] },
    update: UpdateDefinition<MeetingSnapshot, [Arg]>,
    arg: Arg,
  ): Promise<MeetingSnapshot> {
    const { meeting, started } = await this.target(programmeId, meetingId);
    if (about.deliverable !== undefined) this.deliverableOf(meeting, about.deliverable);
    if (about.item !== undefined && !meeting.agenda.some((i) => i.key === about.item)) {
      const items = meeting.agenda.map((i) => i.key).join(', ');
      throw new ProblemException(404, meetingProblems.noItem(meetingId, about.item, items));
    }
    if (about.decisions) {
      const onAgenda = new Set(meeting.agenda.filter((i) => !i.standing).map((i) => i.key));
      const seen = new Set<string>();
      const problems = about.decisions.flatMap((sid, n) => {
        const path = `items[${n}].subAnalysis`;
        if (!onAgenda.has(sid)) return [{ path, message: meetingProblems.notOnAgenda(sid, meetingId) }];
        if (seen.has(sid)) return [{ path, message: meetingProblems.decidedTwice(sid) }];
        seen.add(sid);
        return [];
      });
      if (problems.length) throw new BadInputException(problems);
    }
    if (!started) throw new StateConflictException(meetingProblems.notStarted(programmeId));
    return this.temporal.update(this.workflow(programmeId, meetingId), update, arg);
  }

  private async snapshotOf(
    definition: ProgrammeDefinition,
    plan: ProgrammePlan,
    meetingId: string,
  ): Promise<MeetingSnapshot> {
    if (!plan.meetings.some((m) => m.id === meetingId)) {
      throw new ProblemException(404, meetingProblems.noMeeting(plan.programmeId, meetingId));
    }
    return (await this.meetings.snapshot(plan.programmeId, meetingId)) ?? this.planned(definition, plan, meetingId);
  }

  /** A meeting whose workflow has not written yet: as the meeting workflow would begin it now. */
  private planned(definition: ProgrammeDefinition, plan: ProgrammePlan, meetingId: string): MeetingSnapshot {
    const now = Date.now();
    const ids = {
      programmeId: plan.programmeId,
      meetingId,
      workflowId: meetingWorkflowId(plan.programmeId, meetingId),
    };
    return new MeetingState(ids, MeetingState.fresh(definition, meetingId, now), this.config.publicUrl).snapshot(now);
  }

  private deliverableOf(meeting: MeetingSnapshot, subAnalysisId: string) {
    const deliverable = meeting.deliverables.find((d) => d.subAnalysis === subAnalysisId);
    if (!deliverable) {
      throw new ProblemException(404, meetingProblems.noDeliverable(subAnalysisId, meeting.meetingId));
    }
    return deliverable;
  }

  /** What the documents say about the meeting, from the definition and the meeting as it now stands. */
  private details(definition: ProgrammeDefinition, plan: ProgrammePlan, meeting: MeetingSnapshot): MeetingDetails {
    return {
      committee: definition.committee.name,
      meetingTitle: meeting.title,
      date: meeting.date,
      time: meeting.time,
      durationMinutes: meeting.durationMinutes,
      place: meeting.place,
      timezone: plan.timezone,
      sequence: meeting.sequence,
      organizer: plan.secretariat[0],
      attendees: plan.committee,
      people: plan.people,
      link: `${this.config.publicUrl}/programmes/${plan.programmeId}/meetings/${meeting.meetingId}`,
    };
  }

  /** The Dagsorden's model as the package would carry it now (dated by the meeting's last change). */
  private agendaOf(definition: ProgrammeDefinition, plan: ProgrammePlan, meeting: MeetingSnapshot) {
    return agendaModel(this.details(definition, plan, meeting), meeting.agenda, meeting.asOf);
  }

  private async open(file: { sha256: string }): Promise<{ stream: Readable; size: number }> {
    try {
      const size = await this.store.size(file.sha256);
      return { stream: await this.store.open(file.sha256), size };
    } catch (error) {
      throw missingFile(error);
    }
  }

  private async read(sha256: string): Promise<Buffer> {
    try {
      return await this.store.read(sha256);
    } catch (error) {
      throw missingFile(error);
    }
  }
}

/** A stored file the read model names but the store lacks is damage, not a 404 for the caller. */
function missingFile(error: unknown): unknown {
  return error instanceof FileNotFound
    ? new Error(`The file store has lost ${error.sha256}, which the read model refers to`)
    : error;
}
