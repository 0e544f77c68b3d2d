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

export const historyLine = {
  started: (subAnalysisTitle: string) => `Analysesporet ${subAnalysisTitle} er startet i Spor.`,
  finished: (subAnalysisTitle: string) => `Analysesporet ${subAnalysisTitle} er afsluttet.`,
  phaseStarted: (code: string, title: string, cause: StartCause) =>
    `Fase ${code} "${title}" er startet ${START_CAUSE[cause]}.`,
  phaseCompleted: (code: string, title: string, note?: string) =>
    `Fase ${code} "${title}" er afsluttet.${note ? ` Note: ${note}` : ''}`,
  planChanged: (
    code: string,
    before: { weeks: string; due: string },
    after: { weeks: string; due: string },
    reason: string,
  ) =>
    `Planen for fase ${code} er ændret fra uge ${before.weeks} (frist ${danishDate(before.due)}) ` +
    `til uge ${after.weeks} (frist ${danishDate(after.due)}). Begrundelse: ${reason}`,
  gateOpened: (code: string, title: string, reason: string) =>
    `Porten før fase ${code} "${title}" er åbnet. Begrundelse: ${reason}`,
};

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
};
