import { ACCEPTED_TYPES } from './file-types';
import { asciiFileName, cleanName, composeFileName, contentDispositionHeader, safeFileName } from './file-names';

const { pdf, docx, markdown, text } = ACCEPTED_TYPES;

describe('safeFileName', () => {
  it('drops every folder of a path', () => {
    expect(safeFileName('../../etc/passwd', text)).toBe('passwd.txt');
    expect(safeFileName('C:\\Users\\anna\\Rapport.pdf', pdf)).toBe('Rapport.pdf');
    expect(safeFileName('/var/tmp/../x/bilag.pdf', pdf)).toBe('bilag.pdf');
  });

  it('drops control characters', () => {
    expect(safeFileName('a\u0000b.pdf', pdf)).toBe('ab.pdf');
    expect(safeFileName('linje\r\nskift.pdf', pdf)).toBe('linjeskift.pdf');
  });

  it('drops reserved and invisible characters', () => {
    expect(safeFileName('Svar: "ja" <nej>?*|.pdf', pdf)).toBe('Svar ja nej.pdf');
    // A right-to-left override that would show 'rapportfdp.exe' as 'rapportexe.pdf'.
    expect(safeFileName('rapport\u202efdp.exe', pdf)).toBe('rapportfdp.pdf');
  });

  it('falls back to "fil" when nothing is left', () => {
    expect(safeFileName('', pdf)).toBe('fil.pdf');
    expect(safeFileName('../..', pdf)).toBe('fil.pdf');
    expect(safeFileName('\u0000\u0001', text)).toBe('fil.txt');
    expect(safeFileName('.pdf', pdf)).toBe('fil.pdf');
    expect(safeFileName('rapport.pdf. . ', pdf)).toBe('rapport.pdf');
  });

  it('gives the extension of the type found, not the one given', () => {
    expect(safeFileName('Foreløbige resultater.docx', pdf)).toBe('Foreløbige resultater.pdf');
    expect(safeFileName('notat', docx)).toBe('notat.docx');
    expect(safeFileName('notat.PDF', pdf)).toBe('notat.pdf');
    expect(safeFileName('Rapport v2.1', pdf)).toBe('Rapport v2.1.pdf');
    expect(safeFileName('noter.markdown', markdown)).toBe('noter.markdown');
    expect(safeFileName('noter.md', markdown)).toBe('noter.md');
    expect(safeFileName('tal.csv', text)).toBe('tal.txt');
  });

  it('keeps Danish letters and avoids names Windows refuses', () => {
    expect(safeFileName('Økonomi og årsregnskab.pdf', pdf)).toBe('Økonomi og årsregnskab.pdf');
    expect(safeFileName('CON.pdf', pdf)).toBe('CON_.pdf');
  });

  it('shortens very long names', () => {
    const name = safeFileName(`${'ø'.repeat(500)}.pdf`, pdf);
    expect(name).toBe(`${'ø'.repeat(120)}.pdf`);
  });
});

describe('cleanName and composeFileName', () => {
  it('trims dots and spaces at the ends and collapses whitespace', () => {
    expect(cleanName('  ..skjult  fil.. ')).toBe('skjult fil');
  });

  it('reads a slash in a composed title as a separator, not a folder', () => {
    expect(composeFileName('Punkt 2 - Bilag 1 - Økonomi/HR', 'pdf')).toBe('Punkt 2 - Bilag 1 - Økonomi-HR.pdf');
  });
});

describe('contentDispositionHeader', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987)', () => {
    expect(contentDispositionHeader('Økonomi på tværs.pdf')).toBe(
      `attachment; filename="Oekonomi paa tvaers.pdf"; filename*=UTF-8''%C3%98konomi%20p%C3%A5%20tv%C3%A6rs.pdf`,
    );
  });

  it('quotes a plain ASCII name as it is', () => {
    expect(contentDispositionHeader('rapport.pdf', 'inline')).toBe('inline; filename="rapport.pdf"');
  });

  it('never lets quotes or backslashes break the header', () => {
    expect(asciiFileName('a"b\\c.pdf')).toBe('a_b_c.pdf');
    expect(contentDispositionHeader('café "x".pdf')).toContain(`filename*=UTF-8''caf%C3%A9%20%22x%22.pdf`);
  });
});
