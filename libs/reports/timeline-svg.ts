/**
 * The programme's timeline as an SVG string: one row per sub-analysis, its planned phases
 * as bars by ISO week, actual progress drawn over them, overdue in red, today as a line,
 * committee meetings as diamonds, and a legend.
 *
 * Pure string building (no DOM), so the same chart serves the programme overview page
 * (as SVG) and the report (as PNG through resvg, for the PDF and the e-mail). Only plain
 * shapes and text with explicit positions and colours are used: no CSS, no filters, no
 * web fonts, nothing resvg or an e-mail client would draw differently.
 */
import type { IsoDate } from '../plan/working-days';
import { addDays, dayNumber, isoWeekDate, isoWeekOf, parseWeekLabel } from '../plan/working-days';
import { shortDate } from './format';
import { STATUS_COLOUR, STATUS_LABEL } from './rag';
import type { ReportMeeting, ReportPhase, SubAnalysisReport } from './report-model';

/** What the chart needs; a StatusReport has it all. */
export interface TimelineInput {
  /** Today: the report's date, or the page's. */
  date: IsoDate;
  meetings: readonly Pick<ReportMeeting, 'id' | 'title' | 'date'>[];
  subAnalyses: readonly (Pick<SubAnalysisReport, 'id' | 'title' | 'status'> & {
    phases: readonly Pick<
      ReportPhase,
      'code' | 'title' | 'state' | 'startWeek' | 'dueWeek' | 'due' | 'startedOn' | 'completedOn' | 'overdueWorkingDays'
    >[];
  })[];
}

/** The chart's colours, exported so tests (and the PDF's legend) use the same values. */
export const TIMELINE_COLOURS = {
  planned: '#d5dfea',
  plannedStroke: '#8fa5bd',
  completed: '#1f4e79',
  active: '#3d8fd6',
  overdue: '#c62828',
  today: '#222222',
  meeting: '#6a3d9a',
  grid: '#e3e8ee',
  stripe: '#f6f8fa',
  text: '#1a1a1a',
  muted: '#5f6b77',
} as const;

export const FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, sans-serif';

const LABEL_WIDTH = 270;
const RIGHT_PAD = 16;
const MIN_WEEK_WIDTH = 22;
const BASE_WIDTH = 1120;
const AXIS_Y = 20;
const MILESTONE_TOP = 28;
const ROWS_TOP = 74;
const LANE = 21;
const BAR = 16;
/** The progress stripe along a bar's lower edge, below the phase code. */
const PROGRESS = 5;
const ROW_PAD = 8;
const TITLE_CHARS = 40;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

export interface TimelineOptions {
  /** The width to aim for; narrow weeks are kept at a readable minimum. Default 1120. */
  width?: number;
  /** Scale to the container's width (on a page) instead of a fixed size (for resvg). */
  fluid?: boolean;
}

