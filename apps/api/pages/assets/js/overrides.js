// The secretariat's overrides on a phase: acting for an absent lead, reopening a phase
// completed by mistake, closing a gate opened by mistake. Each asks for a reason, which
// the API requires and the history keeps.
import { api, enc } from './api.js';
import { act, actionForm } from './actions.js';
import { OVERRIDE_LABEL as L } from './texts.js';

const fill = (text, code) => text.replace('{code}', code);

/** A small form with a reason (and any other fields) that posts to `path`. */
function overrideForm({ summary, submit, path, done, redraw, hint, fields = [] }) {
  return actionForm({
    summary,
    submit,
    className: 'action-secondary action-override',
    fields: [...fields, { name: 'reason', type: 'textarea', required: true, hint: hint || L.reasonHint }],
    onsubmit: (form, values) => {
      const body = Object.fromEntries(
        Object.entries(values)
          .map(([k, v]) => [k, String(v).trim()])
          .filter(([, v]) => v !== ''),
      );
      return act(form.querySelector('button[type=submit]'), () => api('POST', path, body), done, redraw);
    },
  });
}

/**
 * The overrides the secretariat may use on phase `p`. `asLead`: the person leads this
 * sub-analysis too, so starting and completing are their own actions, not overrides.
 */
export function overrideActions({ id, sid, redraw }, p, asLead) {
  const base = `/programmes/${enc(id)}/sub-analyses/${enc(sid)}/`;
  const phasePath = (action) => `${base}phases/${enc(p.code)}/${action}`;
  const list = [];
  if (!asLead && p.state === 'ready') {
    list.push(
      overrideForm({
        summary: L.startOnBehalf,
        submit: fill(L.startOnBehalfSubmit, p.code),
        path: phasePath('start'),
        done: fill(L.started, p.code),
        redraw,
      }),
    );
  }
  if (!asLead && p.state === 'active') {
    list.push(
      overrideForm({
        summary: L.completeOnBehalf,
        submit: fill(L.completeOnBehalfSubmit, p.code),
        path: phasePath('complete'),
        done: fill(L.completed, p.code),
        redraw,
        fields: [{ name: 'note', type: 'textarea' }],
      }),
    );
  }
  if (p.state === 'completed') {
    list.push(
      overrideForm({
        summary: L.reopen,
        submit: fill(L.reopenSubmit, p.code),
        path: phasePath('reopen'),
        done: fill(L.reopened, p.code),
        redraw,
        hint: L.reopenHint,
      }),
    );
  }
  if (p.gate && p.gate.open && !p.actualStart) {
    list.push(
      overrideForm({
        summary: L.closeGate,
        submit: fill(L.closeGateSubmit, p.code),
        path: `${base}gates/${enc(p.code)}/close`,
        done: fill(L.gateClosed, p.code),
        redraw,
      }),
    );
  }
  return list;
}
