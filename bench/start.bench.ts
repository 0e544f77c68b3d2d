/**
 * Starting a programme of N sub-analyses through the API, as the secretariat does:
 * `POST /api/programmes/{id}/start` (which answers once the programme workflow says
 * every sub-analysis workflow has started), then the time until every sub-analysis has
 * written its first phase as active to the read model (from then on it accepts
 * actions), and the programme workflow's history (events and bytes) against Temporal's
 * limits (it warns at 10,240 events or 10 MiB and refuses at 51,200 events or 50 MiB).
 */
import { programmeWorkflowId } from '../workflows/ids';
import { type BenchServer, startBenchApp } from './support/boot';
import { BenchHttp } from './support/http';
import { waitForActive } from './support/many';
import { subAnalysesWithActivePhases } from './support/read-model';
import { benchProgramme } from './support/programme';
import { timed } from './support/stats';

export interface StartOptions {
  subAnalyses: number;
  /** How long to wait for every sub-analysis to run before giving up, in seconds. */
  timeoutSeconds: number;
}

export interface StartResult {
  options: StartOptions;
  /** The answer to `POST …/start`: its status and time. */
  answerStatus: number;
  answerMs: number;
  /** Seconds from the request until every sub-analysis ran; undefined if not within the timeout. */
  allRunningSeconds?: number;
  /** Sub-analyses running when the bench stopped waiting. */
  running: number;
  historyEvents?: number;
  historyBytes?: number;
}

export const START_DEFAULTS: StartOptions = { subAnalyses: 1000, timeoutSeconds: 120 };
const PROGRAMME = 'bench-start';

export async function runStartBench(
  server: BenchServer,
  options: StartOptions,
  log: (line: string) => void,
): Promise<StartResult> {
  const app = await startBenchApp(server, 'start');
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
    log(`start: POST …/start of ${options.subAnalyses} sub-analyses`);
    const begun = process.hrtime.bigint();
    const answer = await timed(() => http.request('POST', `/api/programmes/${PROGRAMME}/start`, app.adminToken, {}));
    if (answer.value.status >= 300) log(`start: answered ${answer.value.status} ${answer.value.body.slice(0, 200)}`);
    let allRunningSeconds: number | undefined;
    try {
      await waitForActive(app, PROGRAMME, options.subAnalyses, log, options.timeoutSeconds * 1000);
      allRunningSeconds = Number(process.hrtime.bigint() - begun) / 1e9;
    } catch (err) {
      log(`start: ${(err as Error).message}`);
    }
    const running = await subAnalysesWithActivePhases(app.api, PROGRAMME, ['A01']);
    const described = await app.client.workflow
      .getHandle(programmeWorkflowId(PROGRAMME))
      .describe()
      .catch(() => undefined);
    const info = described?.raw.workflowExecutionInfo;
    return {
      options,
      answerStatus: answer.value.status,
      answerMs: answer.ms,
      allRunningSeconds,
      running,
      historyEvents: info?.historyLength ? Number(info.historyLength) : undefined,
      historyBytes: info?.historySizeBytes ? Number(info.historySizeBytes) : undefined,
    };
  } finally {
    http.close();
    await app.stop();
  }
}
