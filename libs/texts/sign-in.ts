/**
 * The Danish words of signing in: the e-mail with the link, and the few pages the server
 * draws itself (following a link, single sign-on's answers). The sign-in form's own
 * labels are in labels.ts (SIGN_IN), which the pages receive as a module.
 */
export const SIGN_IN_MAIL = {
  subject: 'Dit link til at logge ind i Spor',
  preheader: 'Linket virker én gang og i 15 minutter.',
  title: 'Log ind i Spor',
  greeting: (name: string) => `Kære ${name}`,
  body: 'Du (eller nogen, der kender din e-mailadresse) har bedt om et link til at logge ind i Spor.',
  validity: 'Linket virker én gang og i 15 minutter. Bagefter kan du bede om et nyt på Spors forside.',
  notYou: 'Har du ikke bedt om linket, kan du se bort fra denne e-mail. Ingen kan logge ind uden linket.',
  button: 'Log ind i Spor',
} as const;

export const SIGN_IN_PAGE = {
  confirmTitle: 'Log ind i Spor',
  confirmText: 'Tryk på knappen for at logge ind. Linket virker kun én gang.',
  confirmButton: 'Log ind',
  refusedTitle: 'Linket virker ikke',
  refused: {
    used: 'Linket er allerede brugt. Et link til at logge ind virker kun én gang.',
    expired: 'Linket er udløbet. Et link til at logge ind virker kun i 15 minutter.',
    unknown: 'Linket blev ikke genkendt. Tjek, at hele linket er kommet med.',
  },
  askAgain: 'Bed om et nyt link',
  crossSite: 'Log ind ved at åbne linket fra e-mailen direkte.',
  tooMany: 'For mange mislykkede forsøg fra denne adresse. Vent et minut, og prøv igen.',
  oidcOffTitle: 'Log ind med organisationens konto er ikke slået til',
  oidcOff: 'Spor er ikke sat op til at logge ind med din organisations konto. Bed om et link på e-mail i stedet.',
  oidcFailedTitle: 'Du blev ikke logget ind',
  oidcFailed: 'Login hos din organisation blev ikke gennemført. Prøv igen.',
  noRoleTitle: 'Du har ingen rolle i Spor',
  noRole: (email: string) =>
    `Du er logget ind hos din organisation som ${email}, men den adresse er ikke nævnt i nogen af Spors analyseprogrammer. Kontakt sekretariatet, hvis du skal have adgang.`,
  unverified:
    'Din organisation har ikke bekræftet din e-mailadresse, så Spor kan ikke se, hvem du er. Kontakt sekretariatet.',
  failedTitle: 'Noget gik galt',
  failed: 'Spor kunne ikke logge dig ind lige nu. Prøv igen om lidt.',
  toFrontPage: 'Gå til forsiden',
} as const;
