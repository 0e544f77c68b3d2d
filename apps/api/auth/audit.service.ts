import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntryEntity, AuditOutcome } from '../../../libs/persistence';

/** What the recorder knows about a finished request. */
export interface AuditRecord {
  actorEmail: string | null;
  actorAdmin: boolean;
  action: string;
  programmeId: string | null;
  target: Record<string, string> | null;
  status: number;
}

/** An entry as the API shows it. */
export interface AuditView {
  id: number;
  at: string;
  /** The person's e-mail; null for the admin and for requests without a valid token. */
  actor: string | null;
  admin: boolean;
  action: string;
  programme: string | null;
  target: Record<string, string> | null;
  status: number;
  outcome: AuditOutcome;
}

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

export function outcomeOf(status: number): AuditOutcome {
  if (status === 401 || status === 403) return 'refused';
  if (status >= 500) return 'failed';
  if (status >= 400) return 'rejected';
  return 'ok';
}

/** The audit trail: append and read, nothing else, so entries are never changed or removed. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async append(record: AuditRecord): Promise<void> {
    await this.dataSource.getRepository(AuditEntryEntity).insert({
      at: new Date().toISOString(),
      actorEmail: record.actorEmail,
      actorAdmin: record.actorAdmin,
      // Unmatched paths come from the client as typed; the column has room for 500.
      action: record.action.slice(0, 500),
      programmeId: record.programmeId?.slice(0, 64) ?? null,
      target: record.target && Object.keys(record.target).length ? JSON.stringify(record.target) : null,
      status: record.status,
      outcome: outcomeOf(record.status),
    });
  }

  /** Newest first; of one programme when `programmeId` is given, else of everything. */
  async list(options: { programmeId?: string; limit: number }): Promise<AuditView[]> {
    const rows = await this.dataSource.getRepository(AuditEntryEntity).find({
      where: options.programmeId === undefined ? {} : { programmeId: options.programmeId },
      order: { id: 'DESC' },
      take: options.limit,
    });
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actorEmail,
      admin: Boolean(r.actorAdmin),
      action: r.action,
      programme: r.programmeId,
      target: r.target === null ? null : (JSON.parse(r.target) as Record<string, string>),
      status: r.status,
      outcome: r.outcome,
    }));
  }
}
