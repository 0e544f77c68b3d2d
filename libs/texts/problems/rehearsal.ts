/**
 * What a person is told about a rehearsal they asked for: a scenario line that cannot be
 * read, a programme they may not rehearse, a rehearsal that ran out of time.
 */
import { type Said, said } from './said';

export const rehearsalProblem = {
  notAnObject: said('skal være et objekt', 'must be an object'),
  notAList: said('skal være en liste af trin', 'must be a list of steps'),
  unknownField: (field: string): Said => said(`ukendt felt '${field}'`, `unknown field '${field}'`),
  badInstant: (value: unknown): Said =>
    said(
      `'${String(value)}' er hverken en dato (2026-04-08) eller en ugedato (2026-W15-3)`,
      `'${String(value)}' is neither a date (2026-04-08) nor an ISO week date (2026-W15-3)`,
    ),
  badAction: (value: unknown, allowed: readonly string[]): Said =>
    said(
      `'${String(value)}' er ikke en handling; mulige: ${allowed.join(', ')}`,
      `'${String(value)}' is not an action; one of: ${allowed.join(', ')}`,
    ),
  required: (field: string, action: string): Said =>
    said(`'${field}' skal angives for '${action}'`, `'${field}' is required for '${action}'`),
  notString: said('skal være tekst', 'must be a string'),
  notForAction: (field: string, action: string): Said =>
    said(`'${field}' hører ikke til '${action}'`, `'${field}' does not belong to '${action}'`),
  noSubAnalysis: (id: string): Said =>
    said(`programmet har intet delanalyse-spor '${id}'`, `the programme has no sub-analysis '${id}'`),
  noPhase: (code: string, sub: string): Said =>
    said(`'${sub}' har ingen fase '${code}'`, `'${sub}' has no phase '${code}'`),
  noMeeting: (id: string): Said => said(`programmet har intet møde '${id}'`, `the programme has no meeting '${id}'`),
  noDeliverable: (sub: string, meeting: string): Said =>
    said(`'${sub}' leverer ikke materiale til '${meeting}'`, `'${sub}' delivers no material for '${meeting}'`),
  badOutcome: (value: unknown, allowed: readonly string[]): Said =>
    said(
      `'${String(value)}' er ikke en beslutning; mulige: ${allowed.join(', ')}`,
      `'${String(value)}' is not a decision; one of: ${allowed.join(', ')}`,
    ),
  badWeeks: (message: string): Said =>
    said(`ugerne kan ikke bruges: ${message}`, `the weeks cannot be used: ${message}`),
  commentRequired: said(
    "'comment' skal angives, når der bedes om ændringer",
    "'comment' is required when changes are requested",
  ),
  bodyNeedsOne: said("angiv enten 'definition' eller 'programmeId'", "give either 'definition' or 'programmeId'"),
  noProgramme: (id: string): Said => said(`der er intet program '${id}'`, `there is no programme '${id}'`),
  notSecretariat: (id: string): Said =>
    said(
      `kun sekretariatet for '${id}' (eller administratoren) kan prøvekøre programmet`,
      `only the secretariat of '${id}' (or the admin) may rehearse the programme`,
    ),
  timedOut: (seconds: number): Said =>
    said(
      `prøvekørslen blev stoppet efter ${seconds} sekunder; prøv med et mindre program eller færre trin`,
      `the rehearsal was stopped after ${seconds} seconds; try a smaller programme or fewer steps`,
    ),
  noServer: said(
    'Temporals testserver er ikke installeret, så der kan ikke prøvekøres (kør npm run setup)',
    "Temporal's test server is not installed, so nothing can be rehearsed (run npm run setup)",
  ),
};
