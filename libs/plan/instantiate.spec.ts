/* eslint-disable @typescript-eslint/no-explicit-any */
import { instantiateForYear, upcomingInstance } from './instantiate';
import { computePlan } from './plan';
import { defaultDefinition, defaultRaw } from './test-fixtures';
import { validateDefinition } from './validate';

const def = defaultDefinition();

function definitionOf(mutate: (d: any) => void) {
  const d = defaultRaw();
  mutate(d);
  const result = validateDefinition(d);
  if (!result.definition) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}

describe('instantiateForYear', () => {
  it('keeps the weeks and moves meetings to the same week and weekday', () => {
    const d2027 = instantiateForYear(def, 2027);
    expect(d2027.id).toBe('aarhus-organisationsanalyse-2027');
    expect(d2027.year).toBe(2027);
    const result = validateDefinition(d2027);
    expect(result.errors).toEqual([]);
    const plan = computePlan(result.definition!);
    const sbv = plan.subAnalyses[0].phases;
    // Easter 2027 is 28 March: 2. påskedag opens week 13, Friday 2 April is a working day.
    expect(sbv[0]).toMatchObject({ plannedStart: '2027-03-22', due: '2027-04-02' });
    expect(sbv[1]).toMatchObject({ plannedStart: '2027-04-05', due: '2027-04-23' });
    expect(plan.meetings.map((m) => [m.id, m.date, m.materialDue])).toEqual([
      ['udvalg-juni', '2027-06-07', '2027-05-10'],
      ['udvalg-august', '2027-08-30', '2027-08-13'],
    ]);
  });

  it('produces a valid definition for every year from 2020 to 2045', () => {
    for (let year = 2020; year <= 2045; year++) {
      const result = validateDefinition(instantiateForYear(def, year));
      if (!result.valid) throw new Error(`${year}: ${JSON.stringify(result.errors)}`);
      expect(computePlan(result.definition!).meetings[0].week).toBe(23);
    }
  });

  it('returns the same definition for its own year', () => {
    expect(instantiateForYear(def, 2025)).toBe(def);
  });

  it('moves week 53 to the last week of a 52-week year', () => {
    const d2026 = definitionOf((d) => {
      d.id = 'uge-53-test';
      d.title = 'Plan for 2026';
      d.year = 2026;
      d.committee.meetings = [{ id: 'nytaar', title: 'Møde', date: '2026-12-28', materialDue: '2026-12-18' }];
      d.closedDays = ['2026-12-24', '2028-02-29'];
      for (const s of d.subAnalyses) {
        s.deliverables = [{ meeting: 'nytaar', title: 'Materiale' }];
        for (const p of s.phases) delete p.gate;
      }
      Object.assign(d.subAnalyses[0].phases[4], { weeks: '50-53' });
      delete d.subAnalyses[1].phases[3].weeks;
      Object.assign(d.subAnalyses[1].phases[3], { from: '2026-W52', to: '2027-W02' });
    });
    const d2027 = instantiateForYear(d2026, 2027);
    expect(d2027.id).toBe('uge-53-test-2027');
    expect(d2027.title).toBe('Plan for 2027');
    expect(d2027.subAnalyses[0].phases[4].weeks).toBe('50-52');
    expect(d2027.subAnalyses[1].phases[3]).toMatchObject({ from: '2027-W52', to: '2028-W02' });
    // Monday of week 53 in 2026 becomes Monday of week 52 in 2027; closed days keep their day and month.
    expect(d2027.committee.meetings[0]).toMatchObject({ date: '2027-12-27', materialDue: '2027-12-24' });
    expect(d2027.closedDays).toEqual(['2027-12-24']);
    expect(validateDefinition(d2027).errors).toEqual([]);
  });

  it('moves dates of a neighbouring week-year and an explicit year with the rest', () => {
    const d = definitionOf((raw) => {
      raw.committee.meetings[1].date = '2025-12-29'; // Monday of week 1 of 2026
      raw.committee.meetings[1].materialDue = { week: 52, weekday: 'friday' };
      raw.committee.meetings.push({
        id: 'januar',
        title: 'Januar',
        date: { week: 2, weekday: 'tuesday', year: 2026 },
        materialDue: { week: 1, year: 2026 },
      });
    });
    const d2026 = instantiateForYear(d, 2026);
    expect(d2026.committee.meetings[1]).toMatchObject({
      date: '2027-01-04',
      materialDue: { week: 52, weekday: 'friday' },
    });
    expect(d2026.committee.meetings[2]).toMatchObject({
      date: { week: 2, weekday: 'tuesday', year: 2027 },
      materialDue: { week: 1, year: 2027 },
    });
  });
});

describe('upcomingInstance', () => {
  it('gives the 2027 instance on 23 November 2026', () => {
    const live = upcomingInstance(def, '2026-11-23');
    expect(live.year).toBe(2027);
    expect(live.id).toBe('aarhus-organisationsanalyse-2027');
    expect(validateDefinition(live).valid).toBe(true);
  });

  it('keeps the definition while its last meeting is ahead', () => {
    expect(upcomingInstance(def, '2025-01-10')).toBe(def);
    expect(upcomingInstance(def, '2025-08-25')).toBe(def);
    expect(upcomingInstance(def, '2025-08-26').year).toBe(2026);
    expect(upcomingInstance(def, '2026-08-24').year).toBe(2026);
    expect(upcomingInstance(def, '2026-08-25').year).toBe(2027);
  });

  it('refuses a malformed date', () => {
    expect(() => upcomingInstance(def, '23-11-2026')).toThrow(RangeError);
  });
});
