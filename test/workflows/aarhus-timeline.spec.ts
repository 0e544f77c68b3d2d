import { NotificationEntity } from '../../libs/persistence';
import { calendarOf, computePlan, computeSchedule, instantiateForYear } from '../../libs/plan';
import { loadDefaultProgramme } from '../../libs/plan/default-programme';
import {
  meetingWorkflowId,
  programmeWorkflowId,
  statusReportWorkflowId,
  subAnalysisWorkflowId,
} from '../../workflows/ids';
import { programmeWorkflow } from '../../workflows/programme/programme.workflow';
import { completePhaseUpdate, openGateUpdate } from '../../workflows/sub-analysis/messages';
import { kindsSentBy } from '../../libs/plan';
import { chooseTimeline } from '../support/timeline';

/** What the programme's workflows send from the schedule (the leads' note requests are not in it). */
const SENT_KINDS = new Set([
  ...kindsSentBy('sub-analysis'),
  ...kindsSentBy('meeting'),
  ...kindsSentBy('status-report'),
]);
const NOTE_KINDS = new Set(['status-note-request', 'status-note-reminder']);
import { recordHistories } from '../support/histories';
import { WorkflowTestKit, startWorkflowKit } from '../support/workflow-env';

/** Working days late per phase; the rest are completed on their due day at 15:00. */
const LATE: Record<string, number> = { 'sbv/2A': 3, 'sbv/2C': 7, 'klima/1': 1, 'byens-rum/3': 6, 'ledige/2B': 12 };

const SBV_LEADS = ['pl-borgerservice@example.org', 'pl-virksomhedsservice@example.org'];
const SBV_ESCALATION = [...SBV_LEADS, 'projektejer-sbv@example.org', 'sekretariat@example.org'];

interface HandWritten {
  /** Instant at which the message goes out, with Copenhagen's offset that day. */
  at: string;
  recipients?: string[];
}

/**
 * Instants worked out by hand from the programme file, the format's rules and the
 * Danish calendar, for the year the test runs the programme in (the test server's
 * clock starts at the real now, and the programme runs the next year). They check the
 * dates themselves, where the comparison with computeSchedule below checks delivery.
 * A year missing here fails the test: add its table, worked out the same way.
 */
