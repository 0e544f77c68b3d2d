import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { defaultProgrammePath } from '../../libs/plan/default-programme';
import { run } from './main';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('spor CLI', () => {
  const file = defaultProgrammePath();
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'spor-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates the default programme and lists its warnings', async () => {
    const { code, out, err } = await cli('validate', file);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Advarsler (6):');
    expect(out).toContain(
      "subAnalyses[0].deliverables[0]: Materialet til mødet 'udvalg-juni' skal afleveres 2025-05-05",
    );
    expect(out).toContain('Gyldig: aarhus-organisationsanalyse-2025 (5 analysespor, 2 møder)');
  });

  it('exits 1 with every error and its path', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'X', title: 'Test', year: 2025 }));
    const { code, err } = await cli('validate', bad);
    expect(code).toBe(1);
    expect(err).toContain('Fejl (');
    expect(err).toContain('  id: Skal være 3–64 tegn');
    expect(err).toContain("  people: Feltet 'people' mangler.");
  });

  it('exits 1 on a syntax error and on a missing file', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: [x\n');
    const syntax = await cli('validate', broken);
    expect(syntax.code).toBe(1);
    expect(syntax.err).toContain('(dokumentet): Syntaksfejl i YAML');
    const missing = await cli('validate', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Kan ikke læse');
  });

  it('prints the plan by week with the meetings', async () => {
    const { code, out } = await cli('plan', file);
    expect(code).toBe(0);
    // Dates in the words of libs/texts: the header in full, the table compactly.
    expect(out).toContain(
      'mandag 17. marts 2025 (uge 12) – mandag 25. august 2025 (uge 35), tidszone Europe/Copenhagen',
    );
    expect(out).toMatch(/Uge\s+Analysespor\s+Fase\s+Titel\s+Planlagt start\s+Frist/);
    expect(out).toMatch(/12-13\s+sbv\s+1\s+Opstart og scoping\s+man 2025-03-17\s+fre 2025-03-28/);
    expect(out).toMatch(/17-21\s+sbv\s+2C\s+.*tir 2025-04-22\s+fre 2025-05-23/);
    expect(out).toMatch(/Udvalgsmøde: foreløbige analysefund\s+man 2025-06-02\s+23\s+man 2025-05-05\s+fre 2025-05-23/);
  });

  it('prints the schedule and another year on request', async () => {
    const { out } = await cli('plan', file, '--schedule', '--year', '2027');
    expect(out).toContain('aarhus-organisationsanalyse-2027');
    expect(out).toMatch(/2027-03-23 09:00\s+12\s+Påmindelse\s+Påmindelse: fase 1 forfalder om 5 arbejdsdage/);
    expect(out).toMatch(/Statusrapport/);
    // Phase 1 is due Friday 2 April 2027; the escalation that would follow is marked as such.
    expect(out).toMatch(
      /2027-04-05 09:00\s+14\s+Eskalering\s+Overskredet: fase 1 er 1 arbejdsdag over fristen fredag 2\. april 2027 – Samlet Borger- og Virksomhedsservice \(hvis fristen overskrides\)/,
    );
  });

  it('writes JSON', async () => {
    const { code, out } = await cli('plan', file, '--json', '--schedule');
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.plan.programmeId).toBe('aarhus-organisationsanalyse-2025');
    expect(parsed.schedule.length).toBeGreaterThan(100);
    expect(parsed.warnings).toHaveLength(6);
  });

  it('shows help and refuses unknown commands and bad years', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('validate');
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('frobnicate');
    const badYear = await cli('plan', file, '--year', 'next');
    expect(badYear.code).toBe(1);
    expect(badYear.err).toContain('Ugyldigt år');
  });
});
