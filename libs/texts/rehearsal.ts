/**
 * The Danish words of a rehearsal's CLI and of its trace's refusals that no workflow gives
 * (the tables both the CLI and the page use are in labels.ts).
 */
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
  /** Why a step was refused whose workflow had already ended (the API answers 409 then). */
  meetingEnded: (meeting: string) =>
    `Mødet ${meeting} er afsluttet (pakken er sendt, og alle punkter er besluttet) og tager ikke imod flere trin`,
  subAnalysisEnded: (subAnalysis: string) => `Analysesporet ${subAnalysis} er afsluttet og tager ikke imod flere trin`,
};
