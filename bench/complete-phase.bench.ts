/**
 * Completing a phase over HTTP against a bare Temporal Update round trip.
 *
 * HTTP: `POST /api/programmes/{id}/sub-analyses/{sid}/phases/{code}/complete` as the
 * sub-analysis' project lead: the guard (token, roles), the programme's plan, the
 * Update (whose handler writes the read model through an activity before it answers),
 * the audit entry, and the JSON answer.
 * Update: `handle.executeUpdate(completePhaseUpdate, …)` with the API's own Temporal
 * client on the same dev server and worker, so it pays for the same workflow task and
 * read-model activity, and nothing else.
 *
 * Every measured request completes a distinct active phase. The programme has many
 * sub-analyses, each with a run of phases whose planned start has passed:
 * - layout 'chain' (the default): each phase comes after the one before, so one phase
 *   per sub-analysis is active and completing it starts the next at once, in the same
 *   Update (as a real completion does when the next phase is due);
 * - layout 'parallel': all of them side by side, all active from the start (more work
 *   per workflow task, since reminders are computed for every active phase).
 * Floor: a no-op Update (bench/bare/workflows.ts) to a bare workflow with a worker of
 *   its own on the same dev server: what any Update round trip costs, without Spor.
 * HTTP and Update requests alternate (which goes first alternates too) and move
 * round-robin over the sub-analyses, so both see the same server, the same worker cache
 * and the same noise.
 */
import { TokenService } from '../apps/api/auth/token.service';
import { subAnalysisWorkflowId } from '../workflows/ids';
import type { SubAnalysisSnapshot } from '../libs/read-model/contract';
import { completePhaseUpdate } from '../workflows/sub-analysis/messages';
import { type BenchServer, startBareWorker, startBenchApp } from './support/boot';
import { bareUpdateWorkflow, noopUpdate } from './bare/workflows';
import { stopChild } from '../libs/temporal';
import { BenchHttp } from './support/http';
import { subAnalysesWithActivePhases } from './support/read-model';
import { activePhaseCode, benchProgramme, leadEmail, subAnalysisId } from './support/programme';
import { type Summary, summarize, timed } from './support/stats';
import { waitFor } from './support/wait';

export interface CompletePhaseOptions {
  /** Measured completions per method. */
  n: number;
  /** Completions per method before measuring. */
  warmup: number;
  subAnalyses: number;
  layout: 'chain' | 'parallel';
}

export interface CompletePhaseResult {
  options: CompletePhaseOptions;
  phasesPerSubAnalysis: number;
  http: Summary;
  update: Summary;
  /** The no-op Update to a bare workflow. */
  floor: Summary;
  /** HTTP over the no-op Update at p50. */
  floorRatioP50: number;
  /** HTTP over Update at p50 and at p99. */
  ratioP50: number;
  ratioP99: number;
}

export const COMPLETE_PHASE_DEFAULTS: CompletePhaseOptions = { n: 100, warmup: 10, subAnalyses: 30, layout: 'chain' };
const PROGRAMME = 'bench-complete-phase';

