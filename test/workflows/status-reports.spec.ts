import { StatusReportEntity } from '../../libs/persistence';
import { computePlan, instantiateForYear } from '../../libs/plan';
import { loadDefaultProgramme } from '../../libs/plan/default-programme';
import type { StatusReport } from '../../libs/reports';
import { statusReportWorkflowId } from '../../workflows/ids';
import { giveStatusNoteUpdate, makeReportNowUpdate } from '../../workflows/status-report/messages';
import { statusReportWorkflow } from '../../workflows/status-report/status-report.workflow';
import { WorkflowTestKit, startWorkflowKit } from '../support/workflow-env';

/**
 * The report days worked out by hand for the year the test runs the programme in (the
 * test server's clock starts at the real now; the programme runs the next year). Aarhus
 * reports every Monday at 08:00 from the plan's first week (12) through the last
 * meeting (udvalg-august, Monday of week 35); a Monday that is a holiday moves to the
 * Tuesday. Summer time (+02:00) begins the last Sunday of March.
 */
const BY_HAND: Record<number, { week12Monday: string; moved: Record<string, string>; summerFrom: string }> = {
  // 2027: week 12 begins Monday 22 March. 2. påskedag is Monday 29 March, 2. pinsedag
  // Monday 17 May. Summer time from Sunday 28 March.
  2027: {
    week12Monday: '2027-03-22',
    moved: { '2027-03-29': '2027-03-30', '2027-05-17': '2027-05-18' },
    summerFrom: '2027-03-28',
  },
  // 2028: week 12 begins Monday 20 March. 2. påskedag is Monday 17 April, 2. pinsedag
  // (and grundlovsdag) Monday 5 June. Summer time from Sunday 26 March.
  2028: {
    week12Monday: '2028-03-20',
    moved: { '2028-04-17': '2028-04-18', '2028-06-05': '2028-06-06' },
    summerFrom: '2028-03-26',
  },
};

/** The 24 Mondays of weeks 12 to 35, each at 08:00 local time, holidays moved as above. */
function expectedInstants(year: number): string[] {
  const hand = BY_HAND[year];
  if (!hand) throw new Error(`No hand-written report days for ${year}: add them to BY_HAND`);
  const monday0 = Date.parse(`${hand.week12Monday}T00:00:00Z`);
  return Array.from({ length: 24 }, (_, i) => {
    const monday = new Date(monday0 + i * 7 * 86_400_000).toISOString().slice(0, 10);
    const day = hand.moved[monday] ?? monday;
    return `${day}T08:00:00${day >= hand.summerFrom ? '+02:00' : '+01:00'}`;
  });
}

const STEERING_AND_SECRETARIAT = ['it-chef@example.org', 'sekretariat@example.org', 'stadsdirektoer@example.org'];

