import { MeetingStateEntity } from '../../libs/persistence';
import { instantiateForYear } from '../../libs/plan';
import { loadDefaultProgramme } from '../../libs/plan/default-programme';
import { pdfFile, pdfText, readZip } from '../../libs/documents/test-fixtures';
import type { MeetingSnapshot, StoredFile } from '../../libs/read-model/meeting';
import { meetingWorkflowId, programmeWorkflowId, subAnalysisWorkflowId } from '../../workflows/ids';
import {
  approveDeliverableUpdate,
  meetingQuery,
  recordDecisionsUpdate,
  requestChangesUpdate,
  submitDeliverableUpdate,
} from '../../workflows/meeting/messages';
import { programmeWorkflow } from '../../workflows/programme/programme.workflow';
import { completePhaseUpdate, stateQuery } from '../../workflows/sub-analysis/messages';
import { recordHistories } from '../support/histories';
import { WorkflowTestKit, startWorkflowKit } from '../support/workflow-env';

const SECRETARIAT = 'sekretariat@example.org';
const LEAD = 'pl-borgerservice@example.org';

/**
 * The June meeting of the year the test runs the programme in (the time-skipping
 * server's clock starts at the real now), worked out by hand. The meeting is Monday of
 * week 23, the material due Monday of week 19; the package goes out 5 working days
 * before the meeting, at 09:00.
 */
const JUNE: Record<number, { meeting: string; materialDue: string; packageAt: string; days: Record<string, string> }> =
  {
    // 2027: week 23 begins Monday 7 June; week 19 Monday 10 May. Five working days before
    // 7 June: 4, 3, 2, 1 June and Monday 31 May (no holiday in between; Kristi
    // himmelfartsdag is 6 May, 2. pinsedag 17 May).
    2027: {
      meeting: '2027-06-07',
      materialDue: '2027-05-10',
      packageAt: '2027-05-31T09:00:00+02:00',
      days: {
        v1: '2027-04-26',
        changes: '2027-04-27',
        reminder: '2027-04-30',
        v2: '2027-05-03',
        approve: '2027-05-04',
      },
    },
    // 2028: week 23 begins Monday 5 June (2. pinsedag, but a meeting date is kept as
    // written); week 19 Monday 8 May. Five working days before 5 June: 2 June, 1 June,
    // 31, 30 and Monday 29 May (Kristi himmelfartsdag is 25 May, before that).
    2028: {
      meeting: '2028-06-05',
      materialDue: '2028-05-08',
      packageAt: '2028-05-29T09:00:00+02:00',
      days: {
        v1: '2028-04-24',
        changes: '2028-04-25',
        reminder: '2028-04-28',
        v2: '2028-05-01',
        approve: '2028-05-02',
      },
    },
  };

