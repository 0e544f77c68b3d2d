// GET /programmes/{id}/sub-analyses/{sid}: the link in every e-mail.
import { api, enc } from '../api.js';
import { deliverableSections } from '../deliverables.js';
import { instantText, localDate } from '../dates.js';
import { h, show } from '../dom.js';
import { breadcrumbs, deadlineText } from '../parts.js';
import { actorText, leads, personName } from '../people.js';
import { phaseCard } from '../phase-card.js';
import { statusNotePanel } from '../status-note.js';

function history(sub, plan, sid) {
  const events = [...sub.history].reverse();
  return h(
    'section',
    { 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'Historik'),
    events.length
      ? h(
          'ol',
          { class: 'card history', reversed: true },
          events.map((e) =>
            h(
              'li',
              {},
              h(
                'p',
                { class: 'history-when' },
                h('time', { datetime: e.at }, instantText(e.at, plan.timezone)),
                e.actor ? ` · ${actorText(plan, sid, e.actor)}` : '',
              ),
              h('p', { class: 'history-text' }, e.text),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Der er ikke sket noget endnu.'),
  );
}

/** flash: { phase?, box } — a message to show, beside the phase it concerns if any. */
export async function draw(me, { id, sid }, flash) {
  const [programme, sub] = await Promise.all([
    api('GET', `/programmes/${enc(id)}`),
    api('GET', `/programmes/${enc(id)}/sub-analyses/${enc(sid)}`),
  ]);
  const plan = programme.plan;
  const today = localDate(new Date().toISOString(), plan.timezone);
  document.title = `${sub.title} – Spor`;
  const redraw = (phase, box) => draw(me, { id, sid }, { phase, box });
  const ctx = { me, id, sid, plan, started: Boolean(programme.startedAt), today, redraw };
  const notePanel =
    ctx.started && leads(me, id, sid)
      ? await statusNotePanel(id, sid, plan.timezone, (box) => redraw(undefined, box))
      : null;
  const material = await deliverableSections(ctx, sub.deliverables);
  const names = (emails) => (emails || []).map((e) => personName(plan, e)).join(', ');

  show(
    breadcrumbs([['Programmer', '/'], [programme.title, `/programmes/${enc(id)}`], [sub.title]]),
    h('h1', {}, sub.title),
    h(
      'dl',
      { class: 'facts facts-inline' },
      h('dt', {}, 'Projektledere'),
      h('dd', {}, names(sub.projectLeads) || '–'),
      sub.projectOwner ? [h('dt', {}, 'Projektejer'), h('dd', {}, personName(plan, sub.projectOwner))] : null,
      h('dt', {}, 'Næste frist'),
      h('dd', { class: 'deadline' }, deadlineText(sub.nextDeadline, plan, today)),
    ),
    !ctx.started
      ? h('p', { class: 'notice' }, 'Programmet er ikke startet endnu; faserne følger planen, når det starter.')
      : null,
    sub.finished ? h('p', { class: 'notice' }, 'Analysesporet er afsluttet.') : null,
    flash && !flash.phase ? flash.box : null,
    h(
      'section',
      { 'aria-labelledby': 'phases-title' },
      h('h2', { id: 'phases-title' }, 'Faser'),
      h(
        'ol',
        { class: 'phases' },
        sub.phases.map((p) => phaseCard(ctx, p, flash && flash.phase === p.code ? flash.box : null)),
      ),
    ),
    notePanel,
    material,
    history(sub, plan, sid),
  );
  if (flash && flash.box) flash.box.focus();
}
