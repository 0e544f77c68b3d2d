import { button, dataTable, paragraph, textToHtml } from './components';
import { html } from './html';
import { AUTOMATIC_NOTICE, emailMessage } from './layout';

const message = emailMessage({
  subject: 'Påmindelse: Byens rum, fase 2A forfalder om 5 arbejdsdage',
  programmeTitle: 'Organisationsanalyse af Aarhus Kommune – delanalyser',
  preheader: 'Frist fredag 16. maj 2025',
  body: html`${paragraph('Kære projektledere')}${dataTable(
    [
      { header: 'Fase', width: 30 },
      { header: 'Frist', width: 70 },
    ],
    [[{ text: '2A <Kortlægning>' }, { text: '16.05.2025', bold: true }]],
  )}${button('https://spor.example.org/programmes/p/sub-analyses/byens-rum', 'Se analysesporet')}`,
  text: 'Kære projektledere\n\nFase 2A har frist fredag 16. maj 2025.',
  link: { href: 'https://spor.example.org/programmes/p/sub-analyses/byens-rum', label: 'Se analysesporet i Spor' },
});

describe('emailMessage', () => {
  it('wraps the body in the layout: programme title on top, the automatic notice and the link below', () => {
    const { html: page } = message;
    expect(page.indexOf('Organisationsanalyse af Aarhus Kommune – delanalyser')).toBeLessThan(
      page.indexOf('Kære projektledere'),
    );
    expect(page.indexOf('Kære projektledere')).toBeLessThan(page.indexOf(AUTOMATIC_NOTICE));
    expect(page).toContain('href="https://spor.example.org/programmes/p/sub-analyses/byens-rum"');
    expect(page).toContain('2A &lt;Kortlægning&gt;');
    expect(page).toContain('lang="da"');
  });

  it('is what Outlook renders: no scripts, no style sheets or classes, no remote images', () => {
    const { html: page } = message;
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<style|<link\b|\sclass=/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(page).not.toMatch(/<img[^>]+src="https?:/i);
    // Every element that is styled is styled inline.
    expect(page.match(/style="/g)!.length).toBeGreaterThan(10);
  });

  it('has a plain-text alternative with the same content and the link', () => {
    expect(message.text).toContain('Organisationsanalyse af Aarhus Kommune – delanalyser');
    expect(message.text).toContain('Fase 2A har frist fredag 16. maj 2025.');
    expect(message.text).toContain(AUTOMATIC_NOTICE);
    expect(message.text).toContain(
      'Se analysesporet i Spor: https://spor.example.org/programmes/p/sub-analyses/byens-rum',
    );
    expect(message.text).not.toMatch(/<[a-z]/i);
  });

  it('refuses a link that is not http(s)', () => {
    expect(() =>
      emailMessage({
        subject: 's',
        programmeTitle: 'p',
        body: html``,
        text: '',
        link: { href: 'javascript:x', label: 'x' },
      }),
    ).toThrow(/javascript:x/);
  });

  it('turns composed plain text into paragraphs, escaped', () => {
    const out = textToHtml('Kære projektleder\n\nFristen er i dag.\nSe <Spor>.\n').value;
    expect(out.match(/<p\s/g)).toHaveLength(2);
    expect(out).toMatch(/Fristen er i dag\.<br \/>\s*Se &lt;Spor&gt;\./);
  });
});
