// Spor's pages: small ES modules, no dependencies, no build step. This one reads the
// path, checks the person's token with the API and draws the page the path names. The
// paths and their page modules come from the server (routes.js, generated from
// PAGES in pages.module.ts): adding a page is a module in pages/ and a line there.
import { ApiError, api, csrfToken, token } from './api.js';
import { h, show } from './dom.js';
import { problemBox } from './feedback.js';
import { ROUTES } from './routes.js';
import { showWho, signOut } from './session.js';
import { showSignIn, whenSignedIn } from './pages/sign-in.js';

/** The route matching the path, with its parameters by name, e.g. { id, sid }. */
function match(pathname) {
  const parts = pathname
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  for (const route of ROUTES) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params = {};
    const fits = pattern.every((segment, i) => {
      if (segment.startsWith(':')) params[segment.slice(1)] = parts[i];
      return segment.startsWith(':') || segment === parts[i];
    });
    if (fits) return { route, params };
  }
  return undefined;
}

function notFoundPage() {
  document.title = 'Siden findes ikke – Spor';
  show(h('h1', {}, 'Siden findes ikke'), h('p', {}, h('a', { href: '/' }, 'Gå til forsiden')));
}

async function route() {
  if (!token() && !csrfToken()) {
    showSignIn();
    return;
  }
  let me;
  try {
    me = await api('GET', '/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      signOut(problemBox(err));
      return;
    }
    show(h('h1', {}, 'Spor'), problemBox(err));
    return;
  }
  showWho(me);
  const found = match(location.pathname);
  try {
    if (!found) return notFoundPage();
    const page = await import(found.route.module);
    await page.draw(me, found.params);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      signOut(problemBox(err));
      return;
    }
    document.title = 'Noget gik galt – Spor';
    show(h('h1', {}, 'Siden kunne ikke vises'), problemBox(err), h('p', {}, h('a', { href: '/' }, 'Gå til forsiden')));
  }
}

whenSignedIn(route);
route();
