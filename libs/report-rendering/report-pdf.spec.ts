import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildStatusReport } from '../reports/report-model';
import { TIMELINE_COLOURS } from '../reports/timeline-svg';
import { aarhusInWeek15, aarhusPlan, snapshotWith } from '../reports/test-fixtures';
import { renderReportPdf } from './report-pdf';

const plan = aarhusPlan();
const previous = buildStatusReport({ plan, snapshots: aarhusInWeek15(plan), at: '2025-04-01T08:00:00+02:00' });
const report = buildStatusReport({
  plan,
  snapshots: aarhusInWeek15(plan),
  at: '2025-04-08T08:00:00+02:00',
  previous,
  notes: { sbv: { status: 'on-track', text: 'Fase 1 bliver færdig i morgen.', at: '2025-04-07T16:00:00+02:00' } },
});

interface Pixmap {
  width: number;
  height: number;
  data: Buffer;
}

/** A binary PPM (P6, maxval 255) as pdftoppm writes it. */
function readPpm(file: string): Pixmap {
  const buf = fs.readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error(`${file} is not an 8-bit P6 PPM`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = buf.subarray(header[0].length);
  expect(data.length).toBe(width * height * 3);
  return { width, height, data };
}

const rgb = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

function near(p: Pixmap, i: number, [r, g, b]: [number, number, number], tolerance = 14): boolean {
  const o = i * 3;
  return (
    Math.abs(p.data[o] - r) <= tolerance &&
    Math.abs(p.data[o + 1] - g) <= tolerance &&
    Math.abs(p.data[o + 2] - b) <= tolerance
  );
}

/** Pixels of each bar colour within the chart: the rows where the planned bars' colour is. */
function chartColours(page: Pixmap): Record<'planned' | 'completed' | 'active' | 'overdue', number> {
  const total = page.width * page.height;
  const planned = rgb(TIMELINE_COLOURS.planned);
  let top = page.height;
  let bottom = 0;
  for (let i = 0; i < total; i++) {
    if (near(page, i, planned, 4)) {
      const y = Math.floor(i / page.width);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  expect(bottom - top).toBeGreaterThan(page.height / 4);
  const count = (hex: string) => {
    let n = 0;
    for (let i = top * page.width; i < (bottom + 1) * page.width; i++) if (near(page, i, rgb(hex))) n++;
    return n;
  };
  return {
    planned: count(TIMELINE_COLOURS.planned),
    completed: count(TIMELINE_COLOURS.completed),
    active: count(TIMELINE_COLOURS.active),
    overdue: count(TIMELINE_COLOURS.overdue),
  };
}

describe('renderReportPdf', () => {
  let dir: string;
  let pdfFile: string;
  let pages: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spor-report-pdf-'));
    pdfFile = path.join(dir, 'report.pdf');
    const { pdf } = await renderReportPdf(report);
    fs.writeFileSync(pdfFile, pdf);
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))![1]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is A4 landscape', () => {
    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(
      /Page size:\s+841\.89 x 595\.28 pts \(A4\)/,
    );
  });

  it('renders to a page that is not blank, with the bars’ colours in the chart', async () => {
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdfFile, path.join(dir, 'page')]);
    expect(fs.statSync(path.join(dir, 'page-1.png')).size).toBeGreaterThan(10_000);
    const page = firstPage(pdfFile, 'page');
    expect(page.width).toBeGreaterThan(page.height); // landscape
    const total = page.width * page.height;
    let ink = 0;
    for (let i = 0; i < total; i++) if (!near(page, i, [255, 255, 255], 8)) ink++;
    expect(ink / total).toBeGreaterThan(0.05);

    const colours = chartColours(page);
    expect(colours.planned).toBeGreaterThan(1000);
    expect(colours.completed).toBeGreaterThan(40);
    expect(colours.active).toBeGreaterThan(40);

    // The legend shows every colour too; the overdue bar is what the same programme
    // without the late phase lacks.
    const onTime = aarhusInWeek15(plan).map((s) =>
      s.subAnalysisId === 'sbv'
        ? snapshotWith(plan, 'sbv', {
            '1': {
              state: 'completed',
              actualStart: '2025-03-17T09:00:00+01:00',
              completedAt: '2025-03-28T12:00:00+01:00',
            },
            '2B': { state: 'active', actualStart: '2025-03-25T09:00:00+01:00' },
          })
        : s,
    );
    const calm = buildStatusReport({ plan, snapshots: onTime, at: report.at });
    expect(calm.subAnalyses.every((s) => s.overdue.length === 0)).toBe(true);
    const calmFile = path.join(dir, 'calm.pdf');
    fs.writeFileSync(calmFile, (await renderReportPdf(calm)).pdf);
    const calmColours = chartColours(firstPage(calmFile, 'calm'));
    expect(colours.overdue - calmColours.overdue).toBeGreaterThan(50);
  });

  /** Page 1 at 50 dpi; without a format option pdftoppm writes PPM, simple enough to read here. */
  function firstPage(file: string, name: string): Pixmap {
    execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', file, path.join(dir, name)]);
    return readPpm(path.join(dir, `${name}-1.ppm`));
  }

  it('names every sub-analysis, shows week numbers, keeps æøå, and has the rules and page numbers', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const s of plan.subAnalyses) expect(flat).toContain(s.title);
    expect(flat).toContain('Relationel velfærd');
    expect(flat).toContain('Udvalgsmøde: foreløbige analysefund');
    expect(flat).toContain('Fase 1 bliver færdig i morgen.');
    expect(flat).toContain('Afviger fra den beregnede status (Forsinket)');
    expect(flat).toContain('uge 12-13');
    expect(flat).toContain('uge 23-28');
    expect(flat).toContain('7 arbejdsdage over fristen');
    expect(flat).toContain('ingen bemærkning');
    expect(flat).toContain('Status er ændret fra Risiko til Forsinket.');
    expect(flat).toContain(`Side 1 af ${pages}`);
    expect(flat).toContain(`Side ${pages} af ${pages}`);
    expect(text.match(/Statusregler\. Forsinket:/g)).toHaveLength(pages);
  });

  it('is the same file when the same report is rendered again', async () => {
    const again = await renderReportPdf(report);
    expect(again.pdf.equals(fs.readFileSync(pdfFile))).toBe(true);
  });
});
