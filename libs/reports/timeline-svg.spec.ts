import { buildStatusReport } from './report-model';
import { TIMELINE_COLOURS, timelineSvg } from './timeline-svg';
import { aarhusInWeek15, aarhusPlan } from './test-fixtures';

const plan = aarhusPlan();
const report = buildStatusReport({ plan, snapshots: aarhusInWeek15(plan), at: '2025-04-08T08:00:00+02:00' });

/** The opening tags of rects carrying a data-kind, with their attributes. */
function rects(svg: string, kind: string): Record<string, string>[] {
  return [...svg.matchAll(/<rect ([^>]*)\/>/g)]
    .map((m) => Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])))
    .filter((a) => a['data-kind'] === kind);
}

describe('timelineSvg', () => {
  const svg = timelineSvg(report);

  it('draws one row per sub-analysis, in the plan order', () => {
    const rows = [...svg.matchAll(/<g data-sub-analysis="([^"]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(plan.subAnalyses.map((s) => s.id));
    for (const s of plan.subAnalyses) expect(svg).toContain(`>${s.title}</text>`);
  });

  it('draws the overdue phase in red from its due date to today, and nothing else red', () => {
    const overdue = rects(svg, 'overdue');
    expect(overdue.map((r) => [r['data-phase'], r.fill])).toEqual([['sbv/1', TIMELINE_COLOURS.overdue]]);
    // From Saturday 29 March through Tuesday 8 April: 11 days.
    const planned = rects(svg, 'planned').find((r) => Number(r.width) > 0)!;
    const dayWidth = Number(planned.width) / 14; // phase 1 of SBV spans weeks 12-13
    expect(Number(overdue[0].width) / dayWidth).toBeCloseTo(11, 0);
  });

  it('draws planned bars for every phase, completed and active progress, week numbers and meetings', () => {
    expect(rects(svg, 'planned')).toHaveLength(plan.subAnalyses.reduce((n, s) => n + s.phases.length, 0));
    expect(rects(svg, 'completed').map((r) => r['data-phase'])).toEqual([
      'ledige/1',
      'byens-rum/1',
      'relationel-velfaerd/1',
      'klima/1',
    ]);
    expect(rects(svg, 'active').map((r) => r['data-phase'])).toContain('sbv/2B');
    expect(svg).toContain('>uge 12</text>');
    expect(svg).toContain('>uge 34</text>');
    expect(svg.match(/<g data-meeting=/g)).toHaveLength(plan.meetings.length);
    expect(svg).toContain('data-kind="today"');
    for (const label of [
      'Planlagt',
      'Afsluttet',
      'I gang',
      'Over fristen',
      'Udvalgsmøde',
      'På sporet',
      'Risiko',
      'Forsinket',
    ]) {
      expect(svg).toContain(`>${label}</text>`);
    }
  });

  it('escapes every text it is given', () => {
    const hostile = timelineSvg({
      ...report,
      meetings: [{ id: 'm"1', title: '<script>alert(1)</script>', date: '2025-06-02' }],
      subAnalyses: [{ ...report.subAnalyses[0], id: 'x"y', title: 'A & B <b>' }],
    });
    expect(hostile).not.toContain('<script');
    expect(hostile).not.toContain('<b>');
    expect(hostile).toContain('A &#38; B &#60;b&#62;');
    expect(hostile).toContain('data-sub-analysis="x&#34;y"');
  });
});
