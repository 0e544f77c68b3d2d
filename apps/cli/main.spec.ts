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

  describe('rehearse', () => {
    jest.setTimeout(300_000);
    /** A small programme: one sub-analysis with two phases, one meeting it delivers material for. */
    const small = {
      id: 'cli-proevekoersel',
      title: 'Prøvekørsel fra kommandolinjen',
      year: 2025,
      timezone: 'Europe/Copenhagen',
      holidays: 'dk',
      closedDays: [],
      people: {
        sekretariat: { name: 'Sekretariatet', email: 'sekretariat@example.dk' },
        direktor: { name: 'Direktør', email: 'direktor@example.dk' },
        udvalg: { name: 'Udvalgsmedlem', email: 'udvalg@example.dk' },
        leder: { name: 'Projektleder', email: 'leder@example.dk' },
      },
      secretariat: ['sekretariat'],
      steeringGroup: { name: 'Direktionen', members: ['direktor'] },
      committee: {
        name: 'Udvalget',
        members: ['udvalg'],
        packageLeadDays: 5,
        meetings: [{ id: 'udvalg-juni', title: 'Udvalgsmøde', date: '2025-06-02', materialDue: '2025-05-05' }],
      },
      reminders: { beforeDue: [1], onDueDay: true, overdueEvery: 5, time: '09:00' },
      subAnalyses: [
        {
          id: 'sbv',
          title: 'Borgerservice',
          departments: [],
          projectLeads: ['leder'],
          phases: [
            { code: '1', title: 'Opstart', weeks: '12-13' },
            { code: '2', title: 'Analyse', weeks: '14-18', after: ['1'] },
          ],
          deliverables: [{ meeting: 'udvalg-juni', title: 'Foreløbige resultater' }],
        },
      ],
    };
    let programmeFile: string;
    beforeAll(() => {
      // The bundle test/global-setup.ts made, as the worker and the API's rehearsals use.
      process.env.SPOR_WORKFLOW_BUNDLE = process.env.SPOR_TEST_WORKFLOW_BUNDLE;
      programmeFile = join(dir, 'small.json');
      writeFileSync(programmeFile, JSON.stringify(small));
    });

    it('rehearses a small programme with a scenario and writes the trace in time order as JSON', async () => {
      const scenario = join(dir, 'late.yaml');
      writeFileSync(
        scenario,
        'scenario:\n  - at: 2025-W15-2\n    do: complete\n    subAnalysis: sbv\n    phase: "1"\n',
      );
      const { code, out, err } = await cli('rehearse', programmeFile, '--scenario', scenario, '--json');
      expect(err).toBe('');
      expect(code).toBe(0);
      const { events, summary } = JSON.parse(out) as {
        events: { at: string; week: number; type: string; kind: string; subAnalysis?: string; phase?: string }[];
        summary: { programmeId: string; emails: number; escalations: { subAnalysis?: string; phase?: string }[] };
      };
      // Rehearsed in the first year the programme lies ahead, under that year's id.
      expect(summary.programmeId).toMatch(/^cli-proevekoersel/);
      expect(events.filter((e) => e.type === 'email').length).toBe(summary.emails);
      expect(summary.emails).toBeGreaterThan(0);
      const instants = events.map((e) => Date.parse(e.at));
      expect(instants.every((t, i) => i === 0 || instants[i - 1] <= t)).toBe(true);
      // The scenario's step was performed: phase 1, due in week 13, completed late in week 15, and escalated.
      const completed = events.filter(
        (e) => e.type === 'history' && e.kind === 'phase-completed' && e.subAnalysis === 'sbv' && e.phase === '1',
      );
      expect(completed.map((e) => e.week)).toEqual([15]);
      expect(summary.escalations.some((e) => e.subAnalysis === 'sbv' && e.phase === '1')).toBe(true);
    });

    it('prints the trace as a table per week, and the summary', async () => {
      const { code, out } = await cli('rehearse', programmeFile);
      expect(code).toBe(0);
      expect(out).toMatch(/^Uge 12 \d{4}$/m);
      expect(out).toMatch(/Tidspunkt\s+Type\s+Hændelse\s+Modtagere\s+Emne/);
      expect(out).toMatch(/E-mail\s+.*leder@example\.dk/);
      expect(out).toMatch(/^Opsummering: cli-proevekoersel/m);
      expect(out).toMatch(/^ {2}Eskaleringer: 0$/m);
    });

    it('exits 1 on a bad scenario file, with the path of each problem, before rehearsing', async () => {
      const scenario = join(dir, 'bad.json');
      writeFileSync(
        scenario,
        JSON.stringify([
          { at: '2025-W14-2', do: 'complete', subAnalysis: 'sbv', phase: '1' },
          { at: '2025-W14-2', do: 'complete', subAnalysis: 'sbv', phase: '9' },
        ]),
      );
      const { code, out, err } = await cli('rehearse', programmeFile, '--scenario', scenario);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain('Fejl i scenariet (1):');
      expect(err).toContain("  scenario[1].phase: 'sbv' har ingen fase '9'");
    });
  });
});
