import { ACCEPTED_TYPES, TextCheck, UnsupportedType, classify, sniffBuffer } from './file-types';
import { ELF_BYTES, EXE_BYTES, officeFile, pdfFile, zipOf } from './test-fixtures';

describe('sniffBuffer', () => {
  it('recognises a PDF by its bytes whatever it is called', async () => {
    const pdf = await pdfFile();
    expect((await sniffBuffer(pdf, 'rapport.pdf')).kind).toBe('pdf');
    expect((await sniffBuffer(pdf, 'rapport.docx')).kind).toBe('pdf');
    expect((await sniffBuffer(pdf, 'uden-endelse')).kind).toBe('pdf');
  });

  it.each(['docx', 'xlsx', 'pptx'] as const)('tells %s from the other Office types', async (kind) => {
    const type = await sniffBuffer(await officeFile(kind), 'bilag.pdf');
    expect(type).toEqual(ACCEPTED_TYPES[kind]);
  });

  it('refuses a plain zip, even one named .docx or .pdf', async () => {
    const zip = await zipOf({ 'data.csv': 'a;b\n1;2\n' });
    await expect(sniffBuffer(zip, 'bilag.docx')).rejects.toThrow(UnsupportedType);
    await expect(sniffBuffer(zip, 'bilag.pdf')).rejects.toMatchObject({ found: expect.stringContaining('ZIP') });
  });

  it('refuses executables disguised as PDFs', async () => {
    // file-type 16 has no ELF signature; the text check refuses its bytes instead.
    await expect(sniffBuffer(ELF_BYTES, 'rapport.pdf')).rejects.toMatchObject({
      code: 'unsupported-type',
      found: expect.stringContaining('binary data'),
    });
    await expect(sniffBuffer(EXE_BYTES, 'rapport.pdf')).rejects.toMatchObject({
      found: expect.stringContaining('EXE'),
    });
  });

  it('refuses images and other recognised types, naming what it found', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const error = await sniffBuffer(Buffer.concat([png, Buffer.alloc(64)]), 'graf.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedType);
    expect((error as UnsupportedType).message).toContain('PNG');
    expect((error as UnsupportedType).message).toContain('not an accepted type');
  });

  it('takes UTF-8 text as Markdown or plain text by the extension alone', async () => {
    const text = Buffer.from('# Overskrift\r\n\tÆble, øl og å\n');
    expect((await sniffBuffer(text, 'noter.md')).kind).toBe('markdown');
    expect((await sniffBuffer(text, 'noter.MARKDOWN')).kind).toBe('markdown');
    expect((await sniffBuffer(text, 'noter.txt')).kind).toBe('text');
    expect((await sniffBuffer(text, 'noter.csv')).kind).toBe('text');
    expect((await sniffBuffer(text, 'noter')).kind).toBe('text');
  });

  it('refuses text with NUL or control bytes, and bytes that are not UTF-8', async () => {
    await expect(sniffBuffer(Buffer.from('tekst\u0000mere'), 'a.txt')).rejects.toMatchObject({
      found: expect.stringContaining('U+0000'),
    });
    await expect(sniffBuffer(Buffer.from('farve \u001b[31m'), 'a.md')).rejects.toMatchObject({
      found: expect.stringContaining('U+001B'),
    });
    // 'Æble' in Latin-1, as an old Windows editor would save it.
    await expect(sniffBuffer(Buffer.from([0xc6, 0x62, 0x6c, 0x65]), 'a.txt')).rejects.toMatchObject({
      found: expect.stringContaining('UTF-8'),
    });
  });
});

describe('TextCheck', () => {
  it('accepts a multi-byte character split between chunks', () => {
    const bytes = Buffer.from('blåbær');
    const check = new TextCheck();
    check.push(bytes.subarray(0, 3));
    check.push(bytes.subarray(3));
    expect(check.finish()).toBeUndefined();
  });

  it('refuses text that ends in the middle of a character', () => {
    const check = new TextCheck();
    check.push(Buffer.from('blå').subarray(0, 3));
    expect(check.finish()).toContain('UTF-8');
  });
});

describe('classify', () => {
  it('never takes a detected binary type as text', () => {
    expect(() => classify({ ext: 'xml', mime: 'application/xml' }, undefined, 'a.md')).toThrow(UnsupportedType);
  });
});
