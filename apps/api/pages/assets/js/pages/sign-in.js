// The sign-in page, shown in place of any page while nobody is signed in. Three ways in:
// a link by e-mail (for everyone named in a programme), the organisation's single sign-on
// when Spor has it, and a token from the secretariat. The link and single sign-on come
// back to the page that was asked for.
import { ApiError, api, keepToken } from '../api.js';
import { h, main, show, who } from '../dom.js';
import { okBox, problemBox } from '../feedback.js';
import { SIGN_IN } from '../texts.js';

let afterSignIn = async () => {};

/** What to do once a token is accepted: the router draws the page that was asked for. */
export function whenSignedIn(draw) {
  afterSignIn = draw;
}

const alertBox = (...children) => h('div', { class: 'message message-error', role: 'alert' }, ...children);

/** The page to come back to after signing in: this one. */
function here() {
  return `${location.pathname}${location.search}`;
}

function emailForm() {
  const input = h('input', {
    id: 'email',
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    spellcheck: 'false',
    autocapitalize: 'off',
    required: true,
    'aria-describedby': 'email-help',
  });
  const feedback = h('div', { class: 'feedback', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'signin-form', novalidate: true },
    h('label', { for: 'email' }, SIGN_IN.emailLabel),
    h('p', { id: 'email-help', class: 'hint' }, SIGN_IN.emailHelp),
    input,
    h('button', { type: 'submit', class: 'button button-primary' }, SIGN_IN.emailButton),
    feedback,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = input.value.trim();
    if (!email) {
      feedback.replaceChildren(alertBox(h('p', {}, SIGN_IN.emailMissing)));
      input.focus();
      return;
    }
    form.setAttribute('aria-busy', 'true');
    try {
      await api('POST', '/auth/email-link', { email, next: here() });
      feedback.replaceChildren(okBox(SIGN_IN.emailSent));
    } catch (err) {
      feedback.replaceChildren(problemBox(err));
      input.focus();
    } finally {
      form.removeAttribute('aria-busy');
    }
  });
  return { form, input };
}

function tokenForm(message) {
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
    h('h2', {}, SIGN_IN.tokenSummary),
    h('label', { for: 'token' }, SIGN_IN.tokenLabel),
    h('p', { id: 'token-help', class: 'hint' }, SIGN_IN.tokenHelp),
    input,
    h('button', { type: 'submit', class: 'button' }, SIGN_IN.tokenButton),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      feedback.replaceChildren(alertBox(h('p', {}, SIGN_IN.tokenMissing)));
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
          ? alertBox(
              h('p', { class: 'message-lead' }, SIGN_IN.tokenRefused),
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
  return { form, feedback };
}

/** The organisation's single sign-on, when Spor is set up with it. */
async function singleSignOn(slot) {
  try {
    const options = await api('GET', '/auth/options', undefined, null);
    if (!options.oidc) return;
    const href = `/auth/oidc/start?next=${encodeURIComponent(here())}`;
    slot.replaceChildren(h('p', {}, h('a', { class: 'button button-primary', href }, SIGN_IN.oidcButton)));
  } catch {
    // Without the answer the other ways in still work.
  }
}

export function showSignIn(message) {
  document.title = SIGN_IN.pageTitle;
  who.hidden = true;
  who.replaceChildren();
  const sso = h('div', { class: 'signin-sso' });
  const email = emailForm();
  const token = tokenForm(message);
  show(
    h(
      'section',
      { class: 'card signin', 'aria-labelledby': 'signin-title' },
      h('h1', { id: 'signin-title' }, SIGN_IN.title),
      h('p', {}, SIGN_IN.intro),
      token.feedback,
      sso,
      email.form,
      token.form,
    ),
  );
  singleSignOn(sso);
  email.input.focus();
}
