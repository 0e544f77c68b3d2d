import { WorkCalendar } from './working-days';
import type { ProgrammeDefinitionInput } from './definition';
import { computePlan } from './plan';
import { defaultDefinition } from './test-fixtures';
import { validateDefinition } from './validate';

const plan2025 = computePlan(defaultDefinition());
const phase = (sid: string, code: string) =>
  plan2025.subAnalyses.find((s) => s.id === sid)!.phases.find((p) => p.code === code)!;
const meeting = (id: string) => plan2025.meetings.find((m) => m.id === id)!;

describe('the default programme in 2025', () => {
  it('dates SBV as the terms of reference say', () => {
    expect(phase('sbv', '1')).toMatchObject({
      plannedStart: '2025-03-17',
      due: '2025-03-28',
      startWeek: '2025-W12',
      dueWeek: '2025-W13',
    });
    // 17 and 18 April are skærtorsdag and langfredag.
    expect(phase('sbv', '2A')).toMatchObject({ plannedStart: '2025-03-31', due: '2025-04-16' });
    expect(phase('sbv', '2B')).toMatchObject({ plannedStart: '2025-03-24', due: '2025-04-16', after: [] });
    // Week 17 starts with 2. påskedag.
    expect(phase('sbv', '2C')).toMatchObject({ plannedStart: '2025-04-22', due: '2025-05-23', after: ['2A', '2B'] });
    expect(phase('sbv', '3')).toMatchObject({
      plannedStart: '2025-06-02',
      due: '2025-07-11',
      gate: { meeting: 'udvalg-juni' },
    });
  });

  it('gives instants with the offset of the day', () => {
    expect(phase('sbv', '1').plannedStartAt).toBe('2025-03-17T00:00:00+01:00');
    expect(phase('sbv', '1').overdueFrom).toBe('2025-03-29T00:00:00+01:00');
    expect(phase('sbv', '2A').overdueFrom).toBe('2025-04-17T00:00:00+02:00');
  });

  it('dates the assumed plan of the other four sub-analyses', () => {
    for (const sid of ['ledige', 'byens-rum', 'relationel-velfaerd', 'klima']) {
      expect(phase(sid, '1')).toMatchObject({ plannedStart: '2025-03-24', due: '2025-04-04' });
      expect(phase(sid, '2A')).toMatchObject({ plannedStart: '2025-04-07', due: '2025-05-16' });
      expect(phase(sid, '2B')).toMatchObject({ plannedStart: '2025-04-07', due: '2025-05-16' });
      expect(phase(sid, '3')).toMatchObject({ plannedStart: '2025-06-02', due: '2025-06-27' });
    }
  });

  it('dates the meetings, material deadlines and packages', () => {
    // Five working days before Monday 2 June, skipping Kristi himmelfartsdag on 29 May.
    expect(meeting('udvalg-juni')).toMatchObject({
      date: '2025-06-02',
      materialDue: '2025-05-05',
      packageDate: '2025-05-23',
      week: 23,
    });
    expect(meeting('udvalg-august')).toMatchObject({
      date: '2025-08-25',
      materialDue: '2025-08-08',
      packageDate: '2025-08-18',
      week: 35,
    });
  });

  it('treats Kristi himmelfartsdag and 2. pinsedag as closed', () => {
    const cal = new WorkCalendar({ timezone: plan2025.timezone, holidays: plan2025.holidays });
    expect(cal.isWorkingDay('2025-05-29')).toBe(false);
    expect(cal.isWorkingDay('2025-06-09')).toBe(false);
  });

  it('resolves people to lower-case e-mails and spans the programme', () => {
    const sbv = plan2025.subAnalyses[0];
    expect(sbv.projectLeads).toEqual(['pl-borgerservice@example.org', 'pl-virksomhedsservice@example.org']);
    expect(sbv.projectOwner).toBe('projektejer-sbv@example.org');
    expect(plan2025.secretariat).toEqual(['sekretariat@example.org']);
    expect(plan2025.committee).toHaveLength(5);
    expect(plan2025.steeringGroup).toEqual(['it-chef@example.org', 'stadsdirektoer@example.org']);
    expect(plan2025.starts).toBe('2025-03-17');
    expect(plan2025.ends).toBe('2025-08-25');
    expect(sbv.reminders).toEqual({ beforeDue: [5, 1], onDueDay: true, overdueEvery: 5, time: '09:00' });
  });

  it('names the phases that produce each deliverable', () => {
    const sbv = plan2025.subAnalyses[0];
    expect(sbv.deliverables[0]).toMatchObject({
      meeting: 'udvalg-juni',
      materialDue: '2025-05-05',
      producedBy: ['1', '2A', '2B', '2C'],
    });
    expect(sbv.deliverables[1].producedBy).toEqual(['1', '2A', '2B', '2C', '3']);
  });

  it('is plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(plan2025))).toEqual(plan2025);
  });
});

