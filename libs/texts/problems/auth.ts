/** What people are told when signing in or a request's credentials are refused. */
import type { AccessRule, AccessTarget } from '../../auth/rules';
import { type Said, said } from './said';

export const AUTH = {
  noCredentials: said(
    'Du er ikke logget ind. Log ind på siden, eller send "Authorization: Bearer <nøgle>".',
    'This needs a token: send "Authorization: Bearer <token>"',
  ),
  badHeader: said(
    'Headeren Authorization skal have formen "Bearer <nøgle>".',
    'The Authorization header must be "Bearer <token>"',
  ),
  revoked: said('Adgangsnøglen er trukket tilbage.', 'This token has been revoked'),
  unknownToken: said('Adgangsnøglen er ikke gyldig.', 'This token is not valid'),
  sessionEnded: said(
    'Du er ikke længere logget ind. Log ind igen.',
    'This session has ended or expired; sign in again',
  ),
  csrfMissing: said(
    'Anmodningen mangler sin sikkerhedsnøgle (CSRF). Genindlæs siden, og prøv igen.',
    `A request signed in by cookie must send the session's CSRF token in the X-CSRF-Token header`,
  ),
  noRule: said('Denne funktion er lukket for alle.', 'This endpoint has no access rule, so it is closed to everyone'),
  noSuchProgramme: (id: string) => said(`Programmet "${id}" findes ikke.`, `There is no programme "${id}"`),
  tooManyFailures: said(
    'For mange mislykkede forsøg på at logge ind fra denne adresse. Vent lidt, og prøv igen.',
    'Too many failed attempts to authenticate from this address; wait and try again',
  ),
  tooManyLinks: said(
    'Der er bedt om for mange links fra denne adresse. Vent lidt, og prøv igen.',
    'Too many sign-in links asked for from this address; wait and try again',
  ),
  badEmail: said('Skriv en gyldig e-mailadresse.', 'Must be a valid e-mail address'),
} as const satisfies Record<string, Said | ((...args: string[]) => Said)>;

/** Who may do something, in Danish, matching `describeRules` in libs/auth. */
export function describeRulesDa(rules: readonly AccessRule[], target: AccessTarget): string {
  const who = rules.map((rule) => {
    switch (rule) {
      case 'admin':
        return 'administratoren';
      case 'authenticated':
        return 'alle, der er logget ind';
      case 'reader':
        return 'personer med en rolle i programmet';
      case 'secretariat':
        return 'sekretariatet';
      case 'steering':
        return 'styregruppens medlemmer';
      case 'committee':
        return 'udvalgets medlemmer';
      case 'lead':
        return `projektlederne og projektejeren for delanalysen "${target.subAnalysis ?? '?'}"`;
    }
  });
  if (!rules.includes('admin')) who.push('administratoren');
  const list = who.length > 1 ? `${who.slice(0, -1).join(', ')} eller ${who[who.length - 1]}` : who[0];
  return target.programme === undefined
    ? `Kun ${list} må gøre dette.`
    : `Kun ${list} i programmet "${target.programme}" må gøre dette.`;
}
