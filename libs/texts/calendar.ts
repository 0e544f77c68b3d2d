/** Texts of the calendar feeds, in Danish (calendar apps show them as they are). */
export const calendarTexts = {
  feedName: (person: string) => `Spor – ${person}`,
  openPage: (url: string) => `Åbn i Spor: ${url}`,
};
