/**
 * Danish for the English texts that come from below the API: the plan library's
 * validation (libs/plan speaks English to scripts), zod's own messages, the DTOs' short
 * messages and Nest's defaults; and English for the Danish refusals the workflows give
 * (their text is part of workflow histories, so it stays as it is and is translated here).
 * One rule a text shape; a text no rule knows is shown as it is.
 */
import { type Said, said } from './said';

type Rule = readonly [RegExp, (...groups: string[]) => string];

/** Exact English texts and their Danish. */
const EXACT: Record<string, string> = {
  // DTOs (apps/api/dtos).
  'must say why': 'skal begrundes',
  'must not be empty': 'må ikke være tom',
  'give at least one of date, time, place or materialDue':
    'angiv mindst én af mødedato, mødetid, mødested eller materialefrist',
  'must say what to change': 'skal sige, hvad der skal rettes',
  'give at least one field to change': 'angiv mindst ét felt, der skal ændres',
  'must name the sub-analysis': 'skal nævne analysesporet',
  'must hold at least one decision': 'skal indeholde mindst én beslutning',
  'give either weeks, or from and to': 'angiv enten uger eller fra og til',
  'from and to go together': 'fra og til hører sammen',
  // The definition's schema (libs/plan/definition.ts).
  'Must not be empty.': 'Må ikke være tom.',
  'Must be at most 200 characters.': 'Må højst være 200 tegn.',
  'A person key must not be empty.': 'En nøgle under people må ikke være tom.',
  'A phase code must be letters, digits, ".", "_" or "-" (at most 32), such as "2A".':
    'En fasekode består af bogstaver, tal, ".", "_" eller "-" (højst 32), fx "2A".',
  'A programme needs at least one sub-analysis.': 'Et programme skal have mindst ét analysespor.',
  'A sub-analysis needs at least one phase.': 'Et analysespor skal have mindst én fase.',
  'A track number must be a positive whole number.': 'Et spornummer skal være et positivt helt tal.',
  'A week number must be a whole number.': 'Et ugenummer skal være et helt tal.',
  'Every sub-analysis needs at least one project lead.': 'Hvert analysespor skal have mindst én projektleder.',
  'Must be 0 (escalate once) or more working days.': 'Skal være 0 (eskalér én gang) eller flere arbejdsdage.',
  'Must be 0 or more working days.': 'Skal være 0 eller flere arbejdsdage.',
  'Must be 3–64 characters of lowercase letters a–z, digits and hyphens.':
    'Skal være 3–64 tegn: små bogstaver a–z, tal og bindestreger.',
  'Must be a date (YYYY-MM-DD) or a week, such as { week: 32 } or { week: 35, weekday: monday }.':
    'Skal være en dato (ÅÅÅÅ-MM-DD) eller en uge, fx { week: 32 } eller { week: 35, weekday: monday }.',
  'Must be a real date written YYYY-MM-DD.': 'Skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD.',
  'Must be a time of day written HH:MM, such as "09:00".': 'Skal være et klokkeslæt skrevet TT:MM, fx "09:00".',
  'Must be a valid e-mail address.': 'Skal være en gyldig e-mailadresse.',
  'Must be a week or a range of weeks, such as "14" or "14-16".':
    'Skal være en uge eller et interval af uger, fx "14" eller "14-16".',
  'Must be a whole number of working days.': 'Skal være et helt antal arbejdsdage.',
  'Must be a whole year such as 2025.': 'Skal være et helt årstal, fx 2025.',
  'Must be an IANA time zone such as Europe/Copenhagen.': 'Skal være en IANA-tidszone, fx Europe/Copenhagen.',
  'Must be an ISO week written YYYY-Www, such as 2026-W50.': 'Skal være en ISO-uge skrevet ÅÅÅÅ-Www, fx 2026-W50.',
  'Must be at least 1 working day (use onDueDay for the due day itself).':
    'Skal være mindst 1 arbejdsdag (brug onDueDay for selve fristdagen).',
  'Must be at most 250 working days.': 'Må højst være 250 arbejdsdage.',
  'Must be at most 60 working days.': 'Må højst være 60 arbejdsdage.',
  'Must be dk (Danish public holidays) or none.': 'Skal være dk (danske helligdage) eller none.',
  'Must be hours and minutes such as 2h, 90m or 1h30m.': 'Skal være timer og minutter, fx 2h, 90m eller 1h30m.',
  'Must be lowercase letters a–z, digits and hyphens (at most 64), starting with a letter or digit.':
    'Skal være små bogstaver a–z, tal og bindestreger (højst 64) og begynde med et bogstav eller tal.',
  'Must be week, fortnight or month.': 'Skal være week, fortnight eller month.',
  'Must name a key under people.': 'Skal nævne en nøgle under people.',
  'The committee needs at least one member.': 'Udvalget skal have mindst ét medlem.',
  'The programme needs at least one secretariat member.': 'Programmet skal have mindst ét medlem af sekretariatet.',
  'The steering group needs at least one member.': 'Styregruppen skal have mindst ét medlem.',
  'The definition is empty.': 'Definitionen er tom.',
  'Has an unexpected form.': 'Har en uventet form.',
  'Is not in the expected format.': 'Har ikke det forventede format.',
  'Has an invalid key.': 'Har en ugyldig nøgle.',
  "Give either 'weeks' or 'from' and 'to', not both.": "Angiv enten 'weeks' eller 'from' og 'to', ikke begge.",
  "Required field 'weeks' is missing (or give 'from' and 'to').":
    "Feltet 'weeks' mangler (eller angiv 'from' og 'to').",
  // Nest and Express.
  Unauthorized: 'Du er ikke logget ind',
  'Forbidden resource': 'Du har ikke adgang til dette',
  Forbidden: 'Du har ikke adgang til dette',
  'Not Found': 'Findes ikke',
  'The request body is not valid JSON': 'Forespørgslens indhold er ikke gyldig JSON',
  'The request body is too large': 'Forespørgslens indhold er for stort',
  'Something went wrong on our side': 'Der gik noget galt hos os',
};

