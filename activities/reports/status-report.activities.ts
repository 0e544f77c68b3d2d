/**
 * Making a status report, where heavy libraries may run (never in a workflow): the
 * report is built from the read model, frozen and stored under its id before anything
 * is rendered; a retry finds it stored and renders the same stored report again. The
 * PDF is stored once (its address in the report's row); the e-mail is rendered from the
 * stored report and goes out through the outbox under the report's key, so it leaves once.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { ReportSourcesReader } from '../../libs/persistence/repositories/report-sources';
import { StatusReports, type StatusReportKind } from '../../libs/persistence/repositories/status-reports';
import { calendarOf } from '../../libs/plan/schedule';
import { renderReportPdf, reportEmail } from '../../libs/report-rendering';
import { type LeadNote, buildStatusReport } from '../../libs/reports/report-model';
import type { ReportStatus } from '../../libs/reports/rag';
import type { FileStore } from '../files/file-store';
import type { NotificationRequest } from '../mail/mail.activities';

export interface MakeReportRequest {
  programmeId: string;
  /** The report's id: its day, with '-N' for the N-th made on demand. */
  id: string;
  kind: StatusReportKind;
  /** The instant the report stands for. */
  at: string;
  /** The leads' latest notes, by sub-analysis (the workflow keeps them). */
  notes: Record<string, LeadNote>;
  /** The key the e-mail is sent under (derived from the workflow and the report). */
  key: string;
  publicUrl: string;
  by?: string;
}

export interface MadeReport {
  id: string;
  at: string;
  message: NotificationRequest;
}

export interface StatusNoteRecord {
  programmeId: string;
  subAnalysisId: string;
  status: ReportStatus;
  text: string;
  at: string;
  by: string;
}

const DOCUMENT_LIMIT = 200 * 1024 * 1024;

/** The report's page in Spor. */
export function reportLink(publicUrl: string, programmeId: string, id: string): string {
  return `${publicUrl}/programmes/${encodeURIComponent(programmeId)}/reports/${encodeURIComponent(id)}`;
}

export function createStatusReportActivities(dataSource: DataSource, files: FileStore) {
  const reports = new StatusReports(dataSource);
  const sources = new ReportSourcesReader(dataSource);
  return {
    async makeStatusReport(req: MakeReportRequest): Promise<MadeReport> {
      const found = await sources.read(req.programmeId);
      if (!found) throw ApplicationFailure.nonRetryable(`No programme ${req.programmeId}`);
      const { plan } = found;
      let stored = await reports.get(req.programmeId, req.id);
      if (!stored) {
        const atMs = calendarOf(plan).millis(req.at);
        const previous = await reports.before(req.programmeId, atMs);
        const report = buildStatusReport({
          plan,
          snapshots: found.snapshots,
          at: req.at,
          previous: previous?.report ?? null,
          decisions: found.decisions,
          notes: req.notes,
          planChanges: found.planChanges,
        });
        const { pdf } = await renderReportPdf(report);
        const { sha256 } = await files.put(pdf, DOCUMENT_LIMIT);
        stored = await reports.store({
          programmeId: req.programmeId,
          id: req.id,
          at: report.at,
          kind: req.kind,
          report,
          pdfSha256: sha256,
          createdAt: new Date().toISOString(),
          createdBy: req.by ?? null,
        });
      }
      const pdf = await files.read(stored.pdfSha256);
      const email = reportEmail(stored.report, { link: reportLink(req.publicUrl, req.programmeId, req.id), pdf });
      const attachments = await Promise.all(
        email.attachments.map(async (a) => ({
          filename: a.filename,
          contentType: a.contentType,
          sha256: (await files.put(Buffer.from(a.content), DOCUMENT_LIMIT)).sha256,
          ...(a.cid && { cid: a.cid }),
        })),
      );
      return {
        id: stored.id,
        at: stored.at,
        message: {
          key: req.key,
          programmeId: req.programmeId,
          kind: 'status-report',
          recipients: [...new Set([...plan.steeringGroup, ...plan.secretariat])].sort(),
          subject: email.subject,
          text: email.text,
          html: email.html,
          dueAt: stored.at,
          attachments,
        },
      };
    },

    async recordStatusNote(note: StatusNoteRecord): Promise<void> {
      const { programmeId, ...rest } = note;
      await reports.saveNote(programmeId, rest);
    },
  };
}
