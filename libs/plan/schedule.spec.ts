/* eslint-disable @typescript-eslint/no-explicit-any */
import { computePlan } from './plan';
import {
  ScheduledEvent,
  computeSchedule,
  deliverableReminders,
  packageDispatch,
  phaseReminders,
  statusReportDates,
  workingDaysOverdue,
} from './schedule';
import { defaultDefinition, defaultRaw } from './test-fixtures';
import { validateDefinition } from './validate';

const plan = computePlan(defaultDefinition());
const at = (events: ScheduledEvent[]) => events.map((e) => e.at);
const summary = (events: ScheduledEvent[]) =>
  events.map(
    (e) =>
      `${e.at} ${e.kind}${e.daysBefore !== undefined ? ` -${e.daysBefore}` : ''}${e.overdueWorkingDays !== undefined ? ` +${e.overdueWorkingDays}` : ''}`,
  );

function planOf(mutate: (d: any) => void) {
  const d = defaultRaw();
  mutate(d);
  const result = validateDefinition(d);
  if (!result.definition) throw new Error(JSON.stringify(result.errors));
  return computePlan(result.definition);
}

describe('phase reminders and escalations', () => {
  const active2A = { activeFrom: '2025-03-31T00:00:00+02:00', until: '2025-05-16' };

  it('reminds 5 and 1 working days before and on the due day, then escalates every 5 working days', () => {
    // 2A is due Wednesday 16 April; 17–21 April are skærtorsdag, langfredag, the weekend and 2. påskedag.
    expect(summary(phaseReminders(plan, 'sbv', '2A', active2A))).toEqual([
      '2025-04-09T09:00:00+02:00 phase-reminder -5',
      '2025-04-15T09:00:00+02:00 phase-reminder -1',
      '2025-04-16T09:00:00+02:00 phase-reminder -0',
      '2025-04-22T09:00:00+02:00 phase-escalation +1',
      '2025-04-29T09:00:00+02:00 phase-escalation +6',
      '2025-05-06T09:00:00+02:00 phase-escalation +11',
      '2025-05-13T09:00:00+02:00 phase-escalation +16',
    ]);
  });

  it('addresses reminders to the leads and escalations also to the owner and the secretariat', () => {
    const [reminder] = phaseReminders(plan, 'sbv', '2A', active2A);
    expect(reminder).toMatchObject({
      key: 'sbv/phase/2A/reminder/2025-04-09',
      date: '2025-04-09',
      week: 15,
      due: '2025-04-16',
      subAnalysis: 'sbv',
      phase: '2A',
      recipients: ['pl-borgerservice@example.org', 'pl-virksomhedsservice@example.org'],
      title: 'Påmindelse: fase 2A forfalder om 5 arbejdsdage (uge 16) – Samlet Borger- og Virksomhedsservice',
      notify: true,
      allDay: false,
    });
    const escalation = phaseReminders(plan, 'sbv', '2A', active2A).find((e) => e.kind === 'phase-escalation')!;
    expect(escalation.recipients).toEqual([
      'pl-borgerservice@example.org',
      'pl-virksomhedsservice@example.org',
      'projektejer-sbv@example.org',
      'sekretariat@example.org',
    ]);
    expect(escalation.title).toBe(
      'Overskredet: fase 2A er 1 arbejdsdag over fristen onsdag 16. april 2025 – Samlet Borger- og Virksomhedsservice',
    );
  });

  it('stops escalating at completion, exclusive', () => {
    const escalations = (completedAt: string) =>
      at(phaseReminders(plan, 'sbv', '2A', { ...active2A, completedAt }).filter((e) => e.kind === 'phase-escalation'));
    expect(escalations('2025-04-29T08:59:59+02:00')).toEqual(['2025-04-22T09:00:00+02:00']);
    expect(escalations('2025-04-29T09:00:00+02:00')).toEqual(['2025-04-22T09:00:00+02:00']);
    expect(escalations('2025-04-29T07:00:01Z')).toEqual(['2025-04-22T09:00:00+02:00', '2025-04-29T09:00:00+02:00']);
    expect(escalations('2025-04-16T12:00:00+02:00')).toEqual([]);
  });

  it('sends nothing before the phase became active', () => {
    expect(at(phaseReminders(plan, 'sbv', '2A', { ...active2A, activeFrom: '2025-04-15T09:00:01+02:00' }))[0]).toBe(
      '2025-04-16T09:00:00+02:00',
    );
    // A phase that starts after its due date picks up the escalation rhythm where it stands.
    expect(
      summary(phaseReminders(plan, 'sbv', '2A', { ...active2A, activeFrom: '2025-04-30T10:00:00+02:00' })),
    ).toEqual(['2025-05-06T09:00:00+02:00 phase-escalation +11', '2025-05-13T09:00:00+02:00 phase-escalation +16']);
  });

  it('keeps 09:00 local across the change to summer time', () => {
    // SBV phase 1 is due Friday 28 March 2025; clocks go forward on Sunday 30 March.
    expect(
      at(phaseReminders(plan, 'sbv', '1', { activeFrom: '2025-03-17T00:00:00+01:00', until: '2025-03-31' })),
    ).toEqual([
      '2025-03-21T09:00:00+01:00',
      '2025-03-27T09:00:00+01:00',
      '2025-03-28T09:00:00+01:00',
      '2025-03-31T09:00:00+02:00',
    ]);
  });

  it('keeps 09:00 local across the change to winter time', () => {
    const autumn = planOf((d) => {
      d.subAnalyses[0].phases[4].weeks = '43';
      d.subAnalyses[0].phases[4].gate = undefined;
    });
    // Due Friday 24 October 2025; clocks go back on Sunday 26 October.
    const events = phaseReminders(autumn, 'sbv', '3', { activeFrom: '2025-10-20T00:00:00+02:00', until: '2025-10-27' });
    expect(at(events).slice(-2)).toEqual(['2025-10-24T09:00:00+02:00', '2025-10-27T09:00:00+01:00']);
  });

  it('escalates once with overdueEvery 0, and follows a sub-analysis override', () => {
    const overridden = planOf((d) => {
      d.subAnalyses[0].reminders = { overdueEvery: 0, beforeDue: [2], time: '13:15' };
    });
    expect(summary(phaseReminders(overridden, 'sbv', '2A', active2A))).toEqual([
      '2025-04-14T13:15:00+02:00 phase-reminder -2',
      '2025-04-16T13:15:00+02:00 phase-reminder -0',
      '2025-04-22T13:15:00+02:00 phase-escalation +1',
    ]);
    // Other sub-analyses keep the programme's settings.
    expect(overridden.subAnalyses[1].reminders).toEqual({
      beforeDue: [5, 1],
      onDueDay: true,
      overdueEvery: 5,
      time: '09:00',
    });
  });

  it('skips the due-day reminder with onDueDay false', () => {
    const quiet = planOf((d) => (d.reminders.onDueDay = false));
    expect(phaseReminders(quiet, 'sbv', '2A', active2A).filter((e) => e.daysBefore === 0)).toEqual([]);
  });

  it('skips holidays over Christmas and New Year', () => {
    const winter = planOf((d) => {
      d.year = 2026;
      d.committee.meetings = [];
      for (const s of d.subAnalyses) {
        s.deliverables = [];
        for (const p of s.phases) delete p.gate;
      }
      delete d.subAnalyses[0].phases[4].weeks;
      Object.assign(d.subAnalyses[0].phases[4], { from: '2026-W50', to: '2027-W01' });
    });
    // Due Friday 8 January 2027; five working days back passes nytårsdag and the weekend.
    expect(
      summary(phaseReminders(winter, 'sbv', '3', { activeFrom: '2026-12-07T00:00:00+01:00', until: '2027-01-20' })),
    ).toEqual([
      '2026-12-31T09:00:00+01:00 phase-reminder -5',
      '2027-01-07T09:00:00+01:00 phase-reminder -1',
      '2027-01-08T09:00:00+01:00 phase-reminder -0',
      '2027-01-11T09:00:00+01:00 phase-escalation +1',
      '2027-01-18T09:00:00+01:00 phase-escalation +6',
    ]);
  });

  it('counts working days overdue', () => {
    expect(workingDaysOverdue(plan, '2025-04-16', '2025-04-16T23:59:00+02:00')).toBe(0);
    expect(workingDaysOverdue(plan, '2025-04-16', '2025-04-21T12:00:00+02:00')).toBe(0);
    expect(workingDaysOverdue(plan, '2025-04-16', '2025-04-22T00:30:00+02:00')).toBe(1);
    expect(workingDaysOverdue(plan, '2025-04-16', '2025-05-06T09:00:00+02:00')).toBe(11);
  });

  it('refuses unknown sub-analyses and phases', () => {
    expect(() => phaseReminders(plan, 'nope', '1', active2A)).toThrow("Unknown sub-analysis 'nope'");
    expect(() => phaseReminders(plan, 'sbv', '9', active2A)).toThrow("Unknown phase '9'");
  });
});

