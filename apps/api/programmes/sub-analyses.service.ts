import { Injectable, NotFoundException } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { type PhaseWeeksChange, isSamePhaseWeeks } from '../../../libs/plan/changes';
import type { Problem } from '../../../libs/plan/validate';
import { type Acted, refusal } from '../../../libs/texts/history';
import type { SubAnalysisSnapshot } from '../../../libs/read-model/contract';
import { subAnalysisWorkflowId } from '../../../workflows/ids';
import {
  changePhasePlanUpdate,
  closeGateUpdate,
  completePhaseUpdate,
  openGateUpdate,
  reopenPhaseUpdate,
  startPhaseUpdate,
} from '../../../workflows/sub-analysis/messages';
import type { RequestAudit } from '../auth/audit-recorder';
import { phaseWeeksChangeCheck } from '../../../libs/plan/change-checks';
import { StateConflictException, invalidChange } from '../common/errors';
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

  startPhase(
    programmeId: string,
    subAnalysisId: string,
    code: string,
    by: string,
    acted?: Acted,
    audit?: RequestAudit,
  ): Promise<SubAnalysisSnapshot> {
    return this.send(programmeId, subAnalysisId, code, startPhaseUpdate, { code, by, ...acted, requestId: audit?.id });
  }

  completePhase(
    programmeId: string,
    subAnalysisId: string,
    code: string,
    by: string,
    note?: string,
    acted?: Acted,
    audit?: RequestAudit,
  ): Promise<SubAnalysisSnapshot> {
    const arg = { code, by, note, ...acted, requestId: audit?.id };
    return this.send(programmeId, subAnalysisId, code, completePhaseUpdate, arg);
  }

  /** Secretariat override: a completed phase becomes active again. */
  reopenPhase(
    programmeId: string,
    subAnalysisId: string,
    code: string,
    by: string,
    acted: Required<Acted>,
    audit?: RequestAudit,
  ) {
    const arg = { code, by, ...acted, requestId: audit?.id };
    return this.send(programmeId, subAnalysisId, code, reopenPhaseUpdate, arg);
  }

  /** Secretariat override: a gate opened by mistake is closed again. */
  closeGate(
    programmeId: string,
    subAnalysisId: string,
    code: string,
    by: string,
    acted: Required<Acted>,
    audit?: RequestAudit,
  ) {
    return this.send(programmeId, subAnalysisId, code, closeGateUpdate, { code, by, ...acted, requestId: audit?.id });
  }

  openGate(
    programmeId: string,
    subAnalysisId: string,
    code: string,
    by: string,
    reason: string,
    audit?: RequestAudit,
  ): Promise<SubAnalysisSnapshot> {
    return this.send(programmeId, subAnalysisId, code, openGateUpdate, { code, reason, by, requestId: audit?.id });
  }

  async changePlan(
    programmeId: string,
    subAnalysisId: string,
    code: string,
    by: string,
    change: PhaseWeeksChange,
    reason: string,
    audit?: RequestAudit,
  ): Promise<SubAnalysisSnapshot & { warnings: Problem[] }> {
    // The changed plan is checked here as a new definition is checked (400 by path); the
    // workflow's validator runs only light checks, keeping zod out of its bundle. A change
    // to the weeks the phase has already leaves the plan as it is: the stored definition
    // follows every applied change, so it tells the audit trail which of the two this is;
    // an applied change's entry is completed as `ok` by the workflow. The changed
    // definition is what the workflow stores, so its warnings are the answer's.
    const { definition } = await this.programmes.planOf(programmeId);
    let warnings: Problem[] = [];
    if (definition.subAnalyses.some((s) => s.id === subAnalysisId && s.phases.some((p) => p.code === code))) {
      const check = phaseWeeksChangeCheck(definition, subAnalysisId, code, change);
      if (check.errors.length) throw invalidChange(refusal.invalidPlan, check.errors);
      warnings = check.warnings;
    }
    if (audit && isSamePhaseWeeks(definition, subAnalysisId, code, change)) audit.outcome = 'unchanged';
    const arg = { code, change, reason, by, requestId: audit?.id };
    const snapshot = await this.send(programmeId, subAnalysisId, code, changePhasePlanUpdate, arg);
    return { ...snapshot, warnings };
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
