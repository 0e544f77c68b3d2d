/**
 * File names Spor shows and serves. A client's name is only a suggestion: its folders,
 * control characters and characters that are reserved on common file systems go, and
 * its extension follows the type found in the bytes.
 */
import contentDisposition from 'content-disposition';
import type { AcceptedType } from './file-types';

/** The name used when nothing usable is left of the client's. */
export const FALLBACK_NAME = 'fil';
/** Long enough for any real title, short enough for every file system (255 bytes). */
const MAX_STEM_LENGTH = 120;

// Windows refuses these as names whatever the extension.
const RESERVED_STEMS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const RESERVED = /[<>:"/\\|?*]/g;
// Bidirectional overrides and zero-width marks can make 'fdp.exe' look like 'exe.pdf'.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** An extension a client may have put on the name (letters first, as in 'pdf' or 'mp3'; not 'v2.1'). */
const EXTENSION = /\.[a-z][a-z0-9]{0,7}$/i;

function lastSegment(name: string): string {
  return name.split(/[/\\]/).pop() ?? '';
}

/** Without control, reserved or invisible characters, whitespace runs collapsed. */
function withoutUnsafeCharacters(name: string): string {
  return name.normalize('NFC').replace(CONTROL, '').replace(INVISIBLE, '').replace(RESERVED, '').replace(/\s+/g, ' ');
}

/**
 * A name's last path segment, cleaned: no control, reserved or invisible characters, no
 * leading or trailing dots and spaces, whitespace runs collapsed. May be empty.
 */
export function cleanName(name: string): string {
  return withoutUnsafeCharacters(lastSegment(name)).replace(/^[\s.]+|[\s.]+$/g, '');
}

function safeStem(stem: string): string {
  let s = cleanName(stem);
  if (s.length > MAX_STEM_LENGTH) s = s.slice(0, MAX_STEM_LENGTH).replace(/[\s.]+$/, '');
  if (!s) return FALLBACK_NAME;
  return RESERVED_STEMS.test(s) ? `${s}_` : s;
}

/**
 * The display name to store for an upload: the client's name made safe, with the
 * extension of the type found in its content ('rapport.docx' holding a PDF → 'rapport.pdf').
 * Markdown keeps '.markdown' when the client wrote it.
 */
export function safeFileName(clientName: string, type: Pick<AcceptedType, 'kind' | 'ext'>): string {
  const cleaned = withoutUnsafeCharacters(lastSegment(clientName)).replace(/[\s.]+$/, '');
  const given = EXTENSION.exec(cleaned)?.[0].slice(1).toLowerCase();
  const stem = given ? cleaned.slice(0, -given.length - 1) : cleaned;
  const ext = type.kind === 'markdown' && given === 'markdown' ? 'markdown' : type.ext;
  return `${safeStem(stem)}.${ext}`;
}

/** A safe name from a title and an extension, for names Spor composes itself. */
export function composeFileName(title: string, ext: string): string {
  // A slash in a title ('Økonomi/HR') is a word separator here, not a folder.
  return `${safeStem(title.replace(/[/\\]/g, '-'))}.${ext}`;
}

const DANISH_ASCII: Record<string, string> = { æ: 'ae', Æ: 'Ae', ø: 'oe', Ø: 'Oe', å: 'aa', Å: 'Aa', ß: 'ss' };

/** A name in printable ASCII for old clients: Danish letters spelled out, accents dropped. */
export function asciiFileName(name: string): string {
  const ascii = name
    .replace(/[æÆøØåÅß]/g, (c) => DANISH_ASCII[c])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return ascii || FALLBACK_NAME;
}

/**
 * The Content-Disposition header for a download (RFC 6266): the name in UTF-8 in
 * `filename*` (RFC 5987) and an ASCII `filename` for clients that ignore it.
 */
export function contentDispositionHeader(name: string, type: 'attachment' | 'inline' = 'attachment'): string {
  return contentDisposition(name, { type, fallback: asciiFileName(name) });
}