describe('material reminders and escalations', () => {
  it('reminds before the material deadline and escalates until approved', () => {
    // Material for 2 June is due Monday 5 May; 1 May is an ordinary working day.
    expect(summary(deliverableReminders(plan, 'udvalg-juni', 'sbv', { until: '2025-06-01' }))).toEqual([
      '2025-04-28T09:00:00+02:00 material-reminder -5',
      '2025-05-02T09:00:00+02:00 material-reminder -1',
      '2025-05-05T09:00:00+02:00 material-reminder -0',
      '2025-05-06T09:00:00+02:00 material-escalation +1',
      '2025-05-13T09:00:00+02:00 material-escalation +6',
      '2025-05-20T09:00:00+02:00 material-escalation +11',
      '2025-05-27T09:00:00+02:00 material-escalation +16',
    ]);
    expect(
      at(
        deliverableReminders(plan, 'udvalg-juni', 'sbv', {
          until: '2025-06-01',
          approvedAt: '2025-05-13T08:00:00+02:00',
        }),
      ),
    ).toEqual([
      '2025-04-28T09:00:00+02:00',
      '2025-05-02T09:00:00+02:00',
      '2025-05-05T09:00:00+02:00',
      '2025-05-06T09:00:00+02:00',
    ]);
    const [first] = deliverableReminders(plan, 'udvalg-juni', 'ledige', { until: '2025-06-01' });
    expect(first).toMatchObject({
      key: 'ledige/material/udvalg-juni/reminder/2025-04-28',
      meeting: 'udvalg-juni',
      recipients: ['pl-ledige@example.org'],
    });
  });

  it('refuses a sub-analysis without that deliverable', () => {
    const without = planOf((d) => d.subAnalyses[0].deliverables.pop());
    expect(() => deliverableReminders(without, 'udvalg-august', 'sbv', { until: '2025-09-01' })).toThrow(
      'no deliverable',
    );
  });

  it('dispatches packages to the committee and the secretariat', () => {
    expect(packageDispatch(plan, 'udvalg-juni')).toMatchObject({
      key: 'meeting/udvalg-juni/package',
      at: '2025-05-23T09:00:00+02:00',
      recipients: [
        'borgmester@example.org',
        'sekretariat@example.org',
        'udvalgsmedlem-2@example.org',
        'udvalgsmedlem-3@example.org',
        'udvalgsmedlem-4@example.org',
        'udvalgsmedlem-5@example.org',
      ],
    });
  });
});

