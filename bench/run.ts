/**
 * `npm run bench`: Spor's benchmarks, printed as a Markdown table and written to
 * bench/results.md.
 *
 *   node dist/bench/run.js [--only <bench>[,<bench>…]] [options]
 *
 *   --only <benches>           complete-phase, status, start, storm, rehearsal (default: all)
 *   --n <count>                complete-phase: measured completions per method (100)
 *   --warmup <count>           complete-phase: warm-up completions per method (10)
 *   --sub-analyses <count>     complete-phase: sub-analyses the phases are spread over (30)
 *   --layout chain|parallel    complete-phase: phases one after another, or side by side (chain)
 *   --status-sub-analyses <n>  status: running sub-analyses (1000)
 *   --status-n <count>         status: measured status requests (100)
 *   --query-rounds <count>     status: measured rounds of querying every workflow (10)
 *   --start-sub-analyses <n>   start: sub-analyses of the programme started via POST …/start (1000)
 *   --start-timeout <s>        start: how long to wait for all of them to run (120)
 *   --storm-n <count>          storm: reminders due at the same instant (200)
 *   --storm-runs <runs>        storm: which of bare,one,two,kill (all)
 *   --rehearsal-sub-analyses <n>  rehearsal: sub-analyses of the larger programme rehearsed after Aarhus (50)
 *   --out <file>               where to write the results ('-': nowhere; default bench/results.md)
 *
 * Everything runs against an embedded Temporal dev server the bench starts (in memory,
 * free port) and Spor's worker and API started in this process, on temporary SQLite
 * databases. Latencies are wall-clock times of single sequential requests.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../libs/temporal';
import {
  COMPLETE_PHASE_DEFAULTS,
  type CompletePhaseOptions,
  type CompletePhaseResult,
  runCompletePhaseBench,
} from './complete-phase.bench';
import { STATUS_DEFAULTS, type StatusOptions, type StatusResult, runStatusBench } from './status.bench';
import { START_DEFAULTS, type StartOptions, type StartResult, runStartBench } from './start.bench';
import { REHEARSAL_DEFAULTS, type RehearsalOptions, type RehearsalResult, runRehearsalBench } from './rehearsal.bench';
import { STORM_DEFAULTS, type StormOptions, type StormResult, type StormRunName, runStormBench } from './storm.bench';
import { startBenchServer } from './support/boot';
import { ms } from './support/stats';

const BENCHES = ['complete-phase', 'status', 'start', 'storm', 'rehearsal'] as const;
type BenchName = (typeof BENCHES)[number];

/**
 * Goals from the issues "Sub-analysis workflows", "A thousand sub-analyses on one small
 * worker" and "Rehearse a programme before it runs".
 */
const GOAL_RATIO = 1.3;
const GOAL_STATUS_P99_MS = 50;
const GOAL_STATUS_SPEEDUP = 20;
const GOAL_WORKER_PEAK_MB = 300;
const GOAL_START_ANSWER_MS = 5_000;
const GOAL_START_ALL_RUNNING_S = 30;
const GOAL_STORM_RATIO = 1.5;
const GOAL_FLOOR_RATIO = 2;
const GOAL_REHEARSAL_AARHUS_S = 15;
const GOAL_REHEARSAL_LARGER_S = 60;

