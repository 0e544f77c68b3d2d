// GET /programmes/{id}/reports: the status reports sent to the steering group, newest first.
import { api, enc } from '../api.js';
import { actionButton } from '../actions.js';
import { instantText } from '../dates.js';
import { h, show } from '../dom.js';
import { breadcrumbs } from '../parts.js';
import { isSecretariat } from '../people.js';
import { downloadButton } from '../report-parts.js';

const KIND = { scheduled: 'Fast rapport', 'on-demand': 'Bestilt af sekretariatet' };

function row(id, r, timezone) {
  return h(
    'tr',
    {},
    h(
      'th',
      { scope: 'row', 'data-label': 'Rapport' },
      h('a', { href: `/programmes/${enc(id)}/reports/${enc(r.id)}` }, instantText(r.at, timezone)),
    ),
    h('td', { 'data-label': 'Type' }, KIND[r.kind] || r.kind),
    h(
      'td',
      { 'data-label': 'PDF' },
      downloadButton('Hent PDF', `${r.links.pdf.replace(/^\/api/, '')}`, `statusrapport-${id}-${r.id}.pdf`),
    ),
  );
}

export async function draw(me, { id }, flash) {
  const [programme, reports] = await Promise.all([
    api('GET', `/programmes/${enc(id)}`),
    api('GET', `/programmes/${enc(id)}/reports`),
  ]);
  const timezone = programme.plan.timezone;
  document.title = `Statusrapporter – ${programme.title} – Spor`;
  const makeNow =
    programme.startedAt && isSecretariat(me, id)
      ? actionButton(
          'Send en statusrapport nu',
          () => api('POST', `/programmes/${enc(id)}/reports`),
          'Statusrapporten er lavet og sendt til styregruppen og sekretariatet.',
          (box) => draw(me, { id }, box),
        )
      : null;
  show(
    breadcrumbs([['Programmer', '/'], [programme.title, `/programmes/${enc(id)}`], ['Statusrapporter']]),
    h('h1', {}, 'Statusrapporter'),
    h('p', { class: 'meta' }, programme.title),
    flash || null,
    makeNow ? h('div', { class: 'actions' }, makeNow, h('span', { class: 'action-feedback' })) : null,
    reports.length === 0
      ? h('p', { class: 'summary' }, 'Der er ikke sendt nogen statusrapporter endnu.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'overview reports' },
            h('caption', { class: 'visually-hidden' }, `Statusrapporter for ${programme.title}, nyeste først`),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Rapport', 'Type', 'PDF'].map((c) => h('th', { scope: 'col' }, c)),
              ),
            ),
            h(
              'tbody',
              {},
              reports.map((r) => row(id, r, timezone)),
            ),
          ),
        ),
  );
  if (flash) flash.focus();
}
