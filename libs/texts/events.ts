/**
 * Titles of scheduled events, in Danish. The schedule shows them, the calendar feed
 * uses them, and an e-mail sent for an event carries its title as the subject, so
 * what people see coming is word for word what arrives.
 */
import { danishDateWithoutWeek, workingDaysText } from './dates';

const when = (daysBefore: number) => (daysBefore === 0 ? 'i dag' : `om ${workingDaysText(daysBefore)}`);

export const eventTitle = {
  phaseStart: (code: string, phaseTitle: string, subAnalysisTitle: string) =>
    `Fase ${code} starter: ${phaseTitle} – ${subAnalysisTitle}`,
  phaseDue: (code: string, phaseTitle: string, subAnalysisTitle: string) =>
    `Frist for fase ${code}: ${phaseTitle} – ${subAnalysisTitle}`,
  phaseReminder: (code: string, daysBefore: number, dueWeek: number, subAnalysisTitle: string) =>
    `Påmindelse: fase ${code} forfalder ${when(daysBefore)} (uge ${dueWeek}) – ${subAnalysisTitle}`,
  phaseEscalation: (code: string, overdueWorkingDays: number, due: string, subAnalysisTitle: string) =>
    `Overskredet: fase ${code} er ${workingDaysText(overdueWorkingDays)} over fristen ${danishDateWithoutWeek(due)} – ${subAnalysisTitle}`,
  materialDue: (meetingTitle: string, deliverableTitle: string, subAnalysisTitle: string) =>
    `Frist for materiale til «${meetingTitle}»: ${deliverableTitle} – ${subAnalysisTitle}`,
  materialReminder: (meetingTitle: string, daysBefore: number, dueWeek: number, subAnalysisTitle: string) =>
    `Påmindelse: materiale til «${meetingTitle}» skal afleveres ${when(daysBefore)} (uge ${dueWeek}) – ${subAnalysisTitle}`,
  materialEscalation: (meetingTitle: string, overdueWorkingDays: number, due: string, subAnalysisTitle: string) =>
    `Overskredet: materiale til «${meetingTitle}» mangler, ${workingDaysText(overdueWorkingDays)} efter fristen ${danishDateWithoutWeek(due)} – ${subAnalysisTitle}`,
  packageDispatch: (meetingTitle: string, meetingDate: string) =>
    `Mødepakke udsendes: «${meetingTitle}» (mødet er ${danishDateWithoutWeek(meetingDate)})`,
  meeting: (meetingTitle: string) => meetingTitle,
  statusReport: (programmeTitle: string, week: number) => `Statusrapport for ${programmeTitle} (uge ${week})`,
};
