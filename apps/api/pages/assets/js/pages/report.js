// GET /programmes/{id}/reports/{rid}: one status report as it was sent, never recomputed.
import { api, enc } from '../api.js';
import { dateText, instantText } from '../dates.js';
import { h, show } from '../dom.js';
import { breadcrumbs } from '../parts.js';
import { downloadButton, statusChip, timelineFigure } from '../report-parts.js';
import { REPORT_STATUS } from '../texts.js';

function list(caption, items, empty) {
  return [
    h('h3', {}, caption),
    items.length
      ? h(
          'ul',
          {},
          items.map((i) => h('li', {}, i)),
        )
      : h('p', { class: 'muted' }, empty),
  ];
}

function noteText(s) {
  if (!s.note) return h('p', { class: 'note muted' }, 'Projektlederens vurdering: ingen bemærkning');
  return h(
    'p',
    { class: s.note.disagrees ? 'note note-disagrees' : 'note' },
    'Projektlederens vurdering: ',
    statusChip(s.note.status),
    ` ${s.note.text}`,
    s.note.disagrees ? h('strong', {}, ` Afviger fra Spors status (${REPORT_STATUS[s.status]}).`) : null,
  );
}

function section(s) {
  const titleId = `sa-${s.id}`;
  return h(
    'section',
    { class: 'card report-sub-analysis', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, statusChip(s.status), ' ', s.title),
    s.statusReasons.length ? h('p', { class: 'muted' }, s.statusReasons.join(' ')) : null,
    noteText(s),
    list(
      'Over fristen',
      s.overdue.map((i) => `${i.title}: ${i.workingDaysLate} arbejdsdage over fristen (${dateText(i.due)})`),
      'Intet er over fristen.',
    ),
    list(
      'Frister de næste to uger',
      s.comingUp.map((i) => `${i.title}: ${dateText(i.due)}`),
      'Ingen frister de næste to uger.',
    ),
    s.changes
      ? list(
          'Siden sidste rapport',
          s.changes.map((c) => c.text),
          'Ingen ændringer.',
        )
      : null,
    s.decisions.length
      ? list(
          'Udvalgets seneste beslutning',
          s.decisions.map((d) => `${d.meetingTitle}: ${d.outcomeLabel}`),
          '',
        )
      : null,
  );
}

export async function draw(me, { id, rid }) {
  const path = `/programmes/${enc(id)}/reports/${enc(rid)}`;
  const [programme, stored] = await Promise.all([api('GET', `/programmes/${enc(id)}`), api('GET', path)]);
  const report = stored.report;
  document.title = `Statusrapport ${dateText(report.date)} – ${programme.title} – Spor`;
  show(
    breadcrumbs([
      ['Programmer', '/'],
      [programme.title, `/programmes/${enc(id)}`],
      ['Statusrapporter', `/programmes/${enc(id)}/reports`],
      [dateText(report.date)],
    ]),
    h('h1', {}, `Statusrapport ${report.dateText} (uge ${report.week})`),
    h(
      'p',
      { class: 'meta' },
      `Lavet ${instantText(report.at, programme.plan.timezone)}`,
      report.previous ? ` · sammenlignet med rapporten ${dateText(report.previous.date)}` : ' · den første rapport',
    ),
    h('div', { class: 'actions' }, downloadButton('Hent PDF', `${path}.pdf`, `statusrapport-${id}-${rid}.pdf`)),
    h(
      'p',
      { class: 'summary report-counts' },
      ['on-track', 'at-risk', 'late'].map((st) => [statusChip(st, `${REPORT_STATUS[st]}: ${report.counts[st]}`), ' ']),
    ),
    timelineFigure(`${path}/timeline.svg`, 'Tidslinje: planlagte faser, fremdrift og udvalgsmøder pr. uge'),
    report.subAnalyses.map(section),
    h('footer', { class: 'muted report-rules' }, h('p', {}, 'Statusregler. ', report.statusRules.join(' '))),
  );
}
