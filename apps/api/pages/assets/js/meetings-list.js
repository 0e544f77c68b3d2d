// The programme overview's committee meetings: date, material deadline, how much of the
// material is approved, and the package, each with a link to the meeting's page.
import { api, enc } from './api.js';
import { dateWithWeek, instantText } from './dates.js';
import { h } from './dom.js';
import { problemBox } from './feedback.js';
import { materialCount, meetingPath } from './meeting-parts.js';
import { EVENT_KIND, FIELD } from './texts.js';

function row(id, m, plan) {
  const approved = m.deliverables.every((d) => d.state === 'approved');
  return h(
    'tr',
    { 'data-meeting': m.meetingId },
    h('th', { scope: 'row', 'data-label': 'Møde' }, h('a', { href: meetingPath(id, m.meetingId) }, m.title)),
    h('td', { 'data-label': FIELD.date }, dateWithWeek(m.date)),
    h('td', { 'data-label': EVENT_KIND['material-due'] }, dateWithWeek(m.materialDue)),
    h(
      'td',
      { 'data-label': 'Materiale', class: approved ? undefined : 'muted' },
      m.deliverables.length ? materialCount(m) : '–',
    ),
    h(
      'td',
      { 'data-label': EVENT_KIND['package-dispatch'] },
      m.package.sentAt
        ? `sendt ${instantText(m.package.sentAt, plan.timezone)}`
        : `sendes ${dateWithWeek(m.packageDate)}`,
    ),
  );
}

/**
 * The section, or a message in its place when the meetings could not be read; nothing
 * for people whose role does not include the meetings (the steering group).
 */
export async function meetingsSection(id, plan) {
  let meetings;
  try {
    meetings = await api('GET', `/programmes/${enc(id)}/meetings`);
  } catch (err) {
    if (err && err.status === 401) throw err;
    if (err && err.status === 403) return null;
    meetings = err;
  }
  const title = h('h2', { id: 'meetings-title' }, 'Udvalgsmøder');
  if (!Array.isArray(meetings))
    return h('section', { 'aria-labelledby': 'meetings-title' }, title, problemBox(meetings));
  return h(
    'section',
    { 'aria-labelledby': 'meetings-title' },
    title,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'overview meetings' },
        h('caption', { class: 'visually-hidden' }, 'Udvalgsmøderne og deres materiale'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Møde', FIELD.date, EVENT_KIND['material-due'], 'Materiale', EVENT_KIND['package-dispatch']].map((c) =>
              h('th', { scope: 'col' }, c),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          meetings.map((m) => row(id, m, plan)),
        ),
      ),
    ),
  );
}
