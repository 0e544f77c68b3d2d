import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/**
 * With SPOR_RECORD_HISTORIES=<tag>, writes the workflows' histories for the replay test
 * (test/replay.spec.ts) as `<name>-<tag>.binpb` beside their ids, so that those of older
 * code stay and keep being replayed. Without it, does nothing.
 */
export async function recordHistories(client: Client, workflows: readonly [name: string, workflowId: string][]) {
  const tag = process.env.SPOR_RECORD_HISTORIES;
  if (!tag) return;
  const dir = path.join(__dirname, '..', 'histories');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, workflowId] of workflows) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    // Protobuf's binary form: exact, where the JSON conversion loses well-known types.
    const bytes = temporal.api.history.v1.History.encode(history).finish();
    fs.writeFileSync(path.join(dir, `${name}-${tag}.binpb`), bytes);
    fs.writeFileSync(path.join(dir, `${name}-${tag}.workflow-id`), workflowId);
  }
}
