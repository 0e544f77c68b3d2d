import * as fs from 'node:fs';
import * as path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';

/**
 * Histories recorded from real runs (test/histories, written by the Aarhus timeline
 * test with SPOR_RECORD_HISTORIES=1) must replay on today's workflow code. A change
 * that breaks this would break running programmes: guard it with `patched()`.
 */
const dir = path.join(__dirname, 'histories');
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.binpb'))
  .map((f) => f.replace(/\.binpb$/, ''));

describe('replay of recorded workflow histories', () => {
  it('has histories of the programme and of sub-analyses to replay', () => {
    // Recorded before the reshape into state classes, after it (with meetings), and once
    // meetings and status reports sent their e-mails in batches (with a meeting's decisions).
    expect(names).toEqual(
      expect.arrayContaining([
        'programme',
        'sub-analysis-sbv',
        'sub-analysis-klima',
        'programme-2026-12',
        'sub-analysis-sbv-2026-12',
        'meeting-juni-2026-12',
        'status-reports-2026-12',
        'meeting-juni-2026-12-02',
        'status-reports-2026-12-02',
        'meeting-decided-2026-12-02',
      ]),
    );
  });

  it.each(names)('%s replays without a determinism error', async (name) => {
    const history = temporal.api.history.v1.History.decode(fs.readFileSync(path.join(dir, `${name}.binpb`)));
    const workflowId = fs.readFileSync(path.join(dir, `${name}.workflow-id`), 'utf8');
    expect(history.events.length).toBeGreaterThan(20);
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { codePath: process.env.SPOR_TEST_WORKFLOW_BUNDLE! } },
        history,
        workflowId,
      ),
    ).resolves.toBeUndefined();
  });
});