/** English text shapes and their Danish. */
const EN_RULES: Rule[] = [
  [/^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (.+)$/, (_m, method, path) => `${method} ${path} findes ikke`],
  [/^Required field '(.+)' is missing\.$/, (_m, f) => `Feltet '${f}' mangler.`],
  [/^Unknown field '(.+)'; it is ignored\.$/, (_m, f) => `Ukendt felt '${f}'; det ignoreres.`],
  [/^Needs at least (\d+) item\(s\)\.$/, (_m, n) => `Skal have mindst ${n}.`],
  [/^Must be at least (.+)\.$/, (_m, n) => `Skal være mindst ${n}.`],
  [/^Must be at most (.+)\.$/, (_m, n) => `Må højst være ${n}.`],
  [/^Must be one of: (.+)\.$/, (_m, v) => `Skal være en af: ${v}.`],
  [/^Must be a weekday in English: (.+)\.$/, (_m, v) => `Skal være en ugedag på engelsk: ${v}.`],
  [/^Must be a year from (\d+) to (\d+)\.$/, (_m, a, b) => `Skal være et årstal fra ${a} til ${b}.`],
  [/^Expected (.+), but found (.+)\.$/, (_m, e, f) => `Forventede ${e}, men fandt ${f}.`],
  [
    /^Unknown person '(.+)'; every person must be listed under people\.$/,
    (_m, p) => `Ukendt person '${p}'; alle personer skal stå under people.`,
  ],
  [
    /^Unknown meeting '(.+)'; it must be the id of a committee meeting\.$/,
    (_m, m) => `Ukendt møde '${m}'; det skal være id'et på et udvalgsmøde.`,
  ],
  [
    /^Unknown phase '(.+)'; it must be a phase of this sub-analysis\.$/,
    (_m, p) => `Ukendt fase '${p}'; den skal være en fase i dette analysespor.`,
  ],
  [
    /^The weeks run backwards \((.+) to (.+)\); write the earlier week first\.$/,
    (_m, a, b) => `Ugerne løber baglæns (${a} til ${b}); skriv den tidligste uge først.`,
  ],
  [
    /^'to' \((.+)\) is before 'from' \((.+)\); the weeks must run forward\.$/,
    (_m, t, f) => `'to' (${t}) ligger før 'from' (${f}); ugerne skal løbe fremad.`,
  ],
  [
    /^The material for meeting '(.+)' is due on (.+), before (phases?) (.+), which should produce it\.$/,
    (_m, meeting, due, one, phases) =>
      `Materialet til mødet '${meeting}' skal afleveres ${due}, før ${one === 'phase' ? 'fase' : 'faserne'} ${phases
        .replace(/\(due /g, '(frist ')
        .replace(/ and /, ' og ')}, som skal lave det, er færdig.`,
  ],
  [/^(.+) is not a working day \((.+)\)\.$/, (_m, d, r) => `${d} er ikke en arbejdsdag (${r}).`],
  [/^Week (\d+) does not exist in (\d+)(.*)$/, (_m, w, y, rest) => `Uge ${w} findes ikke i ${y}${rest}`],
  [/^(.+) \(line (\d+), column (\d+)\)$/, (_m, text, l, c) => `${toDanish(text)} (linje ${l}, kolonne ${c})`],
  [/^YAML syntax error: (.+)$/, (_m, t) => `Syntaksfejl i YAML: ${t}`],
  [/^JSON syntax error: (.+)$/, (_m, t) => `Syntaksfejl i JSON: ${t}`],
  // zod's defaults (version 4), for fields whose schema gives no message of its own.
  [/^Invalid input: expected (\w+), received undefined$/, () => 'Skal udfyldes'],
  [/^Invalid input: expected (\w+), received (\w+)$/, (_m, e, r) => `Forkert type: forventede ${e}, fik ${r}`],
  [/^Too small: expected string to have >=1 characters?$/, () => 'Må ikke være tom'],
  [/^Too small: expected (\w+) to have >=(\d+) (\w+)$/, (_m, _t, n) => `For kort: mindst ${n}`],
  [/^Too big: expected (\w+) to have <=(\d+) (\w+)$/, (_m, _t, n) => `For lang: højst ${n}`],
  [/^Too small: expected number to be >=(.+)$/, (_m, n) => `Skal være mindst ${n}`],
  [/^Too big: expected number to be <=(.+)$/, (_m, n) => `Må højst være ${n}`],
  [/^Unrecognized keys?: (.+)$/, (_m, k) => `Ukendt felt: ${k}`],
  [/^Invalid option: expected one of (.+)$/, (_m, v) => `Skal være en af ${v}`],
  [/^Invalid input$/, () => 'Ugyldig værdi'],
  // The API's own plain English (a programme, sub-analysis or phase that does not exist).
  [
    /^Programme (.+) has no (sub-analysis|meeting|phase) "(.+)"$/,
    (_m, p, what, id) =>
      `Programmet ${p} har ${{ 'sub-analysis': 'intet analysespor', meeting: 'intet møde', phase: 'ingen fase' }[what]} "${id}"`,
  ],
  [/^No programme "(.+)"$/, (_m, p) => `Der er intet programme "${p}"`],
  // The status-report workflow's refusals, which are English.
  [/^The programme has no sub-analysis "(.+)"$/, (_m, s) => `Programmet har intet analysespor "${s}"`],
  [/^Unknown status "(.+)"$/, (_m, st) => `Ukendt status "${st}"`],
  [/^A note has 1 to (\d+) characters$/, (_m, n) => `En note har 1 til ${n} tegn`],
  [
    /^The programme has ended; no more status reports are made$/,
    () => 'Programmet er slut; der laves ikke flere statusrapporter',
  ],
];