export async function runCompletePhaseBench(
  server: BenchServer,
  options: CompletePhaseOptions,
  log: (line: string) => void,
): Promise<CompletePhaseResult> {
  const perMethod = options.n + options.warmup;
  const phasesPerSubAnalysis = Math.ceil((2 * perMethod) / options.subAnalyses);
  const app = await startBenchApp(server, 'complete-phase');
  const http = new BenchHttp(app.baseUrl);
  const bareQueue = 'spor-bench-bare-update';
  const bareWorker = await startBareWorker(server, app.client, bareQueue);
  try {
    const bare = await app.client.workflow.start(bareUpdateWorkflow, {
      workflowId: `bench-bare-update-${Date.now()}`,
      taskQueue: bareQueue,
      args: [],
    });
    const definition = benchProgramme({
      id: PROGRAMME,
      subAnalyses: options.subAnalyses,
      activePhases: phasesPerSubAnalysis,
      chained: options.layout === 'chain',
      // One phase after the active ones, so no workflow finishes while the bench runs.
      laterPhases: 1,
      deliverables: false,
    });
    await http.expect(201, 'POST', '/api/programmes', app.adminToken, definition);
    const tokenService = app.api.get(TokenService);
    const tokens: string[] = [];
    for (let i = 0; i < options.subAnalyses; i++) tokens.push((await tokenService.create(leadEmail(i), 'bench')).token);

    log(
      `complete-phase: starting ${options.subAnalyses} sub-analyses × ${phasesPerSubAnalysis} phases (${options.layout})`,
    );
    // On a busy machine the start may answer 503 (its wait for every sub-analysis ran
    // out) while the workflows go on starting; the wait below covers both.
    const started = await http.request('POST', `/api/programmes/${PROGRAMME}/start`, app.adminToken);
    if (started.status !== 202 && started.status !== 503) {
      throw new Error(`POST …/start: ${started.status} ${started.body.slice(0, 300)}`);
    }
    const codes = Array.from({ length: phasesPerSubAnalysis }, (_, p) => activePhaseCode(p));
    const activeAtStart = options.layout === 'chain' ? codes.slice(0, 1) : codes;
    await waitFor(
      'the first phases to be active',
      async () => (await subAnalysesWithActivePhases(app.api, PROGRAMME, activeAtStart)) === options.subAnalyses,
      { timeoutMs: 300_000 },
    );

    // Each lead's first request records the token's use (a write at most once a minute);
    // reading their sub-analysis once also warms the route's code.
    for (let i = 0; i < options.subAnalyses; i++) {
      await http.expect(200, 'GET', `/api/programmes/${PROGRAMME}/sub-analyses/${subAnalysisId(i)}`, tokens[i]);
    }

    // Distinct active phases, round-robin over the sub-analyses (in a chain, a phase is
    // active once the one before it was completed, a round earlier).
    const queue: { s: number; code: string }[] = [];
    for (const code of codes) for (let s = 0; s < options.subAnalyses; s++) queue.push({ s, code });
    let next = 0;
    const take = () => {
      const item = queue[next++];
      if (!item) throw new Error('Ran out of active phases');
      return item;
    };

    const viaHttp = async () => {
      const { s, code } = take();
      const path = `/api/programmes/${PROGRAMME}/sub-analyses/${subAnalysisId(s)}/phases/${code}/complete`;
      const { ms, value } = await timed(() => http.request('POST', path, tokens[s], {}));
      if (value.status !== 200) throw new Error(`POST ${path}: ${value.status} ${value.body.slice(0, 300)}`);
      checkCompleted(JSON.parse(value.body) as SubAnalysisSnapshot, code);
      return ms;
    };
    const viaUpdate = async () => {
      const { s, code } = take();
      const { ms, value } = await timed(() =>
        app.client.workflow
          .getHandle(subAnalysisWorkflowId(PROGRAMME, subAnalysisId(s)))
          .executeUpdate(completePhaseUpdate, { args: [{ code, by: leadEmail(s) }] }),
      );
      checkCompleted(value, code);
      return ms;
    };

    const viaFloor = async () => {
      const { ms, value } = await timed(() => bare.executeUpdate(noopUpdate, { args: [next] }));
      if (value !== next) throw new Error(`The no-op Update answered ${value}, not ${next}`);
      return ms;
    };

    const httpSamples: number[] = [];
    const updateSamples: number[] = [];
    const floorSamples: number[] = [];
    for (let i = 0; i < perMethod; i++) {
      const measured = i >= options.warmup;
      if (i === options.warmup) log(`complete-phase: warmed up; measuring ${options.n} of each`);
      const first = i % 2 === 0 ? viaHttp : viaUpdate;
      const floorFirst = i % 3 === 0;
      const f0 = floorFirst ? await viaFloor() : 0;
      const a = await first();
      const b = await (first === viaHttp ? viaUpdate : viaHttp)();
      const f = floorFirst ? f0 : await viaFloor();
      if (!measured) continue;
      httpSamples.push(first === viaHttp ? a : b);
      updateSamples.push(first === viaHttp ? b : a);
      floorSamples.push(f);
    }
    const httpSummary = summarize(httpSamples);
    const updateSummary = summarize(updateSamples);
    const floorSummary = summarize(floorSamples);
    return {
      options,
      phasesPerSubAnalysis,
      http: httpSummary,
      update: updateSummary,
      floor: floorSummary,
      floorRatioP50: httpSummary.p50 / floorSummary.p50,
      ratioP50: httpSummary.p50 / updateSummary.p50,
      ratioP99: httpSummary.p99 / updateSummary.p99,
    };
  } finally {
    http.close();
    await stopChild(bareWorker);
    await app.stop();
  }
}

function checkCompleted(snapshot: SubAnalysisSnapshot, code: string): void {
  const state = snapshot.phases.find((p) => p.code === code)?.state;
  if (state !== 'completed')
    throw new Error(`Phase ${code} of ${snapshot.subAnalysisId} is ${state} after completing it`);
}
