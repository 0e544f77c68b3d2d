// GET /programmes/{id}: the secretariat's overview, the next meeting on top.
import { api, enc } from '../api.js';
import { actionButton } from '../actions.js';
import { dateText, dateWithWeek, instantText, localDate, relativeDay, workingDays } from '../dates.js';
import { h, show } from '../dom.js';
import { meetingPath } from '../meeting-parts.js';
import { meetingsSection } from '../meetings-list.js';
import { mineFilter, ownSubAnalyses } from '../mine-filter.js';
import { breadcrumbs, deadlineText } from '../parts.js';
import { isSecretariat } from '../people.js';
import { readsReports, timelineFigure } from '../report-parts.js';
import { EVENT_KIND, FIELD, OVERDUE_LABEL, PHASE_STATE, REHEARSAL_PAGE } from '../texts.js';

function nextMeetingPanel(id, meeting, today) {
  const title = h('h2', { id: 'next-meeting-title' }, 'Næste møde');
  const panel = (...content) =>
    h('section', { class: 'card next-meeting', 'aria-labelledby': 'next-meeting-title' }, title, content);
  if (!meeting) return panel(h('p', {}, 'Der er ikke flere møder i programmet.'));
  // A date passed is not counted in calendar days: overdue counts are working days, from the status.
  const when = (date) => [
    dateWithWeek(date),
    h('span', { class: 'muted' }, ` · ${date < today ? OVERDUE_LABEL.passed : relativeDay(date, today)}`),
  ];
  return panel(
    h('p', { class: 'next-meeting-name' }, h('a', { href: meetingPath(id, meeting.id) }, meeting.title)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, FIELD.date),
      h('dd', {}, when(meeting.date)),
      h('dt', {}, EVENT_KIND['material-due']),
      h('dd', {}, when(meeting.materialDue)),
      meeting.packageDate ? [h('dt', {}, 'Mødepakken sendes'), h('dd', {}, dateWithWeek(meeting.packageDate))] : null,
    ),
  );
}

function phaseChip(p) {
  const late = p.overdueWorkingDays > 0;
  return h(
    'li',
    { class: `chip chip-${p.state}${late ? ' chip-late' : ''}` },
    h('span', { class: 'chip-code' }, p.code),
    h('span', { class: 'visually-hidden' }, ` ${p.title}: `),
    ` ${PHASE_STATE[p.state] || p.state}`,
    late ? h('span', { class: 'chip-late-text' }, ` · ${workingDays(p.overdueWorkingDays)} over frist`) : null,
  );
}

function row(id, s, plan, today) {
  const late = s.phases.some((p) => p.overdueWorkingDays > 0);
  return h(
    'tr',
    { class: late ? 'row-late' : undefined, 'data-sub': s.id },
    h(
      'th',
      { scope: 'row', 'data-label': 'Analysespor' },
      h('a', { href: `/programmes/${enc(id)}/sub-analyses/${enc(s.id)}` }, s.title),
      // A finished sub-analysis reads as a completed phase does.
      s.finished ? h('span', { class: 'tag' }, PHASE_STATE.completed) : null,
    ),
    h(
      'td',
      { 'data-label': 'Faser' },
      h('ul', { class: 'chips', 'aria-label': `Faser i ${s.title}` }, s.phases.map(phaseChip)),
    ),
    h('td', { 'data-label': 'Næste frist', class: 'deadline' }, deadlineText(s.nextDeadline, plan, today)),
  );
}

/** What the status is not theirs to read (committee members): the programme's meetings. */
function drawMeetingsOnly(programme, meetings, flash) {
  document.title = `${programme.title} – Spor`;
  show(breadcrumbs([['Programmer', '/'], [programme.title]]), h('h1', {}, programme.title), flash || null, meetings);
  if (flash) flash.focus();
}

export async function draw(me, { id }, flash) {
  const [programme, status] = await Promise.all([
    api('GET', `/programmes/${enc(id)}`),
    api('GET', `/programmes/${enc(id)}/status`).catch((err) => {
      if (err && err.status === 403) return null;
      throw err;
    }),
  ]);
  const plan = programme.plan;
  const meetings = await meetingsSection(id, plan);
  if (!status) return drawMeetingsOnly(programme, meetings, flash);
  const today = localDate(status.asOf, plan.timezone);
  document.title = `${programme.title} – Spor`;
  const overdue = status.subAnalyses.flatMap((s) => s.phases.filter((p) => p.overdueWorkingDays > 0));
  const rows = h(
    'tbody',
    {},
    status.subAnalyses.map((s) => row(id, s, plan, today)),
  );
  const filter = mineFilter(ownSubAnalyses(me, id), rows);

  const startButton =
    !programme.startedAt && isSecretariat(me, id)
      ? actionButton(
          'Start programmet',
          () => api('POST', `/programmes/${enc(id)}/start`),
          'Programmet er startet.',
          (box) => draw(me, { id }, box),
        )
      : null;

  show(
    breadcrumbs([['Programmer', '/'], [programme.title]]),
    h('h1', {}, programme.title),
    h(
      'p',
      { class: 'meta' },
      programme.startedAt ? `Startet ${dateText(localDate(programme.startedAt, plan.timezone))}` : 'Ikke startet endnu',
      ` · status pr. ${instantText(status.asOf, plan.timezone)}`,
    ),
    flash ? flash : null,
    startButton ? h('div', { class: 'actions' }, startButton, h('span', { class: 'action-feedback' })) : null,
    nextMeetingPanel(id, status.nextMeeting, today),
    readsReports(me, id)
      ? h('p', {}, h('a', { href: `/programmes/${enc(id)}/reports` }, 'Statusrapporter til styregruppen'))
      : null,
    isSecretariat(me, id)
      ? h('p', {}, h('a', { href: `/programmes/${enc(id)}/rehearsal` }, REHEARSAL_PAGE.link))
      : null,
    timelineFigure(
      `/programmes/${enc(id)}/timeline.svg`,
      'Tidslinje: planlagte faser, fremdrift og udvalgsmøder pr. uge',
    ),
    h(
      'section',
      { 'aria-labelledby': 'overview-title' },
      h('h2', { id: 'overview-title' }, 'Analysespor'),
      h(
        'p',
        { class: overdue.length ? 'summary summary-late' : 'summary' },
        `${status.subAnalyses.length} analysespor · `,
        overdue.length === 0
          ? 'ingen faser over frist'
          : `${overdue.length} ${overdue.length === 1 ? 'fase' : 'faser'} over frist`,
      ),
      filter || null,
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'overview' },
          h('caption', { class: 'visually-hidden' }, `Status for hvert analysespor i ${programme.title}`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Analysespor', 'Faser', 'Næste frist'].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          rows,
        ),
      ),
    ),
    meetings,
  );
  if (flash) flash.focus();
}
