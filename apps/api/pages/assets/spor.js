// Spor's pages: one small module, no dependencies, no build step. It reads the path,
// asks the API (/api, with the person's token) and renders the page. People read Danish.

const TOKEN_KEY = 'spor.token';

const main = document.getElementById('main');
const who = document.getElementById('who');

// ---------------------------------------------------------------------------------
// Danish words and dates

const PHASE_STATE = { planned: 'planlagt', ready: 'klar', active: 'i gang', completed: 'afsluttet' };
const DELIVERABLE_STATE = {
  missing: 'mangler',
  submitted: 'indsendt',
  changes_requested: 'ændringer ønsket',
  approved: 'godkendt',
};
const ROLE = {
  secretariat: 'sekretariat',
  'project-lead': 'projektleder',
  'project-owner': 'projektejer',
  'steering-group': 'styregruppe',
  committee: 'udvalgsmedlem',
};
const FIELD = { weeks: 'Uger', from: 'Fra', to: 'Til', reason: 'Begrundelse', note: 'Note' };
const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** 'YYYY-MM-DD' as a UTC midnight. */
function dayOf(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function isoWeek(iso) {
  const date = dayOf(iso);
  // The week belongs to the year of its thursday, and counts from that year's first one.
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.floor((date.getTime() - yearStart) / 86400000 / 7) + 1;
}

/** 'mandag 2. juni 2025' */
function dateText(iso) {
  const date = dayOf(iso);
  const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7];
  return `${weekday} ${date.getUTCDate()}. ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** 'mandag 2. juni 2025 (uge 23)' */
function dateWithWeek(iso) {
  return `${dateText(iso)} (uge ${isoWeek(iso)})`;
}

/** '2. jun.' for tight places. */
function shortDate(iso) {
  const date = dayOf(iso);
  return `${date.getUTCDate()}. ${MONTHS[date.getUTCMonth()].slice(0, 3)}.`;
}

/** '2025-W12' → 'uge 12' */
function weekLabel(label) {
  const match = /W(\d+)$/.exec(label || '');
  return match ? `uge ${Number(match[1])}` : label;
}

/** 'uge 12-13' or 'uge 12' from a phase's first and last week. */
function weeksText(phase) {
  const from = weekLabel(phase.startWeek);
  const to = weekLabel(phase.dueWeek);
  return from === to ? from : `${from}–${to.replace('uge ', '')}`;
}

/** The local date of an instant in the programme's time zone, as 'YYYY-MM-DD'. */
function localDate(instant, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/** 'mandag 2. juni 2025 kl. 09.15' in the programme's time zone. */
function instantText(instant, timeZone) {
  const time = new Intl.DateTimeFormat('da-DK', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(instant),
  );
  return `${dateText(localDate(instant, timeZone))} kl. ${time}`;
}

/** 'i dag', 'i morgen', 'om 5 dage', 'for 2 dage siden'. */
function relativeDay(iso, today) {
  const days = Math.round((dayOf(iso) - dayOf(today)) / 86400000);
  if (days === 0) return 'i dag';
  if (days === 1) return 'i morgen';
  if (days === -1) return 'i går';
  return days > 0 ? `om ${days} dage` : `for ${-days} dage siden`;
}

function workingDays(n) {
  return `${n} ${n === 1 ? 'arbejdsdag' : 'arbejdsdage'}`;
}

// ---------------------------------------------------------------------------------
// DOM: elements from data, never HTML from strings

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

function show(...children) {
  main.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

// ---------------------------------------------------------------------------------
// The API

class ApiError extends Error {
  constructor(status, body) {
    super(body && typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.status = status;
    this.details = body && Array.isArray(body.details) ? body.details : [];
  }
}

function token() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

async function api(method, path, body, withToken = token()) {
  const headers = { accept: 'application/json' };
  if (withToken) headers.authorization = `Bearer ${withToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
  });
  const text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

const enc = encodeURIComponent;

