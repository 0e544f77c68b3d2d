/**
 * validateDefinition: every problem of a definition at once, each with the
 * path of the offending field and a plain English sentence.
 *
 * Three passes:
 * 1. the zod schema (shape, types, formats; unknown fields become warnings);
 * 2. cross-field checks on the raw input, written defensively so they still
 *    run when the schema pass has failed (a bad e-mail must not hide a cycle);
 * 3. warnings on the computed plan, only for an otherwise valid definition.
 *
 * Nothing here throws: an unexpected failure becomes a problem at path ''.
 */
import { z } from 'zod';
import {
  IsoDate,
  WorkCalendar,
  compareDates,
  compareWeeks,
  isValidIsoDate,
  isoWeekOf,
  weeksInYear,
} from './working-days';
import { isDateSpecLike, parseWeeksField, phaseWeekSpan, resolveDateSpec } from './dates';
import { MAX_YEAR, MIN_YEAR, ProgrammeDefinition, programmeSchema } from './definition';
import { ProgrammePlan, calendarOfDefinition, computePlan } from './plan';
import { EMAIL_LOCAL_MAX, EMAIL_MAX, emailWithinLimits, hasControlCharacters, stringsIn } from './text-limits';

export interface Problem {
  /** Where, e.g. 'subAnalyses[0].phases[3].after[0]'; '' for the whole document. */
  path: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: Problem[];
  warnings: Problem[];
  /** The checked definition with defaults applied; present when valid. */
  definition?: ProgrammeDefinition;
}

type PathPart = string | number;
type Raw = Record<string, unknown>;

/** Summer holiday weeks: a phase due in these weeks gets a warning. */
export const SUMMER_WEEKS = { first: 28, last: 31 } as const;

export function validateDefinition(input: unknown): ValidationResult {
  try {
    const schema = checkSchema(input);
    const errors = dedupe([...schema.errors, ...crossFieldErrors(input)]);
    if (errors.length > 0 || !schema.definition) {
      return { valid: false, errors, warnings: dedupe(schema.warnings) };
    }
    const plan = computePlan(schema.definition);
    const warnings = dedupe([...schema.warnings, ...planWarnings(schema.definition, plan)]);
    return { valid: true, errors: [], warnings, definition: schema.definition };
  } catch (e) {
    return {
      valid: false,
      errors: [
        { path: '', message: `The definition could not be checked: ${e instanceof Error ? e.message : String(e)}` },
      ],
      warnings: [],
    };
  }
}

/** 'subAnalyses[0].phases[3].after[0]'; keys that are not plain names are quoted: people["a b"]. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------
// 1. Schema

interface SchemaOutcome {
  errors: Problem[];
  warnings: Problem[];
  definition?: ProgrammeDefinition;
}

function checkSchema(input: unknown): SchemaOutcome {
  const first = programmeSchema.safeParse(input, { error: genericMessage });
  if (first.success) return { errors: [], warnings: [], definition: first.data };

  const issues = flattenIssues(first.error.issues);
  const unknownKeys = issues.filter((i) => i.code === 'unrecognized_keys');
  const warnings = unknownKeys.flatMap((i) =>
    i.keys.map((key) => ({ path: formatPath([...i.path, key]), message: `Unknown field '${key}'; it is ignored.` })),
  );
  const errors = issues.filter((i) => i.code !== 'unrecognized_keys').map(toProblem);
  if (errors.length > 0) return { errors, warnings };

  // Only unknown fields were wrong: drop them and parse again to get the typed definition.
  const second = programmeSchema.safeParse(withoutKeys(input, unknownKeys), { error: genericMessage });
  return second.success
    ? { errors: [], warnings, definition: second.data }
    : { errors: flattenIssues(second.error.issues).map(toProblem), warnings };
}

const toProblem = (issue: z.core.$ZodIssue): Problem => ({ path: formatPath(issue.path), message: issue.message });

/**
 * Replaces a failed union by the issues of the branch that matches the
 * value's type (e.g. the object form of a date), when exactly one does.
 */
function flattenIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union') return [issue];
    const relevant = issue.errors.filter((branch) => !branch.every(isTypeMismatchAtRoot));
    if (relevant.length !== 1) return [issue];
    return flattenIssues(relevant[0].map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue));
  });
}

function isTypeMismatchAtRoot(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.path.length === 0;
}

