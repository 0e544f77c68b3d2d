/**
 * The secretariat's overview at 1,000 running sub-analyses.
 *
 * Status: `GET /api/programmes/{id}/status` as the secretariat, answered from the read
 * model the workflows write.
 * Query: the alternative the read model replaces, asking each of the running workflows
 * for its state (`stateQuery` on every handle, all at once, with the API's client). It
 * is timed until every snapshot is in; the overview's own computation on top (overdue
 * days, next deadline) is the same either way and is not included, so this is a lower
 * bound for an overview built by Query.
 *
 * How the workflows are started: straight through Temporal (./support/many.ts), with the
 * ids and input the programme workflow gives its children, so that this bench measures
 * the overview and the worker's memory, not the start (start.bench.ts measures that).
 * The worker's RSS is read from /proc before the start and once all run (each then
 * cached), for the cost per cached workflow, and its peak at the end.
 */
import { TokenService } from '../apps/api/auth/token.service';
import type { ProgrammeStatus } from '../apps/api/programmes/status.service';
import { subAnalysisWorkflowId } from '../workflows/ids';
import type { SubAnalysisSnapshot } from '../libs/read-model/contract';
import { stateQuery } from '../workflows/sub-analysis/messages';
import { type BenchServer, startBenchApp } from './support/boot';
import { BenchHttp } from './support/http';
import { SECRETARIAT_EMAIL, benchProgramme } from './support/programme';
import { type Summary, summarize, timed } from './support/stats';
import { peakRssOfProcess, rssOfProcess } from './support/memory';
import { startSubAnalyses } from './support/many';

export interface StatusOptions {
  subAnalyses: number;
  /** Measured status requests. */
  n: number;
  warmup: number;
  /** Measured rounds of querying every workflow. */
  queryRounds: number;
}

export interface StatusResult {
  options: StatusOptions;
  /** Seconds it took to start the workflows until every one had written its read model row. */
  startSeconds: number;
  /** RSS of this process (API and bench) before the workflows were started and once they all ran, in MB. */
  rssBeforeStartMb: number;
  rssAfterStartMb: number;
  /** Size of one status answer. */
  responseBytes: number;
  status: Summary;
  query: Summary;
  /** Peak RSS of this process (API and bench) while each series ran, in MB. */
  peakRssStatusMb: number;
  peakRssQueryMb: number;
  /** Peak RSS of the Temporal dev server process over its life, in MB (Linux only). */
  devServerPeakRssMb?: number;
  /** Peak RSS of the worker process, which holds the cached workflows, in MB (Linux only). */
  workerPeakRssMb?: number;
  /** RSS of the worker process before the workflows started and once they all ran (cached), in MB. */
  workerRssBeforeMb?: number;
  workerRssAfterMb?: number;
}

export const STATUS_DEFAULTS: StatusOptions = { subAnalyses: 1000, n: 100, warmup: 10, queryRounds: 10 };
const PROGRAMME = 'bench-status';

export async function runStatusBench(
  server: BenchServer,
  options: StatusOptions,
  log: (line: string) => void,
): Promise<StatusResult> {
  const app = await startBenchApp(server, 'status');
  const http = new BenchHttp(app.baseUrl);
  try {
    const definition = benchProgramme({
      id: PROGRAMME,
      subAnalyses: options.subAnalyses,
      activePhases: 1,
      laterPhases: 2,
      deliverables: true,
    });
    await http.expect(201, 'POST', '/api/programmes', app.adminToken, definition);
    const token = (await app.api.get(TokenService).create(SECRETARIAT_EMAIL, 'bench')).token;

    log(`status: starting ${options.subAnalyses} sub-analysis workflows`);
    const rssBeforeStartMb = process.memoryUsage().rss / 1e6;
    const workerRssBeforeMb = rssOfProcess(app.worker.pid);
    const startSeconds = await startSubAnalyses(app, definition, log, 480_000);
    const rssAfterStartMb = process.memoryUsage().rss / 1e6;
    const workerRssAfterMb = rssOfProcess(app.worker.pid);
    const ids = definition.subAnalyses.map((s) => s.id);
    log(`status: ${options.subAnalyses} running after ${startSeconds.toFixed(0)} s; measuring`);

    const path = `/api/programmes/${PROGRAMME}/status`;
    const getStatus = async () => {
      const { ms, value } = await timed(() => http.request('GET', path, token));
      if (value.status !== 200) throw new Error(`GET ${path}: ${value.status} ${value.body.slice(0, 300)}`);
      return { ms, body: value.body };
    };
    const first = await getStatus();
    checkStatus(JSON.parse(first.body) as ProgrammeStatus, options.subAnalyses);
    for (let i = 0; i < options.warmup; i++) await getStatus();
    const statusRss = sampleRss();
    const statusSamples: number[] = [];
    for (let i = 0; i < options.n; i++) statusSamples.push((await getStatus()).ms);
    const peakRssStatusMb = statusRss.stop();

    const handles = ids.map((sid) => app.client.workflow.getHandle(subAnalysisWorkflowId(PROGRAMME, sid)));
    const queryAll = async () => {
      const { ms, value } = await timed(() => Promise.all(handles.map((h) => h.query(stateQuery))));
      checkSnapshots(value, options.subAnalyses);
      return ms;
    };
    await queryAll();
    const queryRss = sampleRss();
    const querySamples: number[] = [];
    for (let i = 0; i < options.queryRounds; i++) querySamples.push(await queryAll());
    const peakRssQueryMb = queryRss.stop();

    return {
      options,
      startSeconds,
      rssBeforeStartMb,
      rssAfterStartMb,
      responseBytes: Buffer.byteLength(first.body),
      status: summarize(statusSamples),
      query: summarize(querySamples),
      peakRssStatusMb,
      peakRssQueryMb,
      devServerPeakRssMb: peakRssOfProcess(server.devServer.process.pid),
      workerPeakRssMb: peakRssOfProcess(app.worker.pid),
      workerRssBeforeMb,
      workerRssAfterMb,
    };
  } finally {
    http.close();
    await app.stop();
  }
}

function checkStatus(status: ProgrammeStatus, expected: number): void {
  const active = status.subAnalyses.filter((s) => s.phases[0]?.state === 'active').length;
  if (status.subAnalyses.length !== expected || active !== expected) {
    throw new Error(
      `The status shows ${status.subAnalyses.length} sub-analyses, ${active} active; expected ${expected}`,
    );
  }
}

function checkSnapshots(snapshots: SubAnalysisSnapshot[], expected: number): void {
  const active = snapshots.filter((s) => s.phases[0]?.state === 'active').length;
  if (active !== expected) throw new Error(`The queries found ${active} active sub-analyses; expected ${expected}`);
}

/** Samples this process' RSS every 10 ms until stopped; returns the peak in MB. */
function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1e6;
    },
  };
}
