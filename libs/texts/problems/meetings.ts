import { said } from './said';

/** Refusals about committee meetings, their material, packages and protocols. */
export const meetingProblems = {
  notStarted: (programme: string) =>
    said(`Programmet ${programme} er ikke startet endnu`, `Programme ${programme} has not been started`),
  noMeeting: (programme: string, meeting: string) =>
    said(`Programmet ${programme} har intet møde "${meeting}"`, `Programme ${programme} has no meeting "${meeting}"`),
  noVersion: (subAnalysis: string, meeting: string, n: number) =>
    said(
      `Materialet fra ${subAnalysis} til ${meeting} har ingen version ${n}`,
      `The deliverable of ${subAnalysis} for ${meeting} has no version ${n}`,
    ),
  versionNumber: said('skal være et versionsnummer (1, 2, …)', 'must be a version number (1, 2, …)'),
  packageNotSent: (meeting: string, at: string) =>
    said(
      `Mødepakken til ${meeting} er ikke sendt endnu (den sendes ${at}); sekretariatet kan hente et udkast med ?draft=true`,
      `The package for ${meeting} has not been sent yet (it goes out ${at}); the secretariat can fetch a draft with ?draft=true`,
    ),
  protocolBeingMade: (meeting: string) =>
    said(
      `Beslutningsprotokollen for ${meeting} er ved at blive lavet; prøv igen om lidt`,
      `The protocol of ${meeting} is being made; try again shortly`,
    ),
  noDecisionsYet: (meeting: string) =>
    said(
      `Der er endnu ikke truffet beslutninger på ${meeting}, så der er ingen beslutningsprotokol`,
      `No decisions have been recorded for ${meeting} yet, so it has no protocol`,
    ),
  packageSent: (meeting: string, at: string) =>
    said(
      `Mødepakken til ${meeting} blev sendt ${at}; sekretariatet skal genåbne mødet, før der kan indsendes mere materiale`,
      `The package for ${meeting} was sent ${at}; the secretariat must reopen the meeting before more material can be handed in`,
    ),
  noItem: (meeting: string, item: string, items: string) =>
    said(
      `Mødet ${meeting} har intet dagsordenspunkt "${item}" (punkter: ${items})`,
      `Meeting ${meeting} has no agenda item "${item}" (items: ${items})`,
    ),
  notOnAgenda: (subAnalysis: string, meeting: string) =>
    said(
      `"${subAnalysis}" har intet punkt på dagsordenen for ${meeting}`,
      `"${subAnalysis}" has no item on the agenda of ${meeting}`,
    ),
  decidedTwice: (subAnalysis: string) =>
    said(`"${subAnalysis}" er besluttet to gange`, `"${subAnalysis}" is decided twice`),
  noDeliverable: (subAnalysis: string, meeting: string) =>
    said(
      `Analysesporet "${subAnalysis}" leverer ikke materiale til mødet ${meeting}`,
      `Sub-analysis "${subAnalysis}" has no deliverable for meeting ${meeting}`,
    ),
  draftForSecretariat: (programme: string) =>
    said(
      `Kun sekretariatet for programmet "${programme}" eller admin kan hente et udkast til mødepakken`,
      `Only the secretariat of programme "${programme}" or the admin may fetch a draft package`,
    ),
  fileRequired: said('skal være en fil sendt som multipart/form-data', 'must be a file sent as multipart/form-data'),
  fileEmpty: said('er tom', 'is empty'),
};
