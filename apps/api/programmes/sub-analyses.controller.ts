import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audit, type RequestAudit } from '../auth/audit-recorder';
import { Actor, Allow, actorName } from '../auth/decorators';
import type { Actor as ActorInfo } from '../auth/decorators';
import { BadInputException } from '../common/errors';
import { parseBody } from '../common/validation';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../dtos/openapi';
import {
  changePlanBodySchema,
  completePhaseBodySchema,
  openGateBodySchema,
  overrideBodySchema,
  planChangeAnswerSchema,
  startPhaseBodySchema,
  subAnalysisDetailSchema,
  subAnalysisSnapshotSchema,
} from '../dtos/sub-analysis.dto';
import type { ActingRole } from '../../../libs/texts/history';
import { subAnalysisProblems } from '../../../libs/texts/problems';
import { StatusService } from './status.service';
import { SubAnalysesService } from './sub-analyses.service';

/**
 * The role someone acts in on a sub-analysis: its lead or owner when they are one (the
 * guard let them through for that), otherwise the secretariat acting on their behalf.
 */
function actingRole(actor: ActorInfo, programme: string, sid: string): ActingRole {
  if (actor.admin) return 'admin';
  const here = actor.roles.filter((r) => r.programme === programme && r.subAnalysis === sid);
  if (here.some((r) => r.role === 'project-lead')) return 'project-lead';
  if (here.some((r) => r.role === 'project-owner')) return 'project-owner';
  return 'secretariat';
}

/**
 * Who acted and why: the secretariat acting on a lead's behalf (an override) must say
 * why. The admin passes every rule and, as scripts have always done, needs no reason.
 */
function acted(actor: ActorInfo, programme: string, sid: string, reason: string | undefined) {
  const role = actingRole(actor, programme, sid);
  if (role === 'secretariat' && !reason) {
    throw new BadInputException([{ path: 'reason', message: subAnalysisProblems.reasonRequired }]);
  }
  return { role, reason };
}

const ACTION_ERRORS = {
  404: 'No such programme, sub-analysis or phase',
  409: 'Not possible now; the message says why (the workflow refused, or it is not running)',
  503: 'Temporal, which runs the workflows, did not answer; nothing was changed',
} as const;

@ApiTags('sub-analyses')
@Controller('programmes/:id/sub-analyses')
export class SubAnalysesController {
  constructor(
    private readonly subAnalyses: SubAnalysesService,
    private readonly status: StatusService,
  ) {}

  @Get(':sid')
  @Allow('team')
  @ApiOperation({ summary: 'Phases, deliverables, decisions and history of a sub-analysis' })
  @ApiJsonResponse(200, subAnalysisDetailSchema, 'The sub-analysis from the read model')
  @ApiErrors({ 404: 'No such programme or sub-analysis' })
  get(@Param('id') id: string, @Param('sid') sid: string) {
    return this.status.subAnalysis(id, sid);
  }

  @Post(':sid/phases/:code/start')
  @HttpCode(200)
  @Allow('lead', 'secretariat')
  @ApiOperation({
    summary:
      "Start a ready phase before its planned start; 409 when it is not ready. The secretariat may, on the lead's behalf, with a reason",
  })
  @ApiJsonBody(startPhaseBodySchema, { required: false })
  @ApiJsonResponse(200, subAnalysisSnapshotSchema, 'The sub-analysis after the start')
  @ApiErrors({ 400: 'The body is not as described, or the secretariat gave no reason', ...ACTION_ERRORS })
  start(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Actor() actor: ActorInfo,
    @Audit() audit?: RequestAudit,
  ) {
    const { reason } = parseBody(startPhaseBodySchema, body);
    return this.subAnalyses.startPhase(id, sid, code, actorName(actor), acted(actor, id, sid, reason), audit);
  }

