import { computePlan, computeSchedule, isNotifying, type ScheduledEventKind, SENDER_OF } from '../libs/plan';
import { loadDefaultProgramme } from '../libs/plan/default-programme';
import { checkScenario, rehearsalInstance } from '../libs/rehearsal';
import { type RehearsalResult, rehearse } from '../apps/rehearsal/runner';

/** The time-skipping server binary and the workflow bundle test/global-setup.ts provides. */
const options = () => ({
  workflowBundlePath: process.env.SPOR_TEST_WORKFLOW_BUNDLE!,
  testServerPath: process.env.TEMPORAL_TEST_SERVER_PATH,
  timeLimitMs: 300_000,
});

const SCHEDULE_KINDS = new Set(Object.keys(SENDER_OF));

describe('rehearsing the Aarhus programme on the time-skipping server', () => {
  jest.setTimeout(400_000);
  const definition = loadDefaultProgramme();
  let onPlan: RehearsalResult;

  beforeAll(async () => {
    onPlan = await rehearse({ definition, steps: [] }, options());
  });

  it('sends, with no scenario, exactly the e-mails the schedule preview announces', () => {
    // The year the rehearsal ran the programme in: the first where it lies ahead.
    const { definition: instance } = rehearsalInstance(definition, Date.parse(onPlan.summary.from));
    expect(onPlan.summary.year).toBe(instance.year);
    const plan = computePlan(instance);
    const expected = computeSchedule(plan).filter((e) => e.notify && !e.conditional);
    const sent = onPlan.events.filter(
      (e) => e.type === 'email' && SCHEDULE_KINDS.has(e.kind) && isNotifying(e.kind as ScheduledEventKind),
    );
    expect(expected.length).toBeGreaterThan(50);
    const line = (kind: string, at: string, recipients: string[] | undefined, subject: string | undefined) =>
      // Minutes: the workflow schedules the send when its timer fires, at the planned instant.
      `${new Date(Math.round(Date.parse(at) / 60_000) * 60_000).toISOString()} ${kind} ${subject} → ${recipients?.join(',')}`;
    expect(sent.map((e) => line(e.kind, e.at, e.recipients, e.subject)).sort()).toEqual(
      expected.map((e) => line(e.kind, e.at, e.recipients, e.title)).sort(),
    );
    // On plan nothing escalates, nothing is refused and nothing is left overdue.
    expect(onPlan.summary.escalations).toEqual([]);
    expect(onPlan.summary.refused).toBe(0);
    expect(onPlan.summary.overdue).toEqual([]);
  });

  it("records phases, gates, documents and the e-mails of the people's own actions", () => {
    const kinds = (type: string) => new Set(onPlan.events.filter((e) => e.type === type).map((e) => e.kind));
    for (const k of [
      'phase-started',
      'phase-completed',
      'gate-opened',
      'decision',
      'deliverable-submitted',
      'deliverable-approved',
    ]) {
      expect(kinds('history').has(k)).toBe(true);
    }
    for (const k of ['agenda', 'package', 'protocol', 'status-report']) expect(kinds('document').has(k)).toBe(true);
    expect(kinds('email').has('material-submitted')).toBe(true);
    expect(kinds('email').has('protocol')).toBe(true);
    // Time order, and the summary counts what the trace holds.
    const times = onPlan.events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const emails = onPlan.events.filter((e) => e.type === 'email');
    expect(onPlan.summary.emails).toBe(emails.length);
    expect(onPlan.summary.emailsPerPerson['sekretariat@example.org']).toBe(
      emails.filter((e) => e.recipients?.includes('sekretariat@example.org')).length,
    );
  });

  it('escalates a late phase, refuses a step that cannot happen, and goes on', async () => {
    const year = definition.year;
    const { steps, problems } = checkScenario(
      [
        // SBV's phase 2A is due Friday of week 16; completed 6 working days late.
        { at: `${year}-W17-5`, do: 'complete', subAnalysis: 'sbv', phase: '2A' },
        // Phase 3 waits for the June meeting: it cannot be completed in week 18.
        { at: `${year}-W18-2`, do: 'complete', subAnalysis: 'sbv', phase: '3' },
        // The June material is sent back once, then approved.
        { at: `${year}-W19-1`, do: 'submit', subAnalysis: 'sbv', meeting: 'udvalg-juni' },
        {
          at: `${year}-W19-2`,
          do: 'request-changes',
          subAnalysis: 'sbv',
          meeting: 'udvalg-juni',
          comment: 'Mangler tal',
        },
        { at: `${year}-W19-4`, do: 'submit', subAnalysis: 'sbv', meeting: 'udvalg-juni' },
        { at: `${year}-W19-5`, do: 'approve', subAnalysis: 'sbv', meeting: 'udvalg-juni' },
      ],
      definition,
    );
    expect(problems).toEqual([]);
    const result = await rehearse({ definition, steps, include: { bodies: true, documents: true } }, options());

    const escalations = result.summary.escalations.filter((e) => e.subAnalysis === 'sbv' && e.phase === '2A');
    expect(escalations.length).toBeGreaterThanOrEqual(1);
    expect(escalations[0].kind).toBe('phase-escalation');

    const refused = result.events.filter((e) => e.type === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toEqual(expect.objectContaining({ kind: 'complete', subAnalysis: 'sbv', phase: '3', step: 1 }));
    expect(refused[0].text).toMatch(/3/);
    expect(result.summary.refused).toBe(1);

    const sentBack = result.events.filter((e) => e.type === 'email' && e.kind === 'material-changes-requested');
    expect(sentBack).toHaveLength(1);
    expect(sentBack[0].body).toContain('Mangler tal');
    // The rehearsal went on: the June package went out, and phase 3 was completed by default later.
    expect(
      result.events.some((e) => e.type === 'document' && e.kind === 'package' && e.meeting === 'udvalg-juni'),
    ).toBe(true);
    const pdf = result.events.find((e) => e.type === 'document' && e.kind === 'protocol')!;
    expect(Buffer.from(pdf.content!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      result.events.some(
        (e) => e.type === 'history' && e.kind === 'phase-completed' && e.subAnalysis === 'sbv' && e.phase === '3',
      ),
    ).toBe(true);
  });

  it("passes on every decision of a meeting, and refuses one after the meeting's end in the people's words", async () => {
    const year = definition.year;
    const { steps, problems } = checkScenario(
      [
        // At the meeting's own hour, just before the default decisions on the other items.
        { at: `${year}-06-02`, do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'ikke-tiltraadt' },
        // Every item is decided by then and the package has gone: the meeting has ended.
        { at: `${year}-07-15`, do: 'decide', subAnalysis: 'sbv', meeting: 'udvalg-juni', outcome: 'godkendt' },
      ],
      definition,
    );
    expect(problems).toEqual([]);
    const result = await rehearse({ definition, steps }, options());
    const plan = computePlan(definition);
    const items = plan.subAnalyses.filter((s) => s.deliverables.some((d) => d.meeting === 'udvalg-juni'));
    const juneDecisions = result.events.filter(
      (e) => e.type === 'history' && e.kind === 'decision' && e.text?.includes('foreløbige'),
    );
    // The default decisions came while sbv's protocol was being made; they were passed on too.
    expect(new Set(juneDecisions.map((e) => e.subAnalysis))).toEqual(new Set(items.map((s) => s.id)));
    const opened = result.events.filter((e) => e.type === 'history' && e.kind === 'gate-opened');
    expect(opened.map((e) => e.subAnalysis).sort()).toEqual(
      items
        .map((s) => s.id)
        .filter((id) => id !== 'sbv')
        .sort(),
    );
    // Only the late decision is refused, with why; no default is planned on top of it.
    const refused = result.events.filter((e) => e.type === 'refused');
    expect(refused.map((e) => [e.kind, e.subAnalysis, e.step])).toEqual([['decide', 'sbv', 1]]);
    expect(refused[0].text).toBe(
      'Mødet udvalg-juni er afsluttet (pakken er sendt, og alle punkter er besluttet) og tager ikke imod flere trin',
    );
  });
});
