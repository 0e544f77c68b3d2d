// GET /programmes/{id}/meetings/{mid}: the link in Spor's meeting e-mails. The
// secretariat runs the meeting from here; committee members fetch its package and protocol.
import { api, enc } from '../api.js';
import { h, show } from '../dom.js';
import { agendaSection, decisionsSection } from '../meeting-agenda.js';
import { documentsSection, meetingActions } from '../meeting-admin.js';
import { meetingFacts, openForMaterial } from '../meeting-parts.js';
import { reviewSection } from '../meeting-review.js';
import { breadcrumbs } from '../parts.js';
import { isSecretariat } from '../people.js';

export async function draw(me, { id, mid }, flash) {
  const [programme, meeting] = await Promise.all([
    api('GET', `/programmes/${enc(id)}`),
    api('GET', `/programmes/${enc(id)}/meetings/${enc(mid)}`),
  ]);
  const plan = programme.plan;
  const secretariat = isSecretariat(me, id);
  const ctx = { me, id, plan, meeting, secretariat, redraw: (box) => draw(me, { id, mid }, box) };
  document.title = `${meeting.title} – Spor`;

  show(
    breadcrumbs([['Programmer', '/'], [programme.title, `/programmes/${enc(id)}`], [meeting.title]]),
    h('h1', {}, meeting.title),
    h('section', { class: 'card meeting-facts', 'aria-label': 'Om mødet' }, meetingFacts(meeting, plan)),
    !programme.startedAt
      ? h('p', { class: 'notice' }, 'Programmet er ikke startet endnu; mødet vises, som det er planlagt.')
      : null,
    meeting.package.sentAt && openForMaterial(meeting)
      ? h('p', { class: 'notice' }, 'Mødet er genåbnet for materiale, efter mødepakken blev sendt.')
      : null,
    flash || null,
    documentsSection(ctx),
    secretariat ? reviewSection(ctx) : null,
    agendaSection(ctx),
    decisionsSection(ctx),
    secretariat ? meetingActions(ctx) : null,
  );
  if (flash) flash.focus();
}
