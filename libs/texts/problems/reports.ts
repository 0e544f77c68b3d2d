import { said } from './said';

/** Refusals about status reports and the leads' notes, and the status pages. */
export const reportProblems = {
  notStarted: (programme: string) =>
    said(`Programmet ${programme} er ikke startet endnu`, `Programme ${programme} has not been started`),
  noSubAnalysis: (programme: string, subAnalysis: string) =>
    said(
      `Programmet ${programme} har intet analysespor "${subAnalysis}"`,
      `Programme ${programme} has no sub-analysis "${subAnalysis}"`,
    ),
  noReport: (programme: string, id: string) =>
    said(
      `Programmet ${programme} har ingen statusrapport "${id}"`,
      `Programme ${programme} has no status report "${id}"`,
    ),
};
