/** The Danish words of a rehearsal's trace, as the CLI prints it and the page shows it. */
import type { RehearsalEventType } from '../rehearsal/trace';

export const REHEARSAL_EVENT_TYPE: Record<RehearsalEventType, string> = {
  email: 'E-mail',
  document: 'Dokument',
  history: 'Forløb',
  step: 'Handling',
  refused: 'Afvist',
};

export const REHEARSAL_TEXT = {
  command: 'Prøvekør programmet på en tidsspringende server og vis hvad Spor vil gøre',
  fileArgument: 'programfilen',
  scenarioOption: 'et scenarie (YAML eller JSON): trin der afviger fra planen',
  jsonOption: 'skriv forløbet og opsummeringen som JSON',
  week: (year: number, week: number) => `Uge ${week} ${year}`,
  columns: ['Tidspunkt', 'Type', 'Hændelse', 'Modtagere', 'Emne'],
  summary: 'Opsummering',
  period: 'Periode',
  emails: 'E-mails',
  documents: 'Dokumenter',
  escalations: 'Eskaleringer',
  refused: 'Afviste trin',
  overdue: 'Over fristen ved afslutning',
  perPerson: 'E-mails pr. modtager',
  took: (ms: number) => `Prøvekørslen tog ${(ms / 1000).toFixed(1)} s`,
  scenarioProblems: (n: number) => `Fejl i scenariet (${n}):`,
  cannotRead: (file: string, why: string) => `Kan ikke læse ${file}: ${why}`,
  syntax: (why: string) => `Syntaksfejl: ${why}`,
  failed: 'Prøvekørslen kunne ikke gennemføres:',
};
