import { ApplicationFailure } from '@temporalio/common';
import { defaultDefinition } from '../../libs/plan/test-fixtures';
import type { StoredFile } from '../../libs/read-model/meeting';
import { MeetingState, type MeetingTask } from './state';

const ids = { programmeId: 'aarhus', meetingId: 'udvalg-juni', workflowId: 'programme/aarhus/meeting/udvalg-juni' };
const at = (instant: string) => Date.parse(instant);
const SECRETARIAT = 'sekretariat@example.org';
const LEAD = 'pl-borgerservice@example.org';
const file = (sha: string): StoredFile => ({
  sha256: sha.repeat(64).slice(0, 64),
  fileName: 'Foreløbige analysefund.pdf',
  size: 1234,
  kind: 'pdf',
  contentType: 'application/pdf',
});

/** The June 2025 meeting (Monday 2 June; material due Monday 5 May), started 10 March. */
function june(): MeetingState {
  return new MeetingState(
    ids,
    MeetingState.fresh(defaultDefinition(), 'udvalg-juni', at('2025-03-10T08:00:00+01:00')),
    'https://spor.example.org',
  );
}

function failureOf(fn: () => void): ApplicationFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApplicationFailure) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('MeetingState', () => {
  it('lays out the agenda: approval first, one item per sub-analysis, Eventuelt last, material missing', () => {
    const agenda = june().agenda();
    expect(agenda.map((i) => [i.number, i.key])).toEqual([
      [1, 'godkendelse-af-dagsorden'],
      [2, 'sbv'],
      [3, 'ledige'],
      [4, 'byens-rum'],
      [5, 'relationel-velfaerd'],
      [6, 'klima'],
      [7, 'eventuelt'],
    ]);
    const sbv = agenda[1];
    // Phase 3 of sbv waits on this meeting: the committee's input is asked for.
    expect(sbv).toMatchObject({ title: 'Samlet Borger- og Virksomhedsservice', method: 'drøftelse', minutes: 20 });
    expect(sbv.recommendation).toMatch(/^Det indstilles, at udvalget drøfter/);
    expect(sbv.attachments).toEqual([{ number: '2.1', title: 'Foreløbige analysefund', subAnalysis: 'sbv' }]);
  });

  it('numbers versions, sends a new one back to review, and keeps every version', () => {
    const s = june();
    s.checkSubmit('sbv');
    expect(s.submit('sbv', file('a'), 'Første udkast', LEAD, at('2025-04-28T10:00:00+02:00')).number).toBe(1);
    s.checkRequestChanges('sbv', 'Tilføj kildeliste');
    s.requestChanges('sbv', 'Tilføj kildeliste', SECRETARIAT, at('2025-04-29T10:00:00+02:00'));
    expect(s.submit('sbv', file('b'), undefined, LEAD, at('2025-04-30T10:00:00+02:00')).number).toBe(2);
    s.checkApprove('sbv');
    s.approve('sbv', SECRETARIAT, at('2025-05-01T10:00:00+02:00'));
    const d = s.snapshot(at('2025-05-01T10:00:00+02:00')).deliverables.find((x) => x.subAnalysis === 'sbv')!;
    expect(d).toMatchObject({ state: 'approved', approvedVersion: 2 });
    expect(d.versions.map((v) => [v.number, v.sha256[0], v.submittedBy])).toEqual([
      [1, 'a', LEAD],
      [2, 'b', LEAD],
    ]);
    expect(d.reviews.map((r) => [r.action, r.version])).toEqual([
      ['changes_requested', 1],
      ['approved', 2],
    ]);
    expect(s.agenda()[1].attachments[0]).toMatchObject({ version: 2, file: { sha256: file('b').sha256 } });
    // The secretariat heard of both versions; the leads of the change request.
    const messages = s
      .tasks(at('2025-05-01T10:00:00+02:00'))
      .filter((t) => t.kind === 'notify' && t.message.kind !== 'material-reminder');
    expect(messages.map((t) => t.kind === 'notify' && [t.message.kind, t.message.recipients])).toEqual([
      ['material-submitted', [SECRETARIAT]],
      ['material-changes-requested', ['pl-borgerservice@example.org', 'pl-virksomhedsservice@example.org']],
      ['material-submitted', [SECRETARIAT]],
    ]);
  });

  it('refuses what the state does not allow', () => {
    const s = june();
    expect(failureOf(() => s.checkApprove('sbv')).message).toMatch(/ikke indsendt materiale/);
    expect(failureOf(() => s.checkRequestChanges('sbv', ' ')).message).toBe('Skriv, hvilke rettelser der ønskes');
    expect(failureOf(() => s.checkSubmit('nobody')).type).toBe('Refused');
    expect(failureOf(() => s.checkAgendaItem('nothing')).message).toBe('Dagsordenen har intet punkt nothing');
    expect(failureOf(() => s.checkReopen()).message).toMatch(/ikke sendt/);
    expect(failureOf(() => s.checkChange({ materialDue: '2025-06-10', reason: 'x', by: SECRETARIAT })).type).toBe(
      'BadInput',
    );
    s.markPackageSent('c'.repeat(64), 'd'.repeat(64), at('2025-05-26T09:00:00+02:00'));
    expect(failureOf(() => s.checkSubmit('sbv')).message).toMatch(/Mødepakken er sendt/);
    s.reopen('Rettet bilag', SECRETARIAT, at('2025-05-27T09:00:00+02:00'));
    expect(() => s.checkSubmit('sbv')).not.toThrow();
  });

  it('reminds only leads whose material is missing or sent back, and sends the package on its day', () => {
    const s = june();
    s.submit('sbv', file('a'), undefined, LEAD, at('2025-04-20T10:00:00+02:00'));
    s.tasks(at('2025-04-20T10:00:00+02:00'));
    // Material is due Monday 5 May 2025; 5 working days before is Monday 28 April, 09:00.
    const tasks = s.tasks(at('2025-04-28T09:00:00+02:00'));
    const reminded = tasks.flatMap((t) => (t.kind === 'notify' ? [t.message.subAnalysisId] : []));
    expect(reminded).toEqual(['ledige', 'byens-rum', 'relationel-velfaerd', 'klima']);
    for (const t of tasks) if (t.kind === 'notify' && t.eventKey) s.markDone(t.eventKey);
    // The package goes out 5 working days before Monday 2 June: Kristi himmelfartsdag
    // (Thursday 29 May) is no working day, so Friday 23 May at 09:00.
    const snapshot = s.snapshot(at('2025-05-20T09:00:00+02:00'));
    expect(snapshot.packageAt).toBe('2025-05-23T09:00:00+02:00');
    const beforePackage = s.tasks(at('2025-05-23T08:59:00+02:00'));
    expect(beforePackage.some((t) => t.kind === 'package')).toBe(false);
    for (const t of beforePackage) if (t.kind === 'notify' && t.eventKey) s.markDone(t.eventKey);
    expect(s.tasks(at('2025-05-23T09:00:00+02:00')).filter((t) => t.kind === 'package')).toHaveLength(1);
  });

  it('moves with the meeting: a new date moves the package and raises the invitation sequence', () => {
    const s = june();
    s.checkChange({ date: '2025-06-10', time: '14:00', reason: 'Borgmesteren er forhindret', by: SECRETARIAT });
    s.change(
      { date: '2025-06-10', time: '14:00', reason: 'Borgmesteren er forhindret', by: SECRETARIAT },
      at('2025-05-01T09:00:00+02:00'),
    );
    const snapshot = s.snapshot(at('2025-05-01T09:00:00+02:00'));
    expect(snapshot).toMatchObject({ date: '2025-06-10', time: '14:00', sequence: 1 });
    // Tuesday 10 June, 5 working days before: 9 June is 2. pinsedag, 29 May Kristi himmelfartsdag: Monday 2 June.
    expect(snapshot.packageAt).toBe('2025-06-02T09:00:00+02:00');
    expect(snapshot.changes[0].text).toContain(
      'Mødedato ændret fra mandag 2. juni 2025 (uge 23) til tirsdag 10. juni 2025 (uge 24).',
    );
  });

  it('passes decisions on once, then writes a protocol to committee, secretariat and the affected leads', () => {
    const s = june();
    s.checkDecisions({ items: [{ subAnalysis: 'sbv', outcome: 'godkendt', input: 'Fortsæt med scenarie B' }] });
    s.recordDecisions(
      { items: [{ subAnalysis: 'sbv', outcome: 'godkendt', input: 'Fortsæt med scenarie B' }], by: SECRETARIAT },
      at('2025-06-02T17:00:00+02:00'),
    );
    const [task] = s.tasks(at('2025-06-02T17:00:00+02:00')).filter((t) => t.kind === 'protocol');
    expect(task).toMatchObject({
      kind: 'protocol',
      number: 1,
      decisions: [
        {
          subAnalysisWorkflow: 'programme/aarhus/sub-analysis/sbv',
          decision: { meeting: 'udvalg-juni', outcome: 'godkendt', input: 'Fortsæt med scenarie B' },
        },
      ],
    });
    const message = s.protocolMessage(1, at('2025-06-02T17:00:00+02:00'));
    expect(message.recipients).toEqual(
      expect.arrayContaining([SECRETARIAT, 'borgmester@example.org', LEAD, 'projektejer-sbv@example.org']),
    );
    expect(message.recipients).not.toContain('pl-klima@example.org');
    s.markProtocolSent(1, 'e'.repeat(64), at('2025-06-02T17:01:00+02:00'));
    expect(s.tasks(at('2025-06-02T17:02:00+02:00')).some((t) => t.kind === 'protocol')).toBe(false);
    expect(
      failureOf(() => s.checkDecisions({ items: [{ subAnalysis: 'x', outcome: 'udgaaet', input: '' }] })).message,
    ).toBe('Analysesporet x har intet punkt på dagsordenen');
  });

  describe('decisions recorded close together', () => {
    const decide = (s: MeetingState, subAnalysis: string, time: string, queued?: boolean) =>
      s.recordDecisions(
        { items: [{ subAnalysis, outcome: 'godkendt', input: '' }], by: SECRETARIAT },
        at(`2025-06-02T${time}:00+02:00`),
        queued,
      );
    const protocols = (s: MeetingState, time: string) =>
      s
        .tasks(at(`2025-06-02T${time}:00+02:00`))
        .flatMap((t) => (t.kind === 'protocol' ? [{ number: t.number, subs: passedOn(t) }] : []));
    const passedOn = (t: Extract<MeetingTask, { kind: 'protocol' }>) =>
      t.decisions.map((d) => d.subAnalysisWorkflow.split('/').pop());

    it('gives decisions recorded while a protocol is being made a protocol of their own', () => {
      const s = june();
      decide(s, 'sbv', '15:00');
      expect(protocols(s, '15:00')).toEqual([{ number: 1, subs: ['sbv'] }]);
      // Protocol 1 is being made when the next decision comes in.
      decide(s, 'klima', '15:01');
      s.markProtocolSent(1, 'e'.repeat(64), at('2025-06-02T15:02:00+02:00'));
      expect(s.finished()).toBe(false);
      expect(protocols(s, '15:02')).toEqual([{ number: 2, subs: ['klima'] }]);
      s.markProtocolSent(2, 'f'.repeat(64), at('2025-06-02T15:03:00+02:00'));
      expect(protocols(s, '15:03')).toEqual([]);
    });

    it('passes on every decision recorded before the protocol is taken up, in one protocol', () => {
      const s = june();
      decide(s, 'sbv', '15:00');
      decide(s, 'klima', '15:00');
      expect(protocols(s, '15:00')).toEqual([{ number: 1, subs: ['sbv', 'klima'] }]);
    });

    it('carries decisions not yet passed on across continue-as-new', () => {
      const s = june();
      decide(s, 'sbv', '15:00');
      expect(protocols(s, '15:00')).toEqual([{ number: 1, subs: ['sbv'] }]);
      s.markProtocolSent(1, 'e'.repeat(64), at('2025-06-02T15:01:00+02:00'));
      // Recorded while the run waits to continue as new: passed on by the next run, alone.
      decide(s, 'klima', '16:00');
      const next = new MeetingState(ids, JSON.parse(JSON.stringify(s.carried())), 'https://spor.example.org');
      expect(protocols(next, '16:01')).toEqual([{ number: 2, subs: ['klima'] }]);
      // Once taken up, nothing is left to carry.
      expect(next.carried().pendingDecisions).toBeUndefined();
    });

    it('keeps the old reckoning for histories from before, which replay with it', () => {
      const s = june();
      decide(s, 'sbv', '15:00', false);
      expect(protocols(s, '15:00')).toEqual([{ number: 1, subs: ['sbv'] }]);
      decide(s, 'klima', '15:01', false);
      s.markProtocolSent(1, 'e'.repeat(64), at('2025-06-02T15:02:00+02:00'));
      expect(protocols(s, '15:02')).toEqual([]);
    });
  });
});
