// Pieces more than one page shows.
import { dateWithWeek, relativeDay, workingDays } from './dates.js';
import { h } from './dom.js';
import { OVERDUE_LABEL, PHASE_STATE } from './texts.js';

export function breadcrumbs(items) {
  return h(
    'nav',
    { class: 'crumbs', 'aria-label': 'Brødkrummesti' },
    h(
      'ol',
      {},
      items.map(([text, href], i) =>
        h(
          'li',
          {},
          href && i < items.length - 1 ? h('a', { href }, text) : h('span', { 'aria-current': 'page' }, text),
        ),
      ),
    ),
  );
}

export function stateChip(state, extra) {
  return h('span', { class: `chip chip-${state}` }, PHASE_STATE[state] || state, extra);
}

/**
 * A sub-analysis' next deadline: what, when, and how far off; overdue counted in working
 * days, as the status gives them and the phases' chips show them.
 */
export function deadlineText(deadline, plan, today) {
  if (!deadline) return h('span', { class: 'muted' }, 'Ingen åbne frister');
  const meeting = deadline.meeting && plan.meetings.find((m) => m.id === deadline.meeting);
  const what =
    deadline.kind === 'phase'
      ? `Fase ${deadline.phase}`
      : `Materiale til ${meeting ? meeting.title : deadline.meeting}`;
  return [
    h('span', { class: 'deadline-what' }, what),
    h('span', { class: 'deadline-date' }, dateWithWeek(deadline.date)),
    deadline.overdueWorkingDays > 0
      ? h('span', { class: 'late' }, `${OVERDUE_LABEL.by} ${workingDays(deadline.overdueWorkingDays)}`)
      : h('span', { class: 'muted' }, deadline.overdue ? OVERDUE_LABEL.passed : relativeDay(deadline.date, today)),
  ];
}
