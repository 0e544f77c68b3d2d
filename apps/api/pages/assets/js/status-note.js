// The lead's own word before each status report, on the sub-analysis page.
import { act } from './actions.js';
import { api, enc } from './api.js';
import { instantText } from './dates.js';
import { h, nextId } from './dom.js';
import { statusChip } from './report-parts.js';
import { REPORT_STATUS } from './texts.js';

export async function statusNotePanel(programme, sid, timezone, redraw) {
  const path = `/programmes/${enc(programme)}/sub-analyses/${enc(sid)}/status-note`;
  const { note } = await api('GET', path);
  const textId = nextId('note');
  const form = h(
    'form',
    { class: 'action-form status-note-form', novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Din vurdering'),
      Object.entries(REPORT_STATUS).map(([value, label]) => {
        const id = nextId('status');
        return h(
          'div',
          { class: 'choice' },
          h('input', {
            type: 'radio',
            id,
            name: 'status',
            value,
            required: true,
            checked: note && note.status === value,
          }),
          h('label', { for: id }, label),
        );
      }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: textId }, 'Begrundelse (en til tre sætninger)'),
      h('textarea', { id: textId, name: 'text', rows: 3, maxlength: 600, required: true }),
    ),
    h(
      'div',
      { class: 'form-buttons' },
      h('button', { type: 'submit', class: 'button button-primary' }, 'Send vurdering'),
    ),
    h('div', { class: 'action-feedback' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    act(
      form.querySelector('button[type=submit]'),
      () => api('POST', path, { status: values.status, text: values.text }),
      'Din vurdering er gemt og kommer med i næste statusrapport.',
      redraw,
    );
  });
  return h(
    'section',
    { class: 'card status-note', 'aria-labelledby': `${textId}-title` },
    h('h2', { id: `${textId}-title` }, 'Status til styregruppen'),
    h(
      'p',
      { class: 'muted' },
      'Styregruppens statusrapport viser din vurdering ved siden af den status, Spor beregner.',
    ),
    note
      ? h(
          'p',
          {},
          'Seneste vurdering: ',
          statusChip(note.status),
          ` ${note.text} `,
          h('span', { class: 'muted' }, `(${instantText(note.at, timezone)})`),
        )
      : null,
    form,
  );
}