  @Post(':sid/phases/:code/complete')
  @HttpCode(200)
  @Allow('lead', 'secretariat')
  @ApiOperation({
    summary:
      "Complete an active phase; 409 when it is not active. The secretariat may, on the lead's behalf, with a reason",
  })
  @ApiJsonBody(completePhaseBodySchema, { required: false })
  @ApiJsonResponse(200, subAnalysisSnapshotSchema, 'The sub-analysis after the completion')
  @ApiErrors({ 400: 'The body is not as described, or the secretariat gave no reason', ...ACTION_ERRORS })
  complete(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Actor() actor: ActorInfo,
    @Audit() audit?: RequestAudit,
  ) {
    const { note, reason } = parseBody(completePhaseBodySchema, body);
    return this.subAnalyses.completePhase(id, sid, code, actorName(actor), note, acted(actor, id, sid, reason), audit);
  }

  @Post(':sid/phases/:code/reopen')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({
    summary: 'Make a completed phase active again, giving a reason; 409 once a phase waiting for it has started',
  })
  @ApiJsonBody(overrideBodySchema)
  @ApiJsonResponse(200, subAnalysisSnapshotSchema, 'The sub-analysis with the phase active again')
  @ApiErrors({ 400: 'The body is not as described', ...ACTION_ERRORS })
  reopen(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Actor() actor: ActorInfo,
    @Audit() audit?: RequestAudit,
  ) {
    const { reason } = parseBody(overrideBodySchema, body);
    return this.subAnalyses.reopenPhase(
      id,
      sid,
      code,
      actorName(actor),
      { role: actingRole(actor, id, sid), reason },
      audit,
    );
  }

  @Patch(':sid/phases/:code')
  @Allow('secretariat')
  @ApiOperation({
    summary: "Change a phase's weeks; reminders follow the new dates",
    description:
      'The weeks the phase has already: 200 with the plan as it is, no history line, audited as `unchanged`.',
  })
  @ApiJsonBody(changePlanBodySchema)
  @ApiJsonResponse(200, planChangeAnswerSchema, 'The sub-analysis with its new plan, and any warnings')
  @ApiErrors({ 400: 'The body, or the plan it would make, is not valid; every problem by path', ...ACTION_ERRORS })
  changePlan(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Actor() actor: ActorInfo,
    @Audit() audit?: RequestAudit,
  ) {
    const input = parseBody(changePlanBodySchema, body);
    const change = input.weeks !== undefined ? { weeks: input.weeks } : { from: input.from!, to: input.to! };
    return this.subAnalyses.changePlan(id, sid, code, actorName(actor), change, input.reason, audit);
  }

  @Post(':sid/gates/:code/open')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Open the gate before a phase by hand, giving a reason' })
  @ApiJsonBody(openGateBodySchema)
  @ApiJsonResponse(200, subAnalysisSnapshotSchema, 'The sub-analysis with the gate open')
  @ApiErrors({ 400: 'The body is not as described', ...ACTION_ERRORS })
  openGate(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Actor() actor: ActorInfo,
    @Audit() audit?: RequestAudit,
  ) {
    const { reason } = parseBody(openGateBodySchema, body);
    return this.subAnalyses.openGate(id, sid, code, actorName(actor), reason, audit);
  }

  @Post(':sid/gates/:code/close')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Close a gate opened by mistake, giving a reason; 409 once its phase has started' })
  @ApiJsonBody(overrideBodySchema)
  @ApiJsonResponse(200, subAnalysisSnapshotSchema, 'The sub-analysis with the gate closed')
  @ApiErrors({ 400: 'The body is not as described', ...ACTION_ERRORS })
  closeGate(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Actor() actor: ActorInfo,
    @Audit() audit?: RequestAudit,
  ) {
    const { reason } = parseBody(overrideBodySchema, body);
    return this.subAnalyses.closeGate(
      id,
      sid,
      code,
      actorName(actor),
      { role: actingRole(actor, id, sid), reason },
      audit,
    );
  }
}