/** What went wrong, in plain Danish, with the API's own words beneath. */
function explain(err) {
  if (!(err instanceof ApiError)) {
    return { lead: 'Spor kunne ikke nås. Tjek din forbindelse, og prøv igen.', details: [] };
  }
  const leads = {
    400: 'Spor kunne ikke bruge det, der blev sendt.',
    401: 'Din adgangsnøgle blev ikke godtaget.',
    403: 'Du har ikke adgang til at gøre dette.',
    404: 'Det findes ikke i Spor.',
    409: 'Det kan ikke lade sig gøre lige nu.',
    413: 'Det, der blev sendt, er for stort.',
    415: 'Spor kan ikke læse den slags indhold.',
    429: 'Der er sendt for mange forespørgsler. Vent et øjeblik, og prøv igen.',
  };
  const lead =
    leads[err.status] ||
    (err.status >= 500
      ? 'Der skete en fejl i Spor. Prøv igen om lidt, og kontakt sekretariatet, hvis det bliver ved.'
      : 'Spor afviste forespørgslen.');
  const details = err.details
    .filter((d) => d && d.message && d.message !== err.message)
    .map((d) => (d.path ? `${FIELD[d.path] || d.path}: ${d.message}` : d.message));
  return { lead, reason: err.message, details };
}

function problemBox(err, attrs = {}) {
  const { lead, reason, details } = explain(err);
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

function okBox(text) {
  return h('div', { class: 'message message-ok', role: 'status', tabindex: '-1' }, h('p', {}, text));
}

// ---------------------------------------------------------------------------------
// Signing in and out

function signOut(message) {
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored, nothing to remove.
  }
  showSignIn(message);
}

