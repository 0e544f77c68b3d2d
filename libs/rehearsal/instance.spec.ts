import { loadDefaultProgramme } from '../plan/default-programme';
import { instantiateForYear } from '../plan/instantiate';
import { calendarOf, computePlan } from '../plan/plan';
import { isoWeekOf, isoWeekday } from '../plan/working-days';
import { rehearsalInstance, shiftDate, shiftSteps } from './instance';
import { checkScenario } from './scenario';

const definition = loadDefaultProgramme();

/** The instant a programme's plan starts: local midnight of its first planned day. */
function startOf(def: typeof definition): number {
  const plan = computePlan(def);
  return calendarOf(plan).atMillis(plan.starts, '00:00');
}

describe('rehearsalInstance', () => {
  // SBV's phase 1 starts the programme on Monday 17 March 2025, in winter time.
  const start2025 = Date.parse('2025-03-17T00:00:00+01:00');

  it('keeps the programme as written while it lies ahead', () => {
    expect(startOf(definition)).toBe(start2025);
    for (const now of [Date.parse('2025-01-10T12:00:00Z'), start2025 - 1]) {
      const instance = rehearsalInstance(definition, now);
      expect(instance.shift).toBe(0);
      expect(instance.definition).toBe(definition);
    }
  });

  it('moves the programme a year on once its first day has begun', () => {
    for (const now of [start2025, Date.parse('2025-06-01T10:00:00Z'), Date.parse('2026-01-01T00:00:00Z')]) {
      const { definition: moved, shift } = rehearsalInstance(definition, now);
      expect(shift).toBe(1);
      expect(moved).toEqual(instantiateForYear(definition, 2026));
      expect(moved.year).toBe(2026);
      expect(moved.id).toBe('aarhus-organisationsanalyse-2026');
    }
    // Weeks 12-13 of 2026 start on Monday 16 March.
    expect(computePlan(rehearsalInstance(definition, start2025).definition).starts).toBe('2026-03-16');
  });

  it('skips a year whose programme has begun as well', () => {
    // The 2026 instance started on 16 March 2026; the 2027 one starts on 22 March 2027.
    const { definition: moved, shift } = rehearsalInstance(definition, Date.parse('2026-03-20T09:00:00Z'));
    expect(shift).toBe(2);
    expect(moved.year).toBe(2027);
    expect(computePlan(moved).starts).toBe('2027-03-22');
  });

  it('takes the first year whose programme starts after now', () => {
    for (let year = 2024; year <= 2040; year += 2) {
      for (const monthDay of ['01-15', '03-20', '09-01']) {
        const now = Date.parse(`${year}-${monthDay}T08:00:00Z`);
        const { definition: moved, shift } = rehearsalInstance(definition, now);
        expect(moved.year).toBe(definition.year + shift);
        expect(startOf(moved)).toBeGreaterThan(now);
        if (shift > 0) {
          const yearBefore = shift === 1 ? definition : instantiateForYear(definition, definition.year + shift - 1);
          expect(startOf(yearBefore)).toBeLessThanOrEqual(now);
        }
      }
    }
  });

  it('gives up beyond 50 years', () => {
    expect(() => rehearsalInstance(definition, Date.parse('2080-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(rehearsalInstance(definition, Date.parse('2074-01-01T00:00:00Z')).shift).toBe(49);
  });
});

describe('shiftDate', () => {
  it('leaves a date alone when nothing moves', () => {
    expect(shiftDate('2025-04-08', 0)).toBe('2025-04-08');
  });

  it('keeps the ISO week and the weekday', () => {
    // Tuesday of week 15.
    expect(shiftDate('2025-04-08', 1)).toBe('2026-04-07');
    expect(shiftDate('2025-04-08', 2)).toBe('2027-04-13');
    expect(shiftDate('2026-04-07', -1)).toBe('2025-04-08');
    for (const date of ['2025-03-17', '2025-06-02', '2025-08-25', '2025-11-30'] as const) {
      for (const shift of [1, 3, 7]) {
        const moved = shiftDate(date, shift);
        expect(isoWeekOf(moved)).toEqual({ weekYear: isoWeekOf(date).weekYear + shift, week: isoWeekOf(date).week });
        expect(isoWeekday(moved)).toBe(isoWeekday(date));
      }
    }
  });

  it('moves a date in a neighbouring week-year with its week', () => {
    // Monday 29 December 2025 is in week 1 of 2026.
    expect(shiftDate('2025-12-29', 1)).toBe('2027-01-04');
  });

  it('moves week 53 to the last week of a year without one', () => {
    // Monday of week 53 of 2026 becomes Monday of week 52 of 2027.
    expect(shiftDate('2026-12-28', 1)).toBe('2027-12-27');
    // 2032 has a week 53 again.
    expect(shiftDate('2026-12-28', 6)).toBe('2032-12-27');
    expect(isoWeekOf('2032-12-27').week).toBe(53);
  });

  it('moves a meeting date the way instantiateForYear moves the meeting', () => {
    for (const shift of [1, 2, 5]) {
      const moved = computePlan(instantiateForYear(definition, definition.year + shift));
      for (const m of computePlan(definition).meetings) {
        expect(shiftDate(m.date, shift)).toBe(moved.meetings.find((n) => n.id === m.id)!.date);
      }
    }
  });
});

describe('shiftSteps', () => {
  const { steps } = checkScenario(
    [
      { at: '2025-W17-5', do: 'complete', subAnalysis: 'sbv', phase: '2A' },
      { at: '2025-06-02', do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'droeftet' },
    ],
    definition,
  );

  it('moves the date of every step and nothing else', () => {
    const moved = shiftSteps(steps, 2);
    expect(moved).toEqual([
      { ...steps[0], date: shiftDate(steps[0].date, 2) },
      { ...steps[1], date: shiftDate(steps[1].date, 2) },
    ]);
    // The June meeting of 2027 is on Monday 7 June.
    expect(moved[1].date).toBe('2027-06-07');
    expect(moved.map((s) => s.index)).toEqual([0, 1]);
  });

  it('leaves the steps it was given as they were', () => {
    const before = structuredClone(steps);
    const moved = shiftSteps(steps, 1);
    expect(steps).toEqual(before);
    expect(moved[0]).not.toBe(steps[0]);
    expect(shiftSteps(steps, 0)).toEqual(steps);
  });
});
