import type { DataSource } from 'typeorm';
import { type AuditOutcome, AuditEntryEntity } from '../entities/audit-entry.entity';

/** A state-changing request as the audit trail records it. */
export interface AuditRecord {
  actorEmail: string | null;
  actorAdmin: boolean;
  action: string;
  programmeId: string | null;
  target: Record<string, string> | null;
  status: number;
  /** Set for requests that had a pending entry written before they were handled. */
  requestId?: string;
}

/** The outcome of an answered request, by its HTTP status. */
export function outcomeOf(status: number): AuditOutcome {
  if (status === 401 || status === 403) return 'refused';
  if (status >= 500) return 'failed';
  if (status >= 400) return 'rejected';
  return 'ok';
}

/**
 * The audit trail's writes. An entry is either written once as the request ends, or
 * written as `pending` before the request is handled (before a workflow is asked to
 * change anything) and completed once by whoever learns the outcome first: the
 * workflow's read-model activity when it records the change, or the API as it answers.
 * Completion only ever moves an entry out of `pending`, so a late second completion
 * changes nothing.
 */
export class AuditEntries {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(AuditEntryEntity);
  }

  /** An entry for a request being handled now, before anything is changed. */
  async pending(record: Omit<AuditRecord, 'status'> & { requestId: string }): Promise<void> {
    await this.repo.insert({ ...columns({ ...record, status: 0 }), outcome: 'pending' });
  }

  /**
   * Completes a pending entry with the API's answer. When the workflow had already
   * completed it as applied, a successful answer still sets its status (a 201 for an
   * upload, not the 200 the workflow assumed) and leaves its outcome. One UPDATE.
   */
  async complete(requestId: string, status: number, outcome: AuditOutcome = outcomeOf(status)): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ status, outcome: () => "CASE WHEN outcome = 'pending' THEN :outcome ELSE outcome END" })
      .setParameters({ outcome })
      .where('request_id = :requestId', { requestId })
      .andWhere('outcome IN (:...from)', { from: status < 400 ? ['pending', 'ok'] : ['pending'] })
      .execute();
  }

  /**
   * Completes a pending entry as applied, from the workflow's recorded change: right even
   * if the API never answers. An entry the API completed already is left as it is.
   */
  async applied(requestId: string): Promise<void> {
    await this.repo.update({ requestId, outcome: 'pending' }, { status: 200, outcome: 'ok' });
  }

  /** Whether an entry exists for the request id. */
  async exists(requestId: string): Promise<boolean> {
    return (await this.repo.countBy({ requestId })) > 0;
  }

  /** An entry for a request that ended without a pending entry (refused, rejected early). */
  async append(record: AuditRecord, outcome: AuditOutcome = outcomeOf(record.status)): Promise<void> {
    await this.repo.insert({ ...columns(record), outcome });
  }
}

function columns(record: AuditRecord) {
  return {
    at: new Date().toISOString(),
    actorEmail: record.actorEmail,
    actorAdmin: record.actorAdmin,
    // Unmatched paths come from the client as typed; the column has room for 500.
    action: record.action.slice(0, 500),
    programmeId: record.programmeId?.slice(0, 64) ?? null,
    target: record.target && Object.keys(record.target).length ? JSON.stringify(record.target) : null,
    status: record.status,
    requestId: record.requestId ?? null,
  };
}
