/**
 * The Danish words for Spor's states and roles: one table for e-mails, history lines,
 * schedule titles, the CLI and the pages (which receive it from the API as a module).
 */
import { AGENDA_METHOD_LABEL } from '../documents/meeting-model';
import { OUTCOMES, type Outcome } from '../documents/outcomes';
import type { ScheduledEventKind } from '../plan/event-kinds';
import type { RehearsalEventType } from '../rehearsal/trace';
import type { StepAction } from '../rehearsal/scenario';
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

/** The sign-in form (apps/api/pages/assets/js/pages/sign-in.js). */
export const SIGN_IN = {
  pageTitle: 'Log ind – Spor',
  title: 'Log ind i Spor',
  intro:
    'Spor holder styr på analysesporenes faser, frister og møder. Log ind for at se status og melde dine faser startet og afsluttet.',
  emailLabel: 'Din e-mailadresse',
  emailHelp:
    'Står din adresse i et analyseprogram, sender vi dig et link, der logger dig ind. Det virker i 15 minutter.',
  emailButton: 'Send mig et link',
  emailMissing: 'Skriv din e-mailadresse først.',
  emailSent:
    'Tjek din indbakke. Står adressen i et analyseprogram, har vi sendt et link, der logger dig ind og fører dig tilbage hertil.',
  oidcButton: 'Log ind med din organisations konto',
  tokenSummary: 'Har du en adgangsnøgle?',
  tokenLabel: 'Indtast din adgangsnøgle',
  tokenHelp: 'Du får nøglen af sekretariatet. Den gemmes kun i denne browser, indtil du logger ud.',
  tokenButton: 'Log ind',
  tokenMissing: 'Indtast din adgangsnøgle først.',
  tokenRefused:
    'Adgangsnøglen blev ikke genkendt. Tjek, at du har indsat hele nøglen, eller bed sekretariatet om en ny.',
  signedInAs: 'Logget ind som ',
  signOut: 'Log ud',
  signedOut: 'Du er logget ud.',
} as const;

/**
 * Words on the pages for the secretariat's overrides and the overview's filter. `{code}`
 * stands for a phase code; the pages fill it in.
 */
export const OVERRIDE_LABEL = {
  startOnBehalf: 'Start for projektlederen',
  startOnBehalfSubmit: 'Start fase {code}',
  completeOnBehalf: 'Afslut for projektlederen',
  completeOnBehalfSubmit: 'Afslut fase {code}',
  reopen: 'Genåbn fase',
  reopenSubmit: 'Genåbn fase {code}',
  reopenHint: 'Fasen bliver i gang igen, og påmindelserne følger dens frist.',
  closeGate: 'Luk porten igen',
  closeGateSubmit: 'Luk porten før fase {code}',
  reasonHint: 'Begrundelsen står i historikken.',
  started: 'Fase {code} er startet.',
  completed: 'Fase {code} er afsluttet.',
  reopened: 'Fase {code} er genåbnet.',
  gateClosed: 'Porten før fase {code} er lukket igen.',
};

/** The overview's filter: a lead's or owner's own sub-analyses, or all of them. */
export const FILTER_LABEL = {
  legend: 'Vis analysespor',
  mine: 'Mine',
  all: 'Alle',
  noneMine: 'Du er ikke projektleder eller projektejer for et analysespor i programmet.',
};

/** Who acted, by role, beside their name in a phase's facts and the history. */
export const ACTOR_ROLE = {
  lead: 'projektleder',
  owner: 'projektejer',
  secretariat: 'sekretariatet',
};

/** A deadline past its date, counted in working days as the phases' chips count them. */
export const OVERDUE_LABEL = { by: 'overskredet med', passed: 'fristen er passeret' };
/** The personal calendar subscription on the person's front page. */
export const CALENDAR = {
  heading: 'Din kalender',
  intro: 'Dine frister og møder i alle dine programmer, i din egen kalender. Kalenderen følger planen af sig selv.',
  subscribe: 'Abonnér i Outlook/Google',
  address: 'Kalenderens adresse (hemmelig, som en adgangskode)',
};

/** A rehearsal's event types, as the CLI's table and the Prøvekørsel page name them. */
export const REHEARSAL_EVENT_TYPE: Record<RehearsalEventType, string> = {
  email: 'E-mail',
  document: 'Dokument',
  history: 'Forløb',
  step: 'Handling',
  refused: 'Afvist',
};

/** The Prøvekørsel page: the secretariat's scenario lines and the trace by week. */
export const REHEARSAL_PAGE = {
  title: 'Prøvekørsel',
  link: 'Prøvekørsel: hvad Spor vil gøre',
  intro: 'Vælg hvad der sker anderledes end planlagt. Alt andet sker som planlagt.',
  subAnalysis: 'Analysesporet',
  phase: 'Fasen',
  meeting: 'Udvalgsmødet',
  action: 'Handling',
  week: 'Uge',
  comment: 'Bemærkning',
  addLine: 'Tilføj linje',
  removeLine: 'Fjern linje',
  run: 'Prøvekør',
  running: 'Prøvekørslen kører …',
  scenario: 'Scenarie',
  noLines: 'Ingen linjer: alt sker som planlagt.',
  trace: 'Forløb uge for uge',
  weekHeading: 'Uge',
  summary: 'Opsummering',
  emails: 'E-mails',
  documents: 'Dokumenter lavet',
  escalations: 'Eskaleringer',
  refused: 'Afviste trin',
  overdue: 'Over fristen ved afslutning',
  defaultComment: 'Materialet skal rettes',
};

/** The scenario's actions, as the page's list names them. */
export const REHEARSAL_ACTION: Record<StepAction, string> = {
  start: 'starter fasen',
  complete: 'afslutter fasen',
  move: 'flytter fasen',
  submit: 'afleverer materiale',
  approve: 'godkender materiale',
  'request-changes': 'beder om rettelser',
  decide: 'udvalget beslutter',
};