interface Args {
  benches: BenchName[];
  complete: CompletePhaseOptions;
  status: StatusOptions;
  start: StartOptions;
  storm: StormOptions;
  rehearsal: RehearsalOptions;
  out: string | undefined;
}

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      n: { type: 'string' },
      warmup: { type: 'string' },
      'sub-analyses': { type: 'string' },
      layout: { type: 'string' },
      'status-sub-analyses': { type: 'string' },
      'status-n': { type: 'string' },
      'query-rounds': { type: 'string' },
      'start-sub-analyses': { type: 'string' },
      'start-timeout': { type: 'string' },
      'storm-n': { type: 'string' },
      'storm-runs': { type: 'string' },
      'rehearsal-sub-analyses': { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const count = (name: keyof typeof values, fallback: number, min = 1): number => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return value;
  };
  if (values.layout !== undefined && values.layout !== 'chain' && values.layout !== 'parallel') {
    throw new Error('--layout must be chain or parallel');
  }
  const only = values.only?.split(',') ?? [...BENCHES];
  if (only.some((b) => !BENCHES.includes(b as BenchName))) throw new Error(`--only takes ${BENCHES.join(', ')}`);
  const runs = values['storm-runs']?.split(',') ?? STORM_DEFAULTS.runs;
  if (runs.some((r) => !STORM_DEFAULTS.runs.includes(r as StormRunName))) {
    throw new Error(`--storm-runs takes ${STORM_DEFAULTS.runs.join(', ')}`);
  }
  return {
    benches: only as BenchName[],
    complete: {
      n: count('n', COMPLETE_PHASE_DEFAULTS.n),
      warmup: count('warmup', COMPLETE_PHASE_DEFAULTS.warmup, 0),
      subAnalyses: count('sub-analyses', COMPLETE_PHASE_DEFAULTS.subAnalyses),
      layout: (values.layout as CompletePhaseOptions['layout'] | undefined) ?? COMPLETE_PHASE_DEFAULTS.layout,
    },
    status: {
      subAnalyses: count('status-sub-analyses', STATUS_DEFAULTS.subAnalyses),
      n: count('status-n', STATUS_DEFAULTS.n),
      warmup: STATUS_DEFAULTS.warmup,
      queryRounds: count('query-rounds', STATUS_DEFAULTS.queryRounds),
    },
    start: {
      subAnalyses: count('start-sub-analyses', START_DEFAULTS.subAnalyses),
      timeoutSeconds: count('start-timeout', START_DEFAULTS.timeoutSeconds),
    },
    storm: { n: count('storm-n', STORM_DEFAULTS.n), runs: runs as StormRunName[] },
    rehearsal: { subAnalyses: count('rehearsal-sub-analyses', REHEARSAL_DEFAULTS.subAnalyses) },
    out: values.out === '-' ? undefined : path.resolve(values.out ?? path.join(PROJECT_ROOT, 'bench', 'results.md')),
  };
}

function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown CPU';
  const ram = Math.round(os.totalmem() / 2 ** 30);
  return `${cpus.length} × ${model}, ${ram} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const fmtMb = (mb: number | undefined) => (mb === undefined ? '–' : `${mb.toFixed(0)} MB`);
const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const loadNow = () => os.loadavg()[0].toFixed(1);

function table(
  complete: CompletePhaseResult | undefined,
  status: StatusResult | undefined,
  storm: StormResult | undefined,
): string[] {
  const rows = ['| bench | series | n | p50 ms | p99 ms | mean ms | notes |', '|---|---|--:|--:|--:|--:|---|'];
  if (complete) {
    const { http, update, options, phasesPerSubAnalysis } = complete;
    const layout =
      options.layout === 'chain' ? 'phases in a chain (one active at a time)' : 'phases side by side (all active)';
    const setup = `${options.subAnalyses} sub-analyses × ${phasesPerSubAnalysis} ${layout}, ${options.warmup} warm-up each`;
    rows.push(
      `| complete a phase | HTTP \`POST …/phases/{code}/complete\` | ${http.n} | ${ms(http.p50)} | ${ms(http.p99)} | ${ms(http.mean)} | ${setup} |`,
      `| complete a phase | bare Temporal Update \`executeUpdate(completePhaseUpdate)\` | ${update.n} | ${ms(update.p50)} | ${ms(update.p99)} | ${ms(update.mean)} | same server, worker and client |`,
      `| complete a phase | floor: no-op Update to a bare workflow | ${complete.floor.n} | ${ms(complete.floor.p50)} | ${ms(complete.floor.p99)} | ${ms(complete.floor.mean)} | own worker process, same server |`,
      `| complete a phase | ratio HTTP / Update | | ${complete.ratioP50.toFixed(2)} | ${complete.ratioP99.toFixed(2)} | ${(http.mean / update.mean).toFixed(2)} | goal ≤ ${GOAL_RATIO}: p50 ${verdict(complete.ratioP50 <= GOAL_RATIO)}, p99 ${verdict(complete.ratioP99 <= GOAL_RATIO)} |`,
    );
  }
  if (status) {
    const s = status.options.subAnalyses.toLocaleString('en');
    const kb = `${Math.round(status.responseBytes / 1024)} KiB answer`;
    rows.push(
      `| status, ${s} running | HTTP \`GET …/status\` (read model) | ${status.status.n} | ${ms(status.status.p50)} | ${ms(status.status.p99)} | ${ms(status.status.mean)} | goal p99 ≤ ${GOAL_STATUS_P99_MS} ms: ${verdict(status.status.p99 <= GOAL_STATUS_P99_MS)}; ${kb}; peak RSS ${fmtMb(status.peakRssStatusMb)} |`,
      `| status, ${s} running | \`stateQuery\` on every workflow, all at once | ${status.query.n} | ${ms(status.query.p50)} | ${ms(status.query.p99)} | ${ms(status.query.mean)} | peak RSS ${fmtMb(status.peakRssQueryMb)}; snapshots only |`,
    );
  }
  if (storm) {
    for (const run of Object.values(storm.runs)) {
      const what = {
        bare: 'bare workflow: timer + no-op activity',
        one: 'Spor, one worker, e-mail to SMTP',
        two: 'Spor, two workers, e-mail to SMTP',
        kill: 'Spor, two workers, one SIGKILLed mid-storm',
      }[run.name];
      const notes =
        `last ${ms(run.lastMs)} ms after T; ${run.delivered}/${run.n} delivered, ${run.duplicates} twice, ${run.missing} leads without` +
        (run.killedAfter !== undefined ? `; killed after ${run.killedAfter}` : '') +
        `; started in ${run.startSeconds.toFixed(0)} s`;
      rows.push(
        `| reminder storm, ${run.n} at T | ${what} (lateness) | ${run.lateness.n} | ${ms(run.lateness.p50)} | ${ms(run.lateness.p99)} | ${ms(run.lateness.mean)} | ${notes} |`,
      );
    }
  }
  return rows;
}

