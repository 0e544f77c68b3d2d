import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../apps/api/common/tokens';
import { AuditEntries, AuditEntryEntity } from '../libs/persistence';
import { meetingWorkflowId, subAnalysisWorkflowId } from '../workflows/ids';
import { setAgendaItemUpdate } from '../workflows/meeting/messages';
import { changePhasePlanUpdate } from '../workflows/sub-analysis/messages';
import { eventually } from './support/process';
import { SECRETARIAT, StartedProgramme, startedProgramme } from './support/started-programme';

const PATCH = 'PATCH /api/programmes/:id/sub-analyses/:sid/phases/:code';
/** The default programme's June meeting. */
const JUNE = 'udvalg-juni';
/** Each sub-analysis' phase 1 and the last week it may end in (its next phases start after). */
const PHASE_ONE_ENDS: Record<string, number> = {
  sbv: 13,
  ledige: 14,
  'byens-rum': 14,
  'relationel-velfaerd': 14,
  klima: 14,
};

/**
 * Plan changes at once, on the embedded SQLite database the API and the worker share:
 * all answered, none failing on a locked database, each applied change audited once.
 */
describe('concurrent plan changes', () => {
  let p: StartedProgramme;
  const db = () => p.app.api.get(DataSource);
  const planChanges = async () => {
    const rows = await db().query(
      `SELECT COUNT(*) AS n FROM history_entry WHERE programme_id = ? AND kind = 'plan-changed'`,
      [p.id],
    );
    return Number(rows[0].n);
  };
  const auditRows = () => db().getRepository(AuditEntryEntity).findBy({ programmeId: p.id, action: PATCH });

  beforeAll(async () => {
    p = await startedProgramme('concurrency-test', 'admin-token-for-the-concurrency-test');
  });
  afterAll(async () => {
    await p?.app.stop();
  });

  it('answers 50 changes at once, ten to each phase, without a 500, and audits each applied one once', async () => {
    const changesBefore = await planChanges();
    const requests = Object.entries(PHASE_ONE_ENDS).flatMap(([sid, end]) =>
      Array.from({ length: 10 }, (_, n) => ({ sid, weeks: `${n + 1}-${end}` })),
    );
    const answers = await Promise.all(
      requests.map((r) =>
        p.api(p.tokens[SECRETARIAT], 'PATCH', `/programmes/${p.id}/sub-analyses/${r.sid}/phases/1`, {
          weeks: r.weeks,
          reason: 'Samtidig ændring',
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const applied = statuses.filter((s) => s === 200).length;
    // Ten different weeks per phase, one after another in its workflow: every one applies.
    expect(applied).toBe(50);
    expect((await planChanges()) - changesBefore).toBe(applied);
    const audit = await auditRows();
    expect(audit.filter((r) => r.outcome === 'ok')).toHaveLength(applied);
    expect(audit.filter((r) => r.outcome === 'pending' || r.outcome === 'failed')).toEqual([]);

    // No activity had to be retried (a locked database fails the read-model write).
    const client = p.app.api.get<Client>(TEMPORAL_CLIENT);
    for (const sid of Object.keys(PHASE_ONE_ENDS)) {
      const history = await client.workflow.getHandle(subAnalysisWorkflowId(p.id, sid)).fetchHistory();
      const retried = (history.events ?? []).filter(
        (e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1 || e.activityTaskFailedEventAttributes,
      );
      expect({ sid, retried }).toEqual({ sid, retried: [] });
    }
  });

  it('audits a change whose client went away before the answer', async () => {
    const before = await planChanges();
    const auditBefore = (await auditRows()).length;
    const controller = new AbortController();
    const sent = fetch(`${p.app.baseUrl}/api/programmes/${p.id}/sub-analyses/klima/phases/1`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${p.tokens[SECRETARIAT]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ weeks: '12-14', reason: 'Forbindelsen afbrydes' }),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 5);
    await expect(sent).rejects.toThrow();
    await eventually(async () => (await planChanges()) === before + 1, 30_000, 'the change to be applied');
    const audit = await eventually(
      async () => {
        const rows = await auditRows();
        return rows.length === auditBefore + 1 && rows[rows.length - 1].outcome !== 'pending' && rows;
      },
      30_000,
      'the entry to be completed',
    );
    expect(audit[audit.length - 1]).toMatchObject({ outcome: 'ok', status: 200 });
  });

  it('completes a pending entry from the workflow when the API never answers (a crash after the Update)', async () => {
    // As the API does before it asks the workflow; then it "crashes": nobody completes the entry but the workflow.
    const requestId = randomUUID();
    await new AuditEntries(db()).pending({
      actorEmail: SECRETARIAT,
      actorAdmin: false,
      action: PATCH,
      programmeId: p.id,
      target: { sid: 'ledige', code: '1' },
      requestId,
    });
    const client = p.app.api.get<Client>(TEMPORAL_CLIENT);
    await client.workflow.getHandle(subAnalysisWorkflowId(p.id, 'ledige')).executeUpdate(changePhasePlanUpdate, {
      args: [{ code: '1', change: { weeks: '11-14' }, reason: 'Uden svar', by: SECRETARIAT, requestId }],
    });
    const row = await db().getRepository(AuditEntryEntity).findOneByOrFail({ requestId });
    expect(row).toMatchObject({ outcome: 'ok', status: 200 });
  });

  it("completes a meeting change's pending entry from the meeting workflow too", async () => {
    const requestId = randomUUID();
    await new AuditEntries(db()).pending({
      actorEmail: SECRETARIAT,
      actorAdmin: false,
      action: 'PATCH /api/programmes/:id/meetings/:mid/items/:sid',
      programmeId: p.id,
      target: { mid: JUNE, sid: 'eventuelt' },
      requestId,
    });
    const client = p.app.api.get<Client>(TEMPORAL_CLIENT);
    const meeting = await client.workflow.getHandle(meetingWorkflowId(p.id, JUNE)).executeUpdate(setAgendaItemUpdate, {
      args: [{ item: 'eventuelt', settings: { minutes: 7 }, by: SECRETARIAT, requestId }],
    });
    expect(meeting.agenda.find((i) => i.key === 'eventuelt')?.minutes).toBe(7);
    const row = await db().getRepository(AuditEntryEntity).findOneByOrFail({ requestId });
    expect(row).toMatchObject({ outcome: 'ok', status: 200 });
  });
});
