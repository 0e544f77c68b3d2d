import { OUTCOME_KEYS, OUTCOMES, isOutcome } from './outcomes';
import { decisionText, protocolPdf } from './protocol-pdf';
import type { Protocol } from './meeting-model';
import { pdfText } from './test-fixtures';

const protocol: Protocol = {
  committee: 'Økonomiudvalget',
  meetingTitle: 'Møde om organisationsanalysen',
  date: '2025-08-26',
  start: '11:00',
  place: 'Rådhuset, lokale 1128',
  createdAt: new Date('2025-08-27T08:00:00Z'),
  items: [
    { number: 1, title: 'Godkendelse af dagsorden', outcome: 'godkendt' },
    {
      number: 2,
      title: 'Spor 1: Økonomistyring på tværs',
      outcome: 'droeftet',
      input: 'Udvalget ønsker en uddybning af de økonomiske konsekvenser før næste møde.',
    },
    { number: 3, title: 'Spor 2: Rådgivning og årsværk', outcome: 'taget-til-efterretning' },
    {
      number: 4,
      title: 'Spor 3: Fælles indkøb',
      outcome: 'ikke-tiltraadt',
      input: 'Forslaget genfremsættes med færre ændringer.',
    },
    { number: 5, title: 'Spor 4: Ejendomme', outcome: 'udgaaet' },
    { number: 6, title: 'Eventuelt' },
  ],
};

describe('protocolPdf', () => {
  it("holds the header and, per item, the decision in words and the committee's input", async () => {
    const text = (await pdfText(await protocolPdf(protocol))).replace(/[ \t]+/g, ' ');
    expect(text).toContain('Beslutningsprotokol: Møde om organisationsanalysen');
    expect(text).toContain('Mødedato: tirsdag 26. august 2025');
    expect(text).toContain('Mødetid: 11:00');
    expect(text).toContain('Mødested: Rådhuset, lokale 1128');
    for (const item of protocol.items) expect(text).toContain(`Beslutning for Punkt ${item.number}: ${item.title}`);
    expect(text).toContain('Beslutning: Godkendt.');
    expect(text).toContain('Beslutning: Drøftet.');
    expect(text).toContain('Beslutning: Taget til efterretning.');
    expect(text).toContain('Beslutning: Ikke tiltrådt i nuværende form.');
    expect(text).toContain('Beslutning: Udgået.');
    expect(text).toContain('Ingen beslutning registreret.');
    expect(text).toContain('Udvalget ønsker en uddybning af de økonomiske konsekvenser før næste møde.');
    expect(text).toContain('Forslaget genfremsættes med færre ændringer.');
    expect(text).toMatch(/Side 1 af 1\s*$/);
  });
});

describe('outcomes', () => {
  it('has Danish words for every key of the API contract, and only these open gates', () => {
    expect(OUTCOME_KEYS).toEqual(['godkendt', 'droeftet', 'taget-til-efterretning', 'ikke-tiltraadt', 'udgaaet']);
    expect(OUTCOME_KEYS.filter((k) => OUTCOMES[k].opensGate)).toEqual([
      'godkendt',
      'droeftet',
      'taget-til-efterretning',
    ]);
    expect(isOutcome('droeftet')).toBe(true);
    expect(isOutcome('drøftet')).toBe(false);
    expect(decisionText({ outcome: 'ikke-tiltraadt' })).toBe('Ikke tiltrådt i nuværende form.');
    expect(decisionText({})).toBeUndefined();
  });
});
