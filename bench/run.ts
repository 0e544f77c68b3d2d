/**
 * `npm run bench`: Spor's benchmarks, printed as a Markdown table and written to
 * bench/results.md.
 *
 *   node dist/bench/run.js [--only complete-phase|status] [options]
 *
 *   --only <bench>             run one bench (default: both)
 *   --n <count>                complete-phase: measured completions per method (200)
 *   --warmup <count>           complete-phase: warm-up completions per method (20)
 *   --sub-analyses <count>     complete-phase: sub-analyses the phases are spread over (30)
 *   --layout chain|parallel    complete-phase: phases one after another, or side by side (chain)
 *   --status-sub-analyses <n>  status: running sub-analyses (1000)
 *   --status-n <count>         status: measured status requests (100)
 *   --query-rounds <count>     status: measured rounds of querying every workflow (10)
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
import { startBenchServer } from './support/boot';
import { ms } from './support/stats';

const BENCHES = ['complete-phase', 'status'] as const;
type BenchName = (typeof BENCHES)[number];

/** Goals from the issue "Sub-analysis workflows". */
const GOAL_RATIO = 1.3;
const GOAL_STATUS_P99_MS = 50;

interface Args {
  benches: BenchName[];
  complete: CompletePhaseOptions;
  status: StatusOptions;
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
  if (values.only !== undefined && !BENCHES.includes(values.only as BenchName)) {
    throw new Error(`--only must be one of ${BENCHES.join(', ')}`);
  }
  return {
    benches: values.only === undefined ? [...BENCHES] : [values.only as BenchName],
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

function table(complete: CompletePhaseResult | undefined, status: StatusResult | undefined): string[] {
  const rows = ['| bench | series | n | p50 ms | p99 ms | mean ms | notes |', '|---|---|--:|--:|--:|--:|---|'];
  if (complete) {
    const { http, update, options, phasesPerSubAnalysis } = complete;
    const layout =
      options.layout === 'chain' ? 'phases in a chain (one active at a time)' : 'phases side by side (all active)';
    const setup = `${options.subAnalyses} sub-analyses × ${phasesPerSubAnalysis} ${layout}, ${options.warmup} warm-up each`;
    rows.push(
      `| complete a phase | HTTP \`POST …/phases/{code}/complete\` | ${http.n} | ${ms(http.p50)} | ${ms(http.p99)} | ${ms(http.mean)} | ${setup} |`,
      `| complete a phase | bare Temporal Update \`executeUpdate(completePhaseUpdate)\` | ${update.n} | ${ms(update.p50)} | ${ms(update.p99)} | ${ms(update.mean)} | same server, worker and client |`,
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
  return rows;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const log = (line: string) => console.error(`[bench] ${line}`);
  const begun = process.hrtime.bigint();
  log('starting the Temporal dev server');
  const server = await startBenchServer();
  let complete: CompletePhaseResult | undefined;
  let status: StatusResult | undefined;
  try {
    if (args.benches.includes('complete-phase')) complete = await runCompletePhaseBench(server, args.complete, log);
    if (args.benches.includes('status')) status = await runStatusBench(server, args.status, log);
  } finally {
    await server.stop();
  }
  const seconds = Number(process.hrtime.bigint() - begun) / 1e9;

  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; whole run ${seconds.toFixed(0)} s.`,
    '',
    ...table(complete, status),
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
