/**
 * Programme definitions built for the benchmarks, dated around today so that their
 * phases are active the moment their workflows start: an active phase runs from the
 * week before this one (its planned start has passed, so it starts by itself) to three
 * weeks ahead (nothing is overdue, no reminder falls due while a bench runs).
 *
 * Weeks are written as `from`/`to` week labels so a run in late December or early
 * January still gives a valid definition. Every definition goes through the plan
 * library's own validation before it is used.
 */
import {
  type IsoDate,
  type ProgrammeDefinition,
  addDays,
  isoWeekDate,
  isoWeekOf,
  validateDefinition,
  weekLabel,
} from '../../libs/plan';

export interface BenchProgrammeOptions {
  id: string;
  /** Number of sub-analyses. */
  subAnalyses: number;
  /** Phases per sub-analysis planned from the week before this one to three weeks ahead. */
  activePhases: number;
  /**
   * false: those phases run side by side, all active from the start. true: each comes
   * after the one before, so only the first is active and completing one starts the
   * next at once (its planned start has passed).
   */
  chained?: boolean;
  /** Phases per sub-analysis after the active ones, each after the previous (planned, not started). */
  laterPhases: number;
  /** One deliverable per sub-analysis to a committee meeting six weeks ahead. */
  deliverables: boolean;
  /** Today, for dating the plan; defaults to the real today (the workflows run on real time). */
  today?: IsoDate;
  /** The week (from this one) the active phases end in (default 3). */
  activeToWeek?: number;
  /** Reminder settings (default: 5 and 1 working days before, on the due day, every 5 after, at 09:00). */
  reminders?: { beforeDue: number[]; onDueDay: boolean; overdueEvery: number; time: string };
}

/** The code of the n-th (0-based) active phase. */
export function activePhaseCode(n: number): string {
  return `A${String(n + 1).padStart(2, '0')}`;
}

export function subAnalysisId(n: number): string {
  return `spor-${String(n + 1).padStart(4, '0')}`;
}

export function leadEmail(n: number): string {
  return `leder-${String(n + 1).padStart(4, '0')}@example.org`;
}

export const SECRETARIAT_EMAIL = 'sekretariat@example.org';

/** Builds and validates a definition; throws listing the problems if the plan library refuses it. */
export function benchProgramme(options: BenchProgrammeOptions): ProgrammeDefinition {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const thisWeek = isoWeekOf(today);
  const monday = isoWeekDate(thisWeek.weekYear, thisWeek.week, 1);
  /** The ISO week label `offset` weeks from this one. */
  const week = (offset: number) => weekLabel(isoWeekOf(addDays(monday, 7 * offset)));
  const meetingDate = addDays(monday, 7 * 6);
  const materialDue = addDays(meetingDate, -14);

  const people: Record<string, { name: string; email: string }> = {
    sekretariat: { name: 'Udvalgssekretariatet', email: SECRETARIAT_EMAIL },
    direktor: { name: 'Stadsdirektør', email: 'direktor@example.org' },
    'udvalg-1': { name: 'Udvalgsmedlem 1', email: 'udvalg-1@example.org' },
  };
  const subAnalyses = Array.from({ length: options.subAnalyses }, (_, i) => {
    const lead = `leder-${i + 1}`;
    people[lead] = { name: `Projektleder ${i + 1}`, email: leadEmail(i) };
    const active = Array.from({ length: options.activePhases }, (_, p) => ({
      code: activePhaseCode(p),
      title: `Analyse ${p + 1}`,
      from: week(-1),
      to: week(options.activeToWeek ?? 3),
      after: options.chained && p > 0 ? [activePhaseCode(p - 1)] : [],
    }));
    const later = Array.from({ length: options.laterPhases }, (_, p) => ({
      code: `B${p + 1}`,
      title: `Opfølgning ${p + 1}`,
      from: week(4 + 3 * p),
      to: week(6 + 3 * p),
      after: p > 0 ? [`B${p}`] : options.chained ? active.slice(-1).map((a) => a.code) : active.map((a) => a.code),
    }));
    return {
      id: subAnalysisId(i),
      title: `Analysespor ${i + 1}`,
      departments: [],
      projectLeads: [lead],
      phases: [...active, ...later],
      deliverables: options.deliverables ? [{ meeting: 'udvalg-1', title: `Resultater, spor ${i + 1}` }] : [],
    };
  });

  const definition = {
    id: options.id,
    title: `Benchmark ${options.id}`,
    year: thisWeek.weekYear,
    timezone: 'Europe/Copenhagen',
    holidays: 'dk',
    closedDays: [],
    people,
    secretariat: ['sekretariat'],
    steeringGroup: { name: 'Direktørgruppen', members: ['direktor'] },
    committee: {
      name: 'Udvalget',
      members: ['udvalg-1'],
      packageLeadDays: 5,
      meetings: options.deliverables ? [{ id: 'udvalg-1', title: 'Udvalgsmøde', date: meetingDate, materialDue }] : [],
    },
    reminders: options.reminders ?? { beforeDue: [5, 1], onDueDay: true, overdueEvery: 5, time: '09:00' },
    subAnalyses,
  };
  const checked = validateDefinition(definition);
  if (!checked.valid || !checked.definition) {
    const problems = checked.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n');
    throw new Error(`The bench programme ${options.id} is not valid:\n${problems}`);
  }
  return checked.definition;
}

/**
 * The definition as one sub-analysis' workflow needs it: the programme with only that
 * sub-analysis (and the people it names). The sub-analysis' plan, snapshot and events
 * are the same as under the whole definition; status.bench.ts says why its workflows
 * start with these.
 */
export function withOnlySubAnalysis(def: ProgrammeDefinition, sid: string): ProgrammeDefinition {
  const sub = def.subAnalyses.find((s) => s.id === sid);
  if (!sub) throw new Error(`No sub-analysis ${sid}`);
  const keep = new Set([
    ...def.secretariat,
    ...def.steeringGroup.members,
    ...def.committee.members,
    ...sub.projectLeads,
    ...(sub.projectOwner ? [sub.projectOwner] : []),
  ]);
  return {
    ...def,
    people: Object.fromEntries(Object.entries(def.people).filter(([key]) => keep.has(key))),
    subAnalyses: [sub],
  };
}
