// What went wrong or went well, in plain Danish, with the API's own words beneath.
import { ApiError } from './api.js';
import { h } from './dom.js';
import { FIELD } from './texts.js';

const LEADS = {
  400: 'Spor kunne ikke bruge det, der blev sendt.',
  401: 'Din adgangsnøgle blev ikke godtaget.',
  403: 'Du har ikke adgang til at gøre dette.',
  404: 'Det findes ikke i Spor.',
  409: 'Det kan ikke lade sig gøre lige nu.',
  413: 'Det, der blev sendt, er for stort.',
  415: 'Spor kan ikke læse den slags indhold.',
  429: 'Der er sendt for mange forespørgsler. Vent et øjeblik, og prøv igen.',
};

/** leads: Danish words for some statuses that say more in this place than LEADS does. */
function explain(err, leads = {}) {
  if (!(err instanceof ApiError)) {
    return { lead: leads.offline || 'Spor kunne ikke nås. Tjek din forbindelse, og prøv igen.', details: [] };
  }
  const lead =
    leads[err.status] ||
    LEADS[err.status] ||
    (err.status >= 500
      ? 'Der skete en fejl i Spor. Prøv igen om lidt, og kontakt sekretariatet, hvis det bliver ved.'
      : 'Spor afviste forespørgslen.');
  const details = err.details
    .filter((d) => d && d.message && d.message !== err.message)
    .map((d) => (d.path ? `${FIELD[d.path] || d.path}: ${d.message}` : d.message));
  return { lead, reason: err.message, details };
}

export function problemBox(err, attrs = {}, leads = {}) {
  const { lead, reason, details } = explain(err, leads);
  return h(
    'div',
    { class: 'message message-error', role: 'alert', tabindex: '-1', ...attrs },
    h('p', { class: 'message-lead' }, lead),
    reason ? h('p', { class: 'message-reason' }, 'Spor svarede: ', h('q', {}, reason)) : null,
    details.length
      ? h(
          'ul',
          { class: 'message-details' },
          details.map((d) => h('li', {}, d)),
        )
      : null,
  );
}

export function okBox(text) {
  return h('div', { class: 'message message-ok', role: 'status', tabindex: '-1' }, h('p', {}, text));
}

/** A problem the page finds itself, before asking Spor (e.g. no file chosen). */
export function localProblemBox(text) {
  return h(
    'div',
    { class: 'message message-error', role: 'alert', tabindex: '-1' },
    h('p', { class: 'message-lead' }, text),
  );
}
