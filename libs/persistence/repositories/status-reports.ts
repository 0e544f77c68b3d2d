import type { DataSource } from 'typeorm';
import type { StatusReport } from '../../reports/report-model';
import type { ReportStatus } from '../../reports/rag';
import { StatusNoteEntity, StatusReportEntity } from '../entities/status-report.entity';
import { inTransaction } from '../transactions';

export type StatusReportKind = 'scheduled' | 'on-demand';

/** A stored report without its content, as lists show it. */
export interface StatusReportSummary {
  id: string;
  programmeId: string;
  at: string;
  kind: StatusReportKind;
  pdfSha256: string;
  createdAt: string;
  createdBy: string | null;
}

export interface StoredStatusReport extends StatusReportSummary {
  report: StatusReport;
}

export interface StoredStatusNote {
  subAnalysisId: string;
  status: ReportStatus;
  text: string;
  at: string;
  by: string;
}

const summary = (r: StatusReportEntity): StatusReportSummary => ({
  id: r.id,
  programmeId: r.programmeId,
  at: r.at,
  kind: r.kind as StatusReportKind,
  pdfSha256: r.pdfSha256,
  createdAt: r.createdAt,
  createdBy: r.createdBy,
});

/**
 * Status reports as sent and the leads' latest notes. A report is written once under
 * its id and never changed: a second write of the same id keeps the first.
 */
export class StatusReports {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a report unless one with its id is stored already; answers the stored one. */
  async store(row: Omit<StatusReportEntity, 'json'> & { report: StatusReport }): Promise<StoredStatusReport> {
    return inTransaction(this.dataSource, async (tx) => {
      const { report, ...rest } = row;
      await tx
        .createQueryBuilder()
        .insert()
        .into(StatusReportEntity)
        .values({ ...rest, json: JSON.stringify(report) })
        .orIgnore()
        .execute();
      const stored = await tx
        .getRepository(StatusReportEntity)
        .findOneByOrFail({ programmeId: row.programmeId, id: row.id });
      return { ...summary(stored), report: JSON.parse(stored.json) as StatusReport };
    });
  }

  async get(programmeId: string, id: string): Promise<StoredStatusReport | undefined> {
    const row = await this.dataSource.getRepository(StatusReportEntity).findOneBy({ programmeId, id });
    return row ? { ...summary(row), report: JSON.parse(row.json) as StatusReport } : undefined;
  }

  /** Newest first. */
  async list(programmeId: string): Promise<StatusReportSummary[]> {
    const rows = await this.dataSource.getRepository(StatusReportEntity).find({
      select: { programmeId: true, id: true, at: true, kind: true, pdfSha256: true, createdAt: true, createdBy: true },
      where: { programmeId },
    });
    return rows.map(summary).sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id));
  }

  /** The latest report made before an instant (the one the next report compares with). */
  async before(programmeId: string, atMs: number): Promise<StoredStatusReport | undefined> {
    // Instants carry offsets, so they are compared as times, not as text.
    const all = await this.list(programmeId);
    const previous = all.find((r) => Date.parse(r.at) < atMs);
    return previous ? this.get(programmeId, previous.id) : undefined;
  }

  async saveNote(programmeId: string, note: StoredStatusNote): Promise<void> {
    await inTransaction(this.dataSource, (tx) => tx.getRepository(StatusNoteEntity).save({ programmeId, ...note }));
  }

  async notes(programmeId: string): Promise<StoredStatusNote[]> {
    const rows = await this.dataSource.getRepository(StatusNoteEntity).findBy({ programmeId });
    return rows.map((r) => ({
      subAnalysisId: r.subAnalysisId,
      status: r.status as ReportStatus,
      text: r.text,
      at: r.at,
      by: r.by,
    }));
  }
}
