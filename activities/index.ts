import type { DataSource } from 'typeorm';
import type { SporConfig } from '../libs/config';
import { createMailActivities } from './mail/mail.activities';
import { MailTransport, createMailTransport } from './mail/transport';
import { createReadModelActivities } from './read-model/read-model.activities';
import { createMeetingDocumentActivities } from './documents/meeting-documents.activities';
import { FileStore } from './files/file-store';

export type { NotificationRequest, NotificationResult } from './mail/mail.activities';
export type { HistoryRecord, PlanChangeRecord, SnapshotRecord } from './read-model/read-model.activities';

/** What activities need from the process that hosts them. */
export interface ActivityDeps {
  dataSource: DataSource;
  config: SporConfig;
  /** Defaults to SMTP_URL's server, or .eml files under DATA_DIR/mail. */
  transport?: MailTransport;
}

/** Every activity the worker offers, grouped by what they touch. */
export function createActivities(deps: ActivityDeps) {
  const transport = deps.transport ?? createMailTransport(deps.config);
  const files = new FileStore(deps.config.dataDir);
  return {
    ...createMailActivities(deps.dataSource, transport, files),
    ...createReadModelActivities(deps.dataSource),
    ...createMeetingDocumentActivities(files),
  };
}

export type SporActivities = ReturnType<typeof createActivities>;
