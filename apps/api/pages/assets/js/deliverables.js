// A sub-analysis' material for its committee meetings: per deliverable its state, every
// version, the secretariat's requests for changes, the lead's upload form; and what the
// committee decided on the sub-analysis.
import { ApiError, api, enc } from './api.js';
import { act, plainForm } from './actions.js';
import { dateWithWeek, instantText } from './dates.js';
import { h } from './dom.js';
import { localProblemBox } from './feedback.js';
import { downloadButton, meetingPath, openForMaterial, reviewList, stateTag, versionList } from './meeting-parts.js';
import { isSecretariat, leads } from './people.js';
import { DECISION_OUTCOME, FIELD } from './texts.js';

/** What went wrong with an upload, in the lead's terms; the API's own words follow beneath. */
const UPLOAD_LEADS = {
  400: 'Filen blev ikke modtaget: den er tom, eller formularen manglede noget.',
  409: 'Materialet kan ikke modtages nu.',
  413: 'Filen er for stor til at blive modtaget.',
  415: 'Spor tager kun imod PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), Markdown og almindelig tekst. Typen afgøres af indholdet, ikke af filnavnet.',
  offline: 'Filen kunne ikke sendes. Forbindelsen blev afbrudt – måske er filen for stor. Prøv igen.',
};

function uploadForm(ctx, meeting) {
  const path = `${meetingPath(ctx.id, meeting.meetingId)}/deliverables/${enc(ctx.sid)}`;
  return plainForm({
    submit: 'Indsend materiale',
    className: 'upload-form',
    fields: [
      {
        name: 'file',
        type: 'file',
        required: true,
        accept: '.pdf,.docx,.xlsx,.pptx,.md,.markdown,.txt',
        hint: 'PDF, Word, Excel, PowerPoint, Markdown eller tekst.',
      },
      { name: 'comment', type: 'textarea', hint: 'Fx hvad der er ændret siden sidste version.' },
    ],
    onsubmit: (form, { file, comment }) => {
      const feedback = form.querySelector('.action-feedback');
      if (!file || !file.name) {
        const box = localProblemBox('Vælg den fil, du vil indsende.');
        feedback.replaceChildren(box);
        box.focus();
        return;
      }
      const data = new FormData();
      data.append('file', file, file.name);
      if (comment.trim()) data.append('comment', comment.trim());
      act(
        form.querySelector('button[type=submit]'),
        () => api('POST', path, data),
        'Materialet er modtaget.',
        (box) => ctx.redraw(undefined, box),
        feedback,
        UPLOAD_LEADS,
      );
    },
  });
}

function deliverableCard(ctx, entry, meeting) {
  const d = meeting && meeting.deliverables.find((x) => x.subAnalysis === ctx.sid);
  const mayUpload = ctx.started && (leads(ctx.me, ctx.id, ctx.sid) || isSecretariat(ctx.me, ctx.id));
  const title = meeting ? meeting.title : entry.meeting;
  return h(
    'li',
    { class: 'card deliverable', 'data-meeting': entry.meeting },
    h(
      'div',
      { class: 'phase-head' },
      h(
        'h3',
        {},
        entry.title,
        h('span', { class: 'muted' }, ' til '),
        h('a', { href: meetingPath(ctx.id, entry.meeting) }, title),
      ),
      stateTag(d ? d.state : entry.state),
    ),
    h(
      'p',
      { class: 'meta' },
      `${FIELD.materialDue} ${dateWithWeek(meeting ? meeting.materialDue : entry.materialDue)}`,
      meeting ? ` · ${FIELD.date.toLowerCase()} ${dateWithWeek(meeting.date)}` : '',
    ),
    d ? versionList(ctx.id, meeting, d, ctx.plan) : null,
    d ? reviewList(d, ctx.plan) : null,
    !meeting || !mayUpload
      ? null
      : openForMaterial(meeting)
        ? uploadForm(ctx, meeting)
        : h('p', { class: 'notice' }, 'Mødepakken er sendt. Sekretariatet kan genåbne mødet for materiale.'),
  );
}

function decisionList(ctx, meetings) {
  const decided = meetings.flatMap((m) =>
    m.decisions.filter((d) => d.subAnalysis === ctx.sid).map((d) => ({ meeting: m, decision: d })),
  );
  if (!decided.length) return null;
  return h(
    'section',
    { 'aria-labelledby': 'decisions-title' },
    h('h2', { id: 'decisions-title' }, 'Udvalgets beslutninger'),
    h(
      'ul',
      { class: 'card list decisions' },
      decided.map(({ meeting, decision }) =>
        h(
          'li',
          { 'data-decision': meeting.meetingId },
          h('strong', {}, `${meeting.title}: `),
          `Punktet blev ${DECISION_OUTCOME[decision.outcome] || decision.outcome}`,
          h('span', { class: 'muted' }, ` · ${instantText(decision.decidedAt, ctx.plan.timezone)}`),
          decision.input ? h('p', { class: 'decision-input' }, decision.input) : null,
          meeting.protocol
            ? h(
                'span',
                {},
                downloadButton(
                  'Hent beslutningsprotokollen',
                  `${meetingPath(ctx.id, meeting.meetingId)}/protocol.pdf`,
                  'beslutningsprotokol.pdf',
                ),
                h('span', { class: 'action-feedback' }),
              )
            : null,
        ),
      ),
    ),
  );
}

/** ctx: { me, id, sid, plan, started, redraw(phase, box) }; entries: the sub-analysis' deliverables. */
export async function deliverableSections(ctx, entries) {
  if (!entries.length) return [];
  const ids = [...new Set(entries.map((e) => e.meeting))];
  // A meeting that cannot be read leaves its card with what the sub-analysis knows.
  const read = await Promise.all(
    ids.map((mid) =>
      api('GET', `/programmes/${enc(ctx.id)}/meetings/${enc(mid)}`).catch((err) => {
        if (err instanceof ApiError && err.status === 401) throw err;
        return undefined;
      }),
    ),
  );
  const meetings = read.filter(Boolean);
  const byId = new Map(meetings.map((m) => [m.meetingId, m]));
  return [
    h(
      'section',
      { 'aria-labelledby': 'deliverables-title' },
      h('h2', { id: 'deliverables-title' }, 'Materiale til møder'),
      h(
        'ul',
        { class: 'deliverables' },
        entries.map((e) => deliverableCard(ctx, e, byId.get(e.meeting))),
      ),
    ),
    decisionList(ctx, meetings),
  ];
}
