import { buildStatusReport } from '../reports/report-model';
import { timelineSvg } from '../reports/timeline-svg';
import { aarhusInWeek15, aarhusPlan } from '../reports/test-fixtures';
import { svgToPng } from './chart-png';

const plan = aarhusPlan();
const report = buildStatusReport({ plan, snapshots: aarhusInWeek15(plan), at: '2025-04-08T08:00:00+02:00' });

describe('svgToPng', () => {
  it('renders the timeline at twice its size', () => {
    const svg = timelineSvg(report);
    const [, w, h] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number);
    const image = svgToPng(svg);
    expect(image.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(image.width).toBe(Math.ceil(w * 2));
    expect(image.height).toBe(Math.ceil(h * 2));
  });

  it('accepts titles with markup characters, because the chart escapes them', () => {
    const svg = timelineSvg({
      ...report,
      meetings: [{ id: 'm', title: 'Møde <1> & "2"', date: '2025-06-02' }],
      subAnalyses: report.subAnalyses.map((s) => ({ ...s, title: `${s.title} <&> 'ÆØÅ'` })),
    });
    // resvg refuses malformed XML; escaped text renders.
    expect(svgToPng(svg, 1).png.length).toBeGreaterThan(1000);
    expect(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg"><text>a < b</text></svg>')).toThrow();
  });
});