describe('status reports', () => {
  it('go out weekly on Mondays, moved off holidays, through the last meeting', () => {
    const dates = statusReportDates(plan);
    expect(dates[0]).toBe('2025-03-17');
    expect(dates).toContain('2025-04-22'); // 21 April is 2. påskedag
    expect(dates).toContain('2025-06-10'); // 9 June is 2. pinsedag
    expect(dates).not.toContain('2025-04-21');
    expect(dates[dates.length - 1]).toBe('2025-08-25');
    expect(dates).toHaveLength(24);
  });

  it('go out fortnightly or on the first weekday of the month', () => {
    const fortnight = planOf((d) => (d.steeringGroup.statusReports.every = 'fortnight'));
    expect(statusReportDates(fortnight)).toEqual([
      '2025-03-17',
      '2025-03-31',
      '2025-04-14',
      '2025-04-28',
      '2025-05-12',
      '2025-05-26',
      '2025-06-10',
      '2025-06-23',
      '2025-07-07',
      '2025-07-21',
      '2025-08-04',
      '2025-08-18',
    ]);
    const monthly = planOf((d) =>
      Object.assign(d.steeringGroup.statusReports, { every: 'month', weekday: 'thursday' }),
    );
    // 1 May and 5 June (grundlovsdag) are working days.
    expect(statusReportDates(monthly)).toEqual(['2025-04-03', '2025-05-01', '2025-06-05', '2025-07-03', '2025-08-07']);
  });

  it('are absent without statusReports', () => {
    expect(statusReportDates(planOf((d) => delete d.steeringGroup.statusReports))).toEqual([]);
  });
});

