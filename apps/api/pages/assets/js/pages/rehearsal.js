// GET /programmes/{id}/rehearsal: the secretariat picks a few scenario lines from lists and
// sees what Spor would do, week by week (POST /api/programmes/rehearse with the programme's id).
import { api, enc } from '../api.js';
import { instantText } from '../dates.js';
import { h, nextId, show } from '../dom.js';
import { problemBox } from '../feedback.js';
import { breadcrumbs } from '../parts.js';
import { EVENT_KIND, REHEARSAL_ACTION, REHEARSAL_EVENT_TYPE, REHEARSAL_PAGE as L } from '../texts.js';

/** Actions on a phase; the others act on a meeting's material. */
const PHASE_ACTIONS = ['complete', 'start'];
const MEETING_ACTIONS = ['submit', 'approve', 'request-changes', 'decide'];
/** A scenario line happens on the Wednesday of the week picked. */
const WEEKDAY = 3;

/** Every ISO week label ('2025-W12') from the plan's first phase to its last deadline or meeting. */
function weeksOf(plan) {
  const labels = [
    ...plan.subAnalyses.flatMap((s) => s.phases.flatMap((p) => [p.startWeek, p.dueWeek])),
    ...plan.meetings.map((m) => `${m.date.slice(0, 4)}-W${String(m.week).padStart(2, '0')}`),
  ].sort();
  const [first, last] = [labels[0], labels[labels.length - 1]];
  if (first.slice(0, 4) !== last.slice(0, 4)) return [...new Set(labels)];
  const weeks = [];
  for (let w = Number(first.slice(6)); w <= Number(last.slice(6)); w++) {
    weeks.push(`${first.slice(0, 4)}-W${String(w).padStart(2, '0')}`);
  }
  return weeks;
}

function select(label, name, options, value, onchange) {
  const id = nextId(name);
  return h(
    'span',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      { id, name, onchange },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
    ),
  );
}

/** One scenario line's fields; the phase or meeting list follows the action picked. */
function lineEditor(plan, line, weeks, redraw, remove) {
  const sub = plan.subAnalyses.find((s) => s.id === line.subAnalysis) || plan.subAnalyses[0];
  const onPhase = PHASE_ACTIONS.includes(line.do);
  const targets = onPhase
    ? sub.phases.map((p) => [p.code, `${p.code} ${p.title}`])
    : plan.meetings.map((m) => [m.id, m.title]);
  const set = (key) => (event) => {
    line[key] = event.target.value;
    redraw();
  };
  return h(
    'li',
    { class: 'rehearsal-line' },
    select(
      L.subAnalysis,
      'subAnalysis',
      plan.subAnalyses.map((s) => [s.id, s.title]),
      line.subAnalysis,
      set('subAnalysis'),
    ),
    select(
      L.action,
      'do',
      [...PHASE_ACTIONS, ...MEETING_ACTIONS].map((a) => [a, REHEARSAL_ACTION[a]]),
      line.do,
      set('do'),
    ),
    select(onPhase ? L.phase : L.meeting, 'target', targets, line.target, set('target')),
    select(
      L.week,
      'week',
      weeks.map((w) => [w, `${L.weekHeading} ${Number(w.slice(6))}`]),
      line.week,
      set('week'),
    ),
    h('button', { type: 'button', class: 'secondary', onclick: remove }, L.removeLine),
  );
}

/** Fills in what a line's lists default to, so what is sent is what is shown. */
function settle(plan, line, weeks) {
  const sub = plan.subAnalyses.find((s) => s.id === line.subAnalysis) || plan.subAnalyses[0];
  line.subAnalysis = sub.id;
  const targets = PHASE_ACTIONS.includes(line.do) ? sub.phases.map((p) => p.code) : plan.meetings.map((m) => m.id);
  if (!targets.includes(line.target)) line.target = targets[0];
  if (!weeks.includes(line.week)) line.week = weeks[0];
}

function stepOf(line) {
  const step = { at: `${line.week}-${WEEKDAY}`, do: line.do, subAnalysis: line.subAnalysis };
  if (PHASE_ACTIONS.includes(line.do)) step.phase = line.target;
  else step.meeting = line.target;
  if (line.do === 'request-changes') step.comment = L.defaultComment;
  return step;
}

