/**
 * The one escaping helper of Spor's e-mails: a tagged template that escapes every
 * interpolated value unless it is itself a fragment made by `html`. Templates stay
 * readable HTML, and nothing reaches a message unescaped by accident. (A templating
 * library would add a second syntax and a compile step for a handful of small layouts.)
 */

/** HTML made by `html`: safe to interpolate as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

type Value = SafeHtml | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new SafeHtml(out);
}

/**
 * A link target for an href: only http(s) and mailto, so a stored value can never
 * become a javascript: link. Throws naming the value otherwise.
 */
export function safeUrl(url: string): string {
  if (!/^(https?:\/\/|mailto:)/i.test(url)) throw new RangeError(`Not an http(s) or mailto link: ${url}`);
  return url;
}
