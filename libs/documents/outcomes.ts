/**
 * The committee's possible decisions on an agenda item: the API's keys, the words the
 * Beslutningsprotokol and the pages use, and whether the decision opens the gates that
 * wait on the meeting. Imports nothing, so workflows may import this file directly.
 */
export const OUTCOME_KEYS = ['godkendt', 'droeftet', 'taget-til-efterretning', 'ikke-tiltraadt', 'udgaaet'] as const;
export type Outcome = (typeof OUTCOME_KEYS)[number];

export interface OutcomeText {
  /** As a predicate: "Punktet blev …". */
  label: string;
  /** Whether gates waiting on the meeting open; otherwise the item goes to the next meeting. */
  opensGate: boolean;
}

export const OUTCOMES: Record<Outcome, OutcomeText> = {
  godkendt: { label: 'godkendt', opensGate: true },
  droeftet: { label: 'drøftet', opensGate: true },
  'taget-til-efterretning': { label: 'taget til efterretning', opensGate: true },
  'ikke-tiltraadt': { label: 'ikke tiltrådt i nuværende form', opensGate: false },
  udgaaet: { label: 'udgået', opensGate: false },
};

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOME_KEYS as readonly string[]).includes(value);
}
