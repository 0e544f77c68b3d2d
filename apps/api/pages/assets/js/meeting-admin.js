// A meeting's documents (the package, the agenda, the protocol) and the secretariat's
// actions on the meeting as a whole: move it, re-open it for material.
import { api } from './api.js';
import { act, actionForm } from './actions.js';
import { instantText } from './dates.js';
import { h } from './dom.js';
import { okBox } from './feedback.js';
import { downloadButton, meetingPath, openForMaterial } from './meeting-parts.js';
import { personName } from './people.js';
import { FIELD } from './texts.js';

/** ctx: { id, meeting, plan, secretariat, redraw(box) } */
export function documentsSection(ctx) {
  const { meeting, plan } = ctx;
  const base = meetingPath(ctx.id, meeting.meetingId);
  const sent = meeting.package.sentAt;
  const links = [
    sent
      ? downloadButton('Hent mødepakken', `${base}/package`, `${meeting.meetingId}.zip`)
      : h(
          'p',
          { class: 'muted' },
          `Mødepakken kan hentes, når den er sendt ${instantText(meeting.packageAt, plan.timezone)}.`,
        ),
    downloadButton('Hent dagsordenen (PDF)', `${base}/agenda.pdf`, 'dagsorden.pdf'),
    ctx.secretariat && !sent
      ? downloadButton('Hent udkast til mødepakke', `${base}/package?draft=true`, `${meeting.meetingId}-udkast.zip`)
      : null,
    meeting.protocol
      ? downloadButton('Hent beslutningsprotokollen (PDF)', `${base}/protocol.pdf`, 'beslutningsprotokol.pdf')
      : null,
  ];
  return h(
    'section',
    { 'aria-labelledby': 'documents-title' },
    h('h2', { id: 'documents-title' }, 'Dokumenter'),
    h('div', { class: 'actions documents' }, links, h('div', { class: 'action-feedback' })),
  );
}

function moveForm(ctx) {
  const { meeting } = ctx;
  const fields = [
    { name: 'date', type: 'date', value: meeting.date },
    { name: 'time', type: 'time', value: meeting.time || '' },
    { name: 'place', value: meeting.place || '' },
    { name: 'materialDue', type: 'date', value: meeting.materialDue },
    { name: 'reason', type: 'textarea', required: true },
  ];
  return actionForm({
    summary: 'Flyt mødet',
    submit: 'Gem ændringerne',
    className: 'action-secondary',
    fields,
    onsubmit: (form, values) => {
      const body = {};
      for (const f of fields.slice(0, 4)) if (values[f.name] !== f.value) body[f.name] = values[f.name];
      if (!Object.keys(body).length) {
        form.querySelector('.action-feedback').replaceChildren(okBox('Intet er ændret.'));
        return;
      }
      act(
        form.querySelector('button[type=submit]'),
        () => api('PATCH', meetingPath(ctx.id, meeting.meetingId), { ...body, reason: values.reason }),
        'Mødet er ændret; påmindelser og mødepakke følger med.',
        ctx.redraw,
      );
    },
  });
}

function reopenForm(ctx) {
  return actionForm({
    summary: 'Genåbn for materiale',
    submit: 'Genåbn',
    className: 'action-secondary',
    fields: [{ name: 'reason', type: 'textarea', required: true }],
    onsubmit: (form, { reason }) =>
      act(
        form.querySelector('button[type=submit]'),
        () => api('POST', `${meetingPath(ctx.id, ctx.meeting.meetingId)}/reopen`, { reason }),
        'Mødet er genåbnet for materiale.',
        ctx.redraw,
      ),
  });
}

/** The secretariat's actions on the meeting, and what has moved so far. */
export function meetingActions(ctx) {
  const { meeting, plan } = ctx;
  const forms = [moveForm(ctx), openForMaterial(meeting) ? null : reopenForm(ctx)];
  return h(
    'section',
    { 'aria-labelledby': 'meeting-actions-title' },
    h('h2', { id: 'meeting-actions-title' }, 'Mødet'),
    meeting.changes.length
      ? h(
          'ul',
          { class: 'card list changes' },
          meeting.changes.map((c) =>
            h(
              'li',
              {},
              c.text,
              h(
                'span',
                { class: 'muted' },
                ` · ${personName(plan, c.by)} · ${instantText(c.at, plan.timezone)} · ${FIELD.reason}: ${c.reason}`,
              ),
            ),
          ),
        )
      : null,
    h('div', { class: 'actions' }, forms, h('div', { class: 'action-feedback' })),
  );
}
