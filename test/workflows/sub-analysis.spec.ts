import { WorkflowUpdateFailedError } from '@temporalio/client';
import { NotificationEntity, ProgrammeEntity, SubAnalysisStateEntity } from '../../libs/persistence';
import {
  ProgrammeDefinition,
  calendarOf,
  computePlan,
  computeSchedule,
  instantiateForYear,
  validateDefinition,
} from '../../libs/plan';
import { loadDefaultProgramme } from '../../libs/plan/default-programme';
import { subAnalysisWorkflowId } from '../../workflows/ids';
import type { SubAnalysisSnapshot } from '../../libs/read-model/contract';
import { subAnalysisWorkflow } from '../../workflows/sub-analysis/sub-analysis.workflow';
import {
  changePhasePlanUpdate,
  completePhaseUpdate,
  openGateUpdate,
  startPhaseUpdate,
  stateQuery,
} from '../../workflows/sub-analysis/messages';
import { SUB_ANALYSIS_KINDS, chooseTimeline } from '../support/timeline';
import { WorkflowTestKit, startWorkflowKit } from '../support/workflow-env';

/** The SBV sub-analysis alone, in a coming year (the test server's clock starts now). */
async function sbvProgramme(kit: WorkflowTestKit, id: string): Promise<ProgrammeDefinition> {
  const year = new Date(await kit.env.currentTimeMs()).getUTCFullYear() + 1;
  const full = instantiateForYear(loadDefaultProgramme(), year);
  const checked = validateDefinition({ ...full, id, subAnalyses: full.subAnalyses.filter((s) => s.id === 'sbv') });
  if (!checked.definition) throw new Error(JSON.stringify(checked.errors));
  await kit.addProgramme(checked.definition);
  return checked.definition;
}

/**
 * SBV 2A moved from weeks 14-16 to 14-18 three working days before its old due date,
 * worked out by hand: which reminders went before the change, which after.
 */
const PLAN_CHANGE_BY_HAND: Record<number, { newDue: string; sent: string[]; notSent: string[] }> = {
  // 2027 (week 1 begins 4 January): week 16 ends Friday 23 April; week 18 is 3-9 May,
  // Kristi himmelfartsdag Thursday 6 May, so 2A is due Friday 7 May.
  2027: {
    newDue: '2027-05-07',
    sent: [
      // Before the change: 5 working days before 23 April.
      'sbv/phase/2A/reminder/2027-04-16',
      // After it: 5 working days before 7 May are 5, 4, 3 May, 30 and 29 April.
      'sbv/phase/2A/reminder/2027-04-29',
      'sbv/phase/2A/reminder/2027-05-05',
      'sbv/phase/2A/reminder/2027-05-07',
      'sbv/phase/2A/escalation/2027-05-10',
    ],
    notSent: ['sbv/phase/2A/reminder/2027-04-22', 'sbv/phase/2A/escalation/2027-04-26'],
  },
  // 2028 (week 1 begins 3 January): week 16 opens with 2. påskedag and ends Friday
  // 21 April; week 18 is 1-7 May, so 2A is due Friday 5 May.
  2028: {
    newDue: '2028-05-05',
    sent: [
      // 5 working days before 21 April, back over Easter (17, 14, 13 April).
      'sbv/phase/2A/reminder/2028-04-11',
      'sbv/phase/2A/reminder/2028-04-28',
      'sbv/phase/2A/reminder/2028-05-04',
      'sbv/phase/2A/reminder/2028-05-05',
      'sbv/phase/2A/escalation/2028-05-08',
    ],
    notSent: ['sbv/phase/2A/reminder/2028-04-20', 'sbv/phase/2A/escalation/2028-04-24'],
  },
};

const LEAD = 'pl-borgerservice@example.org';
const SECRETARIAT = 'sekretariat@example.org';

