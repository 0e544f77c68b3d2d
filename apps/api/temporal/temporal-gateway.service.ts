import { Inject, Injectable, NotFoundException, type OnModuleDestroy } from '@nestjs/common';
import { Client, WorkflowNotFoundError, type WorkflowStartOptions } from '@temporalio/client';
import type { UpdateDefinition, Workflow } from '@temporalio/common';
import type { SporConfig } from '../../../libs/config';
import { temporalProblems } from '../../../libs/texts/problems';
import { StateConflictException } from '../common/errors';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import { TemporalUnavailableException, httpErrorOf, temporalUnavailable } from './temporal-errors';

/**
 * How long one call may wait for Temporal. A server that is down refuses the connection
 * and the client gives up after four quick tries (libs/temporal/connection.ts), well
 * under a second; these bound a server that accepts but does not answer. A start waits
 * for the server only, so its answer (503 included) comes within 5 s; an Update waits
 * for its handler too, which writes the read model, and gets longer so that a busy
 * machine does not turn applied changes into 503s.
 */
export const TEMPORAL_CALL_DEADLINE_MS = { start: 4_000, update: 15_000, describe: 4_000 };

/** Names the workflow a call is about, for the messages people read. */
export interface Target {
  workflowId: string;
  /** e.g. "Sub-analysis sbv", "Programme aarhus-2025". */
  what: string;
}

/**
 * Spor's one way to Temporal from the API: starts workflows and sends Updates, and turns
 * what Temporal answers into HTTP errors by their type (see temporal-errors.ts). Whether
 * the thing asked about exists in the programme is the caller's concern.
 */
@Injectable()
export class TemporalGateway implements OnModuleDestroy {
  /** Set while the API shuts down: the connection closes under requests still running. */
  private closing = false;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: SporConfig,
  ) {}

  /**
   * Starts a workflow on Spor's task queue; 409 when one with this id is running already.
   * `workflow` may be the workflow type's name, with the function's type as `W`, so the
   * API need not load workflow code.
   */
  async start<W extends Workflow>(target: Target, workflow: W | string, args: Parameters<W>): Promise<void> {
    await this.call(target, TEMPORAL_CALL_DEADLINE_MS.start, () =>
      this.client.workflow.start<W>(workflow, {
        workflowId: target.workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args,
      } as unknown as WorkflowStartOptions<W>),
    );
  }

  /**
   * Sends an Update and answers its result. A validator's refusal is 409 with its reason,
   * a `BadInput` failure 400 with its details; a workflow that has finished is 409, one
   * that never existed 404.
   */
  async update<Ret, Args extends unknown[]>(
    target: Target,
    update: UpdateDefinition<Ret, Args>,
    ...args: Args
  ): Promise<Ret> {
    const handle = this.client.workflow.getHandle(target.workflowId);
    try {
      return await this.call(target, TEMPORAL_CALL_DEADLINE_MS.update, () =>
        // The definition types the arguments for the caller; the SDK's overloads cannot follow a generic tuple.
        handle.executeUpdate(update as unknown as UpdateDefinition<Ret, [unknown]>, {
          args: args as unknown as [unknown],
        }),
      );
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw await this.whyNotFound(target);
      throw err;
    }
  }

  /**
   * Temporal answers NOT_FOUND both for an id it never saw and for a workflow that has
   * finished; its description tells the two apart.
   */
  private async whyNotFound(target: Target): Promise<Error> {
    try {
      const { status } = await this.call(target, TEMPORAL_CALL_DEADLINE_MS.describe, () =>
        this.client.workflow.getHandle(target.workflowId).describe(),
      );
      // Running after all: the answer crossed a continue-as-new. Nothing was changed; again will do.
      if (status.name === 'RUNNING' || status.name === 'CONTINUED_AS_NEW') {
        return temporalUnavailable(target.what, 'unreachable');
      }
      return new StateConflictException(temporalProblems.ended(target.what, status.name.toLowerCase()));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return new NotFoundException(`${target.what} has no workflow`);
      return err as Error;
    }
  }

  onModuleDestroy(): void {
    this.closing = true;
  }

  /** Runs one call under a deadline, turning Temporal's answers into HTTP errors where they are the caller's. */
  private async call<T>(target: Target, deadlineMs: number, fn: () => Promise<T>): Promise<T> {
    if (this.closing) throw temporalUnavailable(target.what, 'unreachable');
    try {
      return await this.client.connection.withDeadline(Date.now() + deadlineMs, fn);
    } catch (err) {
      const http = httpErrorOf(err, target.what);
      if (http) throw http;
      // A connection closed by the shutdown fails with a plain error: the call never got through.
      if (this.closing) throw temporalUnavailable(target.what, 'unreachable');
      throw err;
    }
  }
}

export { TemporalUnavailableException };
