import * as fs from 'node:fs';
import * as path from 'node:path';
import { temporal } from '@temporalio/proto';
import { NotificationEntity } from '../../libs/persistence';
import { computePlan, computeSchedule, instantiateForYear } from '../../libs/plan';
import { loadDefaultProgramme } from '../../libs/plan/default-programme';
import { programmeWorkflowId, subAnalysisWorkflowId } from '../../workflows/ids';
import { programmeWorkflow } from '../../workflows/programme/programme.workflow';
import { completePhaseUpdate, openGateUpdate } from '../../workflows/sub-analysis/messages';
import { SUB_ANALYSIS_KINDS, chooseTimeline } from '../support/timeline';
import { WorkflowTestKit, startWorkflowKit } from '../support/workflow-env';

/** Working days late per phase; the rest are completed on their due day at 15:00. */
const LATE: Record<string, number> = { 'sbv/2A': 3, 'sbv/2C': 7, 'klima/1': 1, 'byens-rum/3': 6, 'ledige/2B': 12 };

describe('the Aarhus programme on the time-skipping test server, March to August', () => {
  let kit: WorkflowTestKit;
  beforeAll(async () => {
    kit = await startWorkflowKit();
  });
  afterAll(async () => {
    await kit?.stop();
  });

  it('sends exactly the reminders and escalations the schedule predicts, at those instants, to those people', async () => {
    // The test server's clock starts at the real now, so the programme runs in a coming
    // year: the same weeks, that year's holidays.
    const year = new Date(await kit.env.currentTimeMs()).getUTCFullYear() + 1;
    const definition = instantiateForYear(loadDefaultProgramme(), year);
    const plan = computePlan(definition);
    const programmeId = definition.id;
    await kit.addProgramme(definition);
    const actions = chooseTimeline(plan, LATE);
    const client = kit.env.client;

    const startedAt = new Date(await kit.env.currentTimeMs()).toISOString();
    const phaseCompleted: Record<string, string> = {};
    const gateOpened: Record<string, string> = {};

    await kit.runWorker(async () => {
      const run = await client.workflow.start(programmeWorkflow, {
        workflowId: programmeWorkflowId(programmeId),
        taskQueue: kit.taskQueue,
        args: [{ programmeId, definition, publicUrl: 'http://spor.test' }],
      });
      for (const action of actions) {
        await kit.sleepUntil(action.at);
        const handle = client.workflow.getHandle(subAnalysisWorkflowId(programmeId, action.sid));
        const by = plan.subAnalyses.find((s) => s.id === action.sid)!.projectLeads[0];
        if (action.kind === 'complete') {
          const snap = await handle.executeUpdate(completePhaseUpdate, { args: [{ code: action.code, by }] });
          const phase = snap.phases.find((p) => p.code === action.code)!;
          expect(phase.state).toBe('completed');
          phaseCompleted[`${action.sid}/${action.code}`] = phase.completedAt!;
        } else {
          const snap = await handle.executeUpdate(openGateUpdate, {
            args: [{ code: action.code, by: plan.secretariat[0], reason: 'Udvalgets input er modtaget' }],
          });
          gateOpened[`${action.sid}/${action.code}`] = snap.phases.find((p) => p.code === action.code)!.gate!.openedAt!;
        }
      }
      const result = await run.result();
      expect(result.subAnalyses.every((s) => s.finished)).toBe(true);
    });

    const expected = computeSchedule(plan, { startedAt, phaseCompleted, gateOpened, until: plan.ends }).filter((e) =>
      SUB_ANALYSIS_KINDS.has(e.kind),
    );
    // Lateness must have produced escalations, or this test would prove little.
    expect(expected.filter((e) => e.kind === 'phase-escalation').length).toBeGreaterThanOrEqual(5);
    expect(expected.filter((e) => e.kind === 'phase-reminder').length).toBeGreaterThan(50);

    // Each notification once, at the instant the schedule gives, to the people it names.
    const firstAttempts = kit.sendCalls.filter((c) => c.attempt === 1);
    const sentByKey = new Map(firstAttempts.map((c) => [c.key.replace(/^.*\/sub-analysis\/[^/]+\//, ''), c]));
    expect(firstAttempts.length).toBe(sentByKey.size);
    expect([...sentByKey.keys()].sort()).toEqual(expected.map((e) => e.key).sort());
    for (const e of expected) {
      const sent = sentByKey.get(e.key)!;
      expect({ key: e.key, recipients: sent.recipients }).toEqual({ key: e.key, recipients: e.recipients });
      // The workflow schedules the send when its timer fires, at the planned instant.
      expect({ key: e.key, lateByMs: Math.abs(sent.scheduledAtMs - Date.parse(e.at)) < 60_000 }).toEqual({
        key: e.key,
        lateByMs: true,
      });
    }

    // A real SMTP server received every one of them, once, with a Danish text.
    expect(kit.smtp.received.length).toBe(expected.length);
    const rows = await kit.dataSource.getRepository(NotificationEntity).find();
    expect(rows.length).toBe(expected.length);
    expect(rows.every((r) => r.sentAt !== null && r.transport === 'smtp')).toBe(true);
    const escalation = kit.smtp.received.find((m) => m.subject.startsWith('Overskredet:'))!;
    expect(escalation.text).toMatch(/uge \d+/);
    expect(escalation.text).toContain('http://spor.test/programmes/');

    if (process.env.SPOR_RECORD_HISTORIES) {
      // Refreshes the histories the replay test (test/replay.spec.ts) runs against.
      const dir = path.join(__dirname, '..', 'histories');
      fs.mkdirSync(dir, { recursive: true });
      const ids = [
        ['programme', programmeWorkflowId(programmeId)],
        ['sub-analysis-sbv', subAnalysisWorkflowId(programmeId, 'sbv')],
        ['sub-analysis-klima', subAnalysisWorkflowId(programmeId, 'klima')],
      ];
      for (const [name, workflowId] of ids) {
        const history = await client.workflow.getHandle(workflowId).fetchHistory();
        // Protobuf's binary form: exact, where the JSON conversion loses well-known types.
        const bytes = temporal.api.history.v1.History.encode(history).finish();
        fs.writeFileSync(path.join(dir, `${name}.binpb`), bytes);
        fs.writeFileSync(path.join(dir, `${name}.workflow-id`), workflowId);
      }
    }
  });
});
