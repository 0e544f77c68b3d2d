// Actions from buttons and small forms, with their feedback.
import { ApiError } from './api.js';
import { h, nextId } from './dom.js';
import { okBox, problemBox } from './feedback.js';
import { signOut } from './session.js';
import { FIELD } from './texts.js';

/**
 * Runs an action from a button or form: busy while it runs; on success (and on a 409 or
 * 404, since the state has moved on) the page is drawn afresh with a message; on other
 * refusals the message appears beside the control and what was typed stays.
 */
export async function act(control, request, success, redraw, where) {
  const feedback =
    where || (control.closest('form, .actions') || control.parentElement).querySelector(':scope > .action-feedback');
  const busy = control.closest('form') || control;
  if (busy.getAttribute('aria-busy') === 'true') return;
  busy.setAttribute('aria-busy', 'true');
  if (control.tagName === 'BUTTON') control.disabled = true;
  try {
    await request();
    await redraw(okBox(success));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      signOut(problemBox(err));
      return;
    }
    if (err instanceof ApiError && (err.status === 409 || err.status === 404)) {
      await redraw(problemBox(err));
      return;
    }
    const box = problemBox(err);
    if (feedback) {
      feedback.replaceChildren(box);
      box.focus();
    }
  } finally {
    busy.removeAttribute('aria-busy');
    if (control.tagName === 'BUTTON') control.disabled = false;
  }
}

/** A button that runs `request` at once: the primary action of a page or a card. */
export function actionButton(label, request, success, redraw) {
  return h(
    'button',
    {
      type: 'button',
      class: 'button button-primary',
      onclick: (event) => act(event.currentTarget, request, success, redraw),
    },
    label,
  );
}

/**
 * A <details> with a small form: the secondary actions that need a reason or a note. A
 * field is labelled with its name's word in FIELD, the word the API's refusals name it by.
 */
export function actionForm({ summary, submit, fields, onsubmit, className }) {
  const form = h(
    'form',
    { class: 'action-form', novalidate: true },
    fields.map((f) => {
      const id = nextId('field');
      const hintId = f.hint ? `${id}-hint` : undefined;
      const control =
        f.type === 'textarea'
          ? h('textarea', { id, name: f.name, rows: 3, required: f.required, 'aria-describedby': hintId })
          : h('input', {
              id,
              name: f.name,
              type: 'text',
              value: f.value,
              required: f.required,
              autocomplete: 'off',
              'aria-describedby': hintId,
            });
      return h(
        'div',
        { class: 'field' },
        h(
          'label',
          { for: id },
          FIELD[f.name] || f.name,
          f.required ? null : h('span', { class: 'muted' }, ' (valgfri)'),
        ),
        f.hint ? h('p', { id: hintId, class: 'hint' }, f.hint) : null,
        control,
      );
    }),
    h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'button button-primary' }, submit)),
    h('div', { class: 'action-feedback' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    onsubmit(form, values);
  });
  return h('details', { class: `action ${className || ''}` }, h('summary', { class: 'button' }, summary), form);
}
