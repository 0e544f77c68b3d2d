/**
 * spor CLI for programme files:
 *   validate <file>                          problems and warnings with their paths; exit 1 on errors
 *   plan <file> [--schedule] [--json] [--year <year>]
 *                                            the dated plan by week, meetings, and optionally every event
 *   rehearse <file> [--scenario <file>] [--json]
 *                                            the programme's own workflows on a time-skipping server, in-process:
 *                                            every e-mail, document and step by week, and a summary
 *
 * `run` is exported so tests can call it without spawning a process.
 */
import { readFileSync } from 'fs';
import { Command, CommanderError } from 'commander';
import {
  IsoDate,
  ProgrammePlan,
  ScheduledEvent,
  ValidationResult,
  compareDates,
  computePlan,
  computeSchedule,
  instantiateForYear,
  isoWeekday,
  parseDefinition,
  validateDefinition,
} from '../../libs/plan';
import { parse as parseYaml } from 'yaml';
import { type RehearsalEvent, byWeek, checkScenario } from '../../libs/rehearsal';
import type { RehearsalResult } from '../rehearsal/runner';
import {
  EVENT_KIND,
  EVENT_NOTE,
  REHEARSAL_EVENT_TYPE,
  REHEARSAL_TEXT as T,
  WEEKDAY_NAMES,
  danishDate,
  toDanish,
} from '../../libs/texts';

type Write = (text: string) => void;

export async function run(argv: string[], out: Write, err: Write): Promise<number> {
  let exitCode = 0;
  const program = new Command('spor')
    .description('Tjek og vis planer for analyseprogrammer')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out(s.replace(/\n$/, '')), writeErr: (s) => err(s.replace(/\n$/, '')) });

  program
    .command('validate')
    .description('Tjek en programdefinition (YAML eller JSON)')
    .argument('<file>', 'programfilen')
    .action((file: string) => {
      const result = readDefinition(file, err);
      if (!result) return void (exitCode = 1);
      printProblems(result, out, err);
      exitCode = result.valid ? 0 : 1;
      if (result.valid && result.definition) {
        const d = result.definition;
        out(`Gyldig: ${d.id} (${d.subAnalyses.length} analysespor, ${d.committee.meetings.length} møder)`);
      }
    });

  program
    .command('plan')
    .description('Vis planen uge for uge')
    .argument('<file>', 'programfilen')
    .option('--schedule', 'vis også alle hændelser: påmindelser, frister, møder, statusrapporter')
    .option('--json', 'skriv planen som JSON')
    .option('--year <year>', 'samme plan for et andet år', (v) => {
      if (!/^\d{4}$/.test(v)) throw new CommanderError(1, 'spor.invalidYear', `Ugyldigt år: ${v}`);
      return Number(v);
    })
    .action((file: string, opts: { schedule?: boolean; json?: boolean; year?: number }) => {
      let result = readDefinition(file, err);
      if (!result) return void (exitCode = 1);
      if (result.valid && result.definition && opts.year !== undefined) {
        result = validateDefinition(instantiateForYear(result.definition, opts.year));
      }
      if (!result.valid || !result.definition) {
        printProblems(result, out, err);
        return void (exitCode = 1);
      }
      const plan = computePlan(result.definition);
      const schedule = opts.schedule ? computeSchedule(plan) : undefined;
      if (opts.json) {
        out(JSON.stringify({ plan, ...(schedule && { schedule }), warnings: result.warnings }, null, 2));
        return;
      }
      printProblems({ ...result, errors: [] }, out, err);
      printPlan(plan, out);
      if (schedule) printSchedule(schedule, out);
    });

  program
    .command('rehearse')
    .description(T.command)
    .argument('<file>', T.fileArgument)
    .option('--scenario <file>', T.scenarioOption)
    .option('--json', T.jsonOption)
    .action(async (file: string, opts: { scenario?: string; json?: boolean }) => {
      const result = readDefinition(file, err);
      if (!result) return void (exitCode = 1);
      if (!result.valid || !result.definition) {
        printProblems(result, out, err);
        return void (exitCode = 1);
      }
      let raw: unknown;
      if (opts.scenario !== undefined) {
        const read = readScenario(opts.scenario, err);
        if (!read.ok) return void (exitCode = 1);
        raw = read.value;
      }
      const { steps, problems } = checkScenario(raw, result.definition);
      if (problems.length > 0) {
        err(T.scenarioProblems(problems.length));
        problems.forEach((p) => err(`  ${p.path}: ${p.message.da}`));
        return void (exitCode = 1);
      }
      // Loaded here so that validate and plan do not load Temporal's worker.
      const { rehearse, RehearsalFailed } = await import('../rehearsal/runner');
      let rehearsal: RehearsalResult;
      try {
        rehearsal = await rehearse({ definition: result.definition, steps });
      } catch (e) {
        if (e instanceof RehearsalFailed) {
          err(`${T.failed} ${e.said.da}`);
          return void (exitCode = 1);
        }
        throw e;
      }
      if (opts.json) out(JSON.stringify(rehearsal, null, 2));
      else printRehearsal(rehearsal, out);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'spor.invalidYear') err(e.message);
      return e.exitCode;
    }
    err(`Fejl: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

function readDefinition(file: string, err: Write): ValidationResult | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    err(`Kan ikke læse ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  return parseDefinition(text, file.toLowerCase().endsWith('.json') ? 'json' : undefined);
}