const BY_HAND: Record<number, { sent: Record<string, HandWritten>; notSent: string[] }> = {
  // 2027: ISO week 1 begins Monday 4 January, so week N begins 4 January + 7·(N−1)
  // days (week 12: 22 March; 13: 29 March; 16: 19 April; 19: 10 May; 21: 24 May;
  // 23: 7 June; 26: 28 June). Easter Sunday is 28 March: skærtorsdag 25, langfredag 26
  // and 2. påskedag 29 March are holidays; Kristi himmelfartsdag Thursday 6 May;
  // 2. pinsedag Monday 17 May. Summer time (+02:00) from Sunday 28 March.
  // Meetings move to the same weekday of the same week: udvalg-juni Monday 7 June,
  // its material due Monday 10 May.
  2027: {
    sent: {
      // SBV phase 1, weeks 12-13, due Friday 2 April. Five working days back: 1 April,
      // 31, 30 March, (29, 28, 27, 26, 25 skipped: Easter and a weekend), 24, 23 March.
      // Still winter time on the 23rd.
      'sbv/phase/1/reminder/2027-03-23': { at: '2027-03-23T09:00:00+01:00', recipients: SBV_LEADS },
      // One working day back is Thursday 1 April, in summer time.
      'sbv/phase/1/reminder/2027-04-01': { at: '2027-04-01T09:00:00+02:00', recipients: SBV_LEADS },
      'sbv/phase/1/reminder/2027-04-02': { at: '2027-04-02T09:00:00+02:00' },
      // SBV 2A, weeks 14-16, due Friday 23 April: 22, 21, 20, 19, 16 April.
      'sbv/phase/2A/reminder/2027-04-16': { at: '2027-04-16T09:00:00+02:00' },
      // 2A is 3 working days late (completed Wednesday 28 April): one escalation, on the
      // first working day after the due date, Monday 26 April.
      'sbv/phase/2A/escalation/2027-04-26': { at: '2027-04-26T09:00:00+02:00', recipients: SBV_ESCALATION },
      // SBV 2C, weeks 17-21, due Friday 28 May; 7 working days late (completed 8 June).
      // Escalations on Monday 31 May and 5 working days on (1, 2, 3, 4, 7 June).
      'sbv/phase/2C/reminder/2027-05-21': { at: '2027-05-21T09:00:00+02:00' },
      'sbv/phase/2C/escalation/2027-05-31': { at: '2027-05-31T09:00:00+02:00', recipients: SBV_ESCALATION },
      'sbv/phase/2C/escalation/2027-06-07': { at: '2027-06-07T09:00:00+02:00' },
      // SBV's June material, due Monday 10 May: back 7 May, (6 May Kristi
      // himmelfartsdag), 5, 4, 3 May and Friday 30 April.
      'sbv/material/udvalg-juni/reminder/2027-04-30': { at: '2027-04-30T09:00:00+02:00', recipients: SBV_LEADS },
      'sbv/material/udvalg-juni/reminder/2027-05-07': { at: '2027-05-07T09:00:00+02:00' },
      // Nobody approves material here: escalations from Tuesday 11 May, then 12, 13, 14,
      // (17 May 2. pinsedag), 18, 19 May.
      'sbv/material/udvalg-juni/escalation/2027-05-11': {
        at: '2027-05-11T09:00:00+02:00',
        recipients: SBV_ESCALATION,
      },
      'sbv/material/udvalg-juni/escalation/2027-05-19': { at: '2027-05-19T09:00:00+02:00' },
      // Klima phase 1, weeks 13-14, due Friday 9 April; 1 day late: one escalation
      // Monday 12 April, to its lead, its owner and the secretariat.
      'klima/phase/1/escalation/2027-04-12': {
        at: '2027-04-12T09:00:00+02:00',
        recipients: ['pl-klima@example.org', 'projektejer-klima@example.org', 'sekretariat@example.org'],
      },
      // Ledige 2B, weeks 15-20, due Friday 21 May: five back is Thursday 13 May
      // (20, 19, 18, then 2. pinsedag skipped, 14, 13).
      'ledige/phase/2B/reminder/2027-05-13': { at: '2027-05-13T09:00:00+02:00', recipients: ['pl-ledige@example.org'] },
      // 12 working days late (completed Tuesday 8 June): 24 May, 31 May, 7 June.
      'ledige/phase/2B/escalation/2027-05-24': { at: '2027-05-24T09:00:00+02:00' },
      'ledige/phase/2B/escalation/2027-05-31': { at: '2027-05-31T09:00:00+02:00' },
      'ledige/phase/2B/escalation/2027-06-07': { at: '2027-06-07T09:00:00+02:00' },
      // Byens rum phase 3, weeks 23-26, due Friday 2 July; 6 working days late
      // (completed Monday 12 July at 15:00): 5 July, and 12 July in the morning.
      'byens-rum/phase/3/reminder/2027-06-25': { at: '2027-06-25T09:00:00+02:00' },
      'byens-rum/phase/3/escalation/2027-07-05': { at: '2027-07-05T09:00:00+02:00' },
      'byens-rum/phase/3/escalation/2027-07-12': { at: '2027-07-12T09:00:00+02:00' },
    },
    // What must not go out: the escalation after a phase was completed, and any
    // reminder on a holiday.
    notSent: [
      'sbv/phase/2A/escalation/2027-05-03',
      'sbv/phase/2C/escalation/2027-06-14',
      'ledige/phase/2B/escalation/2027-06-14',
      'klima/phase/1/escalation/2027-04-19',
      'sbv/phase/1/reminder/2027-03-25',
      'sbv/phase/1/reminder/2027-03-29',
      'ledige/phase/2B/reminder/2027-05-17',
    ],
  },
  // 2028 (a leap year): ISO week 1 begins Monday 3 January (week 12: 20 March; 13: 27
  // March; 16: 17 April; 19: 8 May; 21: 22 May; 23: 5 June; 26: 26 June). Easter Sunday
  // is 16 April: skærtorsdag 13, langfredag 14 and 2. påskedag 17 April; Kristi
  // himmelfartsdag Thursday 25 May; 2. pinsedag Monday 5 June. Summer time from Sunday
  // 26 March. udvalg-juni is Monday 5 June (a holiday, kept as written), its material
  // due Monday 8 May.
  2028: {
    sent: {
      // SBV phase 1 due Friday 31 March: back 30, 29, 28, 27, 24 March; the 24th is
      // still winter time, the 30th summer time.
      'sbv/phase/1/reminder/2028-03-24': { at: '2028-03-24T09:00:00+01:00', recipients: SBV_LEADS },
      'sbv/phase/1/reminder/2028-03-30': { at: '2028-03-30T09:00:00+02:00', recipients: SBV_LEADS },
      'sbv/phase/1/reminder/2028-03-31': { at: '2028-03-31T09:00:00+02:00' },
      // SBV 2A, weeks 14-16: week 16 opens with 2. påskedag, its last working day is
      // Friday 21 April. Back 20, 19, 18, (17, 14, 13 Easter), 12, 11 April.
      'sbv/phase/2A/reminder/2028-04-11': { at: '2028-04-11T09:00:00+02:00' },
      'sbv/phase/2A/reminder/2028-04-20': { at: '2028-04-20T09:00:00+02:00' },
      // 3 working days late (completed Wednesday 26 April): one escalation, Monday 24 April.
      'sbv/phase/2A/escalation/2028-04-24': { at: '2028-04-24T09:00:00+02:00', recipients: SBV_ESCALATION },
      // SBV 2C due Friday 26 May: back (25 May Kristi himmelfartsdag) 24, 23, 22, 19, 18 May.
      'sbv/phase/2C/reminder/2028-05-18': { at: '2028-05-18T09:00:00+02:00' },
      'sbv/phase/2C/reminder/2028-05-24': { at: '2028-05-24T09:00:00+02:00' },
      // 7 working days late (completed Wednesday 7 June): Monday 29 May, then 30, 31 May,
      // 1, 2, (5 June 2. pinsedag) 6 June.
      'sbv/phase/2C/escalation/2028-05-29': { at: '2028-05-29T09:00:00+02:00', recipients: SBV_ESCALATION },
      'sbv/phase/2C/escalation/2028-06-06': { at: '2028-06-06T09:00:00+02:00' },
      // SBV's June material due Monday 8 May: back 5, 4, 3, 2 and 1 May.
      'sbv/material/udvalg-juni/reminder/2028-05-01': { at: '2028-05-01T09:00:00+02:00', recipients: SBV_LEADS },
      'sbv/material/udvalg-juni/reminder/2028-05-05': { at: '2028-05-05T09:00:00+02:00' },
      'sbv/material/udvalg-juni/escalation/2028-05-09': {
        at: '2028-05-09T09:00:00+02:00',
        recipients: SBV_ESCALATION,
      },
      'sbv/material/udvalg-juni/escalation/2028-05-16': { at: '2028-05-16T09:00:00+02:00' },
      // Klima phase 1 due Friday 7 April, one day late: Monday 10 April.
      'klima/phase/1/escalation/2028-04-10': {
        at: '2028-04-10T09:00:00+02:00',
        recipients: ['pl-klima@example.org', 'projektejer-klima@example.org', 'sekretariat@example.org'],
      },
      // Ledige 2B due Friday 19 May: back 18, 17, 16, 15, 12 May. 12 working days late
      // (completed Thursday 8 June): 22 May, 30 May (past 25 May), 7 June (past 5 June).
      'ledige/phase/2B/reminder/2028-05-12': { at: '2028-05-12T09:00:00+02:00', recipients: ['pl-ledige@example.org'] },
      'ledige/phase/2B/escalation/2028-05-22': { at: '2028-05-22T09:00:00+02:00' },
      'ledige/phase/2B/escalation/2028-05-30': { at: '2028-05-30T09:00:00+02:00' },
      'ledige/phase/2B/escalation/2028-06-07': { at: '2028-06-07T09:00:00+02:00' },
      // Byens rum phase 3 due Friday 30 June: back 29, 28, 27, 26, 23 June; 6 working
      // days late (completed Monday 10 July at 15:00): 3 July and 10 July.
      'byens-rum/phase/3/reminder/2028-06-23': { at: '2028-06-23T09:00:00+02:00' },
      'byens-rum/phase/3/escalation/2028-07-03': { at: '2028-07-03T09:00:00+02:00' },
      'byens-rum/phase/3/escalation/2028-07-10': { at: '2028-07-10T09:00:00+02:00' },
    },
    notSent: [
      'sbv/phase/2A/escalation/2028-05-01',
      'sbv/phase/2C/escalation/2028-06-13',
      'ledige/phase/2B/escalation/2028-06-14',
      'klima/phase/1/escalation/2028-04-20',
      'sbv/phase/2A/reminder/2028-04-13',
      'sbv/phase/2A/reminder/2028-04-17',
      'sbv/phase/2C/reminder/2028-05-25',
    ],
  },
};

