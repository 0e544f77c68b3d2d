import { Inject, Injectable } from '@nestjs/common';
import type { SporConfig } from '../../../libs/config';
import { ReportSourcesReader, StatusReports, type StatusReportSummary } from '../../../libs/persistence/repositories';
import { buildStatusReport, timelineSvg } from '../../../libs/reports';
import { reportHtmlDocument } from '../../../libs/report-rendering/report-email';
import { FileStore } from '../../../activities/files/file-store';
import { statusReportWorkflowId } from '../../../workflows/ids';
import {
  type GivenStatusNote,
  type StatusNoteArgs,
  giveStatusNoteUpdate,
  makeReportNowUpdate,
} from '../../../workflows/status-report/messages';
import { ProblemException, StateConflictException } from '../common/errors';
import { reportProblems } from '../../../libs/texts/problems';
import { CONFIG } from '../common/tokens';
import { ProgrammesService } from '../programmes/programmes.service';
import { TemporalGateway } from '../temporal/temporal-gateway.service';

/**
 * Status reports: made by the programme's status-report workflow (on its cadence, or
 * now through an Update, so a report is made and sent once), read back as stored.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly temporal: TemporalGateway,
    private readonly reports: StatusReports,
    private readonly sources: ReportSourcesReader,
    @Inject(CONFIG) private readonly config: SporConfig,
    private readonly files: FileStore,
  ) {}

  /** Makes and sends a report now; answers it once it is stored and sent. */
  async makeNow(programmeId: string, by: string) {
    await this.startedProgramme(programmeId);
    const made = await this.temporal.update(this.target(programmeId), makeReportNowUpdate, { by });
    return this.summary((await this.reports.get(programmeId, made.id))!);
  }

  async list(programmeId: string) {
    await this.programmes.planOf(programmeId);
    return (await this.reports.list(programmeId)).map((r) => this.summary(r));
  }

  async get(programmeId: string, id: string) {
    const stored = await this.stored(programmeId, id);
    return { ...this.summary(stored), report: stored.report };
  }

  /** The report as one HTML document, as the e-mail shows it (the chart as inline SVG). */
  async html(programmeId: string, id: string): Promise<string> {
    const stored = await this.stored(programmeId, id);
    const links = this.links(programmeId, id);
    return reportHtmlDocument(stored.report, {
      link: `${this.config.publicUrl}${links.page}`,
      pdfLink: `${this.config.publicUrl}${links.pdf}`,
    });
  }

  /** A stored report's chart, as it was drawn in the report. */
  async reportTimeline(programmeId: string, id: string): Promise<string> {
    return timelineSvg((await this.stored(programmeId, id)).report, { fluid: true });
  }

  async pdf(programmeId: string, id: string): Promise<{ content: Buffer; filename: string }> {
    const stored = await this.stored(programmeId, id);
    return { content: await this.files.read(stored.pdfSha256), filename: `statusrapport-${programmeId}-${id}.pdf` };
  }

  /** The programme's timeline chart now, drawn by the code that draws the reports' chart. */
  async timeline(programmeId: string, now = new Date()): Promise<string> {
    await this.programmes.planOf(programmeId);
    const sources = (await this.sources.read(programmeId))!;
    return timelineSvg(buildStatusReport({ ...sources, at: now.toISOString() }), { fluid: true });
  }

  async giveNote(programmeId: string, args: StatusNoteArgs): Promise<GivenStatusNote> {
    const { definition } = await this.startedProgramme(programmeId);
    if (!definition.subAnalyses.some((s) => s.id === args.subAnalysis)) {
      throw new ProblemException(404, reportProblems.noSubAnalysis(programmeId, args.subAnalysis));
    }
    return this.temporal.update(this.target(programmeId), giveStatusNoteUpdate, args);
  }

  async note(programmeId: string, subAnalysisId: string): Promise<{ note: GivenStatusNote | null }> {
    const { definition } = await this.programmes.planOf(programmeId);
    if (!definition.subAnalyses.some((s) => s.id === subAnalysisId)) {
      throw new ProblemException(404, reportProblems.noSubAnalysis(programmeId, subAnalysisId));
    }
    const note = (await this.reports.notes(programmeId)).find((n) => n.subAnalysisId === subAnalysisId);
    if (!note) return { note: null };
    const { subAnalysisId: subAnalysis, ...rest } = note;
    return { note: { subAnalysis, ...rest } };
  }

  private target(programmeId: string) {
    return { workflowId: statusReportWorkflowId(programmeId), what: `Status reports of programme ${programmeId}` };
  }

  private async startedProgramme(programmeId: string) {
    const found = await this.programmes.planOf(programmeId);
    if (!found.entity.startedAt) throw new StateConflictException(reportProblems.notStarted(programmeId));
    return found;
  }

  private async stored(programmeId: string, id: string) {
    await this.programmes.planOf(programmeId);
    const stored = await this.reports.get(programmeId, id);
    if (!stored) throw new ProblemException(404, reportProblems.noReport(programmeId, id));
    return stored;
  }

  private links(programmeId: string, id: string) {
    const base = `/api/programmes/${encodeURIComponent(programmeId)}/reports/${encodeURIComponent(id)}`;
    return {
      json: base,
      html: `${base}.html`,
      pdf: `${base}.pdf`,
      page: `/programmes/${encodeURIComponent(programmeId)}/reports/${encodeURIComponent(id)}`,
    };
  }

  private summary(r: StatusReportSummary) {
    return { id: r.id, at: r.at, kind: r.kind, createdBy: r.createdBy, links: this.links(r.programmeId, r.id) };
  }
}
