import { Injectable, NotFoundException } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { PhaseWeeksChange } from '../../../libs/plan/changes';
import type { SubAnalysisSnapshot } from '../../../libs/read-model/contract';
import { subAnalysisWorkflowId } from '../../../workflows/ids';
import {
  changePhasePlanUpdate,
  completePhaseUpdate,
  openGateUpdate,
  startPhaseUpdate,
} from '../../../workflows/sub-analysis/messages';
import { checkPhaseWeeksChange } from '../../../libs/plan/change-checks';
import { BadInputException, StateConflictException } from '../common/errors';
import { TemporalGateway } from '../temporal/temporal-gateway.service';
import { ProgrammesService } from './programmes.service';

/**
 * The actions on a sub-analysis: each is an Update to its workflow, which answers the
 * new snapshot once the read model holds it. What the programme does not know (the
 * sub-analysis, the phase) is 404 here, before Temporal is asked.
 */
@Injectable()
export class SubAnalysesService {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly temporal: TemporalGateway,
  ) {}

  startPhase(programmeId: string, subAnalysisId: string, code: string, by: string): Promise<SubAnalysisSnapshot> {
    return this.send(programmeId, subAnalysisId, code, startPhaseUpdate, { code, by });
  }

  completePhase(
    programmeId: string,
    subAnalysisId: string,
    code: string,
    by: string,
    note?: string,
  ): Promise<SubAnalysisSnapshot> {
    return this.send(programmeId, subAnalysisId, code, completePhaseUpdate, { code, by, note });
  }

  openGate(
    programmeId: string,
    subAnalysisId: string,
    code: string,
    by: string,
    reason: string,
  ): Promise<SubAnalysisSnapshot> {
    return this.send(programmeId, subAnalysisId, code, openGateUpdate, { code, reason, by });
  }

  async changePlan(
    programmeId: string,
    subAnalysisId: string,
    code: string,
    by: string,
    change: PhaseWeeksChange,
    reason: string,
  ): Promise<SubAnalysisSnapshot> {
    // The changed plan is checked here as a new definition is checked (400 by path); the
    // workflow's validator runs only light checks, keeping zod out of its bundle.
    const { definition } = await this.programmes.planOf(programmeId);
    if (definition.subAnalyses.some((s) => s.id === subAnalysisId && s.phases.some((p) => p.code === code))) {
      const problems = checkPhaseWeeksChange(definition, subAnalysisId, code, change);
      if (problems.length) throw new BadInputException(problems);
    }
    return this.send(programmeId, subAnalysisId, code, changePhasePlanUpdate, { code, change, reason, by });
  }

  /** Checks that the programme knows the sub-analysis and phase and has started, then sends the Update. */
  private async send<Arg>(
    programmeId: string,
    subAnalysisId: string,
    code: string,
    update: UpdateDefinition<SubAnalysisSnapshot, [Arg]>,
    arg: Arg,
  ): Promise<SubAnalysisSnapshot> {
    const { definition, entity } = await this.programmes.planOf(programmeId);
    const sub = definition.subAnalyses.find((s) => s.id === subAnalysisId);
    if (!sub) throw new NotFoundException(`Programme ${programmeId} has no sub-analysis "${subAnalysisId}"`);
    if (!sub.phases.some((p) => p.code === code)) {
      throw new NotFoundException(`Sub-analysis ${subAnalysisId} has no phase "${code}"`);
    }
    if (!entity.startedAt) throw new StateConflictException(`Programme ${programmeId} has not been started`);
    return this.temporal.update(
      { workflowId: subAnalysisWorkflowId(programmeId, subAnalysisId), what: `Sub-analysis ${subAnalysisId}` },
      update,
      arg,
    );
  }
}