interface Goal {
  goal: string;
  measured: string;
  met: boolean | undefined;
}

/** One row per goal of the issues "A thousand sub-analyses on one small worker" and "Rehearse a programme". */
function goals(
  complete: CompletePhaseResult | undefined,
  status: StatusResult | undefined,
  start: StartResult | undefined,
  storm: StormResult | undefined,
  rehearsal: RehearsalResult | undefined,
): string[] {
  const rows: Goal[] = [];
  if (status) {
    const n = status.options.subAnalyses;
    const perWorkflowKb =
      status.workerRssAfterMb !== undefined && status.workerRssBeforeMb !== undefined
        ? ((status.workerRssAfterMb - status.workerRssBeforeMb) * 1000) / n
        : undefined;
    rows.push({
      goal: `1. worker peak RSS ≤ ${GOAL_WORKER_PEAK_MB} MB with ${n.toLocaleString('en')} running`,
      measured:
        `peak ${fmtMb(status.workerPeakRssMb)}; ${fmtMb(status.workerRssBeforeMb)} idle → ${fmtMb(status.workerRssAfterMb)} with all cached` +
        (perWorkflowKb !== undefined ? ` (${perWorkflowKb.toFixed(0)} KB per cached workflow)` : ''),
      met: status.workerPeakRssMb === undefined ? undefined : status.workerPeakRssMb <= GOAL_WORKER_PEAK_MB,
    });
    const speedup = status.query.p50 / status.status.p50;
    rows.push({
      goal: `2. status p99 ≤ ${GOAL_STATUS_P99_MS} ms, ≥ ${GOAL_STATUS_SPEEDUP}× querying every workflow`,
      measured: `p99 ${ms(status.status.p99)} ms (p50 ${ms(status.status.p50)}); query-all p50 ${ms(status.query.p50)} ms: ${speedup.toFixed(0)}× at p50; ${Math.round(status.responseBytes / 1024)} KiB`,
      met: status.status.p99 <= GOAL_STATUS_P99_MS && speedup >= GOAL_STATUS_SPEEDUP,
    });
  }
  if (start) {
    const n = start.options.subAnalyses.toLocaleString('en');
    const history =
      start.historyEvents !== undefined
        ? `; programme history ${start.historyEvents} events, ${((start.historyBytes ?? 0) / 2 ** 20).toFixed(2)} MiB`
        : '';
    rows.push({
      goal: `3. \`POST …/start\` of ${n} ≤ ${GOAL_START_ANSWER_MS / 1000} s, all running ≤ ${GOAL_START_ALL_RUNNING_S} s`,
      measured:
        `answer ${start.answerStatus} in ${ms(start.answerMs)} ms; ` +
        (start.allRunningSeconds !== undefined
          ? `all running after ${start.allRunningSeconds.toFixed(1)} s`
          : `${start.running} running after ${start.options.timeoutSeconds} s`) +
        history,
      met:
        start.answerStatus < 300 &&
        start.answerMs <= GOAL_START_ANSWER_MS &&
        start.allRunningSeconds !== undefined &&
        start.allRunningSeconds <= GOAL_START_ALL_RUNNING_S,
    });
  }
  if (storm) {
    const { bare, one, two, kill } = storm.runs;
    if (bare && one) {
      const ratio = one.lastMs / bare.lastMs;
      rows.push({
        goal: `4. storm of ${one.n}: time to the last reminder ≤ ${GOAL_STORM_RATIO}× the bare workflow's`,
        measured: `Spor ${(one.lastMs / 1000).toFixed(1)} s (p50 lateness ${ms(one.lateness.p50)} ms, p99 ${ms(one.lateness.p99)}) vs bare ${(bare.lastMs / 1000).toFixed(1)} s: ${ratio.toFixed(2)}×`,
        met: ratio <= GOAL_STORM_RATIO && one.delivered === one.n,
      });
    }
    if (one && two) {
      const ratio = two.lastMs / one.lastMs;
      rows.push({
        goal: '5a. two workers: shorter time to the last reminder than one',
        measured: `two ${(two.lastMs / 1000).toFixed(1)} s vs one ${(one.lastMs / 1000).toFixed(1)} s: ${ratio.toFixed(2)}×`,
        met: ratio < 1 && two.delivered === two.n,
      });
    }
    if (kill) {
      rows.push({
        goal: '5b. one of two workers SIGKILLed mid-storm: every reminder exactly once',
        measured: `${kill.delivered}/${kill.n} delivered, ${kill.duplicates} twice, ${kill.missing} leads without; last ${(kill.lastMs / 1000).toFixed(1)} s after T`,
        met: kill.delivered === kill.n && kill.duplicates === 0 && kill.missing === 0,
      });
    }
  }
  if (complete) {
    rows.push({
      goal: `6. complete a phase over HTTP ≤ ${GOAL_FLOOR_RATIO}× a no-op Update at p50`,
      measured: `HTTP p50 ${ms(complete.http.p50)} ms vs no-op Update ${ms(complete.floor.p50)} ms: ${complete.floorRatioP50.toFixed(2)}×`,
      met: complete.floorRatioP50 <= GOAL_FLOOR_RATIO,
    });
  }
  if (rehearsal) {
    for (const [run, goalS] of [
      [rehearsal.aarhus, GOAL_REHEARSAL_AARHUS_S],
      [rehearsal.larger, GOAL_REHEARSAL_LARGER_S],
    ] as const) {
      rows.push({
        goal: `7. rehearse ${run.programme} (${run.subAnalyses} sub-analyses) ≤ ${goalS} s, server start included`,
        measured: `${(run.tookMs / 1000).toFixed(1)} s; ${run.emails} e-mails, ${run.documents} documents`,
        met: run.tookMs <= goalS * 1000,
      });
    }
  }
  return [
    '| goal | measured (baseline from the same run) | |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.goal} | ${r.measured} | ${r.met === undefined ? 'not measured' : verdict(r.met)} |`),
  ];
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const log = (line: string) => console.error(`[bench] ${line}`);
  const begun = process.hrtime.bigint();
  const loadAtStart = loadNow();
  log('starting the Temporal dev server');
  const server = await startBenchServer();
  let complete: CompletePhaseResult | undefined;
  let status: StatusResult | undefined;
  let start: StartResult | undefined;
  let storm: StormResult | undefined;
  let rehearsal: RehearsalResult | undefined;
  try {
    if (args.benches.includes('complete-phase')) complete = await runCompletePhaseBench(server, args.complete, log);
    if (args.benches.includes('status')) status = await runStatusBench(server, args.status, log);
    if (args.benches.includes('start')) start = await runStartBench(server, args.start, log);
    if (args.benches.includes('storm')) storm = await runStormBench(server, args.storm, log);
    // Last: a rehearsal starts its own time-skipping server and needs no dev server.
    if (args.benches.includes('rehearsal')) rehearsal = await runRehearsalBench(args.rehearsal, log);
  } finally {
    await server.stop();
  }
  const seconds = Number(process.hrtime.bigint() - begun) / 1e9;

  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; whole run ${seconds.toFixed(0)} s; ` +
      `load average ${loadAtStart} at the start, ${loadNow()} at the end` +
      (Number(loadAtStart) > os.cpus().length ? ` (more than its ${os.cpus().length} cores: a busy machine).` : '.'),
    '',
    ...goals(complete, status, start, storm, rehearsal),
    '',
    ...table(complete, status, storm),
    '',
  ];
  if (status) {
    lines.push(
      `Starting the ${status.options.subAnalyses.toLocaleString('en')} sub-analysis workflows took ${status.startSeconds.toFixed(0)} s ` +
        `(this process, API and bench: RSS ${fmtMb(status.rssBeforeStartMb)} before, ${fmtMb(status.rssAfterStartMb)} after). ` +
        `Peak RSS of this process over the run: ${fmtMb((process.resourceUsage().maxRSS * 1024) / 1e6)}; ` +
        `of the worker process: ${fmtMb(status.workerPeakRssMb)}; of the Temporal dev server: ${fmtMb(status.devServerPeakRssMb)}.`,
      '',
    );
  }
  lines.push(
    'Single sequential requests; the API and the bench client share one Node process, the worker and the ' +
      'dev server are child processes (as `npm start` runs them). Noisy: other work on the machine shares its cores.',
  );
  const markdown = lines.join('\n');
  console.log(markdown);
  if (args.out) {
    fs.writeFileSync(args.out, `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.ts).\n\n${markdown}\n`);
    log(`written to ${path.relative(process.cwd(), args.out)}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
