import { computePlan } from './plan';
import { ScheduledEvent, computeSchedule } from './schedule';
import { defaultDefinition } from './test-fixtures';

/**
 * The 2025 Aarhus programme against dates worked out by hand from the terms of
 * reference and the format's rules, not from the code that computes them.
 *
 * The calendar used below: ISO week 1 of 2025 begins Monday 30 December 2024, so
 * week N begins 30 December + 7·(N−1) days (week 12: Monday 17 March). Easter Sunday
 * is 20 April: skærtorsdag 17, langfredag 18 and 2. påskedag 21 April are holidays;
 * Kristi himmelfartsdag is Easter + 39 = Thursday 29 May; 2. pinsedag Easter + 50 =
 * Monday 9 June. 1 May and 5 June (grundlovsdag) are working days (not in the list).
 * Copenhagen is on +01:00 until Sunday 30 March and on +02:00 from then.
 */
const plan = computePlan(defaultDefinition());
const phase = (sid: string, code: string) =>
  plan.subAnalyses.find((s) => s.id === sid)!.phases.find((p) => p.code === code)!;

describe('the 2025 Aarhus plan, by hand', () => {
  it('plans SBV as its terms of reference say, with Easter and the weeks applied', () => {
    const dates = (code: string) => [phase('sbv', code).plannedStart, phase('sbv', code).due];
    // Weeks 12-13: Monday 17 March to Friday 28 March.
    expect(dates('1')).toEqual(['2025-03-17', '2025-03-28']);
    // Weeks 14-16: Monday 31 March; week 16's Thursday and Friday are skærtorsdag and
    // langfredag, so the last working day is Wednesday 16 April.
    expect(dates('2A')).toEqual(['2025-03-31', '2025-04-16']);
    // Weeks 13-16: Monday 24 March, due with 2A.
    expect(dates('2B')).toEqual(['2025-03-24', '2025-04-16']);
    // Weeks 17-21: week 17 opens with 2. påskedag (21 April), so Tuesday 22 April;
    // week 21 ends Friday 23 May.
    expect(dates('2C')).toEqual(['2025-04-22', '2025-05-23']);
    // Weeks 23-28: Monday 2 June (the meeting day) to Friday 11 July.
    expect(dates('3')).toEqual(['2025-06-02', '2025-07-11']);
  });

  it('plans the other four on the assumed weeks', () => {
    for (const sid of ['ledige', 'byens-rum', 'relationel-velfaerd', 'klima']) {
      // Weeks 13-14: 24 March to Friday 4 April; weeks 15-20: Monday 7 April to
      // Friday 16 May; weeks 23-26: Monday 2 June to Friday 27 June.
      expect([sid, phase(sid, '1').plannedStart, phase(sid, '1').due]).toEqual([sid, '2025-03-24', '2025-04-04']);
      expect([sid, phase(sid, '2A').plannedStart, phase(sid, '2B').due]).toEqual([sid, '2025-04-07', '2025-05-16']);
      expect([sid, phase(sid, '3').plannedStart, phase(sid, '3').due]).toEqual([sid, '2025-06-02', '2025-06-27']);
    }
  });

  it('puts the meetings, their material deadlines and packages on the right days', () => {
    const meetings = plan.meetings.map((m) => [m.id, m.date, m.materialDue, m.packageDate, m.week]);
    expect(meetings).toEqual([
      // 2 June as written, material 5 May as written. The package goes 5 working days
      // before: 30, 28, 27, 26 May (29 May is Kristi himmelfartsdag) and Friday 23 May.
      ['udvalg-juni', '2025-06-02', '2025-05-05', '2025-05-23', 23],
      // Monday of week 35 is 25 August (30 Dec + 238 days); week 32 runs 4-10 August, its
      // last working day Friday 8 August; the package 5 working days back, Monday 18 August.
      ['udvalg-august', '2025-08-25', '2025-08-08', '2025-08-18', 35],
    ]);
  });
});