function printProblems(result: ValidationResult, out: Write, err: Write): void {
  // The plan library words its problems in English; the CLI speaks Danish throughout.
  const line = (p: { path: string; message: string }) => `  ${p.path || '(dokumentet)'}: ${toDanish(p.message)}`;
  if (result.errors.length > 0) {
    err(`Fejl (${result.errors.length}):`);
    result.errors.forEach((p) => err(line(p)));
  }
  if (result.warnings.length > 0) {
    out(`Advarsler (${result.warnings.length}):`);
    result.warnings.forEach((p) => out(line(p)));
    out('');
  }
}

/** A scenario file: a list of steps, or an object with a `scenario` list; YAML or JSON. */
function readScenario(file: string, err: Write): { ok: true; value: unknown } | { ok: false } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    err(T.cannotRead(file, e instanceof Error ? e.message : String(e)));
    return { ok: false };
  }
  try {
    const value: unknown = file.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    const isWrapped = value !== null && typeof value === 'object' && !Array.isArray(value) && 'scenario' in value;
    return { ok: true, value: isWrapped ? (value as { scenario: unknown }).scenario : value };
  } catch (e) {
    err(`${file}: ${T.syntax(e instanceof Error ? e.message : String(e))}`);
    return { ok: false };
  }
}

function eventKind(e: RehearsalEvent): string {
  return (EVENT_KIND as Record<string, string>)[e.kind] ?? e.kind;
}

function printRehearsal({ events, summary }: RehearsalResult, out: Write): void {
  for (const group of byWeek(events)) {
    out(T.week(group.year, group.week));
    out(
      table(
        T.columns,
        group.events.map((e) => [
          e.at.slice(0, 16).replace('T', ' '),
          REHEARSAL_EVENT_TYPE[e.type],
          eventKind(e),
          (e.recipients ?? []).join(', '),
          e.subject ?? e.text ?? e.fileName ?? [e.subAnalysis, e.phase, e.meeting].filter(Boolean).join(' '),
        ]),
      ),
    );
    out('');
  }
  out(`${T.summary}: ${summary.programmeId} (${summary.year})`);
  out(`  ${T.period}: ${summary.from.slice(0, 10)} – ${summary.until.slice(0, 10)}`);
  out(`  ${T.emails}: ${summary.emails}`);
  out(`  ${T.documents}: ${summary.documents}`);
  out(`  ${T.escalations}: ${summary.escalations.length}`);
  out(`  ${T.refused}: ${summary.refused}`);
  out(`  ${T.overdue}: ${summary.overdue.length}`);
  summary.overdue.forEach((o) => out(`    ${o.subAnalysis} ${o.phase ?? o.meeting ?? ''} (${o.due})`));
  out(`  ${T.perPerson}:`);
  Object.entries(summary.emailsPerPerson)
    .sort(([a], [b]) => a.localeCompare(b))
    .forEach(([who, n]) => out(`    ${who}: ${n}`));
  out(T.took(summary.tookMs));
}

/** 'man 2025-03-17': compact, for the tables' columns. */
function day(date: IsoDate): string {
  return `${WEEKDAY_NAMES[isoWeekday(date) - 1].slice(0, 3)} ${date}`;
}

/** Left-aligned columns separated by two spaces, with a rule under the header. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)].join('\n');
}

function printPlan(plan: ProgrammePlan, out: Write): void {
  out(`${plan.title} (${plan.programmeId})`);
  out(`${danishDate(plan.starts)} – ${danishDate(plan.ends)}, tidszone ${plan.timezone}`);
  out('');
  const rows = plan.subAnalyses
    .flatMap((s) => s.phases.map((p) => ({ s, p })))
    .sort((a, b) => compareDates(a.p.plannedStart, b.p.plannedStart) || compareDates(a.p.due, b.p.due))
    .map(({ s, p }) => [p.weeks, s.id, p.code, p.title, day(p.plannedStart), day(p.due)]);
  out(table(['Uge', 'Analysespor', 'Fase', 'Titel', 'Planlagt start', 'Frist'], rows));
  if (plan.meetings.length > 0) {
    out('');
    out(
      table(
        ['Møde', 'Dato', 'Uge', 'Materialefrist', 'Pakke udsendes'],
        plan.meetings.map((m) => [m.title, day(m.date), String(m.week), day(m.materialDue), day(m.packageDate)]),
      ),
    );
  }
}

function printSchedule(events: ScheduledEvent[], out: Write): void {
  out('');
  out(
    table(
      ['Tidspunkt', 'Uge', 'Hændelse', 'Titel', 'Modtagere'],
      events.map((e) => [
        e.allDay ? e.date : e.at.slice(0, 16).replace('T', ' '),
        String(e.week),
        EVENT_KIND[e.kind],
        e.conditional ? `${e.title} (${EVENT_NOTE.conditional})` : e.title,
        String(e.recipients.length),
      ]),
    ),
  );
}

if (require.main === module) {
  run(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  ).then((code) => {
    process.exitCode = code;
  });
}
