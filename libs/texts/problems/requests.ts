import { said } from './said';

/** Messages about requests as such: idempotency keys, media types, sizes, text limits, access. */
export const requestProblems = {
  idempotencyKeyInvalid: said(
    'Idempotency-Key skal være 1-200 synlige ASCII-tegn.',
    'Idempotency-Key must be 1-200 visible ASCII characters.',
  ),
  idempotencyKeyReused: said(
    'Denne Idempotency-Key er allerede brugt til en anden forespørgsel; brug en ny nøgle til en ny handling.',
    'This Idempotency-Key was already used for a different request; use a new key for a new action.',
  ),
  idempotencyKeyBusy: said(
    'Den første forespørgsel med denne Idempotency-Key er ikke færdig endnu; prøv igen om lidt.',
    'The first request with this Idempotency-Key is still being handled; try again shortly.',
  ),
  unsupportedMediaType: (given: string, accepted: readonly string[]) =>
    said(
      `Indholdstypen "${given}" understøttes ikke her; brug ${accepted.join(' eller ')}.`,
      `The content type "${given}" is not supported here; use ${accepted.join(' or ')}.`,
    ),
  headersTooLarge: said('Forespørgslens headere er for store.', 'The request headers are too large.'),
  bodyNotJson: said('Forespørgslens indhold er ikke gyldig JSON.', 'The request body is not valid JSON.'),
  bodyTooLarge: said('Forespørgslens indhold er for stort.', 'The request body is too large.'),
  controlCharacters: said(
    'Må ikke indeholde kontroltegn (som \\u0000).',
    'Must not contain control characters (such as \\u0000).',
  ),
  emailTooLong: said(
    'En e-mailadresse må højst være 254 tegn, og delen før @ højst 64.',
    'An e-mail address may be at most 254 characters, and the part before the @ at most 64.',
  ),
  calendarOfOthers: said(
    'Kun sekretariatet kan hente en andens kalender; udelad ?person= eller brug din egen adresse.',
    "Only the secretariat may fetch someone else's calendar; leave out ?person= or use your own address.",
  ),
};
