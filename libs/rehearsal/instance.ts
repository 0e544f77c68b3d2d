/**
 * Which year a rehearsal runs the programme in. The time-skipping server's clock starts
 * at the real now and only moves forward, so a programme whose first week has passed is
 * rehearsed in the first later year where it lies ahead: the same weeks and weekdays, that
 * year's holidays (libs/plan/instantiate.ts). The scenario's dates move with it. Pure.
 */
import { instantiateForYear } from '../plan/instantiate';
import type { ProgrammeDefinition } from '../plan/definition';
import { calendarOf, computePlan } from '../plan/plan';
import { type IsoDate, isoWeekDate, isoWeekOf, isoWeekday, weeksInYear } from '../plan/working-days';
import type { CheckedStep } from './scenario';

export interface RehearsalInstance {
  definition: ProgrammeDefinition;
  /** Years the programme was moved by (0 when it lies ahead as written). */
  shift: number;
}

export function rehearsalInstance(definition: ProgrammeDefinition, nowMs: number): RehearsalInstance {
  for (let shift = 0; shift <= 50; shift++) {
    const candidate = shift === 0 ? definition : instantiateForYear(definition, definition.year + shift);
    const plan = computePlan(candidate);
    if (calendarOf(plan).atMillis(plan.starts, '00:00') > nowMs) return { definition: candidate, shift };
  }
  throw new RangeError(`No year within 50 of ${definition.year} starts after ${new Date(nowMs).toISOString()}`);
}

/** A date moved by whole years the way instantiateForYear moves dates: same ISO week and weekday. */
export function shiftDate(date: IsoDate, shift: number): IsoDate {
  if (shift === 0) return date;
  const w = isoWeekOf(date);
  const year = w.weekYear + shift;
  return isoWeekDate(year, Math.min(w.week, weeksInYear(year)), isoWeekday(date));
}

export function shiftSteps(steps: readonly CheckedStep[], shift: number): CheckedStep[] {
  return steps.map((s) => ({ ...s, date: shiftDate(s.date, shift) }));
}
