// Pieces of the status-report pages: the timeline chart, files fetched with the token, status chips.
import { ApiError, token } from './api.js';
import { h } from './dom.js';
import { problemBox } from './feedback.js';
import { REPORT_STATUS } from './texts.js';

/** A file from the API with the person's token (a plain link could not carry it). */
export async function apiFile(path) {
  const res = await fetch(`/api${path}`, {
    headers: { authorization: `Bearer ${token()}` },
    cache: 'no-store',
    credentials: 'omit',
  });
  if (!res.ok) {
    let body;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    throw new ApiError(res.status, body);
  }
  return res;
}

/**
 * The timeline chart the API draws (the reports' own code), placed as SVG elements: parsed,
 * never inserted as HTML text. It carries no scripts or styles, so the page's CSP holds.
 */
export function timelineFigure(path, caption) {
  const holder = h(
    'div',
    { class: 'timeline', 'aria-busy': 'true' },
    h('p', { class: 'muted' }, 'Henter tidslinjen …'),
  );
  apiFile(path)
    .then((res) => res.text())
    .then((text) => {
      const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      if (svg.nodeName !== 'svg') throw new Error('Not an SVG');
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', caption);
      holder.replaceChildren(document.importNode(svg, true));
    })
    .catch((err) => holder.replaceChildren(problemBox(err)))
    .finally(() => holder.removeAttribute('aria-busy'));
  return h('figure', { class: 'card timeline-card' }, holder, h('figcaption', { class: 'muted' }, caption));
}

/** A button that fetches a file with the token and hands it to the browser as a download. */
export function downloadButton(label, path, filename) {
  const feedback = h('span', { class: 'action-feedback' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button',
      onclick: async () => {
        button.disabled = true;
        try {
          const blob = await (await apiFile(path)).blob();
          const url = URL.createObjectURL(blob);
          const a = h('a', { href: url, download: filename });
          document.body.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          feedback.replaceChildren();
        } catch (err) {
          feedback.replaceChildren(problemBox(err));
        } finally {
          button.disabled = false;
        }
      },
    },
    label,
  );
  return h('span', { class: 'download' }, button, feedback);
}

export function statusChip(status, text) {
  return h('span', { class: `chip chip-status-${status}` }, text || REPORT_STATUS[status] || status);
}

/** Reports are for the steering group and the secretariat. */
export function readsReports(me, programme) {
  return (
    me.admin ||
    me.roles.some((r) => r.programme === programme && (r.role === 'secretariat' || r.role === 'steering-group'))
  );
}
