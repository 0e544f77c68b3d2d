// One phase of a sub-analysis, with the actions the person may take on it.
import { api, enc } from './api.js';
import { act, actionButton, actionForm } from './actions.js';
import { dateText, dateWithWeek, instantText, relativeDay, weeksText, workingDays } from './dates.js';
import { h } from './dom.js';
import { stateChip } from './parts.js';
import { overrideActions } from './overrides.js';
import { actorText, isSecretariat, leads } from './people.js';
import { FIELD } from './texts.js';

function facts({ plan, sid, today }, p) {
  const list = [
    h('dt', {}, 'Planlagt'),
    h('dd', {}, `${weeksText(p)}: ${dateText(p.plannedStart)} – ${dateText(p.due)}`),
    h('dt', {}, 'Frist'),
    h(
      'dd',
      {},
      dateWithWeek(p.due),
      p.state !== 'completed' && p.due >= today
        ? h('span', { class: 'muted' }, ` · ${relativeDay(p.due, today)}`)
        : null,
    ),
  ];
  const by = (email) => (email ? ` af ${actorText(plan, sid, email)}` : '');
  if (p.overdueWorkingDays > 0) {
    list.push(h('dt', {}, 'Over frist'), h('dd', { class: 'late-text' }, workingDays(p.overdueWorkingDays)));
  }
  if (p.after && p.after.length)
    list.push(h('dt', {}, 'Efter'), h('dd', {}, p.after.map((c) => `fase ${c}`).join(', ')));
  if (p.actualStart) {
    list.push(h('dt', {}, 'Startet'), h('dd', {}, instantText(p.actualStart, plan.timezone), by(p.startedBy)));
  }
  if (p.completedAt) {
    list.push(h('dt', {}, 'Afsluttet'), h('dd', {}, instantText(p.completedAt, plan.timezone), by(p.completedBy)));
  }
  if (p.note) list.push(h('dt', {}, FIELD.note), h('dd', {}, p.note));
  if (p.state === 'planned' && p.waitingFor) list.push(h('dt', {}, 'Venter på'), h('dd', {}, p.waitingFor));
  if (p.gate) {
    const meeting = plan.meetings.find((m) => m.id === p.gate.meeting);
    const meetingText = meeting ? `${meeting.title} ${dateWithWeek(meeting.date)}` : p.gate.meeting;
    list.push(
      h('dt', {}, 'Port før fasen'),
      h(
        'dd',
        {},
        p.gate.open
          ? [
              h('span', { class: 'gate gate-open' }, 'åben'),
              p.gate.openedAt ? ` siden ${instantText(p.gate.openedAt, plan.timezone)}` : '',
              by(p.gate.openedBy),
              p.gate.reason ? h('span', { class: 'gate-reason' }, `${FIELD.reason}: ${p.gate.reason}`) : null,
            ]
          : [h('span', { class: 'gate gate-closed' }, 'lukket'), ` · åbner efter ${meetingText}`],
      ),
    );
  }
  return list;
}

function actions({ me, id, sid, started, redraw }, p) {
  const base = `/programmes/${enc(id)}/sub-analyses/${enc(sid)}/`;
  const submitOf = (form) => form.querySelector('button[type=submit]');
  const list = [];
  // The admin passes as a lead on the pages; the API treats it as acting for the lead.
  const asLead = leads(me, id, sid) && !me.admin;
  if (started && asLead) {
    if (p.state === 'ready') {
      list.push(
        actionButton(
          'Start fase',
          () => api('POST', `${base}phases/${enc(p.code)}/start`),
          `Fase ${p.code} er startet.`,
          redraw,
        ),
      );
    }
    if (p.state === 'active') {
      list.push(
        actionForm({
          summary: 'Afslut fase',
          submit: `Afslut fase ${p.code}`,
          fields: [{ name: 'note', type: 'textarea', hint: 'Fx hvad fasen endte med.' }],
          onsubmit: (form, { note }) =>
            act(
              submitOf(form),
              () => api('POST', `${base}phases/${enc(p.code)}/complete`, note.trim() ? { note: note.trim() } : {}),
              `Fase ${p.code} er afsluttet.`,
              redraw,
            ),
        }),
      );
    }
  }
  if (started && isSecretariat(me, id)) {
    if (p.state !== 'completed') {
      list.push(
        actionForm({
          summary: 'Ændr uger',
          submit: 'Gem nye uger',
          className: 'action-secondary',
          fields: [
            { name: 'weeks', value: p.weeks, required: true, hint: 'Ugenumre, fx 14-17 eller 23.' },
            { name: 'reason', type: 'textarea', required: true },
          ],
          onsubmit: (form, { weeks, reason }) =>
            act(
              submitOf(form),
              () => api('PATCH', `${base}phases/${enc(p.code)}`, { weeks: weeks.trim(), reason }),
              `Planen for fase ${p.code} er ændret.`,
              redraw,
            ),
        }),
      );
    }
    list.push(...overrideActions({ id, sid, redraw }, p, asLead));
    if (p.gate && !p.gate.open) {
      list.push(
        actionForm({
          summary: 'Åbn port',
          submit: `Åbn porten før fase ${p.code}`,
          className: 'action-secondary',
          fields: [{ name: 'reason', type: 'textarea', required: true }],
          onsubmit: (form, { reason }) =>
            act(
              submitOf(form),
              () => api('POST', `${base}gates/${enc(p.code)}/open`, { reason }),
              `Porten før fase ${p.code} er åbnet.`,
              redraw,
            ),
        }),
      );
    }
  }
  return list;
}

/** ctx: { me, id, sid, plan, started, today, redraw(box) } */
export function phaseCard(ctx, p, flash) {
  const buttons = actions({ ...ctx, redraw: (box) => ctx.redraw(p.code, box) }, p);
  const late = p.overdueWorkingDays > 0;
  const headingId = `phase-${p.code}-title`;
  return h(
    'li',
    {
      class: `card phase phase-${p.state}${late ? ' phase-late' : ''}`,
      'aria-labelledby': headingId,
      'data-phase': p.code,
    },
    h(
      'div',
      { class: 'phase-head' },
      h('h3', { id: headingId }, h('span', { class: 'phase-code' }, `Fase ${p.code}`), ` ${p.title}`),
      stateChip(p.state, late ? h('span', { class: 'chip-late-text' }, ' · over frist') : null),
    ),
    h('dl', { class: 'facts' }, facts(ctx, p)),
    flash || null,
    buttons.length ? h('div', { class: 'actions' }, buttons, h('div', { class: 'action-feedback' })) : null,
  );
}
