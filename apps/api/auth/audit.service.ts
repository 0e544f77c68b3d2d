import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntries, AuditEntryEntity, AuditOutcome, type AuditRecord } from '../../../libs/persistence';

export { outcomeOf } from '../../../libs/persistence';
export type { AuditRecord } from '../../../libs/persistence';

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
  /** 0 while the entry is pending. */
  status: number;
  outcome: AuditOutcome;
}

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

/** How often the count of unauthenticated requests is logged, at most. */
const UNAUTHENTICATED_LOG_EVERY_MS = 60_000;

/**
 * The audit trail: entries are appended, a pending one is completed once, and none is
 * ever removed. Requests without a valid token are counted, not stored.
 */
@Injectable()
export class AuditService {
  private readonly entries: AuditEntries;
  private readonly logger = new Logger('Audit');
  private unauthenticated = 0;
  private unauthenticatedLogged = 0;
  private lastLog = 0;

  constructor(private readonly dataSource: DataSource) {
    this.entries = new AuditEntries(dataSource);
  }

  async append(record: AuditRecord): Promise<void> {
    await this.entries.append(record);
  }

  /** Completes a pending entry (if the workflow has not done so already). */
  async complete(requestId: string, status: number, outcome?: AuditOutcome): Promise<void> {
    await this.entries.complete(requestId, status, outcome);
  }

  /** One more state-changing request without a valid token; logged as a count, at most once a minute. */
  countUnauthenticated(now = Date.now()): void {
    this.unauthenticated++;
    if (now - this.lastLog < UNAUTHENTICATED_LOG_EVERY_MS) return;
    this.lastLog = now;
    this.logger.warn(
      `${this.unauthenticated - this.unauthenticatedLogged} state-changing request(s) without a valid token ` +
        `since the last count (${this.unauthenticated} since start); not stored in the audit trail`,
    );
    this.unauthenticatedLogged = this.unauthenticated;
  }

  /** State-changing requests without a valid token since the API started. */
  get unauthenticatedCount(): number {
    return this.unauthenticated;
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
