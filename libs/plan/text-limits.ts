/**
 * Limits on text anywhere in a definition or a request: no control characters (tabs and
 * line breaks aside), and e-mail addresses within RFC 5321's lengths. One home, used by
 * the definition's validation and the API's request parsing.
 */

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** RFC 5321 4.5.3.1: a local part of at most 64 octets, a path of at most 256 (254 for the address). */
export const EMAIL_LOCAL_MAX = 64;
export const EMAIL_MAX = 254;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** Whether an address is within RFC 5321's lengths (its form is checked elsewhere). */
export function emailWithinLimits(address: string): boolean {
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  return utf8Length(address) <= EMAIL_MAX && utf8Length(local) <= EMAIL_LOCAL_MAX;
}

/** Octets in UTF-8 (no Buffer: the workflows validate plan changes with this library too). */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Every string in a value (object keys too), with its path as parts. */
export function* stringsIn(
  value: unknown,
  path: (string | number)[] = [],
): Generator<{ path: (string | number)[]; text: string; key?: string }> {
  if (typeof value === 'string') {
    yield {
      path,
      text: value,
      key: typeof path[path.length - 1] === 'string' ? (path[path.length - 1] as string) : undefined,
    };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* stringsIn(value[i], [...path, i]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (hasControlCharacters(k)) yield { path: [...path, k], text: k };
      yield* stringsIn(v, [...path, k]);
    }
  }
}
