// Pieces of a committee meeting that the meeting page, the sub-analysis page and the
// programme overview all show: the facts, the material's state, versions and reviews.
import { ApiError, download, enc } from './api.js';
import { dateWithWeek, instantText } from './dates.js';
import { h } from './dom.js';
import { problemBox } from './feedback.js';
import { personName } from './people.js';
import { signOut } from './session.js';
import { DELIVERABLE_STATE, EVENT_KIND, FIELD } from './texts.js';

export const meetingPath = (id, mid) => `/programmes/${enc(id)}/meetings/${enc(mid)}`;

/** '3 af 5 godkendt': how much of the meeting's material is approved. */
export function materialCount(meeting) {
  const approved = meeting.deliverables.filter((d) => d.state === 'approved').length;
  return `${approved} af ${meeting.deliverables.length} ${DELIVERABLE_STATE.approved}`;
}

/** '1,2 MB', '840 kB', '12 byte' */
export function sizeText(bytes) {
  const number = (n) => n.toLocaleString('da-DK', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${number(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${number(bytes / 1024)} kB`;
  return `${bytes} byte`;
}

/** Whether material may come in: before the package goes out, or after the secretariat re-opened. */
export function openForMaterial(meeting) {
  const { sentAt, reopenedAt } = meeting.package;
  return !sentAt || Boolean(reopenedAt && reopenedAt > sentAt);
}

export function stateTag(state) {
  return h('span', { class: `tag tag-${state}` }, DELIVERABLE_STATE[state] || state);
}

/**
 * A button that fetches a file from the API (with the token) and saves it; why it could
 * not goes beside it, in the sibling `.action-feedback`.
 */
export function downloadButton(label, path, fallbackName, attrs = {}) {
  return h(
    'button',
    {
      type: 'button',
      class: 'button button-link',
      ...attrs,
      onclick: async (event) => {
        const button = event.currentTarget;
        const where = button.parentElement.querySelector(':scope > .action-feedback');
        button.disabled = true;
        try {
          await download(path, fallbackName);
          if (where) where.replaceChildren();
        } catch (err) {
          if (err instanceof ApiError && err.status === 401) return signOut(problemBox(err));
          if (where) where.replaceChildren(problemBox(err));
        } finally {
          button.disabled = false;
        }
      },
    },
    label,
  );
}

/** The meeting's facts: when, where, the material deadline and the package. */
export function meetingFacts(meeting, plan) {
  const { sentAt } = meeting.package;
  return h(
    'dl',
    { class: 'facts' },
    h('dt', {}, FIELD.date),
    h('dd', {}, dateWithWeek(meeting.date)),
    meeting.time ? [h('dt', {}, FIELD.time), h('dd', {}, `kl. ${meeting.time.replace(':', '.')}`)] : null,
    meeting.place ? [h('dt', {}, FIELD.place), h('dd', {}, meeting.place)] : null,
    h('dt', {}, EVENT_KIND['material-due']),
    h('dd', {}, dateWithWeek(meeting.materialDue)),
    h('dt', {}, EVENT_KIND['package-dispatch']),
    h(
      'dd',
      { 'data-fact': 'package' },
      sentAt
        ? `sendt ${instantText(sentAt, plan.timezone)}`
        : `sendes ${instantText(meeting.packageAt, plan.timezone)}`,
    ),
    h('dt', {}, 'Materiale'),
    h('dd', { 'data-fact': 'material' }, materialCount(meeting)),
  );
}

/** Every version handed in, newest first, each with a download. */
export function versionList(id, meeting, d, plan) {
  if (!d.versions.length) return h('p', { class: 'muted' }, 'Der er ikke indsendt materiale endnu.');
  const base = `${meetingPath(id, meeting.meetingId)}/deliverables/${enc(d.subAnalysis)}/versions/`;
  return h(
    'ol',
    { class: 'versions', reversed: true },
    [...d.versions]
      .reverse()
      .map((v) =>
        h(
          'li',
          { 'data-version': v.number },
          h('strong', {}, `Version ${v.number}`),
          d.approvedVersion === v.number ? stateTag('approved') : null,
          ` · ${v.fileName} · ${sizeText(v.size)}`,
          h(
            'span',
            { class: 'muted' },
            ` · ${personName(plan, v.submittedBy)} · ${instantText(v.submittedAt, plan.timezone)}`,
          ),
          v.comment ? h('p', { class: 'version-comment' }, `${FIELD.comment}: ${v.comment}`) : null,
          h(
            'span',
            { class: 'version-download' },
            downloadButton('Hent', `${base}${v.number}`, v.fileName, { 'aria-label': `Hent version ${v.number}` }),
            h('span', { class: 'action-feedback' }),
          ),
        ),
      ),
  );
}

/** The secretariat's reviews, newest first: approvals and requests for changes with their comment. */
export function reviewList(d, plan) {
  if (!d.reviews.length) return null;
  return h(
    'ul',
    { class: 'reviews' },
    [...d.reviews]
      .reverse()
      .map((r) =>
        h(
          'li',
          { class: `review review-${r.action}` },
          h(
            'p',
            {},
            h('strong', {}, r.action === 'approved' ? 'Godkendt' : 'Bedt om rettelser'),
            ` (version ${r.version}) · ${personName(plan, r.by)} · ${instantText(r.at, plan.timezone)}`,
          ),
          r.comment ? h('p', { class: 'review-comment' }, r.comment) : null,
        ),
      ),
  );
}
