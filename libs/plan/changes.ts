/**
 * Changes to a running programme's plan, as new definitions: the workflows and the API
 * apply the same change. The API checks the result as a new file is checked
 * (./change-checks.ts, before it sends the Update); the workflows' validators run the
 * light checks here, which need neither zod nor the schema, so that the workflow bundle
 * (loaded once per cached workflow) stays small.
 */
import type { ProgrammeDefinition } from './definition';
import { phaseWeekSpan, weekSpanExists } from './dates';
import type { Problem } from './validate';
import { compareDates, compareWeeks, isValidIsoDate, isValidTimeOfDay } from './working-days';

/** New weeks for a phase: `weeks` within the programme year, or `from`/`to` across a year end. */
export type PhaseWeeksChange = { weeks: string } | { from: string; to: string };

/**
 * The definition with one phase's weeks replaced. Unknown sub-analyses or phases leave
 * it unchanged; the caller checks they exist.
 */
export function withPhaseWeeks(
  def: ProgrammeDefinition,
  subAnalysisId: string,
  code: string,
  change: PhaseWeeksChange,
): ProgrammeDefinition {
  return {
    ...def,
    subAnalyses: def.subAnalyses.map((s) =>
      s.id !== subAnalysisId
        ? s
        : {
            ...s,
            phases: s.phases.map((p) => {
              if (p.code !== code) return p;
              const { weeks: _w, from: _f, to: _t, ...rest } = p;
              return 'weeks' in change
                ? { ...rest, weeks: change.weeks }
                : { ...rest, from: change.from, to: change.to };
            }),
          },
    ),
  };
}

/**
 * Whether a change would give the phase exactly the weeks it has: then it changes
 * nothing, and applying it must add no history and move no reminders. Compared as
 * written (`weeks`, or `from` and `to`), spaces aside; the same dates written another way
 * count as a change of how the plan is written.
 */
export function isSamePhaseWeeks(
  def: ProgrammeDefinition,
  subAnalysisId: string,
  code: string,
  change: PhaseWeeksChange,
): boolean {
  const phase = def.subAnalyses.find((s) => s.id === subAnalysisId)?.phases.find((p) => p.code === code);
  if (!phase) return false;
  const norm = (v: string | number | undefined) => (v === undefined ? undefined : String(v).replace(/\s+/g, ''));
  return 'weeks' in change
    ? phase.from === undefined && phase.to === undefined && norm(phase.weeks) === norm(change.weeks)
    : phase.weeks === undefined && norm(phase.from) === norm(change.from) && norm(phase.to) === norm(change.to);
}

/**
 * The workflow's own check of a weeks change (the API has run the full one): the new
 * weeks can be read, exist and run forward, so the changed plan can be computed.
 */
export function phaseWeeksChangeProblems(def: ProgrammeDefinition, change: PhaseWeeksChange): Problem[] {
  const path = 'weeks' in change ? 'weeks' : 'to';
  const span = phaseWeekSpan(change, def.year);
  if (!span) return [{ path: 'weeks' in change ? 'weeks' : 'from', message: 'The weeks cannot be read.' }];
  if (!weekSpanExists(span)) return [{ path, message: 'A week that does not exist.' }];
  if (compareWeeks(span.from, span.to) > 0) return [{ path, message: 'The weeks must run forward.' }];
  return [];
}

/** A meeting's new date, time, place or material deadline (dates as YYYY-MM-DD). */
export interface MeetingChange {
  date?: string;
  time?: string;
  place?: string;
  materialDue?: string;
}

/** The definition with one meeting changed; an unknown meeting leaves it unchanged. */
export function withMeetingChange(
  def: ProgrammeDefinition,
  meetingId: string,
  change: MeetingChange,
): ProgrammeDefinition {
  const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  return {
    ...def,
    committee: {
      ...def.committee,
      meetings: def.committee.meetings.map((m) => (m.id === meetingId ? { ...m, ...given } : m)),
    },
  };
}

/**
 * The workflow's own check of a meeting change (the API has run the full one): dates and
 * time can be read, and the material is not due after the meeting.
 */
export function meetingChangeProblems(def: ProgrammeDefinition, meetingId: string, change: MeetingChange): Problem[] {
  const problems: Problem[] = [];
  if (change.date !== undefined && !isValidIsoDate(change.date)) {
    problems.push({ path: 'date', message: 'Not a date (YYYY-MM-DD).' });
  }
  if (change.materialDue !== undefined && !isValidIsoDate(change.materialDue)) {
    problems.push({ path: 'materialDue', message: 'Not a date (YYYY-MM-DD).' });
  }
  if (change.time !== undefined && !isValidTimeOfDay(change.time)) {
    problems.push({ path: 'time', message: 'Not a time of day (HH:MM).' });
  }
  const meeting = withMeetingChange(def, meetingId, change).committee.meetings.find((m) => m.id === meetingId);
  const { date, materialDue } = meeting ?? {};
  if (!problems.length && isValidIsoDate(date) && isValidIsoDate(materialDue) && compareDates(materialDue, date) > 0) {
    problems.push({ path: 'materialDue', message: 'The material must be due on or before the meeting date.' });
  }
  return problems;
}