/** The events grouped by ISO week, in the order they came (time order). */
function byWeek(events) {
  const groups = [];
  for (const e of events) {
    const key = `${e.date.slice(0, 4)}-${e.week}`;
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.events.push(e);
    else groups.push({ key, week: e.week, events: [e] });
  }
  return groups;
}

function eventItem(e, timezone) {
  const what = e.subject || e.text || e.fileName || [e.subAnalysis, e.phase, e.meeting].filter(Boolean).join(' ');
  return h(
    'li',
    { class: `rehearsal-event rehearsal-${e.type}`, 'data-type': e.type },
    h('time', { datetime: e.at }, instantText(e.at, timezone)),
    ' · ',
    h('strong', {}, REHEARSAL_EVENT_TYPE[e.type] || e.type),
    ' · ',
    EVENT_KIND[e.kind] || REHEARSAL_ACTION[e.kind] || e.kind,
    e.recipients && e.recipients.length ? ` → ${e.recipients.join(', ')}` : null,
    what ? h('div', { class: 'rehearsal-what' }, what) : null,
  );
}

function traceSection({ events, summary }, timezone) {
  return h(
    'section',
    { class: 'rehearsal-trace', 'aria-labelledby': 'trace-title' },
    h('h2', { id: 'trace-title' }, L.trace),
    h(
      'dl',
      { class: 'rehearsal-summary' },
      [
        [L.emails, summary.emails],
        [L.documents, summary.documents],
        [L.escalations, summary.escalations.length],
        [L.refused, summary.refused],
        [L.overdue, summary.overdue.length],
      ].map(([term, value]) => [h('dt', {}, term), h('dd', {}, String(value))]),
    ),
    byWeek(events).map((g) =>
      h(
        'section',
        { class: 'rehearsal-week', 'data-week': g.week },
        h('h3', {}, `${L.weekHeading} ${g.week}`),
        h(
          'ol',
          {},
          g.events.map((e) => eventItem(e, timezone)),
        ),
      ),
    ),
  );
}

export async function draw(me, { id }) {
  const programme = await api('GET', `/programmes/${enc(id)}`);
  const plan = programme.plan;
  const weeks = weeksOf(plan);
  const lines = [];
  const result = h('div', { class: 'rehearsal-result', 'aria-live': 'polite' });
  const list = h('ol', { class: 'rehearsal-lines' });
  const redraw = () => {
    lines.forEach((line) => settle(plan, line, weeks));
    list.replaceChildren(
      ...lines.map((line, i) =>
        lineEditor(plan, line, weeks, redraw, () => {
          lines.splice(i, 1);
          redraw();
        }),
      ),
    );
    empty.hidden = lines.length > 0;
  };
  const empty = h('p', { class: 'meta' }, L.noLines);
  const add = () => {
    lines.push({ do: 'complete' });
    redraw();
  };
  const run = async (event) => {
    const button = event.target;
    button.disabled = true;
    result.replaceChildren(h('p', { class: 'meta' }, L.running));
    try {
      const trace = await api('POST', '/programmes/rehearse', { programmeId: id, scenario: lines.map(stepOf) });
      result.replaceChildren(traceSection(trace, plan.timezone));
    } catch (err) {
      result.replaceChildren(problemBox(err));
    } finally {
      button.disabled = false;
    }
  };
  document.title = `${L.title} – ${programme.title} – Spor`;
  show(
    breadcrumbs([['Programmer', '/'], [programme.title, `/programmes/${enc(id)}`], [L.title]]),
    h('h1', {}, L.title),
    h('p', { class: 'meta' }, programme.title),
    h('p', {}, L.intro),
    h(
      'section',
      { 'aria-labelledby': 'scenario-title' },
      h('h2', { id: 'scenario-title' }, L.scenario),
      empty,
      list,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: add }, L.addLine),
        h('button', { type: 'button', onclick: run }, L.run),
      ),
    ),
    result,
  );
  redraw();
}
