/**
 * The Danish words for Spor's states and roles: one table for e-mails, history lines,
 * schedule titles, the CLI and the pages (which receive it from the API as a module).
 */
import { AGENDA_METHOD_LABEL } from '../documents/meeting-model';
import { OUTCOMES, type Outcome } from '../documents/outcomes';
import type { ScheduledEventKind } from '../plan/event-kinds';
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

/** '1 arbejdsdag', '5 arbejdsdage'. */
export const WORKING_DAYS = { one: 'arbejdsdag', other: 'arbejdsdage' } as const;

/** The fields of request bodies, by name, as forms label them and refusals name them. */
export const FIELD: Record<string, string> = {
  weeks: 'Uger',
  from: 'Fra',
  to: 'Til',
  reason: 'Begrundelse',
  note: 'Note',
  file: 'Fil',
  comment: 'Kommentar',
  title: 'Titel',
  background: 'Baggrund',
  recommendation: 'Indstilling',
  method: 'Metode',
  responsible: 'Ansvarlig',
  minutes: 'Tid (minutter)',
  order: 'Rækkefølge',
  date: 'Mødedato',
  time: 'Mødetid',
  place: 'Mødested',
  materialDue: 'Materialefrist',
  outcome: 'Beslutning',
  input: 'Udvalgets bemærkninger',
};

/** The committee's decision on an agenda item, as the protocol words it: "Punktet blev …". */
export const DECISION_OUTCOME = Object.fromEntries(
  Object.entries(OUTCOMES).map(([key, { label }]) => [key, label]),
) as Record<Outcome, string>;

/** How the committee treats an agenda item (Metode), as the agenda names it. */
export const AGENDA_METHOD = AGENDA_METHOD_LABEL;

/** What a scheduled event is, in a word or two: the schedule's column, not its title. */
export const EVENT_KIND: Record<ScheduledEventKind, string> = {
  'phase-start': 'Fasestart',
  'phase-due': 'Fasefrist',
  'phase-reminder': 'Påmindelse',
  'phase-escalation': 'Eskalering',
  'material-due': 'Materialefrist',
  'material-reminder': 'Påmindelse, materiale',
  'material-escalation': 'Eskalering, materiale',
  'package-dispatch': 'Mødepakke',
  meeting: 'Udvalgsmøde',
  'status-report': 'Statusrapport',
};

/** A sub-analysis' status in status reports and the leads' notes (libs/reports/rag.ts has the rules). */
export const REPORT_STATUS: Record<'on-track' | 'at-risk' | 'late', string> = {
  'on-track': 'På sporet',
  'at-risk': 'Risiko',
  late: 'Forsinket',
};
/** Notes on scheduled events: `conditional`, an escalation shown only in case its deadline is missed. */
export const EVENT_NOTE = { conditional: 'hvis fristen overskrides' };

/** The personal calendar subscription on the person's front page. */
export const CALENDAR = {
  heading: 'Din kalender',
  intro: 'Dine frister og møder i alle dine programmer, i din egen kalender. Kalenderen følger planen af sig selv.',
  subscribe: 'Abonnér i Outlook/Google',
  address: 'Kalenderens adresse (hemmelig, som en adgangskode)',
};
