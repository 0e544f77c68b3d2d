/**
 * The lines of a sub-analysis' history, in Danish. The workflow writes them into its
 * read model; they are part of the workflow's output, so a change here changes only
 * lines written from then on.
 */
import { danishDate } from './dates';

/** How a phase came to start, after "er startet". */
export type StartCause = 'on-plan' | 'early';

const START_CAUSE: Record<StartCause, string> = {
  'on-plan': 'efter planen',
  early: 'før tid af projektlederen',
};

const PLAN_CHANGE_REASON = ' Begrundelse: ';

/**
 * Who acted on a phase, by the role they acted in. Lines written before roles were
 * passed along name no one (or, for an early start, the lead, as they always did).
 */
export type ActingRole = 'project-lead' | 'project-owner' | 'secretariat' | 'admin';

/** The role in the definite form, after "af". */
export const ACTED_BY: Record<ActingRole, string> = {
  'project-lead': 'projektlederen',
  'project-owner': 'projektejeren',
  secretariat: 'sekretariatet',
  admin: 'administratoren',
};

/** Who acted and, for an override, why. */
export interface Acted {
  role: ActingRole;
  reason?: string;
}

const why = (reason?: string) => (reason ? `${PLAN_CHANGE_REASON}${reason}` : '');

export const historyLine = {
  started: (subAnalysisTitle: string) => `Analysesporet ${subAnalysisTitle} er startet i Spor.`,
  finished: (subAnalysisTitle: string) => `Analysesporet ${subAnalysisTitle} er afsluttet.`,
  phaseStarted: (code: string, title: string, cause: StartCause, acted?: Acted) =>
    acted
      ? `Fase ${code} "${title}" er startet før tid af ${ACTED_BY[acted.role]}.${why(acted.reason)}`
      : `Fase ${code} "${title}" er startet ${START_CAUSE[cause]}.`,
  phaseCompleted: (code: string, title: string, note?: string, acted?: Acted) =>
    `Fase ${code} "${title}" er afsluttet${acted ? ` af ${ACTED_BY[acted.role]}` : ''}.` +
    `${note ? ` Note: ${note}` : ''}${why(acted?.reason)}`,
  phaseReopened: (code: string, title: string, acted: Acted) =>
    `Fase ${code} "${title}" er genåbnet af ${ACTED_BY[acted.role]} og er i gang igen.${why(acted.reason)}`,
  gateClosed: (code: string, title: string, acted: Acted) =>
    `Porten før fase ${code} "${title}" er lukket igen af ${ACTED_BY[acted.role]}.${why(acted.reason)}`,
  planChanged: (
    code: string,
    before: { weeks: string; due: string },
    after: { weeks: string; due: string },
    reason: string,
  ) =>
    `Planen for fase ${code} er ændret fra uge ${before.weeks} (frist ${danishDate(before.due)}) ` +
    `til uge ${after.weeks} (frist ${danishDate(after.due)}).${PLAN_CHANGE_REASON}${reason}`,
  gateOpened: (code: string, title: string, reason: string) =>
    `Porten før fase ${code} "${title}" er åbnet. Begrundelse: ${reason}`,
};

/** The reason a `planChanged` line gives (for status reports), or undefined for other lines. */
export function planChangeReason(line: string): string | undefined {
  const at = line.indexOf(PLAN_CHANGE_REASON);
  return line.startsWith('Planen for fase ') && at >= 0 ? line.slice(at + PLAN_CHANGE_REASON.length) : undefined;
}

/** Why a planned phase cannot start yet. */
export function waitingForText(openPredecessors: string[], gateMeetingDate?: string): string | undefined {
  const parts: string[] = [];
  if (openPredecessors.length) parts.push(`fase ${openPredecessors.join(', ')} er ikke afsluttet`);
  if (gateMeetingDate !== undefined) parts.push(`udvalgets input fra mødet ${danishDate(gateMeetingDate)} mangler`);
  return parts.length ? parts.join(' og ') : undefined;
}

/** Why an action on a sub-analysis is refused (the API answers 409 with it). */
export const refusal = {
  noPhase: (code: string) => `Analysesporet har ingen fase ${code}`,
  alreadyActive: (code: string) => `Fase ${code} er allerede i gang`,
  alreadyCompleted: (code: string) => `Fase ${code} er allerede afsluttet`,
  notReady: (code: string, why: string | undefined) => `Fase ${code} er ikke klar til at starte: ${why ?? ''}`,
  notActive: (code: string) => `Fase ${code} er ikke i gang og kan ikke afsluttes`,
  completedPlanFixed: (code: string) => `Fase ${code} er afsluttet; planen kan ikke ændres`,
  noGate: (code: string) => `Fase ${code} venter ikke på en port`,
  gateOpen: (code: string) => `Porten før fase ${code} er allerede åben`,
  invalidPlan: 'Den ændrede plan er ikke gyldig',
  notCompleted: (code: string) => `Fase ${code} er ikke afsluttet og kan ikke genåbnes`,
  successorStarted: (code: string, successors: string[]) =>
    `Fase ${code} kan ikke genåbnes, fordi fase ${successors.join(', ')}, der venter på den, er startet`,
  gateNotOpen: (code: string) => `Porten før fase ${code} er ikke åben`,
  gatePhaseStarted: (code: string) => `Fase ${code} er startet; porten før den kan ikke lukkes`,
};
