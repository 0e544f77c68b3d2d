import { Inject, Injectable } from '@nestjs/common';
import type { SporConfig } from '../../../libs/config';
import { programmeWorkflowId } from '../../../workflows/ids';
import { subAnalysesStartedUpdate } from '../../../workflows/programme/messages';
import type { programmeWorkflow } from '../../../workflows/programme/programme.workflow';
import { StateConflictException } from '../common/errors';
import { CONFIG } from '../common/tokens';
import { TemporalGateway } from '../temporal/temporal-gateway.service';
import { ProgrammesService } from './programmes.service';

export interface ProgrammeStarted {
  programmeId: string;
  workflowId: string;
  startedAt: string;
  /** The sub-analyses whose workflows run, each accepting its actions from now on. */
  subAnalyses: string[];
}

/** Starting a programme's workflow on Temporal. */
@Injectable()
export class ProgrammeRunsService {
  constructor(
    private readonly temporal: TemporalGateway,
    private readonly programmes: ProgrammesService,
    @Inject(CONFIG) private readonly config: SporConfig,
  ) {}

  /**
   * Starts the programme workflow and answers once every sub-analysis workflow runs (the
   * programme workflow's `subAnalysesStarted` Update), so an action sent right after the
   * answer finds its sub-analysis running.
   */
  async start(programmeId: string): Promise<ProgrammeStarted> {
    const { definition, entity } = await this.programmes.planOf(programmeId);
    if (entity.startedAt) throw new StateConflictException(`Programme ${programmeId} was started ${entity.startedAt}`);
    const target = { workflowId: programmeWorkflowId(programmeId), what: `Programme ${programmeId}` };
    await this.temporal.start<typeof programmeWorkflow>(target, 'programmeWorkflow', [
      { programmeId, definition, publicUrl: this.config.publicUrl },
    ]);
    const startedAt = new Date().toISOString();
    // Marked before the wait: the workflow runs now, whatever the wait brings.
    await this.programmes.markStarted(programmeId, startedAt);
    const { subAnalyses } = await this.temporal.update(target, subAnalysesStartedUpdate);
    return { programmeId, workflowId: target.workflowId, startedAt, subAnalyses };
  }
}
