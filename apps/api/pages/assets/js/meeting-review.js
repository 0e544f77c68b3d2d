// The secretariat's review of a meeting's material: each sub-analysis' deliverable with
// its versions, approve, or ask the leads for changes with a comment.
import { api, enc } from './api.js';
import { act, actionButton, actionForm } from './actions.js';
import { h } from './dom.js';
import { meetingPath, reviewList, stateTag, versionList } from './meeting-parts.js';

function reviewActions(ctx, d) {
  const base = `${meetingPath(ctx.id, ctx.meeting.meetingId)}/deliverables/${enc(d.subAnalysis)}`;
  const newest = d.versions.at(-1);
  if (!newest) return [];
  const list = [];
  if (d.state === 'submitted') {
    list.push(
      actionButton(
        'Godkend',
        () => api('POST', `${base}/approve`),
        `Version ${newest.number} fra ${d.subAnalysisTitle} er godkendt.`,
        ctx.redraw,
      ),
    );
  }
  if (d.state === 'submitted' || d.state === 'approved') {
    list.push(
      actionForm({
        summary: 'Bed om rettelser',
        submit: 'Send til projektlederne',
        className: 'action-secondary',
        fields: [
          {
            name: 'comment',
            type: 'textarea',
            required: true,
            hint: 'Hvad skal rettes? Teksten sendes til projektlederne.',
          },
        ],
        onsubmit: (form, { comment }) =>
          act(
            form.querySelector('button[type=submit]'),
            () => api('POST', `${base}/request-changes`, { comment }),
            `${d.subAnalysisTitle} er sendt tilbage til rettelse.`,
            ctx.redraw,
          ),
      }),
    );
  }
  return list;
}

/** ctx: { id, meeting, plan, redraw(box) } */
export function reviewSection(ctx) {
  const { meeting, plan } = ctx;
  return h(
    'section',
    { 'aria-labelledby': 'material-title' },
    h('h2', { id: 'material-title' }, 'Materiale'),
    meeting.deliverables.length
      ? h(
          'ul',
          { class: 'deliverables' },
          meeting.deliverables.map((d) => {
            const buttons = reviewActions(ctx, d);
            return h(
              'li',
              { class: 'card deliverable', 'data-sub-analysis': d.subAnalysis },
              h(
                'div',
                { class: 'phase-head' },
                h('h3', {}, d.subAnalysisTitle, h('span', { class: 'muted' }, ` · ${d.title}`)),
                stateTag(d.state),
              ),
              versionList(ctx.id, meeting, d, plan),
              reviewList(d, plan),
              buttons.length ? h('div', { class: 'actions' }, buttons, h('div', { class: 'action-feedback' })) : null,
            );
          }),
        )
      : h('p', { class: 'muted' }, 'Intet analysespor leverer materiale til dette møde.'),
  );
}
