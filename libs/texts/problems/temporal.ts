import { type Said, said } from './said';

/**
 * What people hear when Temporal, which runs the workflows, is away. Said with a
 * `Retry-After`: the embedded default restarts a crashed server within seconds. `what`
 * names the workflow in English ("Sub-analysis sbv"), so only the English text carries it.
 */
export const temporalProblems = {
  /** The call never reached Temporal (connection refused or lost): nothing happened. */
  unreachable: (what: string): Said =>
    said(
      `Temporal, som kører arbejdsgangene, svarer ikke lige nu. Intet er ændret; prøv igen om lidt.`,
      `${what}: Temporal, which runs the workflows, did not answer. Nothing was changed; try again shortly.`,
    ),
  /** The call reached Temporal but no answer came in time: it may still take effect. */
  noAnswerInTime: (what: string): Said =>
    said(
      `Temporal, som kører arbejdsgangene, svarede ikke i tide. Ændringen kan stadig nå at blive gennemført; se efter, før du prøver igen.`,
      `${what}: Temporal, which runs the workflows, did not answer in time. The change may still take effect; look before you try again.`,
    ),
  /** The workflow behind the action has ended (a meeting decided and closed, a sub-analysis done). */
  ended: (what: string, status: string): Said =>
    said(
      `Det kan ikke lade sig gøre længere: forløbet er ${ENDED_DA[status] ?? 'afsluttet'} og tager ikke imod flere handlinger.`,
      `${what} is not running any more (${status})`,
    ),
};

/** Temporal's end states, as a person says them. */
const ENDED_DA: Record<string, string> = {
  completed: 'afsluttet',
  terminated: 'stoppet',
  cancelled: 'annulleret',
  failed: 'fejlet',
  timed_out: 'udløbet',
};
