/**
 * The e-mails that ask a sub-analysis' leads for their own word before a status report
 * (what Asana and Smartsheet call update requests), and the one reminder.
 */
import { danishDate } from './dates';
import { REPORT_STATUS } from './labels';

export interface StatusNoteRequestContext {
  programmeTitle: string;
  subAnalysisTitle: string;
  /** The report's day. */
  reportDate: string;
  /** The sub-analysis page, where the note is given. */
  link: string;
}

export function statusNoteRequestMessage(
  ctx: StatusNoteRequestContext,
  reminder: boolean,
): { subject: string; text: string } {
  const statuses = Object.values(REPORT_STATUS).join(', ');
  return {
    subject: `${reminder ? 'Påmindelse: ' : ''}Din status for ${ctx.subAnalysisTitle} til styregruppens rapport`,
    text: [
      'Kære projektleder',
      '',
      reminder
        ? `Vi mangler stadig din vurdering af ${ctx.subAnalysisTitle} til statusrapporten ${danishDate(ctx.reportDate)}.`
        : `Styregruppen får en statusrapport om ${ctx.programmeTitle} ${danishDate(ctx.reportDate)}.`,
      `Giv din egen vurdering af ${ctx.subAnalysisTitle} (${statuses}) og skriv en til tre sætninger om hvorfor.`,
      'Rapporten viser din vurdering ved siden af den status, Spor beregner ud fra planen.',
      '',
      `Giv din vurdering her: ${ctx.link}`,
      '',
      reminder ? 'Dette er den eneste påmindelse.' : 'Du får højst én påmindelse.',
      '',
      'Denne besked er sendt automatisk af Spor.',
    ].join('\n'),
  };
}