describe('a committee meeting on the time-skipping test server, from material to decisions', () => {
  let kit: WorkflowTestKit;
  beforeAll(async () => {
    kit = await startWorkflowKit();
  });
  afterAll(async () => {
    await kit?.stop();
  });

  it('collects, reviews and sends the material, then decisions open one gate and keep another closed', async () => {
    const year = new Date(await kit.env.currentTimeMs()).getUTCFullYear() + 1;
    const june = JUNE[year];
    if (!june) throw new Error(`No hand-worked June meeting for ${year}: add it to JUNE`);
    const definition = instantiateForYear(loadDefaultProgramme(), year);
    const programmeId = definition.id;
    await kit.addProgramme(definition);
    const client = kit.env.client;
    const meeting = client.workflow.getHandle(meetingWorkflowId(programmeId, 'udvalg-juni'));
    const sbv = client.workflow.getHandle(subAnalysisWorkflowId(programmeId, 'sbv'));
    const klima = client.workflow.getHandle(subAnalysisWorkflowId(programmeId, 'klima'));
    const at = (day: string, time = '12:00') => Date.parse(`${day}T${time}:00+02:00`);
    const upload = async (text: string): Promise<StoredFile> => {
      const stored = await kit.files.put(await pdfFile(text), 10_000_000);
      return { ...stored, fileName: 'Foreløbige analysefund.pdf', kind: 'pdf', contentType: 'application/pdf' };
    };
    const complete = (handle: typeof sbv, code: string, by: string) =>
      handle.executeUpdate(completePhaseUpdate, { args: [{ code, by }] });

    await kit.runWorker(async () => {
      await client.workflow.start(programmeWorkflow, {
        workflowId: programmeWorkflowId(programmeId),
        taskQueue: kit.taskQueue,
        args: [{ programmeId, definition, publicUrl: 'http://spor.test' }],
      });
      // sbv does its phases up to 2C, so that phase 3 waits only for the committee.
      await kit.sleepUntil(at(`${year}-04-01`));
      await complete(sbv, '1', LEAD);
      await kit.sleepUntil(at(`${year}-04-20`));
      await complete(sbv, '2A', LEAD);
      await complete(sbv, '2B', LEAD);
      // klima too: phase 1, then 2A and 2B (weeks 15-20).
      await complete(klima, '1', 'pl-klima@example.org');

      const snap0 = await meeting.query(meetingQuery);
      expect(snap0).toMatchObject({ date: june.meeting, materialDue: june.materialDue, packageAt: june.packageAt });

      await kit.sleepUntil(at(june.days.v1));
      const v1 = await upload('Første udkast');
      let snap: MeetingSnapshot = await meeting.executeUpdate(submitDeliverableUpdate, {
        args: [{ subAnalysis: 'sbv', file: v1, comment: 'Første udkast', by: LEAD }],
      });
      expect(snap.deliverables.find((d) => d.subAnalysis === 'sbv')).toMatchObject({ state: 'submitted' });

      await kit.sleepUntil(at(june.days.changes));
      snap = await meeting.executeUpdate(requestChangesUpdate, {
        args: [{ subAnalysis: 'sbv', comment: 'Tilføj kildeliste og resumé', by: SECRETARIAT }],
      });
      expect(snap.deliverables.find((d) => d.subAnalysis === 'sbv')!.state).toBe('changes_requested');

      // Material sent back is still the lead's to deliver: the reminder goes out.
      await kit.sleepUntil(at(june.days.reminder, '10:00'));
      await kit.sleepUntil(at(june.days.v2));
      const v2 = await upload('Rettet udkast med kildeliste');
      snap = await meeting.executeUpdate(submitDeliverableUpdate, {
        args: [{ subAnalysis: 'sbv', file: v2, by: LEAD }],
      });
      expect(snap.deliverables.find((d) => d.subAnalysis === 'sbv')!.versions.map((v) => v.number)).toEqual([1, 2]);
      await kit.sleepUntil(at(june.days.approve));
      snap = await meeting.executeUpdate(approveDeliverableUpdate, { args: [{ subAnalysis: 'sbv', by: SECRETARIAT }] });
      expect(snap.deliverables.find((d) => d.subAnalysis === 'sbv')).toMatchObject({
        state: 'approved',
        approvedVersion: 2,
      });

      await kit.sleepUntil(at(`${year}-05-28`));
      await complete(sbv, '2C', LEAD);

      // The package goes out on its day, not before.
      await kit.sleepUntil(Date.parse(june.packageAt) - 60_000);
      expect((await meeting.query(meetingQuery)).package.sentAt).toBeUndefined();
      await kit.sleepUntil(Date.parse(june.packageAt) + 3_600_000);
      const sent = await meeting.query(meetingQuery);
      expect(sent.package.sentAt).toBeDefined();

      // A sub-analysis whose workflow has ended can still be decided on.
      await client.workflow.getHandle(subAnalysisWorkflowId(programmeId, 'ledige')).terminate('finished early');

      // After the meeting: sbv's item approved with input, klima's dropped.
      await kit.sleepUntil(at(june.meeting, '17:00'));
      await meeting.executeUpdate(recordDecisionsUpdate, {
        args: [
          {
            items: [
              { subAnalysis: 'sbv', outcome: 'godkendt', input: 'Udvalget ønsker scenarie B uddybet i fase 3.' },
              { subAnalysis: 'klima', outcome: 'udgaaet', input: '' },
              { subAnalysis: 'ledige', outcome: 'taget-til-efterretning', input: '' },
            ],
            by: SECRETARIAT,
          },
        ],
      });
      await kit.sleepUntil(at(june.meeting, '18:00'));

      const sbvState = await sbv.query(stateQuery);
      const phase3 = sbvState.phases.find((p) => p.code === '3')!;
      expect(phase3.gate).toMatchObject({ open: true, openedBy: SECRETARIAT });
      expect(phase3.state).toBe('active');
      expect(sbvState.decisions).toEqual([
        expect.objectContaining({
          meeting: 'udvalg-juni',
          outcome: 'godkendt',
          input: 'Udvalget ønsker scenarie B uddybet i fase 3.',
        }),
      ]);
      const klimaPhase3 = (await klima.query(stateQuery)).phases.find((p) => p.code === '3')!;
      expect(klimaPhase3.gate).toMatchObject({ open: false });
      expect(klimaPhase3.state).toBe('planned');
      // For the replay test: a meeting's history with material, the package and decisions.
      await recordHistories(client, [['meeting-decided', meetingWorkflowId(programmeId, 'udvalg-juni')]]);
    });

    // What the people received, on a real SMTP server.
    const mails = kit.smtp.received;
    const toSecretariat = mails.filter((m) => m.subject.startsWith('Nyt materiale') && m.to.includes(SECRETARIAT));
    expect(toSecretariat).toHaveLength(2);
    const changes = mails.find((m) => m.subject.startsWith('Rettelser ønsket'))!;
    expect(changes.to).toEqual(['pl-borgerservice@example.org', 'pl-virksomhedsservice@example.org']);
    expect(changes.text).toContain('Tilføj kildeliste og resumé');
    const keys = kit.sendCalls.filter((c) => c.attempt === 1).map((c) => c.key);
    const prefix = `programme/${programmeId}/meeting/udvalg-juni/`;
    expect(keys).toContain(`${prefix}sbv/material/udvalg-juni/reminder/${june.days.reminder}`);
    // Approved on the 4th: no reminder for sbv after it, while the others still get theirs.
    const later = keys.filter(
      (k) =>
        k.startsWith(`${prefix}sbv/material/`) && k > `${prefix}sbv/material/udvalg-juni/reminder/${june.days.approve}`,
    );
    expect(later).toEqual([]);
    expect(keys.some((k) => k.startsWith(`${prefix}ledige/material/udvalg-juni/escalation/`))).toBe(true);

    const pkg = mails.find((m) => m.subject.startsWith('Mødepakke udsendes: «Udvalgsmøde: foreløbige analysefund»'))!;
    expect(pkg.to).toEqual(expect.arrayContaining([SECRETARIAT, 'borgmester@example.org']));
    const agenda = pkg.attachments.find((a) => a.contentType === 'application/pdf')!;
    const agendaText = await pdfText(agenda.content);
    expect(agendaText).toContain('Bilag 2.1');
    expect(agendaText).toMatch(/Godkendelse af dagsorden/);
    expect(agendaText).toMatch(/Ressourcestærke ledige/);
    expect(agendaText).toMatch(/mangler/);
    expect(pkg.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);

    // The package zip holds the agenda and exactly the approved file, byte for byte.
    const row = await kit.dataSource
      .getRepository(MeetingStateEntity)
      .findOneByOrFail({ programmeId, meetingId: 'udvalg-juni' });
    const stored = JSON.parse(row.snapshot) as MeetingSnapshot;
    const zip = await readZip(await kit.files.read(stored.package.zipSha256!));
    const approved = stored.deliverables.find((d) => d.subAnalysis === 'sbv')!.versions[1];
    expect(zip.map((e) => e.name)).toEqual([
      expect.stringMatching(/^Dagsorden/),
      'Punkt 2 - Bilag 1 - Foreløbige analysefund.pdf',
    ]);
    expect(zip[1].bytes.equals(await kit.files.read(approved.sha256))).toBe(true);

    // The protocol went to the committee, the secretariat and the affected leads and owners.
    const protocol = mails.find((m) => m.subject.startsWith('Beslutningsprotokol'))!;
    expect(protocol.to).toEqual(
      expect.arrayContaining([
        SECRETARIAT,
        'borgmester@example.org',
        LEAD,
        'projektejer-sbv@example.org',
        'pl-klima@example.org',
      ]),
    );
    const protocolText = await pdfText(protocol.attachments.find((a) => a.contentType === 'application/pdf')!.content);
    expect(protocolText).toContain('Beslutning for Punkt 2');
    expect(protocolText).toContain('scenarie B');
    expect(protocolText).toMatch(/udgået/i);
    expect(stored.protocol).toMatchObject({ number: 1 });
  });
});
