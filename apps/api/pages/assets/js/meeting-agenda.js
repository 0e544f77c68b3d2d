// A meeting's agenda: the items as the Dagsorden shows them, the secretariat's form per
// item, and the form for the committee's decisions.
import { api, enc } from './api.js';
import { act, actionForm, formFields } from './actions.js';
import { h } from './dom.js';
import { localProblemBox, okBox } from './feedback.js';
import { meetingPath } from './meeting-parts.js';
import { AGENDA_METHOD, DECISION_OUTCOME, FIELD } from './texts.js';

/** The fields of an item the secretariat may set, and how each is read from the form. */
const ITEM_FIELDS = [
  ['title', 'text'],
  ['background', 'textarea'],
  ['recommendation', 'textarea'],
  ['method', 'select'],
  ['responsible', 'text'],
  ['minutes', 'number'],
  ['order', 'number'],
];

function itemForm(ctx, item) {
  const order = ctx.meeting.agenda.filter((i) => !i.standing).indexOf(item) + 1;
  const fields = ITEM_FIELDS.filter(([name]) => name !== 'order' || !item.standing).map(([name, type]) => ({
    name,
    type,
    value: name === 'order' ? String(order) : String(item[name] ?? ''),
    rows: 4,
    min: type === 'number' ? 1 : undefined,
    options: name === 'method' ? Object.entries(AGENDA_METHOD) : undefined,
    hint: name === 'order' ? 'Pladsen blandt punkterne mellem de faste punkter (1 = først).' : undefined,
  }));
  return actionForm({
    summary: 'Redigér punktet',
    submit: `Gem punkt ${item.number}`,
    className: 'action-secondary',
    fields,
    onsubmit: (form, values) => {
      // Only what changed is sent, so an unchanged field keeps following the definition.
      const changed = {};
      for (const f of fields) {
        const value = f.type === 'number' ? Number(values[f.name]) : values[f.name];
        if (String(value) !== f.value) changed[f.name] = value;
      }
      const button = form.querySelector('button[type=submit]');
      if (!Object.keys(changed).length) {
        form.querySelector('.action-feedback').replaceChildren(okBox('Intet er ændret.'));
        return;
      }
      act(
        button,
        () => api('PATCH', `${meetingPath(ctx.id, ctx.meeting.meetingId)}/items/${enc(item.key)}`, changed),
        `Punkt ${item.number} er gemt.`,
        ctx.redraw,
      );
    },
  });
}

function itemCard(ctx, item) {
  return h(
    'li',
    { class: 'card agenda-item', 'data-item': item.key },
    h('h3', {}, h('span', { class: 'phase-code' }, `Punkt ${item.number}`), ` ${item.title}`),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, FIELD.method),
      h('dd', {}, AGENDA_METHOD[item.method] || item.method),
      item.responsible ? [h('dt', {}, FIELD.responsible), h('dd', {}, item.responsible)] : null,
      h('dt', {}, 'Tid'),
      h('dd', {}, `${item.minutes} min.`),
      item.background ? [h('dt', {}, FIELD.background), h('dd', { class: 'pre' }, item.background)] : null,
      item.recommendation ? [h('dt', {}, FIELD.recommendation), h('dd', {}, item.recommendation)] : null,
      item.attachments.length
        ? [
            h('dt', {}, 'Bilag'),
            h(
              'dd',
              {},
              h(
                'ul',
                { class: 'plain' },
                item.attachments.map((a) =>
                  h(
                    'li',
                    {},
                    `Bilag ${a.number}: ${a.title}`,
                    a.file ? '' : h('span', { class: 'late-text' }, ' · mangler'),
                  ),
                ),
              ),
            ),
          ]
        : null,
    ),
    ctx.secretariat ? itemForm(ctx, item) : null,
  );
}

export function agendaSection(ctx) {
  return h(
    'section',
    { 'aria-labelledby': 'agenda-title' },
    h('h2', { id: 'agenda-title' }, 'Dagsorden'),
    h(
      'ol',
      { class: 'agenda' },
      ctx.meeting.agenda.map((item) => itemCard(ctx, item)),
    ),
  );
}

/** The committee's decisions: the recorded ones, and for the secretariat a form per item. */
export function decisionsSection(ctx) {
  const { meeting } = ctx;
  const items = meeting.agenda.filter((item) => item.subAnalysis);
  const decided = new Map(meeting.decisions.map((d) => [d.subAnalysis, d]));
  const recorded = items.filter((item) => decided.has(item.subAnalysis));
  const list = recorded.length
    ? h(
        'ul',
        { class: 'card list decisions' },
        recorded.map((item) => {
          const d = decided.get(item.subAnalysis);
          return h(
            'li',
            { 'data-decision': item.subAnalysis },
            h('strong', {}, `Punkt ${item.number} ${item.title}: `),
            `Punktet blev ${DECISION_OUTCOME[d.outcome] || d.outcome}.`,
            d.input ? h('p', { class: 'decision-input' }, d.input) : null,
          );
        }),
      )
    : h('p', { class: 'muted' }, 'Der er ikke registreret beslutninger endnu.');
  if (!ctx.secretariat || !items.length) {
    return h(
      'section',
      { 'aria-labelledby': 'decisions-title' },
      h('h2', { id: 'decisions-title' }, 'Beslutninger'),
      list,
    );
  }
  const form = h(
    'form',
    { class: 'action-form decisions-form', novalidate: true },
    items.map((item) => {
      const d = decided.get(item.subAnalysis);
      return h(
        'fieldset',
        { 'data-item': item.subAnalysis },
        h('legend', {}, `Punkt ${item.number} ${item.title}`),
        formFields([
          {
            name: `outcome:${item.subAnalysis}`,
            label: FIELD.outcome,
            type: 'select',
            // An item left without an outcome is not sent: decisions may come item by item.
            value: d ? d.outcome : '',
            options: [['', 'Ikke besluttet endnu'], ...Object.entries(DECISION_OUTCOME)],
          },
          { name: `input:${item.subAnalysis}`, label: FIELD.input, type: 'textarea', value: d ? d.input : '' },
        ]),
      );
    }),
    h(
      'div',
      { class: 'form-buttons' },
      h('button', { type: 'submit', class: 'button button-primary' }, 'Registrér beslutninger'),
    ),
    h('div', { class: 'action-feedback' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    const body = {
      items: items
        .filter((item) => values[`outcome:${item.subAnalysis}`])
        .map((item) => ({
          subAnalysis: item.subAnalysis,
          outcome: values[`outcome:${item.subAnalysis}`],
          input: values[`input:${item.subAnalysis}`].trim(),
        })),
    };
    if (!body.items.length) {
      const box = localProblemBox('Vælg udvalgets beslutning for mindst ét punkt.');
      form.querySelector('.action-feedback').replaceChildren(box);
      box.focus();
      return;
    }
    act(
      form.querySelector('button[type=submit]'),
      () => api('POST', `${meetingPath(ctx.id, meeting.meetingId)}/decisions`, body),
      'Beslutningerne er registreret.',
      ctx.redraw,
    );
  });
  return h(
    'section',
    { 'aria-labelledby': 'decisions-title' },
    h('h2', { id: 'decisions-title' }, 'Beslutninger'),
    list,
    h(
      'details',
      { class: 'action', open: !recorded.length },
      h('summary', { class: 'button' }, 'Registrér udvalgets beslutninger'),
      form,
    ),
  );
}
