/**
 * The Danish words for Spor's states and roles: one table for e-mails, history lines,
 * schedule titles, the CLI and the pages (which receive it from the API as a module).
 */
import type { DeliverableState, PhaseState } from '../read-model/contract';

export const PHASE_STATE: Record<PhaseState, string> = {
  planned: 'planlagt',
  ready: 'klar',
  active: 'i gang',
  completed: 'afsluttet',
};

/** A deliverable's state, as a predicate: "Materialet er …". */
export const DELIVERABLE_STATE: Record<DeliverableState, string> = {
  missing: 'ikke indsendt',
  submitted: 'indsendt',
  changes_requested: 'sendt tilbage til rettelse',
  approved: 'godkendt',
};

export const ROLE: Record<string, string> = {
  secretariat: 'sekretariat',
  'project-lead': 'projektleder',
  'project-owner': 'projektejer',
  'steering-group': 'styregruppe',
  committee: 'udvalgsmedlem',
};

export const WEEKDAY_NAMES = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'] as const;
export const MONTH_NAMES = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;
