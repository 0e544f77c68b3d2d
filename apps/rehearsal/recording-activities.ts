/**
 * The activities a rehearsal's worker offers: the real ones for the read model, the
 * documents and the status reports (on a throwaway database and file store, so the PDFs
 * come from the same code), and in place of sending mail, a recorder. Each notes what
 * happened in the trace at the workflow's own (time-skipped) time.
 */
import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import type { NotificationRequest, SporActivities } from '../../activities';
import { createMeetingDocumentActivities } from '../../activities/documents/meeting-documents.activities';
import type { FileStore } from '../../activities/files/file-store';
import { createReadModelActivities } from '../../activities/read-model/read-model.activities';
import {
  type MadeReport,
  type MakeReportRequest,
  createStatusReportActivities,
  reportLink,
} from '../../activities/reports/status-report.activities';
import { ReportSourcesReader } from '../../libs/persistence/repositories/report-sources';
import { StatusReports } from '../../libs/persistence/repositories/status-reports';
import { calendarOf } from '../../libs/plan/plan';
import { pdfFilename, reportEmail, reportSubject } from '../../libs/report-rendering';
import { buildStatusReport } from '../../libs/reports/report-model';
import type { WorkCalendar } from '../../libs/plan/working-days';
import { isoWeekOf } from '../../libs/plan/working-days';
import type { RehearsalEvent } from '../../libs/rehearsal';
import type { SubAnalysisSnapshot } from '../../libs/read-model/contract';
import type { MeetingSnapshot } from '../../libs/read-model/meeting';

/** History lines that belong in the trace (the rest say the same as these, or nothing new). */
const SUB_ANALYSIS_LINES = new Set([
  'phase-started',
  'phase-completed',
  'gate-opened',
  'gate-closed',
  'plan-changed',
  'decision',
]);
const MEETING_LINES = new Set(['deliverable-submitted', 'deliverable-approved', 'deliverable-changes-requested']);

export interface Recorder {
  events: RehearsalEvent[];
  /** The last snapshot each workflow wrote, by sub-analysis and by meeting. */
  subAnalyses: Map<string, SubAnalysisSnapshot>;
  meetings: Map<string, MeetingSnapshot>;
}

/** Where a notification is about, from its key: '<workflow id>/<event key>'. */
function placeOf(key: string): Pick<RehearsalEvent, 'phase' | 'meeting'> {
  const phase = /\/phase\/([^/]+)\//.exec(key)?.[1];
  const meeting = /\/meeting\/([^/]+)\//.exec(key)?.[1] ?? /\/material\/([^/]+)\//.exec(key)?.[1];
  return { ...(phase && { phase }), ...(meeting && { meeting }) };
}

