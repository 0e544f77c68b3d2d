// GET / : the programmes this person has a role in, and their own sub-analyses.
import { api, enc } from '../api.js';
import { calendarPanel } from '../calendar-link.js';
import { dateText, localDate } from '../dates.js';
import { h, show } from '../dom.js';
import { roleText, rolesIn } from '../people.js';

function programmeItem(me, p) {
  const roles = rolesIn(me, p.id);
  const mine = roles.filter((r) => r.subAnalysis);
  const titleOf = (sid) => (p.plan.subAnalyses.find((s) => s.id === sid) || { title: sid }).title;
  return h(
    'li',
    { class: 'card programme' },
    h('h2', {}, h('a', { href: `/programmes/${enc(p.id)}` }, p.title)),
    h(
      'p',
      { class: 'meta' },
      `${p.plan.subAnalyses.length} analysespor · ${p.plan.meetings.length} møder · `,
      p.startedAt ? `startet ${dateText(localDate(p.startedAt, p.plan.timezone))}` : 'ikke startet endnu',
    ),
    roles.length ? h('p', { class: 'meta' }, 'Din rolle: ', roles.map((r) => roleText(r, p.plan)).join(', ')) : null,
    mine.length
      ? h(
          'ul',
          { class: 'links' },
          mine.map((r) =>
            h(
              'li',
              {},
              h(
                'a',
                { href: `/programmes/${enc(p.id)}/sub-analyses/${enc(r.subAnalysis)}` },
                `Gå til ${titleOf(r.subAnalysis)}`,
              ),
            ),
          ),
        )
      : null,
  );
}

export async function draw(me) {
  const [programmes, calendar] = await Promise.all([api('GET', '/programmes'), calendarPanel(me)]);
  document.title = 'Programmer – Spor';
  show(
    h('h1', {}, 'Programmer'),
    programmes.length
      ? h(
          'ul',
          { class: 'programmes' },
          programmes.map((p) => programmeItem(me, p)),
        )
      : h('p', { class: 'notice' }, 'Du har ikke en rolle i noget programme i Spor endnu. Kontakt sekretariatet.'),
    calendar,
  );
}
