/**
 * The Danish texts of the messages Spor sends. Pure functions of the event and its
 * context, so that workflow code can compose a message and the exact text is part of
 * the workflow's history.
 */
import { danishDate, workingDaysText } from './dates';
import type { ScheduledEvent } from '../plan/schedule';

export interface MessageContext {
  programmeTitle: string;
  subAnalysisTitle: string;
  phaseTitle?: string;
  deliverableTitle?: string;
  meetingTitle?: string;
  /** The due date or material deadline the message is about. */
  deadline?: string;
  /** Absolute link to the sub-analysis or meeting in Spor. */
  link: string;
}

export interface ComposedMessage {
  subject: string;
  text: string;
}

/**
 * The greetings composeMessage wrote before messages named their recipients. Messages are
 * composed inside workflows, and their text is part of each workflow's history, so the
 * greeting by name is put in when the message is sent (libs/email/notification.ts).
 */
const GENERIC_GREETINGS = ['Kære projektleder', 'Til projektledere, projektejer og udvalgssekretariatet'];

export function isGenericGreeting(line: string | undefined): boolean {
  return line !== undefined && GENERIC_GREETINGS.includes(line);
}

/** More names than this, and a message greets "Kære alle". */
const MOST_NAMED = 4;

/**
 * "Kære Anna Holm", "Kære Anna Holm og Bo Berg", "Kære Anna Holm, Bo Berg og Carl Dam":
 * the names as the definition writes them (first names alone could be two people).
 */
export function greetingTo(names: string[]): string {
  const named = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (named.length === 0) return 'Goddag';
  if (named.length > MOST_NAMED) return 'Kære alle';
  if (named.length === 1) return `Kære ${named[0]}`;
  return `Kære ${named.slice(0, -1).join(', ')} og ${named[named.length - 1]}`;
}

export function composeMessage(event: ScheduledEvent, ctx: MessageContext): ComposedMessage {
  const deadline = ctx.deadline ? danishDate(ctx.deadline) : '';
  const what = ctx.phaseTitle
    ? `fase ${event.phase} "${ctx.phaseTitle}"`
    : `materialet "${ctx.deliverableTitle ?? ''}" til mødet «${ctx.meetingTitle ?? 'udvalgsmødet'}»`;
  // A phase is *in* its sub-analysis; material is *from* it ("til mødet «…» fra SBV").
  const where = ctx.phaseTitle ? ` i ${ctx.subAnalysisTitle}` : ` fra ${ctx.subAnalysisTitle}`;
  const lines: string[] = [];
  switch (event.kind) {
    case 'phase-reminder':
    case 'material-reminder': {
      const before = event.daysBefore ?? 0;
      lines.push(
        'Kære projektleder',
        '',
        before === 0
          ? `I dag er sidste frist for ${what}${where}.`
          : `Om ${workingDaysText(before)} er der frist for ${what}${where}.`,
        `Fristen er ${deadline}.`,
      );
      break;
    }
    case 'phase-escalation':
    case 'material-escalation': {
      const overdue = event.overdueWorkingDays ?? 1;
      lines.push(
        'Til projektledere, projektejer og udvalgssekretariatet',
        '',
        `Fristen for ${what}${where} var ${deadline}.`,
        `Den er nu overskredet med ${workingDaysText(overdue)}.`,
        ctx.phaseTitle
          ? 'Fasen er endnu ikke meldt færdig. Meld den færdig i Spor, eller aftal en ny plan med sekretariatet.'
          : 'Materialet er endnu ikke godkendt. Indsend det i Spor, eller aftal en ny frist med sekretariatet.',
      );
      break;
    }
    default:
      lines.push(event.title);
  }
  lines.push(
    '',
    `Se analysesporet i Spor: ${ctx.link}`,
    '',
    `${ctx.programmeTitle}`,
    'Denne besked er sendt automatisk af Spor.',
  );
  // The subject is the event's title, word for word what the schedule shows.
  return { subject: event.title, text: lines.join('\n') };
}
