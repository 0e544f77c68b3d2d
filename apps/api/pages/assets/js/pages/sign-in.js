// The sign-in page, shown in place of any page while no token is kept.
import { ApiError, api, keepToken } from '../api.js';
import { h, main, show, who } from '../dom.js';
import { problemBox } from '../feedback.js';

let afterSignIn = async () => {};

/** What to do once a token is accepted: the router draws the page that was asked for. */
export function whenSignedIn(draw) {
  afterSignIn = draw;
}

export function showSignIn(message) {
  document.title = 'Log ind – Spor';
  who.hidden = true;
  who.replaceChildren();
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
    required: true,
    'aria-describedby': 'token-help',
  });
  const feedback = h('div', { class: 'feedback' });
  if (message) feedback.append(message);
  const form = h(
    'form',
    { class: 'signin-form', novalidate: true },
    h('label', { for: 'token' }, 'Indtast din adgangsnøgle'),
    h(
      'p',
      { id: 'token-help', class: 'hint' },
      'Du får nøglen af sekretariatet. Den gemmes kun i denne browser, indtil du logger ud.',
    ),
    input,
    h('button', { type: 'submit', class: 'button button-primary' }, 'Log ind'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      feedback.replaceChildren(
        h('div', { class: 'message message-error', role: 'alert' }, h('p', {}, 'Indtast din adgangsnøgle først.')),
      );
      input.focus();
      return;
    }
    form.setAttribute('aria-busy', 'true');
    try {
      await api('GET', '/me', undefined, value);
      keepToken(value);
      await afterSignIn();
      main.focus();
    } catch (err) {
      const box =
        err instanceof ApiError && err.status === 401
          ? h(
              'div',
              { class: 'message message-error', role: 'alert' },
              h(
                'p',
                { class: 'message-lead' },
                'Adgangsnøglen blev ikke genkendt. Tjek, at du har indsat hele nøglen, eller bed sekretariatet om en ny.',
              ),
              h('p', { class: 'message-reason' }, 'Spor svarede: ', h('q', {}, err.message)),
            )
          : problemBox(err);
      feedback.replaceChildren(box);
      input.select();
      input.focus();
    } finally {
      form.removeAttribute('aria-busy');
    }
  });
  show(
    h(
      'section',
      { class: 'card signin', 'aria-labelledby': 'signin-title' },
      h('h1', { id: 'signin-title' }, 'Log ind i Spor'),
      h(
        'p',
        {},
        'Spor holder styr på analysesporenes faser, frister og møder. Log ind for at se status og melde dine faser startet og afsluttet.',
      ),
      feedback,
      form,
    ),
  );
  input.focus();
}