describe('the sub-analysis workflow on the time-skipping test server', () => {
  let kit: WorkflowTestKit;
  beforeAll(async () => {
    kit = await startWorkflowKit();
  });
  afterAll(async () => {
    await kit?.stop();
  });

  async function start(definition: ProgrammeDefinition) {
    return kit.env.client.workflow.start(subAnalysisWorkflow, {
      workflowId: subAnalysisWorkflowId(definition.id, 'sbv'),
      taskQueue: kit.taskQueue,
      args: [{ programmeId: definition.id, subAnalysisId: 'sbv', definition, publicUrl: 'http://spor.test' }],
    });
  }

  const phase = (snap: SubAnalysisSnapshot, code: string) => snap.phases.find((p) => p.code === code)!;

  async function refusal(promise: Promise<unknown>): Promise<string> {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause?.message ?? '';
  }

  it('refuses what the state does not allow, with a reason, and changes nothing', async () => {
    const definition = await sbvProgramme(kit, 'refusals');
    await kit.runWorker(async () => {
      const handle = await start(definition);
      const before = await handle.query(stateQuery);
      expect(phase(before, '1').state).toBe('ready');
      expect(phase(before, '2A').state).toBe('planned');

      expect(await refusal(handle.executeUpdate(completePhaseUpdate, { args: [{ code: '1', by: LEAD }] }))).toMatch(
        /ikke i gang/,
      );
      expect(await refusal(handle.executeUpdate(startPhaseUpdate, { args: [{ code: '2A', by: LEAD }] }))).toMatch(
        /ikke klar.*fase 1/,
      );
      expect(await refusal(handle.executeUpdate(startPhaseUpdate, { args: [{ code: '7', by: LEAD }] }))).toMatch(
        /ingen fase 7/,
      );
      expect(
        await refusal(handle.executeUpdate(openGateUpdate, { args: [{ code: '2A', by: SECRETARIAT, reason: 'x' }] })),
      ).toMatch(/venter ikke på en port/);
      expect(
        await refusal(
          handle.executeUpdate(changePhasePlanUpdate, {
            args: [{ code: '2A', change: { weeks: '16-14' }, reason: 'x', by: SECRETARIAT }],
          }),
        ),
      ).toMatch(/weeks/);
      const after = await handle.query(stateQuery);
      expect(after.version).toBe(before.version);

      // A lead may start a ready phase early; starting it again is refused.
      const started = await handle.executeUpdate(startPhaseUpdate, { args: [{ code: '1', by: LEAD }] });
      expect(phase(started, '1')).toMatchObject({ state: 'active', startedBy: LEAD });
      expect(await refusal(handle.executeUpdate(startPhaseUpdate, { args: [{ code: '1', by: LEAD }] }))).toMatch(
        /allerede i gang/,
      );
      // The read model was written before the update answered.
      const row = await kit.dataSource
        .getRepository(SubAnalysisStateEntity)
        .findOneByOrFail({ programmeId: 'refusals', subAnalysisId: 'sbv' });
      expect(row.version).toBe(started.version);
      expect(phase(JSON.parse(row.snapshot) as SubAnalysisSnapshot, '1').state).toBe('active');
      await handle.terminate('test over');
    });
  });

  it('moves the reminders when the plan of an active phase changes', async () => {
    const definition = await sbvProgramme(kit, 'plan-change');
    const plan = computePlan(definition);
    const cal = calendarOf(plan);
    const p2A = plan.subAnalyses[0].phases.find((p) => p.code === '2A')!;
    await kit.runWorker(async () => {
      const handle = await start(definition);
      // Phase 1 is completed early, so 2A starts at its planned start.
      await handle.executeUpdate(startPhaseUpdate, { args: [{ code: '1', by: LEAD }] });
      await handle.executeUpdate(completePhaseUpdate, { args: [{ code: '1', by: LEAD }] });
      await kit.sleepUntil(cal.atMillis(cal.addWorkingDays(p2A.due, -3), '12:00'));
      expect(phase(await handle.query(stateQuery), '2A').state).toBe('active');

      const changed = await handle.executeUpdate(changePhasePlanUpdate, {
        args: [{ code: '2A', change: { weeks: '14-18' }, reason: 'Kortlægningen tager længere tid', by: SECRETARIAT }],
      });
      const newDue = phase(changed, '2A').due;
      expect(newDue > p2A.due).toBe(true);
      // The stored definition followed, in the same transaction as the read model.
      const stored = await kit.dataSource.getRepository(ProgrammeEntity).findOneByOrFail({ id: 'plan-change' });
      const storedPhase = (JSON.parse(stored.definition) as ProgrammeDefinition).subAnalyses[0].phases.find(
        (p) => p.code === '2A',
      )!;
      expect(storedPhase.weeks).toBe('14-18');

      await kit.sleepUntil(cal.atMillis(cal.addWorkingDays(newDue, 1), '12:00'));
      const keys = (await kit.dataSource.getRepository(NotificationEntity).findBy({ programmeId: 'plan-change' }))
        .map((n) => n.key.replace(/^.*\/sub-analysis\/sbv\//, ''))
        .filter((k) => k.startsWith('sbv/phase/2A/'));
      const oldOneDayBefore = cal.addWorkingDays(p2A.due, -1);
      // Before the change: the old 5-day reminder went out. After it: nothing on the old
      // dates, the new due date's reminders and its first escalation instead.
      expect(keys).toContain(`sbv/phase/2A/reminder/${cal.addWorkingDays(p2A.due, -5)}`);
      expect(keys).not.toContain(`sbv/phase/2A/reminder/${oldOneDayBefore}`);
      expect(keys).not.toContain(`sbv/phase/2A/reminder/${p2A.due}`);
      expect(keys).not.toContain(`sbv/phase/2A/escalation/${cal.nextWorkingDayAfter(p2A.due)}`);
      expect(keys).toEqual(
        expect.arrayContaining([
          `sbv/phase/2A/reminder/${cal.addWorkingDays(newDue, -5)}`,
          `sbv/phase/2A/reminder/${cal.addWorkingDays(newDue, -1)}`,
          `sbv/phase/2A/reminder/${newDue}`,
          `sbv/phase/2A/escalation/${cal.nextWorkingDayAfter(newDue)}`,
        ]),
      );
      // The same, worked out by hand, so that a calendar fault shared by the workflow and
      // the library cannot pass unseen. The year is the test server's clock year + 1; the
      // tests before this one leave that clock in the real year.
      const byHand = PLAN_CHANGE_BY_HAND[plan.year];
      if (!byHand) throw new Error(`No hand-written dates for ${plan.year} in PLAN_CHANGE_BY_HAND: add them`);
      expect(newDue).toBe(byHand.newDue);
      expect(keys).toEqual(expect.arrayContaining(byHand.sent));
      for (const key of byHand.notSent) expect(keys).not.toContain(key);
      await handle.terminate('test over');
    });
  });

  it('keeps phase 3 waiting at its gate until the committee has given its input', async () => {
    const definition = await sbvProgramme(kit, 'gate');
    const plan = computePlan(definition);
    const cal = calendarOf(plan);
    const p3 = plan.subAnalyses[0].phases.find((p) => p.code === '3')!;
    await kit.runWorker(async () => {
      const handle = await start(definition);
      for (const code of ['1', '2B', '2A', '2C']) {
        const snap = await handle.query(stateQuery);
        if (phase(snap, code).state === 'ready') {
          await handle.executeUpdate(startPhaseUpdate, { args: [{ code, by: LEAD }] });
        }
        await handle.executeUpdate(completePhaseUpdate, { args: [{ code, by: LEAD }] });
      }
      // Two working days past phase 3's planned start, the gate is still closed.
      await kit.sleepUntil(cal.atMillis(cal.addWorkingDays(p3.plannedStart, 2), '10:00'));
      const waiting = phase(await handle.query(stateQuery), '3');
      expect(waiting.state).toBe('planned');
      expect(waiting.waitingFor).toMatch(/udvalgets input/);
      expect(await refusal(handle.executeUpdate(startPhaseUpdate, { args: [{ code: '3', by: LEAD }] }))).toMatch(
        /ikke klar/,
      );

      const opened = await handle.executeUpdate(openGateUpdate, {
        args: [{ code: '3', by: SECRETARIAT, reason: 'Udvalget gav sit input på mødet' }],
      });
      const p = phase(opened, '3');
      // Its planned start has passed, so it starts at once.
      expect(p.state).toBe('active');
      expect(p.gate).toMatchObject({ open: true, openedBy: SECRETARIAT, reason: 'Udvalget gav sit input på mødet' });
      expect(p.actualStart).toBe(p.gate!.openedAt);
      await handle.terminate('test over');
    });
  });

  it('continues as new when its history grows, and carries on without losing or repeating a reminder', async () => {
    const definition = await sbvProgramme(kit, 'continue-as-new');
    const plan = computePlan(definition);
    const startedAt = new Date(await kit.env.currentTimeMs()).toISOString();
    const phaseCompleted: Record<string, string> = {};
    const gateOpened: Record<string, string> = {};
    await kit.runWorker(async () => {
      const handle = await kit.env.client.workflow.start(subAnalysisWorkflow, {
        workflowId: subAnalysisWorkflowId(definition.id, 'sbv'),
        taskQueue: kit.taskQueue,
        args: [
          {
            programmeId: definition.id,
            subAnalysisId: 'sbv',
            definition,
            publicUrl: 'http://spor.test',
            historyLimit: 60,
          },
        ],
      });
      for (const action of chooseTimeline(plan, { 'sbv/2A': 4 })) {
        await kit.sleepUntil(action.at);
        const current = kit.env.client.workflow.getHandle(handle.workflowId);
        const snap =
          action.kind === 'complete'
            ? await current.executeUpdate(completePhaseUpdate, { args: [{ code: action.code, by: LEAD }] })
            : await current.executeUpdate(openGateUpdate, {
                args: [{ code: action.code, by: SECRETARIAT, reason: 'Input' }],
              });
        const p = phase(snap, action.code);
        if (action.kind === 'complete') phaseCompleted[`sbv/${action.code}`] = p.completedAt!;
        else gateOpened[`sbv/${action.code}`] = p.gate!.openedAt!;
      }
      const final = await kit.env.client.workflow.getHandle(handle.workflowId).result();
      expect(final.finished).toBe(true);
      // The first run ended by continuing as new; a later one finished the work.
      const firstRun = kit.env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
      expect((await firstRun.describe()).status.name).toBe('CONTINUED_AS_NEW');
    });
    const expected = computeSchedule(plan, { startedAt, phaseCompleted, gateOpened, until: plan.ends })
      .filter((e) => SUB_ANALYSIS_KINDS.has(e.kind))
      .map((e) => e.key)
      .sort();
    const sent = (await kit.dataSource.getRepository(NotificationEntity).findBy({ programmeId: 'continue-as-new' }))
      .map((n) => n.key.replace(/^.*\/sub-analysis\/sbv\//, ''))
      .sort();
    expect(sent).toEqual(expected);
    const calls = kit.sendCalls.filter((c) => c.programmeId === 'continue-as-new' && c.attempt === 1);
    expect(calls.length).toBe(expected.length);
  });

  it('leaves its material to the meeting: no material reminder or escalation of its own', async () => {
    const definition = await sbvProgramme(kit, 'own-material');
    const plan = computePlan(definition);
    const cal = calendarOf(plan);
    const june = plan.meetings.find((m) => m.id === 'udvalg-juni')!;
    await kit.runWorker(async () => {
      const handle = await start(definition);
      // Past the deadline and its first escalation day, material still missing.
      await kit.sleepUntil(cal.atMillis(cal.addWorkingDays(june.materialDue, 2), '12:00'));
      const sent = (await kit.dataSource.getRepository(NotificationEntity).findBy({ programmeId: 'own-material' })).map(
        (n) => n.key,
      );
      // Phase reminders went out, so the workflow ran; material ones belong to the meeting's workflow.
      expect(sent.some((k) => k.includes('/phase/'))).toBe(true);
      expect(sent.filter((k) => k.includes('/sbv/material/'))).toEqual([]);
      await handle.terminate('test over');
    });
  });
});