describe('status reports over the Aarhus programme', () => {
  let kit: WorkflowTestKit;
  jest.setTimeout(600_000);

  beforeAll(async () => {
    kit = await startWorkflowKit();
  });
  afterAll(async () => {
    await kit?.stop();
  });

  it('sends each report once on its day, asks the leads and reminds them once, and shows their note', async () => {
    const year = new Date(await kit.env.currentTimeMs()).getUTCFullYear() + 1;
    // Two sub-analyses keep the run short; the cadence does not depend on them.
    const full = instantiateForYear(loadDefaultProgramme(), year);
    const definition = { ...full, subAnalyses: full.subAnalyses.filter((s) => s.id === 'sbv' || s.id === 'klima') };
    const plan = computePlan(definition);
    const programmeId = definition.id;
    await kit.addProgramme(definition);
    const expected = expectedInstants(year);
    const [firstReport, secondReport] = expected;
    const workflowId = statusReportWorkflowId(programmeId);
    // The report asked for on the day after the first one, at 10:00.
    const onDemandId = `${new Date(Date.parse(`${firstReport.slice(0, 10)}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)}-1`;

    await kit.runWorker(async () => {
      const handle = await kit.env.client.workflow.start(statusReportWorkflow, {
        workflowId,
        taskQueue: kit.taskQueue,
        args: [{ programmeId, definition, publicUrl: 'http://spor.test' }],
      });
      // After the first request (two working days before the first report), SBV's lead
      // says it is late; nothing is overdue yet, so Spor says otherwise.
      await kit.sleepUntil(Date.parse(firstReport) - 3 * 86_400_000);
      const note = await handle.executeUpdate(giveStatusNoteUpdate, {
        args: [
          {
            subAnalysis: 'sbv',
            status: 'late',
            text: 'Vi venter på data fra fagsystemet.',
            by: plan.subAnalyses[0].projectLeads[0],
          },
        ],
      });
      expect(note).toMatchObject({ subAnalysis: 'sbv', status: 'late' });
      // Between the first and second report, the secretariat asks for one now.
      await kit.sleepUntil(Date.parse(firstReport) + 26 * 3_600_000);
      const onDemand = await handle.executeUpdate(makeReportNowUpdate, { args: [{ by: 'sekretariat@example.org' }] });
      expect(onDemand.id).toBe(onDemandId);
      await handle.result();
    });

    const rows = await kit.dataSource.getRepository(StatusReportEntity).find({ where: { programmeId } });
    const scheduled = rows.filter((r) => r.kind === 'scheduled').sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    expect(scheduled.map((r) => r.at)).toEqual(expected);
    expect(scheduled.map((r) => r.id)).toEqual(expected.map((at) => at.slice(0, 10)));
    expect(rows.filter((r) => r.kind === 'on-demand').map((r) => r.id)).toEqual([onDemandId]);

    // Every report reached the SMTP server once, to the steering group and the secretariat,
    // with the chart inline and the PDF attached.
    const reportMails = kit.smtp.received.filter((m) => m.subject.startsWith('Statusrapport for '));
    expect(reportMails).toHaveLength(expected.length + 1);
    expect(new Set(reportMails.map((m) => m.messageId)).size).toBe(reportMails.length);
    for (const mail of reportMails) {
      expect(mail.to).toEqual(STEERING_AND_SECRETARIAT);
      const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
      expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
      expect(mail.attachments.find((a) => a.related && a.contentType === 'image/png')).toBeDefined();
    }
    // Each went out on its day: right after the report was made (making it takes seconds
    // of the server's clock, which does not skip while an activity runs).
    const reportSends = kit.sendCalls.filter((c) => c.kind === 'status-report' && c.attempt === 1);
    for (const at of expected) {
      expect(
        reportSends.filter((c) => c.scheduledAtMs >= Date.parse(at) && c.scheduledAtMs < Date.parse(at) + 60_000),
      ).toHaveLength(1);
    }

    // The leads were asked before every report, each sub-analysis once; the one reminder
    // before the first report went only to Klima, whose lead had said nothing.
    const keys = kit.sendCalls.map((c) => c.key);
    const requests = keys.filter((k) => k.includes('/note-request/'));
    expect(new Set(requests).size).toBe(expected.length * 2);
    const firstDay = firstReport.slice(0, 10);
    expect(keys.filter((k) => k.includes(`/note-reminder/${firstDay}/`))).toEqual([
      `${workflowId}/note-reminder/${firstDay}/klima`,
    ]);
    const reminders = kit.smtp.received.filter((m) => m.subject.startsWith('Påmindelse: Din status'));
    expect(reminders).toHaveLength(1 + (expected.length - 1) * 2);

    // The note stands beside the computed status in the first report, flagged; the next
    // report no longer shows it.
    const report = (id: string) => JSON.parse(rows.find((r) => r.id === id)!.json) as StatusReport;
    const sbvFirst = report(firstDay).subAnalyses.find((s) => s.id === 'sbv')!;
    expect(sbvFirst.status).not.toBe('late');
    expect(sbvFirst.note).toMatchObject({
      status: 'late',
      disagrees: true,
      text: 'Vi venter på data fra fagsystemet.',
    });
    const firstMail = reportMails.find((m) => m.subject.includes(`(uge ${12})`))!;
    expect(firstMail.text).toContain('Vi venter på data fra fagsystemet.');
    expect(firstMail.text).toContain('Afviger fra den beregnede status');
    expect(report(secondReport.slice(0, 10)).subAnalyses.find((s) => s.id === 'sbv')!.note).toBeNull();
    // The report made on demand in between is the one the second report compares with.
    expect(report(secondReport.slice(0, 10)).previous?.date).toBe(onDemandId.slice(0, 10));

    // The activities retried after the report went out: the stored report is not made
    // again (the notes now given would change it), and nothing is sent a second time.
    const before = rows.find((r) => r.id === firstDay)!.json;
    const again = await kit.activities.makeStatusReport({
      programmeId,
      id: firstDay,
      kind: 'scheduled',
      at: firstReport,
      notes: {},
      key: `${workflowId}/status/${firstDay}`,
      publicUrl: 'http://spor.test',
    });
    const sent = await kit.activities.sendNotification(again.message);
    expect(sent.alreadySent).toBe(true);
    // A round of requests went as one batch; the batch retried sends none of them again.
    const round = kit.sendCalls
      .filter((c) => c.key.includes(`/note-request/${firstDay}/`) && c.attempt === 1)
      .map(({ scheduledAtMs: _at, attempt: _attempt, ...request }) => request);
    expect(round).toHaveLength(2);
    expect(
      new Set(kit.sendCalls.filter((c) => round.some((r) => r.key === c.key)).map((c) => c.scheduledAtMs)).size,
    ).toBe(1);
    const requestsBefore = kit.smtp.received.length;
    expect((await kit.activities.sendNotifications(round)).map((r) => r.alreadySent)).toEqual([true, true]);
    expect(kit.smtp.received).toHaveLength(requestsBefore);
    expect(
      (await kit.dataSource.getRepository(StatusReportEntity).findOneByOrFail({ programmeId, id: firstDay })).json,
    ).toBe(before);
    expect(kit.smtp.received.filter((m) => m.subject.startsWith('Statusrapport for '))).toHaveLength(
      expected.length + 1,
    );
  });
});