/** Danish refusals from the workflows, and their English. */
const DA_RULES: Rule[] = [
  [/^Analysesporet har ingen fase (.+)$/, (_m, c) => `The sub-analysis has no phase ${c}`],
  [/^Fase (.+) er allerede i gang$/, (_m, c) => `Phase ${c} is active already`],
  [/^Fase (.+) er allerede afsluttet$/, (_m, c) => `Phase ${c} is completed already`],
  [
    /^Fase (.+) er ikke klar til at starte: (.*)$/,
    (_m, c, why) => `Phase ${c} is not ready to start: ${whyInEnglish(why)}`,
  ],
  [/^Fase (.+) er ikke i gang og kan ikke afsluttes$/, (_m, c) => `Phase ${c} is not active and cannot be completed`],
  [/^Fase (.+) er afsluttet; planen kan ikke ændres$/, (_m, c) => `Phase ${c} is completed; its plan cannot change`],
  [/^Fase (.+) venter ikke på en port$/, (_m, c) => `Phase ${c} waits for no gate`],
  [/^Porten før fase (.+) er allerede åben$/, (_m, c) => `The gate before phase ${c} is open already`],
  [/^Den ændrede plan er ikke gyldig$/, () => 'The changed plan is not valid'],
  [
    /^Analysesporet (.+) leverer ikke materiale til dette møde$/,
    (_m, s) => `Sub-analysis ${s} delivers no material to this meeting`,
  ],
  [
    /^Mødepakken er sendt; sekretariatet skal genåbne mødet, før der kan indsendes nyt materiale$/,
    () =>
      'The meeting package has been sent; the secretariat must reopen the meeting before new material can be handed in',
  ],
  [/^Der er ikke indsendt materiale, der venter på gennemgang$/, () => 'No material handed in is waiting for review'],
  [/^Materialet er allerede godkendt$/, () => 'The material is approved already'],
  [/^Skriv, hvilke rettelser der ønskes$/, () => 'Say which changes are wanted'],
  [/^Dagsordenen har intet punkt (.+)$/, (_m, i) => `The agenda has no item ${i}`],
  [/^Ændringen ændrer ikke noget ved mødet$/, () => 'The change changes nothing about the meeting'],
  [/^Den ændrede mødeplan er ikke gyldig$/, () => 'The changed meeting plan is not valid'],
  [
    /^Mødepakken er ikke sendt endnu; der er intet at genåbne$/,
    () => 'The meeting package has not been sent; there is nothing to reopen',
  ],
  [/^Mødet er allerede åbent for materiale$/, () => 'The meeting is open for material already'],
  [/^Angiv mindst én beslutning$/, () => 'Give at least one decision'],
  [/^Analysesporet (.+) har intet punkt på dagsordenen$/, (_m, s) => `Sub-analysis ${s} has no item on the agenda`],
];

