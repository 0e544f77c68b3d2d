// Who is signed in: the name in the top bar, and signing out (which ends a session on the server too).
import { api, csrfToken, forgetToken, token } from './api.js';
import { h, who } from './dom.js';
import { showSignIn } from './pages/sign-in.js';
import { SIGN_IN } from './texts.js';

export async function signOut(message) {
  const hadSession = !token() && csrfToken();
  forgetToken();
  if (hadSession) {
    try {
      await api('POST', '/auth/logout');
    } catch {
      // Already ended on the server; the cookies go with the sign-in form either way.
    }
  }
  showSignIn(message);
}

export function showWho(me) {
  const name = me.admin ? 'Administrator' : me.name || me.email;
  who.replaceChildren(
    h(
      'p',
      { class: 'who-text' },
      h('span', { class: 'who-label' }, SIGN_IN.signedInAs),
      h('strong', {}, name),
      me.email && me.name ? h('span', { class: 'who-email' }, ` (${me.email})`) : null,
    ),
    h(
      'button',
      { type: 'button', class: 'button button-quiet', onclick: () => signOut(SIGN_IN.signedOut) },
      SIGN_IN.signOut,
    ),
  );
  who.hidden = false;
}
