/**
 * The full checks of a change to a running programme's plan: the changed programme must
 * pass every check a new definition passes. The API runs them before it sends the
 * Update; they need the zod schema, which is kept out of the workflow bundle (the
 * workflows run the light checks in ./changes.ts).
 */
import type { ProgrammeDefinition } from './definition';
import { type MeetingChange, type PhaseWeeksChange, withMeetingChange, withPhaseWeeks } from './changes';
import { type Problem, validateDefinition } from './validate';

/** Every problem the changed programme would have; paths inside the changed phase relative to it. */
export function checkPhaseWeeksChange(
  def: ProgrammeDefinition,
  subAnalysisId: string,
  code: string,
  change: PhaseWeeksChange,
): Problem[] {
  const sIndex = def.subAnalyses.findIndex((s) => s.id === subAnalysisId);
  const pIndex = sIndex < 0 ? -1 : def.subAnalyses[sIndex].phases.findIndex((p) => p.code === code);
  return problemsOf(withPhaseWeeks(def, subAnalysisId, code, change), `subAnalyses[${sIndex}].phases[${pIndex}].`);
}

/** Every problem the programme with a changed meeting would have; paths inside the meeting relative to it. */
export function checkMeetingChange(def: ProgrammeDefinition, meetingId: string, change: MeetingChange): Problem[] {
  const index = def.committee.meetings.findIndex((m) => m.id === meetingId);
  return problemsOf(withMeetingChange(def, meetingId, change), `committee.meetings[${index}].`);
}

/** A changed definition's errors, with paths inside the changed part given relative to it. */
function problemsOf(changed: ProgrammeDefinition, prefix: string): Problem[] {
  return validateDefinition(changed).errors.map((e) => ({
    path: e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path,
    message: e.message,
  }));
}
