import { calendarOf, kindsSentBy } from '../../libs/plan';
import type { ProgrammePlan } from '../../libs/plan';

/** What the people do in a simulated programme, and when. */
export interface TimelineAction {
  at: number;
  kind: 'complete' | 'open-gate';
  sid: string;
  code: string;
}

/**
 * Chooses when each phase is completed (on its due day at 15:00, or `late` working
 * days later) and each gate opened (its meeting day at 14:00), so that every action is
 * possible at its moment: a phase is completed only after it has started.
 */
export function chooseTimeline(plan: ProgrammePlan, late: Record<string, number>): TimelineAction[] {
  const cal = calendarOf(plan);
  const actions: TimelineAction[] = [];
  for (const sub of plan.subAnalyses) {
    const completedAt = new Map<string, number>();
    for (const phase of sub.phases) {
      let readyAt = Math.max(0, ...phase.after.map((c) => completedAt.get(c)!));
      if (phase.gate) {
        const meeting = plan.meetings.find((m) => m.id === phase.gate!.meeting)!;
        const open = cal.atMillis(meeting.date, '14:00');
        actions.push({ at: open, kind: 'open-gate', sid: sub.id, code: phase.code });
        readyAt = Math.max(readyAt, open);
      }
      const planned = cal.atMillis(cal.addWorkingDays(phase.due, late[`${sub.id}/${phase.code}`] ?? 0), '15:00');
      const at = Math.max(planned, readyAt + 3_600_000);
      completedAt.set(phase.code, at);
      actions.push({ at, kind: 'complete', sid: sub.id, code: phase.code });
    }
  }
  return actions.sort((a, b) => a.at - b.at);
}

/** Kinds the sub-analysis workflows send, from the one map of senders. */
export const SUB_ANALYSIS_KINDS: ReadonlySet<string> = new Set(kindsSentBy('sub-analysis'));
