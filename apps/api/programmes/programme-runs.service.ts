import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { SporConfig } from '../../../libs/config';
import { programmeWorkflowId, subAnalysisWorkflowId } from '../../../workflows/ids';
import { programmeWorkflow } from '../../../workflows/programme/programme.workflow';
import type { SubAnalysisSnapshot } from '../../../libs/read-model/contract';
import { StateConflictException } from '../common/errors';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import { ProgrammesService } from './programmes.service';

/** Starting programmes and sending their sub-analyses' messages on Temporal. */
@Injectable()
export class ProgrammeRunsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: SporConfig,
    private readonly programmes: ProgrammesService,
  ) {}

  async start(programmeId: string): Promise<{ programmeId: string; workflowId: string; startedAt: string }> {
    const { definition, entity } = await this.programmes.planOf(programmeId);
    if (entity.startedAt) throw new StateConflictException(`Programme ${programmeId} was started ${entity.startedAt}`);
    const workflowId = programmeWorkflowId(programmeId);
    try {
      await this.client.workflow.start(programmeWorkflow, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [{ programmeId, definition, publicUrl: this.config.publicUrl }],
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new StateConflictException(`Programme ${programmeId} is running already`);
      }
      throw err;
    }
    const startedAt = new Date().toISOString();
    await this.programmes.markStarted(programmeId, startedAt);
    return { programmeId, workflowId, startedAt };
  }

  /**
   * Sends an Update to a sub-analysis workflow and returns its answer. The workflow
   * writes the read model before it answers, so a read right after sees the change.
   * A refusal by the update's validator becomes 409 with the workflow's reason; an
   * unknown sub-analysis or phase is 404.
   */
  async update<Arg extends { code?: string }>(
    programmeId: string,
    subAnalysisId: string,
    update: UpdateDefinition<SubAnalysisSnapshot, [Arg]>,
    arg: Arg,
  ): Promise<SubAnalysisSnapshot> {
    const { definition, entity } = await this.programmes.planOf(programmeId);
    const sub = definition.subAnalyses.find((s) => s.id === subAnalysisId);
    if (!sub) throw new NotFoundException(`Programme ${programmeId} has no sub-analysis "${subAnalysisId}"`);
    if (arg.code !== undefined && !sub.phases.some((p) => p.code === arg.code)) {
      throw new NotFoundException(`Sub-analysis ${subAnalysisId} has no phase "${arg.code}"`);
    }
    if (!entity.startedAt) throw new StateConflictException(`Programme ${programmeId} has not been started`);
    const handle = this.client.workflow.getHandle(subAnalysisWorkflowId(programmeId, subAnalysisId));
    try {
      return await handle.executeUpdate(update, { args: [arg] });
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        throw new StateConflictException(err.cause?.message ?? err.message);
      }
      if (err instanceof WorkflowNotFoundError || /workflow execution already completed/i.test(String(err))) {
        throw new ConflictException(`Sub-analysis ${subAnalysisId} is not running (finished or not started)`);
      }
      throw err;
    }
  }
}
