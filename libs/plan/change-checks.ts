/**
 * The full checks of a change to a running programme's plan: the changed programme must
 * pass every check a new definition passes. The API runs them before it sends the
 * Update; they need the zod schema, which is kept out of the workflow bundle (the
 * workflows run the light checks in ./changes.ts).
 */
import type { ProgrammeDefinition } from './definition';
import { type MeetingChange, type PhaseWeeksChange, withMeetingChange, withPhaseWeeks } from './changes';
import { type Problem, validateDefinition } from './validate';

/** What validating a changed programme says: errors block the change, warnings go with the answer. */
export interface ChangeCheck {
  /** Paths inside the changed part are relative to it. */
  errors: Problem[];
  /** As validating the whole changed definition gives them (full paths). */
  warnings: Problem[];
}

/** The changed programme checked once: every problem it would have, and its warnings. */
export function phaseWeeksChangeCheck(
  def: ProgrammeDefinition,
  subAnalysisId: string,
  code: string,
  change: PhaseWeeksChange,
): ChangeCheck {
  const sIndex = def.subAnalyses.findIndex((s) => s.id === subAnalysisId);
  const pIndex = sIndex < 0 ? -1 : def.subAnalyses[sIndex].phases.findIndex((p) => p.code === code);
  return checkOf(withPhaseWeeks(def, subAnalysisId, code, change), `subAnalyses[${sIndex}].phases[${pIndex}].`);
}

/** Every problem the changed programme would have; paths inside the changed phase relative to it. */
export function checkPhaseWeeksChange(
  def: ProgrammeDefinition,
  subAnalysisId: string,
  code: string,
  change: PhaseWeeksChange,
): Problem[] {
  return phaseWeeksChangeCheck(def, subAnalysisId, code, change).errors;
}

/** Every problem the programme with a changed meeting would have; paths inside the meeting relative to it. */
export function checkMeetingChange(def: ProgrammeDefinition, meetingId: string, change: MeetingChange): Problem[] {
  const index = def.committee.meetings.findIndex((m) => m.id === meetingId);
  return checkOf(withMeetingChange(def, meetingId, change), `committee.meetings[${index}].`).errors;
}

/** A changed definition validated once; error paths inside the changed part relative to it. */
function checkOf(changed: ProgrammeDefinition, prefix: string): ChangeCheck {
  const { errors, warnings } = validateDefinition(changed);
  return {
    errors: errors.map((e) => ({
      path: e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path,
      message: e.message,
    })),
    warnings,
  };
}
