/**
 * A message meant for a person, in both of Spor's languages. The API answers in the one
 * the request's `Accept-Language` asks for: `da` gives Danish, anything else English
 * (scripts keep the English they were written against).
 */
export interface Said {
  da: string;
  en: string;
}

export type Language = keyof Said;

/** A message in Danish and English. */
export const said = (da: string, en: string): Said => ({ da, en });

export function isSaid(value: unknown): value is Said {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Said).da === 'string' &&
    typeof (value as Said).en === 'string'
  );
}

/** The text of `message` in `language`; a plain string is the same in both. */
export function inLanguage(message: string | Said, language: Language): string {
  return typeof message === 'string' ? message : message[language];
}