describe('computeSchedule', () => {
  const preview = computeSchedule(plan);

  it('orders every event in time and keeps keys unique', () => {
    const ms = preview.map((e) => Date.parse(e.at));
    expect(ms).toEqual([...ms].sort((a, b) => a - b));
    expect(new Set(preview.map((e) => e.key)).size).toBe(preview.length);
  });

  it('previews a programme that runs to plan: reminders, and escalations only as conditional', () => {
    const kinds = new Set(preview.filter((e) => !e.conditional).map((e) => e.kind));
    expect(kinds).toEqual(
      new Set([
        'phase-start',
        'phase-due',
        'phase-reminder',
        'material-due',
        'material-reminder',
        'package-dispatch',
        'meeting',
        'status-report',
      ]),
    );
    const sbv3 = preview.find((e) => e.key === 'sbv/phase/3/start')!;
    expect(sbv3.at).toBe('2025-06-02T09:00:00+02:00'); // the gate opens at the June meeting
    expect(preview.find((e) => e.key === 'sbv/phase/2A/start')!.at).toBe('2025-03-31T00:00:00+02:00');
    expect(preview.find((e) => e.key === 'meeting/udvalg-juni')).toMatchObject({
      allDay: true,
      date: '2025-06-02',
      at: '2025-06-02T00:00:00+02:00',
    });
    expect(preview.filter((e) => e.kind === 'phase-reminder')).toHaveLength(21 * 3);
    expect(preview.filter((e) => e.kind === 'material-reminder')).toHaveLength(10 * 3);
  });

  it('sends exactly what the building blocks give for the recorded progress', () => {
    const progress = {
      startedAt: '2025-03-14T12:00:00+01:00',
      phaseCompleted: { 'sbv/1': '2025-04-02T14:00:00+02:00', 'sbv/2B': '2025-04-15T16:00:00+02:00' },
      deliverableApproved: { 'udvalg-juni/sbv': '2025-05-07T10:00:00+02:00' },
      until: '2025-06-30',
    };
    const events = computeSchedule(plan, progress);
    const sbv = (kind: string) => events.filter((e) => e.subAnalysis === 'sbv' && e.kind === kind);

    // Phase 1 finished late, so 2A starts when it was completed.
    expect(events.find((e) => e.key === 'sbv/phase/2A/start')!.at).toBe('2025-04-02T14:00:00+02:00');
    expect(summary(sbv('phase-escalation').filter((e) => e.phase === '1'))).toEqual([
      '2025-03-31T09:00:00+02:00 phase-escalation +1',
    ]);
    // 2A never completes: it escalates through `until`; 2C waits for it and never starts.
    expect(
      sbv('phase-escalation')
        .filter((e) => e.phase === '2A')
        .map((e) => e.date),
    ).toEqual([
      '2025-04-22',
      '2025-04-29',
      '2025-05-06',
      '2025-05-13',
      '2025-05-20',
      '2025-05-27',
      '2025-06-04',
      '2025-06-12',
      '2025-06-19',
      '2025-06-26',
    ]);
    expect(events.some((e) => e.key === 'sbv/phase/2C/start')).toBe(false);
    expect(events.some((e) => e.phase === '2C' && e.notify)).toBe(false);
    expect(events.some((e) => e.key === 'sbv/phase/2C/due')).toBe(true);

    // Each phase's sends equal phaseReminders with the same facts.
    const expected2A = phaseReminders(plan, 'sbv', '2A', {
      activeFrom: '2025-04-02T14:00:00+02:00',
      until: '2025-06-30',
    });
    expect(
      sbv('phase-reminder')
        .concat(sbv('phase-escalation'))
        .filter((e) => e.phase === '2A')
        .map((e) => e.key)
        .sort(),
    ).toEqual(expected2A.map((e) => e.key).sort());
    const expected2B = phaseReminders(plan, 'sbv', '2B', {
      activeFrom: '2025-03-24T00:00:00+01:00',
      completedAt: '2025-04-15T16:00:00+02:00',
      until: '2025-06-30',
    });
    expect(events.filter((e) => e.phase === '2B' && e.notify)).toEqual(expected2B);

    // Approved material stops escalating; unapproved material keeps going.
    expect(summary(sbv('material-escalation'))).toEqual(['2025-05-06T09:00:00+02:00 material-escalation +1']);
    expect(events.filter((e) => e.subAnalysis === 'ledige' && e.kind === 'material-escalation')).toEqual(
      deliverableReminders(plan, 'udvalg-juni', 'ledige', { until: '2025-06-30' }).filter(
        (e) => e.kind === 'material-escalation',
      ),
    );
    expect(events[events.length - 1].date <= '2025-06-30').toBe(true);
  });

  it('sends nothing before the programme was started, and starts overdue phases then', () => {
    const events = computeSchedule(plan, { startedAt: '2025-04-10T12:00:00+02:00', until: '2025-04-30' });
    const sent = events.filter((e) => e.notify);
    expect(sent.every((e) => e.at >= '2025-04-10T12')).toBe(true);
    expect(events.find((e) => e.key === 'sbv/phase/1/start')!.at).toBe('2025-04-10T12:00:00+02:00');
    expect(sent.filter((e) => e.key.startsWith('sbv/phase/1/')).map((e) => e.date)).toEqual([
      '2025-04-14',
      '2025-04-24',
    ]);
  });

  it('keeps a gated phase waiting until its gate is opened', () => {
    const facts = {
      phaseCompleted: {
        'sbv/1': '2025-03-28T15:00:00+01:00',
        'sbv/2A': '2025-04-16T15:00:00+02:00',
        'sbv/2B': '2025-04-16T15:00:00+02:00',
        'sbv/2C': '2025-05-23T15:00:00+02:00',
      },
    };
    expect(computeSchedule(plan, facts).some((e) => e.key === 'sbv/phase/3/start')).toBe(false);
    const opened = computeSchedule(plan, { ...facts, gateOpened: { 'sbv/3': '2025-06-04T11:00:00+02:00' } });
    expect(opened.find((e) => e.key === 'sbv/phase/3/start')!.at).toBe('2025-06-04T11:00:00+02:00');
    const early = computeSchedule(plan, { ...facts, phaseStarted: { 'sbv/3': '2025-05-30T10:00:00+02:00' } });
    expect(early.find((e) => e.key === 'sbv/phase/3/start')!.at).toBe('2025-05-30T10:00:00+02:00');
  });

  it('can assume the rest happens on time', () => {
    const events = computeSchedule(plan, {
      phaseCompleted: { 'sbv/1': '2025-04-02T14:00:00+02:00' },
      assumeOnTime: true,
    });
    expect(events.filter((e) => e.kind === 'phase-escalation' && !e.conditional).map((e) => e.key)).toEqual([
      'sbv/phase/1/escalation/2025-03-31',
    ]);
  });

  it('shows, for every deadline it assumes met, the first escalation that follows if it is missed', () => {
    const conditional = preview.filter((e) => e.conditional);
    // One per phase (21 in the programme) and one per deliverable (10).
    expect(conditional.filter((e) => e.kind === 'phase-escalation')).toHaveLength(21);
    expect(conditional.filter((e) => e.kind === 'material-escalation')).toHaveLength(10);
    // sbv's phase 2A is due Wednesday 16 April 2025; Thursday 17 April (skærtorsdag) to Monday
    // 21 April (2. påskedag) are holidays, so the first working day after it is Tuesday 22 April.
    expect(preview.find((e) => e.key === 'sbv/phase/2A/escalation/2025-04-22')).toMatchObject({
      conditional: true,
      at: '2025-04-22T09:00:00+02:00',
      overdueWorkingDays: 1,
      recipients: expect.arrayContaining(['sekretariat@example.org']),
    });
    // A deadline that is really missed escalates for real, not conditionally.
    const late = computeSchedule(plan, { phaseCompleted: {}, assumeOnTime: false, until: '2025-04-30' });
    expect(late.filter((e) => e.conditional)).toEqual([]);
  });

  it('titles each event as the e-mail sent for it is titled', () => {
    const reminder = preview.find((e) => e.key === 'sbv/phase/2A/reminder/2025-04-09')!;
    expect(reminder.title).toBe(
      'Påmindelse: fase 2A forfalder om 5 arbejdsdage (uge 16) – Samlet Borger- og Virksomhedsservice',
    );
  });

  // Speed is measured in bench/, not asserted here; this checks only the large case works.
  it('schedules 200 sub-analyses, more events when nothing is completed than in the preview', () => {
    const big = planOf((d) => {
      const template = d.subAnalyses[0];
      d.subAnalyses = Array.from({ length: 200 }, (_, i) => ({ ...structuredClone(template), id: `spor-${i + 1}` }));
    });
    const preview200 = computeSchedule(big);
    const worst = computeSchedule(big, {});
    expect(preview200.length).toBeGreaterThan(4000);
    expect(worst.length).toBeGreaterThan(preview200.length);
  });
});
