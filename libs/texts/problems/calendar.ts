import { said } from './said';

/** Refusals about calendar subscriptions. */
export const calendarProblems = {
  adminHasNoCalendar: said(
    'Admin-nøglen tilhører ingen person og har derfor ingen kalender.',
    'The admin token belongs to no person, so it has no calendar.',
  ),
  noSuchFeed: said(
    'Der er ingen kalender på denne adresse. Den kan være trukket tilbage; hent en ny adresse i Spor.',
    'There is no calendar at this address. It may have been revoked; get a new address in Spor.',
  ),
};