/** Messages for issues the schema has no specific message for. */
function genericMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const path = issue.path ?? [];
  const missing =
    issue.input === undefined && ['invalid_type', 'invalid_union', 'invalid_value'].includes(issue.code ?? '');
  if (missing) {
    return path.length === 0
      ? 'The definition is empty.'
      : `Required field '${String(path[path.length - 1])}' is missing.`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${describeType(issue.expected)}, but found ${describeValue(issue.input)}.`;
    case 'invalid_union': {
      // When no branch accepts the value's type, say which types would do.
      const expected = issue.errors
        .flat()
        .filter(isTypeMismatchAtRoot)
        .map((i) => describeType((i as { expected: string }).expected));
      return expected.length === issue.errors.length
        ? `Expected ${[...new Set(expected)].join(' or ')}, but found ${describeValue(issue.input)}.`
        : 'Has an unexpected form.';
    }
    case 'too_small':
      if (issue.origin === 'array') return `Needs at least ${issue.minimum} item(s).`;
      if (issue.origin === 'string') return 'Must not be empty.';
      return `Must be at least ${issue.minimum}.`;
    case 'too_big':
      return `Must be at most ${issue.maximum}.`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return 'Is not in the expected format.';
    case 'invalid_key':
      return 'Has an invalid key.';
    default:
      return undefined;
  }
}

function describeType(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of fields',
    record: 'a mapping of fields',
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'a mapping of fields';
  return `${typeof value} ${String(value)}`;
}

/** A copy of the input without the fields zod reported as unknown. */
function withoutKeys(input: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy = deepCopy(input);
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    let node: unknown = copy;
    for (const part of issue.path)
      node = isObject(node) || Array.isArray(node) ? (node as Raw)[part as string] : undefined;
    if (isObject(node)) for (const key of issue.keys) delete node[key];
  }
  return copy;
}

function deepCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCopy(v)]));
  return value;
}

// ---------------------------------------------------------------------------
// 2. Cross-field checks on raw input

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const field = (v: unknown, key: string): unknown => (isObject(v) ? v[key] : undefined);

/** Phase codes may be written as numbers in YAML. */
function codeOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  return typeof v === 'number' && Number.isInteger(v) ? String(v) : undefined;
}

function validYear(v: unknown): number | undefined {
  return Number.isInteger(v) && (v as number) >= MIN_YEAR && (v as number) <= MAX_YEAR ? (v as number) : undefined;
}

class Collector {
  readonly problems: Problem[] = [];
  add(path: PathPart[], message: string): void {
    this.problems.push({ path: formatPath(path), message });
  }
}

interface Context {
  out: Collector;
  year?: number;
  cal: WorkCalendar;
  people?: ReadonlySet<string>;
  meetings?: ReadonlySet<string>;
}

function crossFieldErrors(input: unknown): Problem[] {
  if (!isObject(input)) return [];
  const ctx: Context = {
    out: new Collector(),
    year: validYear(input.year),
    // Only working days matter here, so the zone is irrelevant; holidays and closed days are read leniently.
    cal: new WorkCalendar({
      timezone: 'UTC',
      holidays: input.holidays === 'none' ? 'none' : 'dk',
      closedDays: list(input.closedDays).filter(isValidIsoDate),
    }),
    people: isObject(input.people) ? new Set(Object.keys(input.people)) : undefined,
  };
  list(input.secretariat).forEach((v, i) => checkPersonRef(ctx, ['secretariat', i], v));
  list(field(input.steeringGroup, 'members')).forEach((v, i) =>
    checkPersonRef(ctx, ['steeringGroup', 'members', i], v),
  );
  list(field(input.committee, 'members')).forEach((v, i) => checkPersonRef(ctx, ['committee', 'members', i], v));
  if (isObject(input.committee)) ctx.meetings = checkMeetings(ctx, list(input.committee.meetings));
  const subs = list(input.subAnalyses);
  checkUnique(
    ctx,
    subs,
    (s) => field(s, 'id'),
    (i) => ['subAnalyses', i, 'id'],
    usedTwice('Sub-analysis id'),
  );
  subs.forEach((sub, i) => checkSubAnalysis(ctx, sub, i));
  checkTexts(ctx, input);
  return ctx.out.problems;
}

/** No control characters in any text (tabs and line breaks aside); e-mail addresses within RFC 5321's lengths. */
function checkTexts(ctx: Context, input: Raw): void {
  for (const { path, text, key } of stringsIn(input)) {
    if (hasControlCharacters(text)) {
      ctx.out.add(path, 'Must not contain control characters (such as \\u0000).');
    } else if (key === 'email' && !emailWithinLimits(text)) {
      ctx.out.add(
        path,
        `An e-mail address may be at most ${EMAIL_MAX} characters, and the part before the @ at most ${EMAIL_LOCAL_MAX}.`,
      );
    }
  }
}

function checkPersonRef(ctx: Context, path: PathPart[], v: unknown): void {
  if (ctx.people && typeof v === 'string' && v !== '' && !ctx.people.has(v)) {
    ctx.out.add(path, `Unknown person '${v}'; every person must be listed under people.`);
  }
}

/** Reports repeated ids; returns each id's first index. */
function checkUnique(
  ctx: Context,
  items: readonly unknown[],
  idOf: (item: unknown) => unknown,
  pathOf: (index: number) => PathPart[],
  message: (id: string, firstPath: string) => string,
): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const id = codeOf(idOf(item));
    if (id === undefined) return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else ctx.out.add(pathOf(i), message(id, formatPath(pathOf(earlier))));
  });
  return first;
}

const usedTwice = (what: string) => (id: string, firstPath: string) =>
  `${what} '${id}' is used more than once (first at ${firstPath}).`;

function weekProblem(weekYear: number | undefined, week: number): string | undefined {
  if (week < 1) return `Week ${week} does not exist; weeks are numbered from 1.`;
  if (weekYear !== undefined) {
    const max = weeksInYear(weekYear);
    return week > max ? `Week ${week} does not exist in ${weekYear}, which has ${max} weeks.` : undefined;
  }
  return week > 53 ? `Week ${week} does not exist; a year has at most 53 weeks.` : undefined;
}

/** Checks a date spec's week and resolves it, or returns undefined if it cannot be resolved. */
function checkDateSpec(ctx: Context, path: PathPart[], v: unknown): IsoDate | undefined {
  if (!isDateSpecLike(v)) return undefined;
  if (typeof v === 'string') return v;
  const weekYear = v.year !== undefined ? validYear(v.year) : ctx.year;
  const problem = weekProblem(weekYear, v.week);
  if (problem) ctx.out.add([...path, 'week'], problem);
  return problem || weekYear === undefined ? undefined : resolveDateSpec(v, weekYear, ctx.cal);
}

function checkMeetings(ctx: Context, meetings: unknown[]): Set<string> {
  const ids = checkUnique(
    ctx,
    meetings,
    (m) => field(m, 'id'),
    (i) => ['committee', 'meetings', i, 'id'],
    usedTwice('Meeting id'),
  );
  meetings.forEach((m, i) => {
    const path = ['committee', 'meetings', i];
    const date = checkDateSpec(ctx, [...path, 'date'], field(m, 'date'));
    const materialDue = checkDateSpec(ctx, [...path, 'materialDue'], field(m, 'materialDue'));
    if (date && materialDue && compareDates(materialDue, date) > 0) {
      ctx.out.add(
        [...path, 'materialDue'],
        `Material is due on ${materialDue}, after the meeting on ${date}; it must be due on or before the meeting date.`,
      );
    }
  });
  return new Set(ids.keys());
}

function checkSubAnalysis(ctx: Context, sub: unknown, i: number): void {
  if (!isObject(sub)) return;
  const base: PathPart[] = ['subAnalyses', i];
  if (sub.projectOwner !== undefined) checkPersonRef(ctx, [...base, 'projectOwner'], sub.projectOwner);
  list(sub.projectLeads).forEach((v, j) => checkPersonRef(ctx, [...base, 'projectLeads', j], v));

  const phases = list(sub.phases);
  const codes = checkUnique(
    ctx,
    phases,
    (p) => field(p, 'code'),
    (j) => [...base, 'phases', j, 'code'],
    usedTwice('Phase code'),
  );
  phases.forEach((p, j) => {
    if (!isObject(p)) return;
    const path = [...base, 'phases', j];
    checkPhaseWeeks(ctx, p, path);
    list(p.after).forEach((a, k) => {
      const code = codeOf(a);
      if (code !== undefined && !codes.has(code)) {
        ctx.out.add(
          [...path, 'after', k],
          `Unknown phase '${code}'; 'after' must name phases of the same sub-analysis.`,
        );
      }
    });
    checkMeetingRef(ctx, [...path, 'gate', 'meeting'], field(p.gate, 'meeting'));
  });
  checkCycles(ctx, phases, codes, base);

  const deliverables = list(sub.deliverables);
  checkUnique(
    ctx,
    deliverables,
    (d) => field(d, 'meeting'),
    (k) => [...base, 'deliverables', k, 'meeting'],
    (id, firstPath) => `This sub-analysis already has a deliverable for meeting '${id}' (at ${firstPath}).`,
  );
  deliverables.forEach((d, k) => {
    const path = [...base, 'deliverables', k];
    checkMeetingRef(ctx, [...path, 'meeting'], field(d, 'meeting'));
    const producedBy = codeOf(field(d, 'producedBy'));
    if (producedBy !== undefined && !codes.has(producedBy)) {
      ctx.out.add([...path, 'producedBy'], `Unknown phase '${producedBy}'; it must be a phase of this sub-analysis.`);
    }
  });
}

function checkMeetingRef(ctx: Context, path: PathPart[], v: unknown): void {
  if (ctx.meetings && typeof v === 'string' && v !== '' && !ctx.meetings.has(v)) {
    ctx.out.add(path, `Unknown meeting '${v}'; it must be the id of a committee meeting.`);
  }
}

function checkPhaseWeeks(ctx: Context, p: Raw, path: PathPart[]): void {
  const hasWeeks = p.weeks !== undefined;
  const hasFrom = p.from !== undefined;
  const hasTo = p.to !== undefined;
  if (hasWeeks && (hasFrom || hasTo)) {
    ctx.out.add([...path, hasFrom ? 'from' : 'to'], "Give either 'weeks' or 'from' and 'to', not both.");
    return;
  }
  if (!hasWeeks && !hasFrom && !hasTo) {
    ctx.out.add([...path, 'weeks'], "Required field 'weeks' is missing (or give 'from' and 'to').");
    return;
  }
  if (hasFrom !== hasTo) {
    ctx.out.add(
      [...path, hasFrom ? 'to' : 'from'],
      `Required field '${hasFrom ? 'to' : 'from'}' is missing; 'from' and 'to' go together.`,
    );
    return;
  }
  if (hasWeeks) {
    const weeks = parseWeeksField(p.weeks);
    if (!weeks) return; // the schema reports the format
    const problem = weekProblem(ctx.year, weeks.first) ?? weekProblem(ctx.year, weeks.last);
    if (problem) ctx.out.add([...path, 'weeks'], problem);
    else if (weeks.last < weeks.first) {
      ctx.out.add(
        [...path, 'weeks'],
        `The weeks run backwards (${weeks.first} to ${weeks.last}); write the earlier week first.`,
      );
    }
    return;
  }
  const span = phaseWeekSpan(p, ctx.year ?? 0);
  if (!span) return; // the schema reports the format
  const fromProblem = weekProblem(span.from.weekYear, span.from.week) ?? outsideYears(ctx.year, span.from.weekYear);
  const toProblem = weekProblem(span.to.weekYear, span.to.week) ?? outsideYears(ctx.year, span.to.weekYear);
  if (fromProblem) ctx.out.add([...path, 'from'], fromProblem);
  if (toProblem) ctx.out.add([...path, 'to'], toProblem);
  if (!fromProblem && !toProblem && compareWeeks(span.from, span.to) > 0) {
    ctx.out.add([...path, 'to'], `'to' (${p.to}) is before 'from' (${p.from}); the weeks must run forward.`);
  }
}

/** A programme runs in its year; a phase may reach into the next one (across New Year), no further. */
function outsideYears(year: number | undefined, weekYear: number): string | undefined {
  if (year === undefined || weekYear === year || weekYear === year + 1) return undefined;
  return `Must be a week of ${year} or ${year + 1}, the years the programme runs in.`;
}

/** Reports each cycle in 'after' once, at the reference that closes it. */
function checkCycles(ctx: Context, phases: unknown[], codes: ReadonlyMap<string, number>, base: PathPart[]): void {
  const afterOf = (index: number): (string | undefined)[] => list(field(phases[index], 'after')).map(codeOf);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();

  const visit = (code: string): void => {
    state.set(code, 'open');
    stack.push(code);
    const index = codes.get(code)!;
    afterOf(index).forEach((next, k) => {
      if (next === undefined || !codes.has(next)) return;
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const id = [...new Set(cycle)].sort().join('\u0000');
        if (reported.has(id)) return;
        reported.add(id);
        ctx.out.add(
          [...base, 'phases', index, 'after', k],
          cycle.length === 2
            ? `Phase '${code}' waits for itself.`
            : `The phases wait for each other in a cycle: ${cycle.join(' → ')} (each waits for the next).`,
        );
      } else if (!state.has(next)) {
        visit(next);
      }
    });
    stack.pop();
    state.set(code, 'done');
  };
  for (const code of codes.keys()) if (!state.has(code)) visit(code);
}

// ---------------------------------------------------------------------------
// 3. Warnings on a valid definition

function planWarnings(def: ProgrammeDefinition, plan: ProgrammePlan): Problem[] {
  const out = new Collector();
  const cal = calendarOfDefinition(def);
  warnSharedEmails(out, def);
  const meetingById = new Map(plan.meetings.map((m) => [m.id, m]));

  def.committee.meetings.forEach((m, i) => {
    const planned = meetingById.get(m.id)!;
    const path = ['committee', 'meetings', i];
    for (const [key, date] of [
      ['date', planned.date],
      ['materialDue', planned.materialDue],
    ] as const) {
      const reason = cal.nonWorkingReason(date);
      if (reason) out.add([...path, key], `${date} is not a working day (${reason}).`);
    }
    if (compareDates(planned.packageDate, planned.materialDue) < 0) {
      out.add(
        [...path, 'materialDue'],
        `The meeting package is sent on ${planned.packageDate}, before the material is due on ${planned.materialDue}.`,
      );
    }
  });

  plan.subAnalyses.forEach((planned, i) => {
    const phaseByCode = new Map(planned.phases.map((p) => [p.code, p]));
    planned.phases.forEach((p, j) => {
      const path = ['subAnalyses', i, 'phases', j];
      const dueWeek = isoWeekOf(p.due).week;
      if (dueWeek >= SUMMER_WEEKS.first && dueWeek <= SUMMER_WEEKS.last) {
        out.add(
          path,
          `Phase ${p.code} is due on ${p.due} (week ${dueWeek}), inside the summer holiday weeks ${SUMMER_WEEKS.first}–${SUMMER_WEEKS.last}.`,
        );
      }
      p.after.forEach((code, k) => {
        const before = phaseByCode.get(code);
        if (before && compareDates(p.plannedStart, before.due) < 0) {
          out.add(
            [...path, 'after', k],
            `Phase ${p.code} is planned to start on ${p.plannedStart}, before phase ${code} it waits for is due on ${before.due}.`,
          );
        }
      });
      const gateMeeting = p.gate && meetingById.get(p.gate.meeting);
      if (gateMeeting && compareDates(p.plannedStart, gateMeeting.date) < 0) {
        out.add(
          [...path, 'gate', 'meeting'],
          `Phase ${p.code} is planned to start on ${p.plannedStart}, but waits for the meeting on ${gateMeeting.date}.`,
        );
      }
    });
    planned.deliverables.forEach((d, k) => {
      const late = d.producedBy
        .map((code) => phaseByCode.get(code)!)
        .filter((p) => compareDates(d.materialDue, p.due) < 0);
      if (late.length === 0) return;
      const phases = late.map((p) => `${p.code} (due ${p.due})`);
      const named =
        phases.length === 1
          ? `phase ${phases[0]}`
          : `phases ${phases.slice(0, -1).join(', ')} and ${phases[phases.length - 1]}`;
      out.add(
        ['subAnalyses', i, 'deliverables', k],
        `The material for meeting '${d.meeting}' is due on ${d.materialDue}, before ${named}, which should produce it.`,
      );
    });
  });
  return out.problems;
}

function warnSharedEmails(out: Collector, def: ProgrammeDefinition): void {
  const firstKey = new Map<string, string>();
  for (const [key, person] of Object.entries(def.people)) {
    const email = person.email.toLowerCase();
    const other = firstKey.get(email);
    if (other === undefined) firstKey.set(email, key);
    else
      out.add(
        ['people', key, 'email'],
        `The e-mail ${person.email} is also used by '${other}'; both keys are the same person.`,
      );
  }
}
