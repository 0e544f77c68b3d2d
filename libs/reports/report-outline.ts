/**
 * What a status report shows, in which order and under which headings, independent of
 * the medium: the PDF and the HTML e-mail both render this outline, so they never tell
 * a different story. Pure; every word is Danish.
 */
import { danishDate, danishDateWithoutWeek, workingDaysText } from '../texts/dates';
import { RED_AFTER_WORKING_DAYS, type ReportStatus } from './rag';
import { compactDate } from './format';
import type { ReportDeadline, StatusReport, SubAnalysisReport } from './report-model';

/** How a cell or line should stand out. */
export type Tone = 'late' | 'risk' | 'muted';

export interface Cell {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

export interface Column {
  header: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'right';
}

export interface Table {
  kind: 'table';
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** Shown instead of an empty table. */
  empty: string;
}

export interface List {
  kind: 'list';
  caption: string;
  items: Cell[];
  empty: string;
}

export type Part = Table | List;

export interface Section {
  id: string;
  title: string;
  status: ReportStatus;
  statusLabel: string;
  /** Why the status is what it is; empty when on track. */
  reasons: string;
  /** The lead's note, or 'ingen bemærkning'; flagged when it disagrees. */
  note: Cell;
  parts: Part[];
}

export interface ReportOutline {
  title: string;
  subtitle: string;
  /** Which report the changes compare with. */
  comparedWith: string;
  summary: Table;
  sections: Section[];
  /** The status rules, for the footer. */
  rules: string[];
}

const cell = (text: string, tone?: Tone, bold?: boolean): Cell => ({
  text,
  ...(tone && { tone }),
  ...(bold && { bold }),
});

export const NO_NOTE = 'ingen bemærkning';

export function reportOutline(report: StatusReport): ReportOutline {
  return {
    title: `Statusrapport: ${report.programme.title}`,
    subtitle: danishDate(report.date),
    comparedWith: report.previous
      ? `Ændringer er regnet fra forrige rapport, ${danishDateWithoutWeek(report.previous.date)}.`
      : 'Første statusrapport: der er ingen tidligere rapport at sammenligne med.',
    summary: {
      kind: 'table',
      caption: 'Overblik',
      columns: [
        { header: 'Analysespor', width: 3 },
        { header: 'Status', width: 1.2 },
        { header: 'Over fristen', width: 1.6 },
        { header: 'Projektlederens vurdering', width: 3.2 },
      ],
      rows: report.subAnalyses.map((s) => [
        cell(s.title, undefined, true),
        cell(s.statusLabel, toneOf(s.status), true),
        cell(worstOverdue(s), s.overdue.length > 0 ? toneOf(s.status) : 'muted'),
        noteCell(s, true),
      ]),
      empty: 'Programmet har ingen analysespor.',
    },
    sections: report.subAnalyses.map((s) => section(report, s)),
    rules: report.statusRules,
  };
}

function section(report: StatusReport, s: SubAnalysisReport): Section {
  const deadline = (i: ReportDeadline, late: boolean): Cell =>
    cell(
      late
        ? `${i.title}: frist ${compactDate(i.due)}, ${workingDaysText(i.workingDaysLate)} over fristen (${i.stateLabel}).`
        : `${i.title}: frist ${compactDate(i.due)}${i.workingDaysLeft === 0 ? ', i dag' : `, om ${workingDaysText(i.workingDaysLeft)}`} (${i.stateLabel}).`,
      late ? overdueTone(i.workingDaysLate) : undefined,
    );
  const next = report.nextMeeting;
  return {
    id: s.id,
    title: s.title,
    status: s.status,
    statusLabel: s.statusLabel,
    reasons: s.statusReasons.join(' '),
    note: noteCell(s, false),
    parts: [
      {
        kind: 'table',
        caption: 'Faser',
        columns: [
          { header: 'Fase', width: 0.6 },
          { header: 'Titel', width: 3.4 },
          { header: 'Uger', width: 1.2 },
          { header: 'Planlagt', width: 1.8 },
          { header: 'Faktisk', width: 1.8 },
          { header: 'Tilstand', width: 1 },
          { header: 'Over fristen', width: 1.3, align: 'right' },
        ],
        rows: s.phases.map((p) => [
          cell(p.code, undefined, true),
          cell(p.title),
          cell(`uge ${p.weeks}`),
          cell(`${compactDate(p.plannedStart)} – ${compactDate(p.due)}`),
          cell(
            p.startedOn ? `${compactDate(p.startedOn)} – ${p.completedOn ? compactDate(p.completedOn) : ''}` : '–',
            p.startedOn ? undefined : 'muted',
          ),
          cell(p.stateLabel),
          p.overdueWorkingDays > 0
            ? cell(workingDaysText(p.overdueWorkingDays), overdueTone(p.overdueWorkingDays), true)
            : cell('–', 'muted'),
        ]),
        empty: 'Ingen faser.',
      },
      {
        kind: 'list',
        caption: 'Over fristen',
        items: s.overdue.map((i) => deadline(i, true)),
        empty: 'Intet er over fristen.',
      },
      {
        kind: 'list',
        caption: `De næste to uger (${report.lookahead.workingDays} arbejdsdage, til og med ${compactDate(report.lookahead.until)})`,
        items: s.comingUp.map((i) => deadline(i, false)),
        empty: 'Ingen frister i perioden.',
      },
      {
        kind: 'list',
        caption: next ? `Materiale til ${next.title} (${compactDate(next.date)})` : 'Materiale til næste møde',
        items: s.deliverables.map((d) =>
          cell(
            `${d.title}: ${d.stateLabel}, frist ${compactDate(d.materialDue)}${d.workingDaysLate > 0 ? `, ${workingDaysText(d.workingDaysLate)} over fristen` : ''}.`,
            overdueTone(d.workingDaysLate),
          ),
        ),
        empty: next ? 'Intet materiale til dette møde.' : 'Der er ikke flere møder i planen.',
      },
      {
        kind: 'list',
        caption: 'Udvalgets seneste beslutninger',
        items: s.decisions.map((d) =>
          cell(`${d.meetingTitle}: ${d.outcomeLabel}.${d.input ? ` Udvalgets input: ${d.input}` : ''}`),
        ),
        empty: 'Udvalget har ikke truffet beslutninger om analysesporet endnu.',
      },
      {
        kind: 'list',
        caption: 'Ændringer siden forrige rapport',
        items: (s.changes ?? []).map((c) => cell(c.text, c.kind === 'newly-overdue' ? 'risk' : undefined)),
        empty: s.changes === null ? 'Første rapport.' : 'Ingen ændringer.',
      },
    ],
  };
}

function toneOf(status: ReportStatus): Tone | undefined {
  return status === 'late' ? 'late' : status === 'at-risk' ? 'risk' : undefined;
}

/** Red past the red threshold, amber below it: the same line the status draws. */
function overdueTone(days: number): Tone | undefined {
  return days > RED_AFTER_WORKING_DAYS ? 'late' : days > 0 ? 'risk' : undefined;
}

function worstOverdue(s: SubAnalysisReport): string {
  if (s.overdue.length === 0) return '–';
  const worst = s.overdue[0];
  const more = s.overdue.length > 1 ? ` (+${s.overdue.length - 1})` : '';
  return `${workingDaysText(worst.workingDaysLate)}${more}`;
}

function noteCell(s: SubAnalysisReport, short: boolean): Cell {
  if (!s.note) return cell(NO_NOTE, 'muted');
  const flag = s.note.disagrees ? ` Afviger fra den beregnede status (${s.statusLabel}).` : '';
  const text = short ? `${s.note.statusLabel}: ${s.note.text}` : `${s.note.statusLabel}: "${s.note.text}"`;
  return cell(`${text}${flag}`, s.note.disagrees ? 'risk' : undefined, s.note.disagrees);
}
