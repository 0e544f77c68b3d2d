/**
 * The status of a sub-analysis in a status report: På sporet, Risiko or Forsinket
 * (green, amber, red). The one home of the rules; the report's footer, the e-mail and
 * the README quote STATUS_RULES.
 *
 * - Forsinket (red): a phase not completed, or material for a meeting still to come not
 *   approved, more than RED_AFTER_WORKING_DAYS working days past its deadline.
 * - Risiko (amber): anything overdue at all, or a phase due within
 *   AMBER_WITHIN_WORKING_DAYS working days that has not started.
 * - På sporet (green): otherwise.
 *
 * Material counts only while it matters (until its meeting day begins, see
 * libs/plan/material.ts), and "overdue" means working days after the deadline, as the
 * escalations count them (workingDaysOverdue).
 */
import { workingDaysText } from '../texts/dates';

export type ReportStatus = 'on-track' | 'at-risk' | 'late';

export const RED_AFTER_WORKING_DAYS = 5;
export const AMBER_WITHIN_WORKING_DAYS = 3;

export const STATUS_LABEL: Record<ReportStatus, string> = {
  'on-track': 'På sporet',
  'at-risk': 'Risiko',
  late: 'Forsinket',
};

/** Colours for chips and the chart: readable on white, and told apart by their label too. */
export const STATUS_COLOUR: Record<ReportStatus, string> = {
  'on-track': '#2e7d32',
  'at-risk': '#e0a000',
  late: '#c62828',
};

export const REPORT_STATUSES: readonly ReportStatus[] = ['on-track', 'at-risk', 'late'];

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

/** The rules in Danish, one sentence per status, for footers and e-mails. */
export const STATUS_RULES: readonly string[] = [
  `Forsinket: en fase eller materiale til et kommende møde er mere end ${RED_AFTER_WORKING_DAYS} arbejdsdage over fristen.`,
  `Risiko: noget er over fristen, eller en fase med frist inden for ${AMBER_WITHIN_WORKING_DAYS} arbejdsdage er ikke startet.`,
  'På sporet: ellers.',
];

/** What the rules look at, as the report model measures it. */
export interface StatusFacts {
  /** Working days past the deadline of every open item that is overdue (each > 0). */
  overdueWorkingDays: readonly number[];
  /** Working days until the due date of each phase that has not started and is not overdue. */
  notStartedDueInWorkingDays: readonly number[];
}

export interface StatusVerdict {
  status: ReportStatus;
  /** Why, in Danish; empty when on track. */
  reasons: string[];
}

export function statusOf(facts: StatusFacts): StatusVerdict {
  const worst = Math.max(0, ...facts.overdueWorkingDays);
  if (worst > RED_AFTER_WORKING_DAYS) {
    return { status: 'late', reasons: [`Op til ${workingDaysText(worst)} over fristen.`] };
  }
  const reasons: string[] = [];
  if (worst > 0) reasons.push(`Over fristen (op til ${workingDaysText(worst)}).`);
  const soon = facts.notStartedDueInWorkingDays.filter((n) => n <= AMBER_WITHIN_WORKING_DAYS);
  if (soon.length > 0) {
    reasons.push(
      `${soon.length === 1 ? 'En fase' : `${soon.length} faser`} med frist inden for ${AMBER_WITHIN_WORKING_DAYS} arbejdsdage er ikke startet.`,
    );
  }
  return { status: reasons.length > 0 ? 'at-risk' : 'on-track', reasons };
}