describe('the Aarhus programme on the time-skipping test server, March to August', () => {
  // The weekly status reports (a PDF each) and the leads' note requests ride along.
  jest.setTimeout(360_000);
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
      // The meetings' workflows go on: material reminders and packages up to the last meeting.
      const last = plan.meetings[plan.meetings.length - 1];
      await kit.sleepUntil(calendarOf(plan).atMillis(last.date, '23:00'));
    });

    const expected = computeSchedule(plan, { startedAt, phaseCompleted, gateOpened, until: plan.ends }).filter((e) =>
      SENT_KINDS.has(e.kind),
    );
    // Lateness must have produced escalations, or this test would prove little.
    expect(expected.filter((e) => e.kind === 'phase-escalation').length).toBeGreaterThanOrEqual(5);
    expect(expected.filter((e) => e.kind === 'phase-reminder').length).toBeGreaterThan(50);

    // Each notification once, at the instant the schedule gives, to the people it names.
    const firstAttempts = kit.sendCalls.filter((c) => c.attempt === 1 && !NOTE_KINDS.has(c.kind));
    // Keys are the sending workflow's id and the event's key.
    const sentByKey = new Map(
      firstAttempts.map((c) => [
        c.key.replace(/^programme\/[^/]+\/((sub-analysis|meeting)\/[^/]+|status-reports)\//, ''),
        c,
      ]),
    );
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

    // The dates themselves, against the table worked out by hand.
    const byHand = BY_HAND[year];
    if (!byHand) throw new Error(`No hand-written instants for ${year} in BY_HAND: work them out and add them`);
    const wrong: string[] = [];
    for (const [key, want] of Object.entries(byHand.sent)) {
      const sent = sentByKey.get(key);
      if (!sent) {
        wrong.push(`${key}: not sent`);
        continue;
      }
      if (Math.abs(sent.scheduledAtMs - Date.parse(want.at)) >= 60_000) {
        wrong.push(`${key}: sent at ${new Date(sent.scheduledAtMs).toISOString()}, expected ${want.at}`);
      }
      if (want.recipients && JSON.stringify(sent.recipients) !== JSON.stringify(want.recipients)) {
        wrong.push(`${key}: sent to ${sent.recipients.join(', ')}, expected ${want.recipients.join(', ')}`);
      }
    }
    for (const key of byHand.notSent) if (sentByKey.has(key)) wrong.push(`${key}: sent, but must not be`);
    expect(wrong).toEqual([]);

    // Before each report the leads of every sub-analysis were asked once and, with no note
    // given, reminded once.
    const reports = expected.filter((e) => e.kind === 'status-report');
    expect(reports.length).toBeGreaterThan(20);
    const notes = kit.sendCalls.filter((c) => c.attempt === 1 && NOTE_KINDS.has(c.kind));
    expect(new Set(notes.map((c) => c.key)).size).toBe(notes.length);
    expect(notes.length).toBe(reports.length * plan.subAnalyses.length * 2);

    // A real SMTP server received every one of them, once, with a Danish text.
    expect(kit.smtp.received.length).toBe(expected.length + notes.length);
    const rows = await kit.dataSource.getRepository(NotificationEntity).find();
    expect(rows.length).toBe(expected.length + notes.length);
    expect(rows.every((r) => r.sentAt !== null && r.transport === 'smtp')).toBe(true);
    // The meeting package went out with the agenda attached and an invitation.
    const packages = kit.smtp.received.filter((m) => m.subject.startsWith('Mødepakke udsendes'));
    expect(packages).toHaveLength(plan.meetings.length);
    for (const m of packages) {
      expect(
        m.attachments.some((a) => a.contentType === 'application/pdf' && a.filename?.startsWith('Dagsorden')),
      ).toBe(true);
      expect(m.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    }
    const escalation = kit.smtp.received.find((m) => m.subject.startsWith('Overskredet:'))!;
    expect(escalation.text).toMatch(/uge \d+/);
    expect(escalation.text).toContain('http://spor.test/programmes/');

    await recordHistories(client, [
      ['programme', programmeWorkflowId(programmeId)],
      ['sub-analysis-sbv', subAnalysisWorkflowId(programmeId, 'sbv')],
      ['sub-analysis-klima', subAnalysisWorkflowId(programmeId, 'klima')],
      ['meeting-juni', meetingWorkflowId(programmeId, 'udvalg-juni')],
      ['status-reports', statusReportWorkflowId(programmeId)],
    ]);
  });
});
