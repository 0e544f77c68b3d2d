// Who is signed in: the name in the top bar, and signing out.
import { forgetToken } from './api.js';
import { h, who } from './dom.js';
import { showSignIn } from './pages/sign-in.js';

export function signOut(message) {
  forgetToken();
  showSignIn(message);
}

export function showWho(me) {
  const name = me.admin ? 'Administrator' : me.name || me.email;
  who.replaceChildren(
    h(
      'p',
      { class: 'who-text' },
      h('span', { class: 'who-label' }, 'Logget ind som '),
      h('strong', {}, name),
      me.email && me.name ? h('span', { class: 'who-email' }, ` (${me.email})`) : null,
    ),
    h('button', { type: 'button', class: 'button button-quiet', onclick: () => signOut('Du er logget ud.') }, 'Log ud'),
  );
  who.hidden = false;
}
