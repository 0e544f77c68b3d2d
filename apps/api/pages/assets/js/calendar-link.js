// The person's own calendar feed: a link calendar apps subscribe to, and its address to copy.
import { api } from './api.js';
import { h, nextId } from './dom.js';
import { CALENDAR } from './texts.js';

/** The panel for a person (the admin token belongs to no one and has no calendar). */
export async function calendarPanel(me) {
  if (!me.email) return null;
  const { url } = await api('GET', '/me/calendar');
  const field = nextId('calendar-url');
  return h(
    'section',
    { class: 'card calendar', 'aria-labelledby': `${field}-title` },
    h('h2', { id: `${field}-title` }, CALENDAR.heading),
    h('p', {}, CALENDAR.intro),
    // webcal: hands the address to the calendar app, which subscribes instead of importing once.
    h('p', {}, h('a', { href: url.replace(/^https?:/, 'webcal:'), class: 'button' }, CALENDAR.subscribe)),
    h('label', { for: field }, CALENDAR.address),
    h('input', { id: field, type: 'text', readonly: true, value: url, class: 'calendar-url' }),
  );
}
