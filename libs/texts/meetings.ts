/**
 * Danish words of committee meetings: agenda defaults, refusals, history lines and the
 * e-mails the meeting workflow sends. Pure; the workflow composes them, so the exact
 * text is part of its history.
 */
import { danishDate, danishDateWithoutWeek } from './dates';

export const meetingText = {
  // Agenda defaults, so that nothing needs to be filled in by hand.
  itemBackground: (subAnalysisTitle: string, deliverableTitle: string, meetingTitle: string) =>
    `Analysesporet «${subAnalysisTitle}» forelægger «${deliverableTitle}» til ${meetingTitle}.`,
  recommendationForInput: (committee: string) =>
    `Det indstilles, at ${committee} drøfter materialet og giver sit input til analysesporets videre arbejde.`,
  recommendationForInformation: (committee: string) =>
    `Det indstilles, at ${committee} tager orienteringen til efterretning.`,

  // History lines on the sub-analysis.
  submitted: (deliverableTitle: string, meetingTitle: string, version: number, fileName: string) =>
    `Materialet «${deliverableTitle}» til ${meetingTitle} er indsendt (version ${version}: ${fileName}).`,
  approved: (deliverableTitle: string, meetingTitle: string, version: number) =>
    `Materialet «${deliverableTitle}» til ${meetingTitle} er godkendt (version ${version}).`,
  changesRequested: (deliverableTitle: string, meetingTitle: string, comment: string) =>
    `Sekretariatet har bedt om rettelser til «${deliverableTitle}» til ${meetingTitle}: ${comment}`,
  decided: (meetingTitle: string, outcome: string, input: string) =>
    `Udvalget har behandlet punktet på ${meetingTitle}: ${outcome}.${input ? ` Udvalgets input: ${input}` : ''}`,
  gateOpenedByDecision: (code: string, meetingTitle: string) =>
    `Porten før fase ${code} er åbnet af udvalgets beslutning på ${meetingTitle}.`,
  gateStaysClosed: (code: string) =>
    `Porten før fase ${code} forbliver lukket, indtil sekretariatet åbner den (for eksempel når udvalget har behandlet punktet igen).`,

  // What changed about the meeting itself.
  moved: (field: 'date' | 'time' | 'place' | 'materialDue', from: string | undefined, to: string) => {
    const label = { date: 'Mødedato', time: 'Mødetid', place: 'Mødested', materialDue: 'Materialefrist' }[field];
    const show = (v: string | undefined) =>
      v === undefined ? '(ikke angivet)' : field === 'date' || field === 'materialDue' ? danishDate(v) : v;
    return `${label} ændret fra ${show(from)} til ${show(to)}.`;
  },
  reopened: (reason: string) => `Mødet er genåbnet for materiale. Begrundelse: ${reason}`,

  // E-mails.
  submittedNotice: {
    subject: (subAnalysisTitle: string, meetingTitle: string) =>
      `Nyt materiale: ${subAnalysisTitle} til «${meetingTitle}»`,
    body: (subAnalysisTitle: string, deliverableTitle: string, version: number, by: string, comment?: string) =>
      [
        `${by} har indsendt «${deliverableTitle}» for ${subAnalysisTitle} (version ${version}).`,
        comment ? `Kommentar: ${comment}` : '',
        'Materialet venter på sekretariatets godkendelse.',
      ].filter(Boolean),
  },
  changesRequestedNotice: {
    subject: (subAnalysisTitle: string, meetingTitle: string) =>
      `Rettelser ønsket: ${subAnalysisTitle}, materiale til «${meetingTitle}»`,
    body: (deliverableTitle: string, version: number, comment: string, materialDue: string) => [
      `Sekretariatet har gennemgået version ${version} af «${deliverableTitle}» og beder om rettelser:`,
      '',
      comment,
      '',
      `Indsend en ny version i Spor. Fristen for materialet er ${danishDate(materialDue)}.`,
    ],
  },
  packageNotice: {
    body: (meetingTitle: string, date: string, time: string | undefined, place: string | undefined) => [
      `Hermed mødepakken til ${meetingTitle} ${danishDateWithoutWeek(date)}${time ? ` kl. ${time}` : ''}${place ? `, ${place}` : ''}.`,
      'Dagsordenen er vedhæftet, og en kalenderinvitation følger med. Hele pakken med bilag kan hentes i Spor.',
    ],
  },
  protocolNotice: {
    subject: (meetingTitle: string, number: number) =>
      `Beslutningsprotokol: ${meetingTitle}${number > 1 ? ` (opdateret, ${number}. udgave)` : ''}`,
    body: (meetingTitle: string, date: string) => [
      `Vedhæftet er beslutningsprotokollen fra ${meetingTitle} ${danishDateWithoutWeek(date)}.`,
    ],
  },
  footer: (programmeTitle: string, link: string) => [
    '',
    `Se mødet i Spor: ${link}`,
    '',
    programmeTitle,
    'Denne besked er sendt automatisk af Spor.',
  ],
};

/** Why an action on a meeting is refused (the API answers 409 with it). */
export const meetingRefusal = {
  noDeliverable: (subAnalysis: string) => `Analysesporet ${subAnalysis} leverer ikke materiale til dette møde`,
  packageSent: 'Mødepakken er sendt; sekretariatet skal genåbne mødet, før der kan indsendes nyt materiale',
  nothingToReview: 'Der er ikke indsendt materiale, der venter på gennemgang',
  alreadyApproved: 'Materialet er allerede godkendt',
  commentRequired: 'Skriv, hvilke rettelser der ønskes',
  noItem: (item: string) => `Dagsordenen har intet punkt ${item}`,
  noChange: 'Ændringen ændrer ikke noget ved mødet',
  invalidChange: 'Den ændrede mødeplan er ikke gyldig',
  notSent: 'Mødepakken er ikke sendt endnu; der er intet at genåbne',
  alreadyOpen: 'Mødet er allerede åbent for materiale',
  noDecisions: 'Angiv mindst én beslutning',
  notOnAgenda: (subAnalysis: string) => `Analysesporet ${subAnalysis} har intet punkt på dagsordenen`,
};
