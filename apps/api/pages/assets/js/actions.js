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
export async function act(control, request, success, redraw, where, leads) {
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
      await redraw(problemBox(err, {}, leads));
      return;
    }
    const box = problemBox(err, {}, leads);
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

/** A form's control: text by default; 'textarea', 'select' (with options [value, text]), 'number', 'date', 'time', 'file'. */
function control(f, id, hintId) {
  const common = { id, name: f.name, required: f.required, 'aria-describedby': hintId };
  if (f.type === 'textarea') {
    const area = h('textarea', { ...common, rows: f.rows || 3 });
    area.value = f.value || '';
    return area;
  }
  if (f.type === 'select') {
    return h(
      'select',
      common,
      f.options.map(([value, text]) => h('option', { value, selected: value === f.value }, text)),
    );
  }
  return h('input', {
    ...common,
    type: f.type || 'text',
    value: f.value,
    min: f.min,
    accept: f.accept,
    autocomplete: 'off',
  });
}

/** The fields of a form, each labelled with its name's word in FIELD (or its own label). */
export function formFields(fields) {
  return fields.map((f) => {
    const id = nextId('field');
    const hintId = f.hint ? `${id}-hint` : undefined;
    return h(
      'div',
      { class: 'field' },
      h(
        'label',
        { for: id },
        f.label || FIELD[f.name] || f.name,
        f.required || f.type === 'select' ? null : h('span', { class: 'muted' }, ' (valgfri)'),
      ),
      f.hint ? h('p', { id: hintId, class: 'hint' }, f.hint) : null,
      control(f, id, hintId),
    );
  });
}

/**
 * A small form; `onsubmit(form, values)` receives its text values by name (and the form,
 * for FormData when it carries a file).
 */
export function plainForm({ submit, fields, onsubmit, className }) {
  const form = h(
    'form',
    { class: `action-form ${className || ''}`, novalidate: true },
    formFields(fields),
    h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'button button-primary' }, submit)),
    h('div', { class: 'action-feedback' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    onsubmit(form, values);
  });
  return form;
}

/**
 * A <details> with a small form: the secondary actions that need a reason or a note. A
 * field is labelled with its name's word in FIELD, the word the API's refusals name it by.
 */
export function actionForm({ summary, className, ...form }) {
  return h(
    'details',
    { class: `action ${className || ''}` },
    h('summary', { class: 'button' }, summary),
    plainForm(form),
  );
}