export function timelineSvg(input: TimelineInput, options: TimelineOptions = {}): string {
  const c = TIMELINE_COLOURS;
  const phases = input.subAnalyses.flatMap((s) => s.phases);
  const weekMonday = (label: string): IsoDate => {
    const w = parseWeekLabel(label);
    if (!w) throw new RangeError(`Not a week label: ${label}`);
    return isoWeekDate(w.weekYear, w.week, 1);
  };
  const mondayOf = (date: IsoDate): IsoDate => {
    const w = isoWeekOf(date);
    return isoWeekDate(w.weekYear, w.week, 1);
  };
  const mondays = [
    ...phases.flatMap((p) => [weekMonday(p.startWeek), weekMonday(p.dueWeek)]),
    ...input.meetings.map((m) => mondayOf(m.date)),
    mondayOf(input.date),
  ].map(dayNumber);
  const firstDay = Math.min(...mondays);
  const weekCount = (Math.max(...mondays) - firstDay) / 7 + 1;

  const weekWidth = Math.max(MIN_WEEK_WIDTH, ((options.width ?? BASE_WIDTH) - LABEL_WIDTH - RIGHT_PAD) / weekCount);
  const width = LABEL_WIDTH + weekWidth * weekCount + RIGHT_PAD;
  const dayWidth = weekWidth / 7;
  /** Left edge of a date's column. */
  const x = (date: IsoDate): number => LABEL_WIDTH + (dayNumber(date) - firstDay) * dayWidth;

  const rows = input.subAnalyses.map((s) => ({ sub: s, lanes: lanesOf(s.phases) }));
  const rowHeights = rows.map((r) => Math.max(2, r.lanes.count) * LANE + ROW_PAD);
  const rowsBottom = ROWS_TOP + rowHeights.reduce((a, b) => a + b, 0);
  const legendTop = rowsBottom + 14;
  const height = legendTop + 44;

  const out: string[] = [];
  const text = (tx: number, ty: number, content: string, attrs = ''): string =>
    `<text x="${round(tx)}" y="${round(ty)}" font-family="${FONT_FAMILY}" ${attrs}>${escapeXml(content)}</text>`;
  const rect = (rx: number, ry: number, w: number, h: number, attrs: string): string =>
    `<rect x="${round(rx)}" y="${round(ry)}" width="${round(Math.max(w, 0))}" height="${round(h)}" ${attrs}/>`;

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" ${options.fluid ? 'width="100%"' : `width="${round(width)}" height="${round(height)}"`} viewBox="0 0 ${round(width)} ${round(height)}" role="img" aria-labelledby="timeline-title">`,
    `<title id="timeline-title">Tidslinje: planlagte faser, fremdrift og udvalgsmøder pr. uge</title>`,
    rect(0, 0, width, height, 'fill="#ffffff"'),
  );

  // Row stripes first, so the week grid stays visible over them.
  let y = ROWS_TOP;
  rows.forEach((r, i) => {
    if (i % 2 === 0) out.push(rect(0, y, width, rowHeights[i], `fill="${c.stripe}"`));
    y += rowHeights[i];
  });

  // Week grid and axis: "uge N", thinned out when the weeks are narrow.
  const labelEvery = Math.ceil(44 / weekWidth);
  for (let i = 0; i < weekCount; i++) {
    const monday = addDays('1970-01-01', firstDay + i * 7);
    const gx = LABEL_WIDTH + i * weekWidth;
    out.push(
      `<line x1="${round(gx)}" y1="${AXIS_Y + 6}" x2="${round(gx)}" y2="${rowsBottom}" stroke="${c.grid}" stroke-width="1"/>`,
    );
    if (i % labelEvery === 0) {
      out.push(
        text(
          gx + weekWidth / 2,
          AXIS_Y,
          `uge ${isoWeekOf(monday).week}`,
          `font-size="11" fill="${c.muted}" text-anchor="middle"`,
        ),
      );
    }
  }
  out.push(
    `<line x1="${LABEL_WIDTH}" y1="${rowsBottom}" x2="${round(width - RIGHT_PAD)}" y2="${rowsBottom}" stroke="${c.plannedStroke}" stroke-width="1"/>`,
  );

  // Meetings: a dotted line through the rows and a diamond with the date above them.
  for (const m of input.meetings) {
    const mx = x(m.date) + dayWidth / 2;
    out.push(
      `<line x1="${round(mx)}" y1="${MILESTONE_TOP + 34}" x2="${round(mx)}" y2="${rowsBottom}" stroke="${c.meeting}" stroke-width="1" stroke-dasharray="2 3"/>`,
      `<g data-meeting="${escapeXml(m.id)}"><title>${escapeXml(`${m.title}, ${shortDate(m.date)}`)}</title>${diamond(mx, MILESTONE_TOP + 7, 7, c.meeting)}</g>`,
      text(mx, MILESTONE_TOP + 30, shortDate(m.date), `font-size="10" fill="${c.meeting}" text-anchor="middle"`),
    );
  }

  // Rows: the title with its status, then the phases in lanes.
  y = ROWS_TOP;
  rows.forEach(({ sub, lanes }, i) => {
    const rowTop = y;
    const status = STATUS_COLOUR[sub.status];
    out.push(
      `<g data-sub-analysis="${escapeXml(sub.id)}">`,
      `<circle cx="14" cy="${round(rowTop + ROW_PAD / 2 + 9)}" r="5" fill="${status}"/>`,
      text(26, rowTop + ROW_PAD / 2 + 13, truncate(sub.title, TITLE_CHARS), `font-size="11.5" fill="${c.text}"`),
      text(26, rowTop + ROW_PAD / 2 + 28, STATUS_LABEL[sub.status], `font-size="10" fill="${status}"`),
    );
    // Planned bars first, then progress and overdue over them: a phase that overruns
    // into the next one's weeks shows its red over that phase's planned bar.
    const bars = sub.phases.map((p, j) => {
      const by = rowTop + ROW_PAD / 2 + lanes.of[j] * LANE + (LANE - BAR) / 2;
      const px = x(weekMonday(p.startWeek));
      return { p, by, px, pw: x(addDays(weekMonday(p.dueWeek), 7)) - px, id: escapeXml(`${sub.id}/${p.code}`) };
    });
    for (const { p, by, px, pw, id } of bars) {
      out.push(
        `<g data-phase="${id}"><title>${escapeXml(`Fase ${p.code} ${p.title}`)}</title>`,
        rect(px, by, pw, BAR, `fill="${c.planned}" stroke="${c.plannedStroke}" stroke-width="0.8" data-kind="planned"`),
        pw >= 16 ? text(px + 3, by + 9, p.code, `font-size="8.5" font-weight="bold" fill="${c.text}"`) : '',
        '</g>',
      );
    }
    for (const { p, by, id } of bars) {
      const end = p.state === 'completed' && p.completedOn ? p.completedOn : input.date;
      if (p.startedOn && p.startedOn <= end) {
        const kind = p.state === 'completed' ? 'completed' : 'active';
        const w = x(addDays(end, 1)) - x(p.startedOn);
        out.push(
          rect(
            x(p.startedOn),
            by + BAR - PROGRESS,
            w,
            PROGRESS,
            `fill="${c[kind]}" data-kind="${kind}" data-phase="${id}"`,
          ),
        );
      }
      if (p.state !== 'completed' && p.overdueWorkingDays > 0) {
        const from = addDays(p.due, 1);
        const w = x(addDays(input.date, 1)) - x(from);
        out.push(rect(x(from), by, w, BAR, `fill="${c.overdue}" data-kind="overdue" data-phase="${id}"`));
      }
    }
    out.push('</g>');
    y += rowHeights[i];
  });

  // Today, drawn last so no bar hides it.
  const tx = x(input.date) + dayWidth / 2;
  out.push(
    `<line x1="${round(tx)}" y1="${AXIS_Y + 4}" x2="${round(tx)}" y2="${rowsBottom + 4}" stroke="${c.today}" stroke-width="1.5" data-kind="today"/>`,
    text(tx + 3, ROWS_TOP - 4, 'I dag', `font-size="10" font-weight="bold" fill="${c.today}"`),
  );

  // Legend.
  let lx = 14;
  const ly = legendTop;
  const swatch = (fill: string, label: string, h = BAR) => {
    out.push(
      rect(lx, ly + (BAR - h) / 2, 22, h, `fill="${fill}"`),
      text(lx + 28, ly + 11, label, `font-size="11" fill="${c.text}"`),
    );
    lx += 34 + label.length * 6.6;
  };
  out.push(rect(lx, ly, 22, BAR, `fill="${c.planned}" stroke="${c.plannedStroke}" stroke-width="0.8"`));
  out.push(text(lx + 28, ly + 11, 'Planlagt', `font-size="11" fill="${c.text}"`));
  lx += 34 + 8 * 6.6;
  swatch(c.completed, 'Afsluttet', PROGRESS);
  swatch(c.active, 'I gang', PROGRESS);
  swatch(c.overdue, 'Over fristen');
  out.push(
    `<line x1="${round(lx + 8)}" y1="${ly - 2}" x2="${round(lx + 8)}" y2="${ly + BAR + 2}" stroke="${c.today}" stroke-width="1.5"/>`,
    text(lx + 16, ly + 11, 'I dag', `font-size="11" fill="${c.text}"`),
  );
  lx += 60;
  out.push(
    diamond(lx + 7, ly + BAR / 2, 6, c.meeting),
    text(lx + 18, ly + 11, 'Udvalgsmøde', `font-size="11" fill="${c.text}"`),
  );
  lx += 110;
  for (const s of ['on-track', 'at-risk', 'late'] as const) {
    out.push(
      `<circle cx="${round(lx + 5)}" cy="${round(ly + BAR / 2)}" r="5" fill="${STATUS_COLOUR[s]}"/>`,
      text(lx + 14, ly + 11, STATUS_LABEL[s], `font-size="11" fill="${c.text}"`),
    );
    lx += 24 + STATUS_LABEL[s].length * 6.6;
  }
  out.push(
    text(
      14,
      ly + 34,
      'Uger efter ISO 8601. Fremdrift tegnes fra faktisk start til afslutning eller i dag.',
      `font-size="10" fill="${c.muted}"`,
    ),
  );

  out.push('</svg>');
  return out.join('\n');
}

/**
 * Lanes for a row's phases: phases whose weeks overlap (2A and 2B side by side) go on
 * separate lanes; the rest share the first free one.
 */
function lanesOf(phases: TimelineInput['subAnalyses'][number]['phases']): { of: number[]; count: number } {
  const ends: string[] = [];
  const of = phases.map((p) => {
    let lane = ends.findIndex((end) => end < p.startWeek);
    if (lane < 0) lane = ends.push(p.dueWeek) - 1;
    else ends[lane] = p.dueWeek;
    return lane;
  });
  return { of, count: Math.max(1, ends.length) };
}

function diamond(cx: number, cy: number, r: number, fill: string): string {
  return `<path d="M ${round(cx)} ${round(cy - r)} L ${round(cx + r)} ${round(cy)} L ${round(cx)} ${round(cy + r)} L ${round(cx - r)} ${round(cy)} Z" fill="${fill}"/>`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}