function whyInEnglish(why: string): string {
  return why
    .replace(/fase (.+?) er ikke afsluttet/, 'phase $1 is not completed')
    .replace(/udvalgets input fra mødet (.+) mangler/, "the committee's input from the meeting on $1 is missing")
    .replace(' og ', ' and ');
}

function apply(rules: Rule[], text: string): string | undefined {
  for (const [pattern, render] of rules) {
    const m = pattern.exec(text);
    if (m) return render(...(m as unknown as string[]));
  }
  return undefined;
}

/** The Danish of an English text from below the API; the text itself when no rule knows it. */
export function toDanish(text: string): string {
  return EXACT[text] ?? apply(EN_RULES, text) ?? text;
}

/** A text in either language as both: Danish refusals get their English, English texts their Danish. */
export function inBothLanguages(text: string): Said {
  const english = apply(DA_RULES, text);
  if (english !== undefined) return said(text, english);
  return said(toDanish(text), text);
}

/**
 * A workflow's bad-input message, `<Danish summary>: <path>: <English problem>; …`, in
 * both languages, its problems translated one by one.
 */
export function summaryInBothLanguages(message: string, problems: { path: string; message: string }[]): Said {
  const list = (language: 'da' | 'en') =>
    problems
      .map((p) => {
        const text = language === 'da' ? toDanish(p.message) : p.message;
        return p.path ? `${p.path}: ${text}` : text;
      })
      .join('; ');
  const english = list('en');
  if (!message.endsWith(`: ${english}`)) return inBothLanguages(message);
  const both = inBothLanguages(message.slice(0, -english.length - 2));
  return said(`${both.da}: ${list('da')}`, `${both.en}: ${english}`);
}