function showSignIn(message) {
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
      localStorage.setItem(TOKEN_KEY, value);
      await route();
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

function showWho(me) {
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

// ---------------------------------------------------------------------------------
// Roles

function rolesIn(me, programme) {
  return me.roles.filter((r) => r.programme === programme);
}

function isSecretariat(me, programme) {
  return me.admin || rolesIn(me, programme).some((r) => r.role === 'secretariat');
}

function leads(me, programme, sid) {
  return (
    me.admin ||
    rolesIn(me, programme).some(
      (r) => (r.role === 'project-lead' || r.role === 'project-owner') && r.subAnalysis === sid,
    )
  );
}

function roleText(role, plan) {
  const name = ROLE[role.role] || role.role;
  if (!role.subAnalysis) return name;
  const sub = plan && plan.subAnalyses.find((s) => s.id === role.subAnalysis);
  return `${name} for ${sub ? sub.title : role.subAnalysis}`;
}

function personName(plan, email) {
  if (!email) return '';
  if (email === 'spor') return 'Spor (automatisk)';
  if (email === 'admin') return 'Administrator';
  return (plan.people && plan.people[email.toLowerCase()]) || email;
}

// ---------------------------------------------------------------------------------
// Pages

function breadcrumbs(items) {
  return h(
    'nav',
    { class: 'crumbs', 'aria-label': 'Brødkrummesti' },
    h(
      'ol',
      {},
      items.map(([text, href], i) =>
        h(
          'li',
          {},
          href && i < items.length - 1 ? h('a', { href }, text) : h('span', { 'aria-current': 'page' }, text),
        ),
      ),
    ),
  );
}

function stateChip(state, extra) {
  return h('span', { class: `chip chip-${state}` }, PHASE_STATE[state] || state, extra);
}

/** GET / : the programmes this person has a role in, and their own sub-analyses. */
async function programmesPage(me) {
  const programmes = await api('GET', '/programmes');
  document.title = 'Programmer – Spor';
  const items = programmes.map((p) => {
    const roles = rolesIn(me, p.id);
    const mine = roles.filter((r) => r.subAnalysis);
    return h(
      'li',
      { class: 'card programme' },
      h('h2', {}, h('a', { href: `/programmes/${enc(p.id)}` }, p.title)),
      h(
        'p',
        { class: 'meta' },
        `${p.plan.subAnalyses.length} analysespor · ${p.plan.meetings.length} møder · `,
        p.startedAt ? `startet ${dateText(localDate(p.startedAt, p.plan.timezone))}` : 'ikke startet endnu',
      ),
      roles.length ? h('p', { class: 'meta' }, 'Din rolle: ', roles.map((r) => roleText(r, p.plan)).join(', ')) : null,
      mine.length
        ? h(
            'ul',
            { class: 'links' },
            mine.map((r) =>
              h(
                'li',
                {},
                h(
                  'a',
                  { href: `/programmes/${enc(p.id)}/sub-analyses/${enc(r.subAnalysis)}` },
                  `Gå til ${(p.plan.subAnalyses.find((s) => s.id === r.subAnalysis) || { title: r.subAnalysis }).title}`,
                ),
              ),
            ),
          )
        : null,
    );
  });
  show(
    h('h1', {}, 'Programmer'),
    items.length
      ? h('ul', { class: 'programmes' }, items)
      : h('p', { class: 'notice' }, 'Du har ikke en rolle i noget programme i Spor endnu. Kontakt sekretariatet.'),
  );
}

function nextMeetingPanel(meeting, today) {
  if (!meeting) {
    return h(
      'section',
      { class: 'card next-meeting', 'aria-labelledby': 'next-meeting-title' },
      h('h2', { id: 'next-meeting-title' }, 'Næste møde'),
      h('p', {}, 'Der er ikke flere møder i programmet.'),
    );
  }
  return h(
    'section',
    { class: 'card next-meeting', 'aria-labelledby': 'next-meeting-title' },
    h('h2', { id: 'next-meeting-title' }, 'Næste møde'),
    h('p', { class: 'next-meeting-name' }, meeting.title),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Mødedato'),
      h('dd', {}, dateWithWeek(meeting.date), h('span', { class: 'muted' }, ` · ${relativeDay(meeting.date, today)}`)),
      h('dt', {}, 'Materialefrist'),
      h(
        'dd',
        {},
        dateWithWeek(meeting.materialDue),
        h('span', { class: 'muted' }, ` · ${relativeDay(meeting.materialDue, today)}`),
      ),
      meeting.packageDate ? [h('dt', {}, 'Mødepakken sendes'), h('dd', {}, dateWithWeek(meeting.packageDate))] : null,
    ),
  );
}

function deadlineText(deadline, plan, today) {
  if (!deadline) return h('span', { class: 'muted' }, 'Ingen åbne frister');
  const meeting = deadline.meeting && plan.meetings.find((m) => m.id === deadline.meeting);
  const what =
    deadline.kind === 'phase'
      ? `Fase ${deadline.phase}`
      : `Materiale til ${meeting ? meeting.title : deadline.meeting}`;
  return [
    h('span', { class: 'deadline-what' }, what),
    h('span', { class: 'deadline-date' }, dateWithWeek(deadline.date)),
    h(
      'span',
      { class: deadline.overdue ? 'late' : 'muted' },
      deadline.overdue ? `overskredet, ${relativeDay(deadline.date, today)}` : relativeDay(deadline.date, today),
    ),
  ];
}

/** GET /programmes/{id}: the secretariat's overview. */
async function overviewPage(me, id, flash) {
  const [programme, status] = await Promise.all([
    api('GET', `/programmes/${enc(id)}`),
    api('GET', `/programmes/${enc(id)}/status`),
  ]);
  const plan = programme.plan;
  const today = localDate(status.asOf, plan.timezone);
  document.title = `${programme.title} – Spor`;
  const overdue = status.subAnalyses.flatMap((s) => s.phases.filter((p) => p.overdueWorkingDays > 0));

  const rows = status.subAnalyses.map((s) => {
    const late = s.phases.some((p) => p.overdueWorkingDays > 0);
    return h(
      'tr',
      { class: late ? 'row-late' : undefined },
      h(
        'th',
        { scope: 'row', 'data-label': 'Analysespor' },
        h('a', { href: `/programmes/${enc(id)}/sub-analyses/${enc(s.id)}` }, s.title),
        s.finished ? h('span', { class: 'tag' }, 'afsluttet') : null,
      ),
      h(
        'td',
        { 'data-label': 'Faser' },
        h(
          'ul',
          { class: 'chips', 'aria-label': `Faser i ${s.title}` },
          s.phases.map((p) =>
            h(
              'li',
              { class: `chip chip-${p.state}${p.overdueWorkingDays > 0 ? ' chip-late' : ''}` },
              h('span', { class: 'chip-code' }, p.code),
              h('span', { class: 'visually-hidden' }, ` ${p.title}: `),
              ` ${PHASE_STATE[p.state] || p.state}`,
              p.overdueWorkingDays > 0
                ? h('span', { class: 'chip-late-text' }, ` · ${workingDays(p.overdueWorkingDays)} over frist`)
                : null,
            ),
          ),
        ),
      ),
      h('td', { 'data-label': 'Næste frist', class: 'deadline' }, deadlineText(s.nextDeadline, plan, today)),
    );
  });

  const startButton =
    !programme.startedAt && isSecretariat(me, id)
      ? h(
          'button',
          {
            type: 'button',
            class: 'button button-primary',
            onclick: (event) =>
              act(
                event.currentTarget,
                () => api('POST', `/programmes/${enc(id)}/start`),
                'Programmet er startet.',
                (f) => overviewPage(me, id, f),
              ),
          },
          'Start programmet',
        )
      : null;

  show(
    breadcrumbs([['Programmer', '/'], [programme.title]]),
    h('h1', {}, programme.title),
    h(
      'p',
      { class: 'meta' },
      programme.startedAt ? `Startet ${dateText(localDate(programme.startedAt, plan.timezone))}` : 'Ikke startet endnu',
      ` · status pr. ${instantText(status.asOf, plan.timezone)}`,
    ),
    flash ? flash : null,
    startButton ? h('div', { class: 'actions' }, startButton, h('span', { class: 'action-feedback' })) : null,
    nextMeetingPanel(status.nextMeeting, today),
    h(
      'section',
      { 'aria-labelledby': 'overview-title' },
      h('h2', { id: 'overview-title' }, 'Analysespor'),
      h(
        'p',
        { class: overdue.length ? 'summary summary-late' : 'summary' },
        `${status.subAnalyses.length} analysespor · `,
        overdue.length === 0
          ? 'ingen faser over frist'
          : `${overdue.length} ${overdue.length === 1 ? 'fase' : 'faser'} over frist`,
      ),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'overview' },
          h('caption', { class: 'visually-hidden' }, `Status for hvert analysespor i ${programme.title}`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Analysespor'),
              h('th', { scope: 'col' }, 'Faser'),
              h('th', { scope: 'col' }, 'Næste frist'),
            ),
          ),
          h('tbody', {}, rows),
        ),
      ),
    ),
  );
  if (flash) flash.focus();
}