/** A programme written by someone else: another year, another cadence, fewer people. */
function otherAuthor(overrides: Partial<ProgrammeDefinitionInput> = {}): ProgrammeDefinitionInput {
  return {
    id: 'randers-servicetjek-2027',
    title: 'Servicetjek af administrationen',
    year: 2027,
    people: {
      sek: { name: 'Sekretariatet', email: 'Sek@Example.org' },
      dir: { name: 'Kommunaldirektør', email: 'dir@example.org' },
      pl: { name: 'Projektleder', email: 'pl@example.org' },
      oeu: { name: 'Formand for økonomiudvalget', email: 'oeu@example.org' },
    },
    secretariat: ['sek'],
    steeringGroup: { name: 'Direktionen', members: ['dir'] },
    committee: {
      name: 'Økonomiudvalget',
      members: ['oeu'],
      packageLeadDays: 3,
      meetings: [
        {
          id: 'oeu-maj',
          title: 'Økonomiudvalgets møde i maj',
          date: { week: 20, weekday: 'tuesday' },
          materialDue: { week: 18 },
        },
      ],
    },
    subAnalyses: [
      {
        id: 'servicetjek',
        title: 'Servicetjek',
        projectLeads: ['pl'],
        phases: [
          { code: 'opgave', title: 'Opgaven', weeks: '10-12' },
          { code: 'tjek', title: 'Servicetjekket', weeks: '13-14', after: ['opgave'] },
          { code: 1, title: 'Modeller', weeks: 15 },
        ],
        deliverables: [{ meeting: 'oeu-maj', title: 'Anbefalinger', producedBy: 'tjek' }],
      },
    ],
    ...overrides,
  };
}

describe('another author, another year', () => {
  it('applies the 2027 holidays', () => {
    const result = validateDefinition(otherAuthor());
    expect(result.errors).toEqual([]);
    const plan = computePlan(result.definition!);
    const [opgave, tjek, modeller] = plan.subAnalyses[0].phases;
    // Easter 2027 is 28 March: skærtorsdag 25 and langfredag 26 March close week 12 early.
    expect(opgave).toMatchObject({ plannedStart: '2027-03-08', due: '2027-03-24' });
    // Week 13 starts with 2. påskedag.
    expect(tjek).toMatchObject({ plannedStart: '2027-03-30', due: '2027-04-09' });
    expect(modeller).toMatchObject({ code: '1', plannedStart: '2027-04-12', due: '2027-04-16', weeks: '15' });
    // Week 18 has Kristi himmelfartsdag on Thursday 6 May; Friday 7 May is a working day.
    // Three working days before Tuesday 18 May, skipping 2. pinsedag on the 17th.
    expect(plan.meetings[0]).toMatchObject({
      date: '2027-05-18',
      materialDue: '2027-05-07',
      packageDate: '2027-05-12',
      week: 20,
    });
    expect(plan.secretariat).toEqual(['sek@example.org']);
    expect(plan.subAnalyses[0].deliverables[0].producedBy).toEqual(['tjek']);
    expect(plan.reminders).toEqual({ beforeDue: [5, 1], onDueDay: true, overdueEvery: 5, time: '09:00' });
    expect(plan.timezone).toBe('Europe/Copenhagen');
  });

  it('ignores holidays with holidays: none', () => {
    const plan = computePlan(validateDefinition(otherAuthor({ holidays: 'none' })).definition!);
    const [opgave, tjek] = plan.subAnalyses[0].phases;
    expect(opgave.due).toBe('2027-03-26');
    expect(tjek.plannedStart).toBe('2027-03-29');
    expect(plan.meetings[0]).toMatchObject({ materialDue: '2027-05-07', packageDate: '2027-05-13' });
  });

  it('uses another time zone for instants', () => {
    const plan = computePlan(
      validateDefinition(otherAuthor({ timezone: 'America/New_York', holidays: 'none' })).definition!,
    );
    expect(plan.subAnalyses[0].phases[0].plannedStartAt).toBe('2027-03-08T00:00:00-05:00');
    // US daylight saving time starts on 14 March 2027.
    expect(plan.subAnalyses[0].phases[0].overdueFrom).toBe('2027-03-27T00:00:00-04:00');
  });
});

describe('plans across a year end', () => {
  type PhaseInput = ProgrammeDefinitionInput['subAnalyses'][number]['phases'][number];
  const crossing = (phases: PhaseInput[]) =>
    validateDefinition(
      otherAuthor({
        year: 2026,
        committee: { name: 'Økonomiudvalget', members: ['oeu'], meetings: [] },
        subAnalyses: [{ id: 'x', title: 'X', projectLeads: ['pl'], phases }],
      }),
    );

  it('runs from 2026-W50 to 2027-W02 with Christmas and New Year skipped', () => {
    const result = crossing([
      { code: 'A', title: 'Hen over nytår', from: '2026-W50', to: '2027-W02' },
      { code: 'B', title: 'Juleugen', weeks: '52' },
      { code: 'C', title: 'Uge 53', weeks: '53' },
      { code: 'D', title: 'Første uge', from: '2027-W01', to: '2027-W01' },
    ]);
    expect(result.errors).toEqual([]);
    const [a, b, c, d] = computePlan(result.definition!).subAnalyses[0].phases;
    expect(a).toMatchObject({
      plannedStart: '2026-12-07',
      due: '2027-01-15',
      startWeek: '2026-W50',
      dueWeek: '2027-W02',
      weeks: '2026-W50–2027-W02',
    });
    // Juleaftensdag is a working day; juledag and 2. juledag are not.
    expect(b).toMatchObject({ plannedStart: '2026-12-21', due: '2026-12-24' });
    // Week 53 of 2026 ends with nytårsdag on Friday 1 January 2027.
    expect(c).toMatchObject({ plannedStart: '2026-12-28', due: '2026-12-31', dueWeek: '2026-W53' });
    expect(d).toMatchObject({ plannedStart: '2027-01-04', due: '2027-01-08' });
  });
});