export function recordingActivities(
  dataSource: DataSource,
  files: FileStore,
  cal: WorkCalendar,
  recorder: Recorder,
  include: { bodies?: boolean; documents?: boolean },
): SporActivities {
  const readModel = createReadModelActivities(dataSource);
  const documents = createMeetingDocumentActivities(files);
  const reports = createStatusReportActivities(dataSource, files);
  const sentKeys = new Set<string>();
  const stored = new StatusReports(dataSource);
  const sources = new ReportSourcesReader(dataSource);

  /** The status-report activity's work without the documents: the same report, subject and recipients. */
  const lightReport = async (req: MakeReportRequest): Promise<MadeReport & { fileName: string }> => {
    const { plan, snapshots, decisions, planChanges } = (await sources.read(req.programmeId))!;
    const atMs = calendarOf(plan).millis(req.at);
    const previous = await stored.before(req.programmeId, atMs);
    const report = buildStatusReport({
      plan,
      snapshots,
      at: req.at,
      previous: previous?.report ?? null,
      decisions,
      notes: req.notes,
      planChanges,
    });
    await stored.store({
      programmeId: req.programmeId,
      id: req.id,
      at: report.at,
      kind: req.kind,
      report,
      pdfSha256: '',
      createdAt: new Date(now()).toISOString(),
      createdBy: req.by ?? null,
    });
    const link = reportLink(req.publicUrl, req.programmeId, req.id);
    return {
      id: req.id,
      at: report.at,
      fileName: pdfFilename(report),
      message: {
        key: req.key,
        programmeId: req.programmeId,
        kind: 'status-report',
        recipients: [...new Set([...plan.steeringGroup, ...plan.secretariat])].sort(),
        subject: reportSubject(report),
        text: include.bodies ? reportEmail(report, { link }).text : '',
        dueAt: report.at,
      },
    };
  };

  /** The activity's scheduled instant: the workflow's time when it asked. */
  const now = (): number => Context.current().info.currentAttemptScheduledTimestampMs;
  const stamp = (ms: number) => {
    const date = cal.dateOf(ms);
    return { at: cal.normalise(ms), date, week: isoWeekOf(date).week };
  };
  const push = (ms: number, event: Omit<RehearsalEvent, 'at' | 'date' | 'week'>) =>
    recorder.events.push({ ...stamp(ms), ...event });
  const document = (kind: string, fileName: string, sha256: string, meeting?: string) =>
    push(now(), { type: 'document', kind, fileName, sha256, ...(meeting && { meeting }) });

  const record = (req: NotificationRequest) => {
    const at = now();
    // A retried activity is the same message: Spor's outbox sends it once.
    if (!sentKeys.has(req.key)) {
      sentKeys.add(req.key);
      push(at, {
        type: 'email',
        kind: req.kind,
        recipients: [...req.recipients],
        subject: req.subject,
        ...(req.subAnalysisId && { subAnalysis: req.subAnalysisId }),
        ...placeOf(req.key),
        ...(include.bodies && { body: req.text }),
      });
    }
    return { sentAt: new Date(at).toISOString(), alreadySent: false };
  };

  return {
    async sendNotification(req: NotificationRequest) {
      return record(req);
    },

    async sendNotifications(requests: NotificationRequest[]) {
      return requests.map(record);
    },

    async recordSubAnalysis(record, history, planChange) {
      await readModel.recordSubAnalysis(record, history, planChange);
      recorder.subAnalyses.set(record.subAnalysisId, record.snapshot);
      for (const line of history) {
        if (!SUB_ANALYSIS_LINES.has(line.kind)) continue;
        push(Date.parse(line.at), {
          type: 'history',
          kind: line.kind,
          subAnalysis: record.subAnalysisId,
          ...(line.phase && { phase: line.phase }),
          text: line.text,
          ...(line.actor && { by: line.actor }),
        });
      }
    },

    async recordMeeting(snapshot, history) {
      await readModel.recordMeeting(snapshot, history);
      recorder.meetings.set(snapshot.meetingId, snapshot);
      for (const line of history) {
        if (!MEETING_LINES.has(line.kind)) continue;
        push(Date.parse(line.at), {
          type: 'history',
          kind: line.kind,
          ...(line.subAnalysisId && { subAnalysis: line.subAnalysisId }),
          meeting: snapshot.meetingId,
          text: line.text,
          ...(line.actor && { by: line.actor }),
        });
      }
    },

    async assemblePackage(req) {
      const made = await documents.assemblePackage(req);
      document('agenda', made.agendaFileName, made.agendaSha256, req.meetingId);
      document('package', `Mødepakke - ${req.details.meetingTitle}.zip`, made.zipSha256, req.meetingId);
      return made;
    },

    async renderProtocol(req) {
      const made = await documents.renderProtocol(req);
      const meeting = /\/meetings\/([^/]+)$/.exec(req.details.link)?.[1];
      document('protocol', `Beslutningsprotokol - ${req.details.meetingTitle}.pdf`, made.sha256, meeting);
      return made;
    },

    async makeStatusReport(req) {
      // Rendering a PDF and a chart for every week's report is most of a rehearsal's
      // time; without documents asked for, the report is built and stored as the real
      // one is, and only its e-mail's words are made.
      if (!include.documents) {
        const made = await lightReport(req);
        push(now(), { type: 'document', kind: 'status-report', fileName: made.fileName });
        return made;
      }
      const made = await reports.makeStatusReport(req);
      const pdf = made.message.attachments?.find((a) => a.contentType === 'application/pdf');
      if (pdf) document('status-report', pdf.filename, pdf.sha256);
      return made;
    },

    async recordStatusNote(note) {
      await reports.recordStatusNote(note);
    },
  };
}
