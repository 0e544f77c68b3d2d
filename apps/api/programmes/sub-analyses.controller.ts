import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  changePhasePlanUpdate,
  completePhaseUpdate,
  openGateUpdate,
  startPhaseUpdate,
} from '../../../workflows/sub-analysis/messages';
import { validateDefinition } from '../../../libs/plan';
import { withPhaseWeeks } from '../../../libs/plan/changes';
import { Actor, Allow } from '../auth/decorators';
import type { Actor as ActorInfo } from '../auth/decorators';
import { BadInputException } from '../common/errors';
import { parseBody } from '../common/validation';
import { ProgrammeRunsService } from './programme-runs.service';
import { ProgrammesService } from './programmes.service';
import { StatusService } from './status.service';

const reason = z.string().trim().min(1, 'must say why').max(2000);
const completeBody = z.strictObject({ note: z.string().max(4000).optional() });
const gateBody = z.strictObject({ reason });
const planBody = z
  .strictObject({
    weeks: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    reason,
  })
  .refine((b) => (b.weeks !== undefined) !== (b.from !== undefined || b.to !== undefined), {
    message: 'give either weeks, or from and to',
    path: ['weeks'],
  })
  .refine((b) => b.weeks !== undefined || (b.from !== undefined && b.to !== undefined), {
    message: 'from and to go together',
    path: ['to'],
  });

/** Who acts, as the workflow records it. */
const by = (actor: ActorInfo) => actor.email ?? 'admin';

@ApiTags('sub-analyses')
@Controller('programmes/:id/sub-analyses')
export class SubAnalysesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly runs: ProgrammeRunsService,
    private readonly status: StatusService,
  ) {}

  @Get(':sid')
  @Allow('reader')
  @ApiOperation({ summary: 'Phases, deliverables, decisions and history of a sub-analysis' })
  get(@Param('id') id: string, @Param('sid') sid: string) {
    return this.status.subAnalysis(id, sid);
  }

  @Post(':sid/phases/:code/start')
  @HttpCode(200)
  @Allow('lead')
  @ApiOperation({ summary: 'Start a ready phase before its planned start; 409 when it is not ready' })
  start(@Param('id') id: string, @Param('sid') sid: string, @Param('code') code: string, @Actor() actor: ActorInfo) {
    return this.runs.update(id, sid, startPhaseUpdate, { code, by: by(actor) });
  }

  @Post(':sid/phases/:code/complete')
  @HttpCode(200)
  @Allow('lead')
  @ApiOperation({ summary: 'Complete an active phase; 409 when it is not active' })
  @ApiBody({ schema: { type: 'object', properties: { note: { type: 'string' } } }, required: false })
  complete(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Actor() actor: ActorInfo,
  ) {
    const { note } = parseBody(completeBody, body);
    return this.runs.update(id, sid, completePhaseUpdate, { code, by: by(actor), note });
  }

  @Patch(':sid/phases/:code')
  @Allow('secretariat')
  @ApiOperation({ summary: "Change a phase's weeks; reminders follow the new dates" })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['reason'],
      properties: {
        weeks: { type: 'string', example: '15-17' },
        from: { type: 'string' },
        to: { type: 'string' },
        reason: { type: 'string' },
      },
    },
  })
  async changePlan(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Actor() actor: ActorInfo,
  ) {
    const input = parseBody(planBody, body);
    const change = input.weeks !== undefined ? { weeks: input.weeks } : { from: input.from!, to: input.to! };
    const { definition } = await this.programmes.planOf(id);
    const sIndex = definition.subAnalyses.findIndex((s) => s.id === sid);
    const pIndex = sIndex < 0 ? -1 : definition.subAnalyses[sIndex].phases.findIndex((p) => p.code === code);
    if (pIndex >= 0) {
      // The changed programme must pass every check a new definition passes.
      const checked = validateDefinition(withPhaseWeeks(definition, sid, code, change));
      if (!checked.valid) {
        const prefix = `subAnalyses[${sIndex}].phases[${pIndex}].`;
        throw new BadInputException(
          checked.errors.map((e) => ({
            path: e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path,
            message: e.message,
          })),
        );
      }
    }
    const snapshot = await this.runs.update(id, sid, changePhasePlanUpdate, {
      code,
      change,
      reason: input.reason,
      by: by(actor),
    });
    return snapshot;
  }

  @Post(':sid/gates/:code/open')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Open the gate before a phase by hand, giving a reason' })
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } })
  openGate(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Actor() actor: ActorInfo,
  ) {
    const { reason: why } = parseBody(gateBody, body);
    return this.runs.update(id, sid, openGateUpdate, { code, reason: why, by: by(actor) });
  }
}
