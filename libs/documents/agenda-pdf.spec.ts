import { agendaPdf, attachmentLine } from './agenda-pdf';
import { type Agenda, numberItems, withStandingItems } from './meeting-model';
import { pdfText } from './test-fixtures';

const BACKGROUND =
  'Analysen kortlægger, hvordan økonomistyringen og budgetopfølgningen foregår i de syv magistratsafdelinger, ' +
  'og peger på forskelle i roller, snitflader og værktøjer. ';

function agenda(subAnalyses = 3): Agenda {
  return {
    committee: 'Økonomiudvalget',
    meetingTitle: 'Møde om organisationsanalysen',
    date: '2025-08-26',
    start: '11:00',
    end: '13:15',
    place: 'Rådhuset, lokale 1128',
    createdAt: new Date('2025-08-19T06:00:00Z'),
    items: withStandingItems(
      Array.from({ length: subAnalyses }, (_, i) => ({
        title: `Spor ${i + 1}: Økonomistyring på tværs`,
        background: BACKGROUND.repeat(8),
        recommendation: `Det indstilles, at udvalget drøfter resultaterne fra spor ${i + 1}.`,
        method: 'drøftelse' as const,
        responsible: 'Åse Ødegård',
        minutes: 20,
        attachments: [
          { title: 'Foreløbige resultater', missing: i === 1 },
          { title: 'Bilag om årsværk', missing: false },
        ],
      })),
      'udvalget',
    ),
  };
}

/** pdftotext's pages, split at its form feeds, whitespace runs collapsed. */
async function pages(pdf: Buffer): Promise<string[]> {
  const text = await pdfText(pdf);
  return text
    .split('\f')
    .filter((page) => page.trim())
    .map((page) => page.replace(/[ \t]+/g, ' '));
}

describe('withStandingItems', () => {
  it('puts Godkendelse af dagsorden first and Eventuelt last, numbering items and attachments', () => {
    const items = withStandingItems([
      {
        title: 'Spor A',
        method: 'beslutning',
        attachments: [
          { title: 'x', missing: false },
          { title: 'y', missing: true },
        ],
      },
      { title: 'Spor B', method: 'orientering' },
    ]);
    expect(items.map((i) => `${i.number} ${i.title}`)).toEqual([
      '1 Godkendelse af dagsorden',
      '2 Spor A',
      '3 Spor B',
      '4 Eventuelt',
    ]);
    expect(items[1].attachments.map((a) => a.number)).toEqual(['2.1', '2.2']);
    expect(items[0].recommendation).toBe('Det indstilles, at udvalget godkender dagsordenen.');
    expect(numberItems([])).toEqual([]);
  });
});

describe('agendaPdf', () => {
  it('holds the header, every item with its fields, and every Bilag, with æøå intact', async () => {
    const model = agenda();
    const text = (await pages(await agendaPdf(model))).join('\n');
    expect(text).toContain('Økonomiudvalget');
    expect(text).toContain('Dagsorden: Møde om organisationsanalysen');
    expect(text).toContain('Mødedato: tirsdag 26. august 2025');
    expect(text).toContain('Mødetid: 11:00-13:15');
    expect(text).toContain('Mødested: Rådhuset, lokale 1128');
    expect(text).toContain('Indholdsfortegnelse');
    for (const item of model.items) expect(text).toContain(`Punkt ${item.number}: ${item.title}`);
    expect(text).toContain('Punkt 1: Godkendelse af dagsorden');
    expect(text).toContain('Punkt 5: Eventuelt');
    expect(text).toContain('Metode: Drøftelse');
    expect(text).toContain('Ansvarlig: Åse Ødegård');
    expect(text).toContain('Tid: 20 min.');
    expect(text).toContain('Baggrund');
    expect(text).toContain('Det indstilles, at udvalget drøfter resultaterne fra spor 2.');
    expect(text).toContain('Bilag 2.1 Foreløbige resultater\n');
    expect(text).toContain('Bilag 2.2 Bilag om årsværk');
    expect(text).toContain('Bilag 3.1 Foreløbige resultater – mangler (ikke godkendt)');
    expect(text).toContain('Bilag 4.2 Bilag om årsværk');
    expect(text.match(/mangler \(ikke godkendt\)/g)).toHaveLength(1);
  });

  it('numbers every page "Side X af Y" and gives each item its page in the contents', async () => {
    const result = await pages(await agendaPdf(agenda(6)));
    expect(result.length).toBeGreaterThan(3);
    result.forEach((page, i) => expect(page).toContain(`Side ${i + 1} af ${result.length}`));
    const contents = result[0];
    for (let n = 1; n <= 8; n++) {
      const line = new RegExp(`Punkt ${n} .*?(\\d+)\\n`).exec(contents);
      expect(line).not.toBeNull();
      const page = Number(line![1]);
      expect(result[page - 1]).toContain(`Punkt ${n}: `);
      // The item starts on that page, not earlier.
      for (let earlier = 1; earlier < page - 1; earlier++) expect(result[earlier]).not.toContain(`Punkt ${n}: `);
    }
  });

  it('continues a long table of contents on the next page with the right numbers', async () => {
    const model = agenda(40);
    const result = await pages(await agendaPdf(model));
    const contents = result.slice(0, 2).join('\n');
    expect(result[1]).toContain('Punkt 42 Eventuelt');
    for (const item of model.items) {
      const line = new RegExp(`Punkt ${item.number} .*?(\\d+)\\n`).exec(contents);
      expect(result[Number(line![1]) - 1]).toContain(`Punkt ${item.number}: `);
    }
  });

  it('says when time and place are not yet known', async () => {
    const { start: _s, end: _e, place: _p, ...rest } = agenda(1);
    const text = await pdfText(await agendaPdf(rest));
    expect(text).toContain('Mødetid: oplyses senere');
    expect(text).toContain('Mødested: oplyses senere');
  });

  it('gives the same bytes for the same input', async () => {
    const model = agenda(2);
    expect((await agendaPdf(model)).equals(await agendaPdf(model))).toBe(true);
  });

  it('embeds the DejaVu fonts', async () => {
    const pdf = (await agendaPdf(agenda(1))).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(pdf).toContain('/FontFile2');
  });
});

describe('attachmentLine', () => {
  it('marks a missing attachment', () => {
    expect(attachmentLine({ number: '2.1', title: 'Foreløbige resultater', missing: true })).toBe(
      'Bilag 2.1 Foreløbige resultater – mangler (ikke godkendt)',
    );
    expect(attachmentLine({ number: '2.2', title: 'Tal', missing: false })).toBe('Bilag 2.2 Tal');
  });
});