/**
 * Runs an action from a button or form: busy while it runs; on success (and on a 409 or
 * 404, since the state has moved on) the page is drawn afresh with a message; on other
 * refusals the message appears beside the control and what was typed stays.
 */
async function act(control, request, success, redraw, where) {
  const feedback =
    where || (control.closest('form, .actions') || control.parentElement).querySelector(':scope > .action-feedback');
  const busy = control.closest('form') || control;
  if (busy.getAttribute('aria-busy') === 'true') return;
  busy.setAttribute('aria-busy', 'true');
  if (control.tagName === 'BUTTON') control.disabled = true;
  try {
    await request();
    await redraw(okBox(success));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      signOut(problemBox(err));
      return;
    }
    if (err instanceof ApiError && (err.status === 409 || err.status === 404)) {
      await redraw(problemBox(err));
      return;
    }
    const box = problemBox(err);
    if (feedback) {
      feedback.replaceChildren(box);
      box.focus();
    }
  } finally {
    busy.removeAttribute('aria-busy');
    if (control.tagName === 'BUTTON') control.disabled = false;
  }
}

/** A <details> with a small form: the secondary actions that need a reason or a note. */
function actionForm({ summary, submit, fields, onsubmit, className }) {
  const form = h(
    'form',
    { class: 'action-form', novalidate: true },
    fields.map((f) => {
      const id = nextId('field');
      const hintId = f.hint ? `${id}-hint` : undefined;
      const control =
        f.type === 'textarea'
          ? h('textarea', { id, name: f.name, rows: 3, required: f.required, 'aria-describedby': hintId })
          : h('input', {
              id,
              name: f.name,
              type: 'text',
              value: f.value,
              required: f.required,
              autocomplete: 'off',
              'aria-describedby': hintId,
            });
      return h(
        'div',
        { class: 'field' },
        h('label', { for: id }, f.label, f.required ? null : h('span', { class: 'muted' }, ' (valgfri)')),
        f.hint ? h('p', { id: hintId, class: 'hint' }, f.hint) : null,
        control,
      );
    }),
    h('div', { class: 'form-buttons' }, h('button', { type: 'submit', class: 'button button-primary' }, submit)),
    h('div', { class: 'action-feedback' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    onsubmit(form, values);
  });
  return h('details', { class: `action ${className || ''}` }, h('summary', { class: 'button' }, summary), form);
}

function phaseCard(ctx, p, flash) {
  const { me, id, sid, plan, started, today } = ctx;
  const base = `/programmes/${enc(id)}/sub-analyses/${enc(sid)}`;
  const redraw = (box) => subAnalysisPage(me, id, sid, { phase: p.code, box });
  const facts = [
    h('dt', {}, 'Planlagt'),
    h('dd', {}, `${weeksText(p)}: ${dateText(p.plannedStart)} – ${dateText(p.due)}`),
    h('dt', {}, 'Frist'),
    h(
      'dd',
      {},
      dateWithWeek(p.due),
      p.state !== 'completed' && p.due >= today
        ? h('span', { class: 'muted' }, ` · ${relativeDay(p.due, today)}`)
        : null,
    ),
  ];
  if (p.overdueWorkingDays > 0) {
    facts.push(h('dt', {}, 'Over frist'), h('dd', { class: 'late-text' }, workingDays(p.overdueWorkingDays)));
  }
  if (p.after && p.after.length)
    facts.push(h('dt', {}, 'Efter'), h('dd', {}, p.after.map((c) => `fase ${c}`).join(', ')));
  if (p.actualStart) {
    facts.push(
      h('dt', {}, 'Startet'),
      h('dd', {}, instantText(p.actualStart, plan.timezone), p.startedBy ? ` af ${personName(plan, p.startedBy)}` : ''),
    );
  }
  if (p.completedAt) {
    facts.push(
      h('dt', {}, 'Afsluttet'),
      h(
        'dd',
        {},
        instantText(p.completedAt, plan.timezone),
        p.completedBy ? ` af ${personName(plan, p.completedBy)}` : '',
      ),
    );
  }
  if (p.note) facts.push(h('dt', {}, 'Note'), h('dd', {}, p.note));
  if (p.state === 'planned' && p.waitingFor) facts.push(h('dt', {}, 'Venter på'), h('dd', {}, p.waitingFor));
  if (p.gate) {
    const meeting = plan.meetings.find((m) => m.id === p.gate.meeting);
    const meetingText = meeting ? `${meeting.title} ${dateWithWeek(meeting.date)}` : p.gate.meeting;
    facts.push(
      h('dt', {}, 'Port før fasen'),
      h(
        'dd',
        {},
        p.gate.open
          ? [
              h('span', { class: 'gate gate-open' }, 'åben'),
              p.gate.openedAt ? ` siden ${instantText(p.gate.openedAt, plan.timezone)}` : '',
              p.gate.openedBy ? ` af ${personName(plan, p.gate.openedBy)}` : '',
              p.gate.reason ? h('span', { class: 'gate-reason' }, `Begrundelse: ${p.gate.reason}`) : null,
            ]
          : [h('span', { class: 'gate gate-closed' }, 'lukket'), ` · åbner efter ${meetingText}`],
      ),
    );
  }

  const actions = [];
  if (started && leads(me, id, sid)) {
    if (p.state === 'ready') {
      actions.push(
        h(
          'button',
          {
            type: 'button',
            class: 'button button-primary',
            onclick: (event) =>
              act(
                event.currentTarget,
                () => api('POST', `${base}/phases/${enc(p.code)}/start`),
                `Fase ${p.code} er startet.`,
                redraw,
              ),
          },
          'Start fase',
        ),
      );
    }
    if (p.state === 'active') {
      actions.push(
        actionForm({
          summary: 'Afslut fase',
          submit: `Afslut fase ${p.code}`,
          fields: [{ name: 'note', label: 'Note', type: 'textarea', hint: 'Fx hvad fasen endte med.' }],
          onsubmit: (form, { note }) =>
            act(
              form.querySelector('button[type=submit]'),
              () => api('POST', `${base}/phases/${enc(p.code)}/complete`, note.trim() ? { note: note.trim() } : {}),
              `Fase ${p.code} er afsluttet.`,
              redraw,
            ),
        }),
      );
    }
  }
  if (started && isSecretariat(me, id)) {
    if (p.state !== 'completed') {
      actions.push(
        actionForm({
          summary: 'Ændr uger',
          submit: 'Gem nye uger',
          className: 'action-secondary',
          fields: [
            { name: 'weeks', label: 'Uger', value: p.weeks, required: true, hint: 'Ugenumre, fx 14-17 eller 23.' },
            { name: 'reason', label: 'Begrundelse', type: 'textarea', required: true },
          ],
          onsubmit: (form, { weeks, reason }) =>
            act(
              form.querySelector('button[type=submit]'),
              () => api('PATCH', `${base}/phases/${enc(p.code)}`, { weeks: weeks.trim(), reason }),
              `Planen for fase ${p.code} er ændret.`,
              redraw,
            ),
        }),
      );
    }
    if (p.gate && !p.gate.open) {
      actions.push(
        actionForm({
          summary: 'Åbn port',
          submit: `Åbn porten før fase ${p.code}`,
          className: 'action-secondary',
          fields: [{ name: 'reason', label: 'Begrundelse', type: 'textarea', required: true }],
          onsubmit: (form, { reason }) =>
            act(
              form.querySelector('button[type=submit]'),
              () => api('POST', `${base}/gates/${enc(p.code)}/open`, { reason }),
              `Porten før fase ${p.code} er åbnet.`,
              redraw,
            ),
        }),
      );
    }
  }

  const headingId = `phase-${p.code}-title`;
  return h(
    'li',
    {
      class: `card phase phase-${p.state}${p.overdueWorkingDays > 0 ? ' phase-late' : ''}`,
      'aria-labelledby': headingId,
      'data-phase': p.code,
    },
    h(
      'div',
      { class: 'phase-head' },
      h('h3', { id: headingId }, h('span', { class: 'phase-code' }, `Fase ${p.code}`), ` ${p.title}`),
      stateChip(p.state, p.overdueWorkingDays > 0 ? h('span', { class: 'chip-late-text' }, ' · over frist') : null),
    ),
    h('dl', { class: 'facts' }, facts),
    flash || null,
    actions.length ? h('div', { class: 'actions' }, actions, h('div', { class: 'action-feedback' })) : null,
  );
}

/** GET /programmes/{id}/sub-analyses/{sid}: the link in every e-mail. */
async function subAnalysisPage(me, id, sid, flash) {
  const [programme, sub] = await Promise.all([
    api('GET', `/programmes/${enc(id)}`),
    api('GET', `/programmes/${enc(id)}/sub-analyses/${enc(sid)}`),
  ]);
  const plan = programme.plan;
  const today = localDate(new Date().toISOString(), plan.timezone);
  document.title = `${sub.title} – Spor`;
  const ctx = { me, id, sid, plan, started: Boolean(programme.startedAt), today };
  const names = (emails) => (emails || []).map((e) => personName(plan, e)).join(', ');

  const history = [...sub.history].reverse();
  show(
    breadcrumbs([['Programmer', '/'], [programme.title, `/programmes/${enc(id)}`], [sub.title]]),
    h('h1', {}, sub.title),
    h(
      'dl',
      { class: 'facts facts-inline' },
      h('dt', {}, 'Projektledere'),
      h('dd', {}, names(sub.projectLeads) || '–'),
      sub.projectOwner ? [h('dt', {}, 'Projektejer'), h('dd', {}, personName(plan, sub.projectOwner))] : null,
      h('dt', {}, 'Næste frist'),
      h('dd', { class: 'deadline' }, deadlineText(sub.nextDeadline, plan, today)),
    ),
    !ctx.started
      ? h('p', { class: 'notice' }, 'Programmet er ikke startet endnu; faserne følger planen, når det starter.')
      : null,
    sub.finished ? h('p', { class: 'notice' }, 'Analysesporet er afsluttet.') : null,
    flash && !flash.phase ? flash.box : null,
    h(
      'section',
      { 'aria-labelledby': 'phases-title' },
      h('h2', { id: 'phases-title' }, 'Faser'),
      h(
        'ol',
        { class: 'phases' },
        sub.phases.map((p) => phaseCard(ctx, p, flash && flash.phase === p.code ? flash.box : null)),
      ),
    ),
    sub.deliverables.length
      ? h(
          'section',
          { 'aria-labelledby': 'deliverables-title' },
          h('h2', { id: 'deliverables-title' }, 'Materiale til møder'),
          h(
            'ul',
            { class: 'card list' },
            sub.deliverables.map((d) => {
              const meeting = plan.meetings.find((m) => m.id === d.meeting);
              return h(
                'li',
                {},
                h('span', { class: `tag tag-${d.state}` }, DELIVERABLE_STATE[d.state] || d.state),
                ` ${d.title}`,
                h(
                  'span',
                  { class: 'muted' },
                  ` · til ${meeting ? meeting.title : d.meeting} · frist ${dateWithWeek(d.materialDue)}`,
                ),
              );
            }),
          ),
        )
      : null,
    h(
      'section',
      { 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, 'Historik'),
      history.length
        ? h(
            'ol',
            { class: 'card history', reversed: true },
            history.map((e) =>
              h(
                'li',
                {},
                h(
                  'p',
                  { class: 'history-when' },
                  h('time', { datetime: e.at }, instantText(e.at, plan.timezone)),
                  e.actor ? ` · ${personName(plan, e.actor)}` : '',
                ),
                h('p', { class: 'history-text' }, e.text),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'Der er ikke sket noget endnu.'),
    ),
  );
  if (flash && flash.box) flash.box.focus();
}

function notFoundPage() {
  document.title = 'Siden findes ikke – Spor';
  show(h('h1', {}, 'Siden findes ikke'), h('p', {}, h('a', { href: '/' }, 'Gå til forsiden')));
}

// ---------------------------------------------------------------------------------
// Routing

async function route() {
  if (!token()) {
    showSignIn();
    return;
  }
  const parts = location.pathname
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
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
  try {
    if (parts.length === 0) await programmesPage(me);
    else if (parts.length === 2 && parts[0] === 'programmes') await overviewPage(me, parts[1]);
    else if (parts.length === 4 && parts[0] === 'programmes' && parts[2] === 'sub-analyses') {
      await subAnalysisPage(me, parts[1], parts[3]);
    } else notFoundPage();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      signOut(problemBox(err));
      return;
    }
    document.title = 'Noget gik galt – Spor';
    show(h('h1', {}, 'Siden kunne ikke vises'), problemBox(err), h('p', {}, h('a', { href: '/' }, 'Gå til forsiden')));
  }
}

route();