describe('the 2025 Aarhus reminders, by hand', () => {
  const preview = computeSchedule(plan);
  const at = (events: ScheduledEvent[], key: string) => events.find((e) => e.key === key)?.at;

  it('reminds SBV phase 1 at 09:00 winter time, 5 and 1 working days before and on the due day', () => {
    const sent = preview.filter((e) => e.subAnalysis === 'sbv' && e.phase === '1' && e.kind === 'phase-reminder');
    expect(sent.map((e) => [e.at, e.daysBefore])).toEqual([
      // Due Friday 28 March; back 5 working days: 27, 26, 25, 24, 21 March.
      ['2025-03-21T09:00:00+01:00', 5],
      ['2025-03-27T09:00:00+01:00', 1],
      ['2025-03-28T09:00:00+01:00', 0],
    ]);
    expect(sent[0].recipients).toEqual(['pl-borgerservice@example.org', 'pl-virksomhedsservice@example.org']);
  });

  it('reminds SBV 2B in summer time, counting back from Wednesday 16 April', () => {
    const sent = preview.filter((e) => e.subAnalysis === 'sbv' && e.phase === '2B' && e.kind === 'phase-reminder');
    // 15, 14, 11, 10, 9 April: Wednesday 9 April is the fifth working day before.
    expect(sent.map((e) => e.at)).toEqual([
      '2025-04-09T09:00:00+02:00',
      '2025-04-15T09:00:00+02:00',
      '2025-04-16T09:00:00+02:00',
    ]);
  });

  it('reminds about the June material from Monday 28 April (1 May is a working day)', () => {
    const sent = preview.filter(
      (e) => e.subAnalysis === 'klima' && e.meeting === 'udvalg-juni' && e.kind === 'material-reminder',
    );
    // Due Monday 5 May; back: 2 May, 1 May, 30, 29, 28 April.
    expect(sent.map((e) => [e.at, e.daysBefore])).toEqual([
      ['2025-04-28T09:00:00+02:00', 5],
      ['2025-05-02T09:00:00+02:00', 1],
      ['2025-05-05T09:00:00+02:00', 0],
    ]);
    expect(sent[0].recipients).toEqual(['pl-klima@example.org']);
  });

  it('escalates a late SBV 2C past Kristi himmelfartsdag and 2. pinsedag', () => {
    // Everything before 2C done on time; 2C is never completed, the gate never opened.
    const late = computeSchedule(plan, {
      startedAt: '2025-03-01T00:00:00+01:00',
      phaseCompleted: {
        'sbv/1': '2025-03-28T15:00:00+01:00',
        'sbv/2A': '2025-04-16T15:00:00+02:00',
        'sbv/2B': '2025-04-16T15:00:00+02:00',
      },
      until: '2025-06-12',
    }).filter((e) => e.subAnalysis === 'sbv' && e.phase === '2C');
    // Due Friday 23 May: reminders on 16 and 22 May and the day itself.
    expect(at(late, 'sbv/phase/2C/reminder/2025-05-16')).toBe('2025-05-16T09:00:00+02:00');
    const escalations = late.filter((e) => e.kind === 'phase-escalation');
    expect(escalations.map((e) => [e.at, e.overdueWorkingDays])).toEqual([
      // The first working day after Friday 23 May is Monday 26 May.
      ['2025-05-26T09:00:00+02:00', 1],
      // Then 5 working days on: 27, 28, 30 May (29 is a holiday), 2 and 3 June.
      ['2025-06-03T09:00:00+02:00', 6],
      // And 4, 5, 6, 10, 11 June (9 June is 2. pinsedag).
      ['2025-06-11T09:00:00+02:00', 11],
    ]);
    expect(escalations[0].recipients).toEqual([
      'pl-borgerservice@example.org',
      'pl-virksomhedsservice@example.org',
      'projektejer-sbv@example.org',
      'sekretariat@example.org',
    ]);
  });
});
