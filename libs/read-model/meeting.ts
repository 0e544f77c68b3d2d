/**
 * The read model's contract for committee meetings: what each meeting workflow writes
 * after every change, and what the API, the pages and status reports read back.
 * Files are addressed by their SHA-256 in the file store; only metadata lives here.
 */
import type { FileKind } from '../documents/file-types';
import type { AgendaMethod } from '../documents/meeting-model';
import type { Outcome } from '../documents/outcomes';
import type { DeliverableState } from './contract';

export type { AgendaMethod, FileKind };
/** The committee's outcome for an agenda item (libs/documents/outcomes.ts). */
export type DecisionOutcome = Outcome;

export interface StoredFile {
  sha256: string;
  /** A safe name for people and downloads, never the client's path. */
  fileName: string;
  size: number;
  kind: FileKind;
  contentType: string;
}

export interface DeliverableVersion extends StoredFile {
  number: number;
  submittedAt: string;
  submittedBy: string;
  comment?: string;
}

export interface DeliverableReview {
  at: string;
  by: string;
  action: 'approved' | 'changes_requested';
  /** The version reviewed. */
  version: number;
  comment?: string;
}

export interface MeetingDeliverable {
  subAnalysis: string;
  subAnalysisTitle: string;
  title: string;
  state: DeliverableState;
  versions: DeliverableVersion[];
  reviews: DeliverableReview[];
  approvedVersion?: number;
  approvedAt?: string;
}

/** What the secretariat may set on an agenda item; the rest comes from the definition. */
export interface AgendaItemSettings {
  title?: string;
  background?: string;
  recommendation?: string;
  method?: AgendaMethod;
  responsible?: string;
  minutes?: number;
  /** Position among the items between the standing ones (1 = first). */
  order?: number;
}

export interface AgendaAttachment {
  /** 'N.M': item number and attachment number. */
  number: string;
  title: string;
  subAnalysis: string;
  /** The approved version; absent when the material is missing. */
  version?: number;
  file?: StoredFile;
}

export interface AgendaItem {
  /** The sub-analysis id, or 'godkendelse-af-dagsorden' / 'eventuelt' for the standing items. */
  key: string;
  subAnalysis?: string;
  standing: boolean;
  number: number;
  title: string;
  background: string;
  recommendation: string;
  method: AgendaMethod;
  responsible: string;
  minutes: number;
  attachments: AgendaAttachment[];
}

export interface Decision {
  subAnalysis: string;
  outcome: DecisionOutcome;
  input: string;
  decidedAt: string;
  decidedBy: string;
}

export interface MeetingChange {
  at: string;
  by: string;
  reason: string;
  /** Danish: what moved, e.g. "Mødedato ændret fra … til …". */
  text: string;
}

export interface MeetingSnapshot {
  programmeId: string;
  meetingId: string;
  title: string;
  version: number;
  asOf: string;
  date: string;
  time?: string;
  durationMinutes?: number;
  place?: string;
  materialDue: string;
  packageDate: string;
  /** Instant the package goes out. */
  packageAt: string;
  /** Raised when the meeting moves, so calendar invitations update. */
  sequence: number;
  changes: MeetingChange[];
  deliverables: MeetingDeliverable[];
  agenda: AgendaItem[];
  package: { sentAt?: string; zipSha256?: string; agendaSha256?: string; reopenedAt?: string; reopenReason?: string };
  decisions: Decision[];
  protocol?: { sha256: string; at: string; number: number };
}
