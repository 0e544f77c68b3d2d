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

export function composeMessage(event: ScheduledEvent, ctx: MessageContext): ComposedMessage {
  const deadline = ctx.deadline ? danishDate(ctx.deadline) : '';
  const what = ctx.phaseTitle
    ? `fase ${event.phase} "${ctx.phaseTitle}"`
    : `materialet "${ctx.deliverableTitle ?? ''}" til ${ctx.meetingTitle ?? 'udvalgsmødet'}`;
  const lines: string[] = [];
  switch (event.kind) {
    case 'phase-reminder':
    case 'material-reminder': {
      const before = event.daysBefore ?? 0;
      lines.push(
        'Kære projektleder',
        '',
        before === 0
          ? `I dag er sidste frist for ${what} i ${ctx.subAnalysisTitle}.`
          : `Om ${workingDaysText(before)} er der frist for ${what} i ${ctx.subAnalysisTitle}.`,
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
        `Fristen for ${what} i ${ctx.subAnalysisTitle} var ${deadline}.`,
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
