/**
 * Which files Spor accepts as material, decided by their bytes. The client's file name
 * and Content-Type are never trusted: a name only chooses between Markdown and plain
 * text, which no content test can tell apart.
 */
import FileType from 'file-type';

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'markdown' | 'text';

export interface AcceptedType {
  kind: FileKind;
  /** The extension a stored name gets, without the dot. */
  ext: string;
  /** What a download is served as. */
  mime: string;
  /** Danish name for pages and messages. */
  label: string;
}

export const ACCEPTED_TYPES: Record<FileKind, AcceptedType> = {
  pdf: { kind: 'pdf', ext: 'pdf', mime: 'application/pdf', label: 'PDF' },
  docx: {
    kind: 'docx',
    ext: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word-dokument',
  },
  xlsx: {
    kind: 'xlsx',
    ext: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel-regneark',
  },
  pptx: {
    kind: 'pptx',
    ext: 'pptx',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint-præsentation',
  },
  markdown: { kind: 'markdown', ext: 'md', mime: 'text/markdown; charset=utf-8', label: 'Markdown' },
  text: { kind: 'text', ext: 'txt', mime: 'text/plain; charset=utf-8', label: 'Tekst' },
};

/** Names whose extension marks a text file as Markdown. */
const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown']);

/** The file's content is none of the accepted types; `found` says what it looked like (English, as every API message). */
export class UnsupportedType extends Error {
  readonly code = 'unsupported-type';
  /** The HTTP status the API's error filter answers with (like body-parser's errors). */
  readonly status = 415;
  constructor(readonly found: string) {
    super(
      `The file's content is not an accepted type (found: ${found}); accepted are PDF, DOCX, XLSX, PPTX, Markdown and plain text`,
    );
    this.name = 'UnsupportedType';
  }
}

/**
 * Incremental check that bytes are text: valid UTF-8 with no control characters other
 * than tab, CR and LF (a NUL or an escape byte means a binary file or a terminal trick).
 * Fed chunk by chunk so a stored file need not be read into memory at once.
 */
export class TextCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private problem: string | undefined;

  push(chunk: Uint8Array): void {
    if (this.problem) return;
    try {
      this.inspect(this.decoder.decode(chunk, { stream: true }));
    } catch {
      this.problem = 'binary data (not valid UTF-8)';
    }
  }

  /** Undefined when every byte pushed was text; otherwise what was found instead. */
  finish(): string | undefined {
    if (!this.problem) {
      try {
        this.inspect(this.decoder.decode());
      } catch {
        this.problem = 'binary data (not valid UTF-8)';
      }
    }
    return this.problem;
  }

  private inspect(text: string): void {
    // C0 controls except \t \n \r, DEL, and the C1 controls.
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(text);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.problem = `binary data (control character U+${code})`;
    }
  }
}

/** Lower-case extension of a name without the dot, or '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * The accepted type for what `file-type` detected (undefined: no binary signature) and the
 * result of a text check over the same bytes; throws UnsupportedType otherwise.
 */
export function classify(
  detected: { ext: string; mime: string } | undefined,
  textProblem: string | undefined,
  clientName: string,
): AcceptedType {
  if (detected) {
    const kind = detected.ext as FileKind;
    if (kind in ACCEPTED_TYPES && kind !== 'markdown' && kind !== 'text') return ACCEPTED_TYPES[kind];
    throw new UnsupportedType(`${detected.ext.toUpperCase()} (${detected.mime})`);
  }
  if (textProblem) throw new UnsupportedType(textProblem);
  return MARKDOWN_EXTENSIONS.has(extensionOf(clientName)) ? ACCEPTED_TYPES.markdown : ACCEPTED_TYPES.text;
}

/** The type of a whole file held in memory. */
export async function sniffBuffer(bytes: Uint8Array, clientName: string): Promise<AcceptedType> {
  const detected = await FileType.fromBuffer(bytes);
  const check = new TextCheck();
  if (!detected) check.push(bytes);
  return classify(detected, detected ? undefined : check.finish(), clientName);
}
