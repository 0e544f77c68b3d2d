import { defaultDefinition } from '../../libs/plan/test-fixtures';
import { StatusReportState } from './state';

const definition = defaultDefinition();
const ids = { programmeId: 'aarhus', workflowId: 'programme/aarhus/status-reports' };
const at = (iso: string) => Date.parse(iso);

/** Aarhus 2025 reports on Mondays at 08:00; its leads are asked at 09:00 (the reminders' time). */
function fresh(startIso = '2025-03-01T00:00:00+01:00') {
  return new StatusReportState(ids, StatusReportState.fresh(at(startIso)), definition, 'https://spor.example.org');
}

describe('StatusReportState', () => {
  it('asks the leads two working days before a report, reminds them the day before, then reports', () => {
    const state = fresh();
    const first = state.nextWakeUp(at('2025-03-01T00:00:00+01:00'))!;
    // The first report is Monday 17 March 2025 (the plan starts in week 12): asked Thursday 13 March.
    expect(new Date(first).toISOString()).toBe('2025-03-13T08:00:00.000Z');
    const [request] = state.tasks(first);
    expect(request).toMatchObject({ kind: 'notify', key: 'note-request/2025-03-17' });
    if (request.kind !== 'notify') throw new Error('not a notification');
    expect(request.messages.map((m) => m.subAnalysisId)).toEqual(definition.subAnalyses.map((s) => s.id));
    const sbv = request.messages.find((m) => m.subAnalysisId === 'sbv')!;
    expect(sbv).toMatchObject({
      key: 'programme/aarhus/status-reports/note-request/2025-03-17/sbv',
      recipients: ['pl-borgerservice@example.org', 'pl-virksomhedsservice@example.org'],
      kind: 'status-note-request',
    });
    expect(sbv.text).toContain('https://spor.example.org/programmes/aarhus/sub-analyses/sbv');
    expect(sbv.text).toContain('På sporet, Risiko, Forsinket');
    state.markDone(request.key);

    // A note from SBV's lead before the reminder: the reminder goes to the others only.
    state.giveNote(
      { subAnalysis: 'sbv', status: 'at-risk', text: 'Vi mangler data.', by: 'pl-borgerservice@example.org' },
      at('2025-03-13T12:00:00+01:00'),
    );
    const reminderAt = state.nextWakeUp(first)!;
    expect(new Date(reminderAt).toISOString()).toBe('2025-03-14T08:00:00.000Z');
    const [reminder] = state.tasks(reminderAt);
    if (reminder.kind !== 'notify') throw new Error('not a notification');
    expect(reminder.messages.map((m) => m.subAnalysisId)).not.toContain('sbv');
    expect(reminder.messages).toHaveLength(definition.subAnalyses.length - 1);
    expect(reminder.messages[0].subject).toMatch(/^Påmindelse: /);
    state.markDone(reminder.key);

    const reportAt = state.nextWakeUp(reminderAt)!;
    expect(state.tasks(reportAt)).toEqual([
      { kind: 'report', key: 'report/2025-03-17', id: '2025-03-17', at: '2025-03-17T08:00:00+01:00' },
    ]);
    const request2 = state.reportRequest('2025-03-17', 'scheduled', '2025-03-17T08:00:00+01:00');
    expect(request2.notes.sbv).toEqual({
      status: 'at-risk',
      text: 'Vi mangler data.',
      at: '2025-03-13T12:00:00+01:00',
    });
    expect(request2.key).toBe('programme/aarhus/status-reports/status/2025-03-17');
  });

  it('moves a report on 2. påskedag to the Tuesday after, and its request back past Easter', () => {
    const state = fresh('2025-04-15T00:00:00+02:00');
    const keys: string[] = [];
    let now = at('2025-04-15T00:00:00+02:00');
    while (keys.length < 3) {
      now = state.nextWakeUp(now)!;
      for (const t of state.tasks(now)) {
        keys.push(`${t.key} ${new Date(now).toISOString()}`);
        state.markDone(t.key);
      }
    }
    // 21 April 2025 is 2. påskedag: the report is Tuesday 22 April. Counting working days
    // back skips Easter (17 skærtorsdag, 18 langfredag, 21 April): one back is Wednesday
    // 16 April, two back Tuesday 15 April, both at 09:00 summer time.
    expect(keys).toEqual([
      'note-request/2025-04-22 2025-04-15T07:00:00.000Z',
      'note-reminder/2025-04-22 2025-04-16T07:00:00.000Z',
      'report/2025-04-22 2025-04-22T06:00:00.000Z',
    ]);
  });

  it('does not make up for steps before its start, and finishes after the last report', () => {
    const state = fresh('2025-08-01T00:00:00+02:00');
    expect(state.tasks(at('2025-08-01T00:00:00+02:00'))).toEqual([]);
    let now = at('2025-08-01T00:00:00+02:00');
    for (let next = state.nextWakeUp(now); next !== undefined; next = state.nextWakeUp(now)) {
      now = next;
      for (const t of state.tasks(now)) state.markDone(t.key);
    }
    expect(state.finished(state.endsAtMs - 1)).toBe(false);
    expect(state.finished(state.endsAtMs)).toBe(true);
    expect(() => state.checkOnDemand(state.endsAtMs)).toThrow('The programme has ended');
  });

  it('refuses a note for an unknown sub-analysis, with an unknown status, or without text', () => {
    const state = fresh();
    const note = { subAnalysis: 'sbv', status: 'on-track' as const, text: 'Fint.', by: 'x@example.org' };
    expect(() => state.checkNote({ ...note, subAnalysis: 'nope' })).toThrow('no sub-analysis "nope"');
    expect(() => state.checkNote({ ...note, status: 'green' as never })).toThrow('Unknown status');
    expect(() => state.checkNote({ ...note, text: '  ' })).toThrow('1 to 600 characters');
    expect(() => state.checkNote(note)).not.toThrow();
  });

  it('numbers reports made on demand by their day, and carries everything across continue-as-new', () => {
    const state = fresh();
    expect(state.nextOnDemand(at('2025-04-09T10:30:00+02:00'))).toEqual({
      id: '2025-04-09-1',
      at: '2025-04-09T10:30:00+02:00',
    });
    expect(state.nextOnDemand(at('2025-04-09T11:00:00+02:00')).id).toBe('2025-04-09-2');
    state.markDone('report/2025-03-17');
    const again = new StatusReportState(ids, state.carried(), definition, 'https://spor.example.org');
    expect(again.nextOnDemand(at('2025-04-10T10:30:00+02:00')).id).toBe('2025-04-10-3');
    expect(again.carried().done).toContain('report/2025-03-17');
  });
});
