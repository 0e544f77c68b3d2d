import { AMBER_WITHIN_WORKING_DAYS, RED_AFTER_WORKING_DAYS, STATUS_RULES, statusOf } from './rag';

describe('statusOf', () => {
  const none = { overdueWorkingDays: [], notStartedDueInWorkingDays: [] };

  it('is På sporet with nothing late and nothing unstarted close to its due date', () => {
    expect(statusOf(none)).toEqual({ status: 'on-track', reasons: [] });
    expect(statusOf({ ...none, notStartedDueInWorkingDays: [AMBER_WITHIN_WORKING_DAYS + 1] }).status).toBe('on-track');
  });

  it('is Risiko for anything overdue up to the red line, or an unstarted phase due within three working days', () => {
    expect(statusOf({ ...none, overdueWorkingDays: [1] })).toEqual({
      status: 'at-risk',
      reasons: ['Over fristen (op til 1 arbejdsdag).'],
    });
    expect(statusOf({ ...none, overdueWorkingDays: [RED_AFTER_WORKING_DAYS, 2] }).status).toBe('at-risk');
    expect(statusOf({ ...none, notStartedDueInWorkingDays: [0, AMBER_WITHIN_WORKING_DAYS] })).toEqual({
      status: 'at-risk',
      reasons: ['2 faser med frist inden for 3 arbejdsdage er ikke startet.'],
    });
  });

  it('is Forsinket past the red line, whatever else holds', () => {
    expect(statusOf({ overdueWorkingDays: [2, RED_AFTER_WORKING_DAYS + 1], notStartedDueInWorkingDays: [1] })).toEqual({
      status: 'late',
      reasons: ['Op til 6 arbejdsdage over fristen.'],
    });
  });

  it('states the same thresholds in the rules people read', () => {
    expect(STATUS_RULES[0]).toContain(`mere end ${RED_AFTER_WORKING_DAYS} arbejdsdage`);
    expect(STATUS_RULES[1]).toContain(`inden for ${AMBER_WITHIN_WORKING_DAYS} arbejdsdage`);
  });
});
