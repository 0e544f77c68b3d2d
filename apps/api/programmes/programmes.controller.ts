import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { SporConfig } from '../../../libs/config';
import { computePlan } from '../../../libs/plan';
import { Actor, Allow } from '../auth/decorators';
import type { Actor as ActorInfo } from '../auth/decorators';
import { BadInputException, ProblemException } from '../common/errors';
import { requestProblems } from '../../../libs/texts/problems';
import { Accepts } from '../common/media-type.interceptor';
import { CONFIG } from '../common/tokens';
import { parseBody } from '../common/validation';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../dtos/openapi';
import {
  calendarQuerySchema,
  definitionSchema,
  notificationsSchema,
  programmeListSchema,
  programmeStartedSchema,
  programmeViewSchema,
  scheduleSchema,
  validationAnswerSchema,
} from '../dtos/programme.dto';
import { programmeStatusSchema } from '../dtos/status.dto';
import { programmeCalendar } from './icalendar';
import { ProgrammeRunsService } from './programme-runs.service';
import { DEFINITION_MEDIA_TYPES, ProgrammesService, checkDefinitionBody } from './programmes.service';
import { StatusService } from './status.service';

const DEFINITION_BODY = {
  description: 'A programme definition (see the programme format): JSON, or YAML with Content-Type application/yaml',
};

const NO_PROGRAMME = { 404: 'No programme with this id' } as const;

/**
 * A body no parser read (a form, XML) would otherwise look like a missing definition.
 * `req.is` is null when there is no body at all: that is answered as a missing definition.
 */
function acceptDefinitionType(req: Request): void {
  if (req.is([...DEFINITION_MEDIA_TYPES]) === false) {
    const message = requestProblems.unsupportedMediaType(String(req.headers['content-type'] ?? '(none)'), [
      'application/json',
      'application/yaml',
    ]);
    throw new ProblemException(415, message, [{ path: 'Content-Type', message }]);
  }
}

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly runs: ProgrammeRunsService,
    private readonly status: StatusService,
    @Inject(CONFIG) private readonly config: SporConfig,
  ) {}

  @Post('validate')
  @HttpCode(200)
  @Allow('authenticated')
  @ApiOperation({ summary: 'Check a definition and compute its plan; stores nothing' })
  @ApiConsumes('application/json', 'application/yaml')
  @Accepts(...DEFINITION_MEDIA_TYPES)
  @ApiJsonBody(definitionSchema, DEFINITION_BODY)
  @ApiJsonResponse(200, validationAnswerSchema, 'Every problem and warning, and the plan when the definition is valid')
  @ApiErrors({ 400: 'The body is not valid JSON', 415: 'The body is neither JSON nor YAML' })
  validate(@Body() body: unknown, @Req() req: Request) {
    acceptDefinitionType(req);
    const result = checkDefinitionBody(body, req.headers['content-type']);
    return {
      valid: result.valid,
      errors: result.errors,
      warnings: result.warnings,
      plan: result.definition ? computePlan(result.definition) : null,
    };
  }

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Load a programme definition; 400 lists every problem, 409 when the id exists' })
  @ApiConsumes('application/json', 'application/yaml')
  @Accepts(...DEFINITION_MEDIA_TYPES)
  @ApiJsonBody(definitionSchema, DEFINITION_BODY)
  @ApiJsonResponse(201, programmeViewSchema, 'The programme: its definition and computed plan')
  @ApiErrors({
    400: 'Every problem of the definition, by path, in `details`',
    409: 'A programme with this id exists',
    415: 'The body is neither JSON nor YAML',
  })
  create(@Body() body: unknown, @Req() req: Request, @Actor() actor: ActorInfo) {
    acceptDefinitionType(req);
    return this.programmes.create(body, req.headers['content-type'], actor.email);
  }

  @Get()
  @Allow('authenticated')
  @ApiOperation({ summary: 'The programmes the caller has a role in (all, for the admin)' })
  @ApiJsonResponse(200, programmeListSchema, 'Each programme with its plan, without its definition')
  list(@Actor() actor: ActorInfo) {
    if (actor.admin) return this.programmes.list();
    const mine = new Set(actor.roles.map((r) => r.programme));
    return this.programmes.list((id) => mine.has(id));
  }

  @Get(':id')
  @Allow('reader')
  @ApiOperation({ summary: 'The definition and its computed plan' })
  @ApiJsonResponse(200, programmeViewSchema, 'The programme: its definition and computed plan')
  @ApiErrors(NO_PROGRAMME)
  get(@Param('id') id: string) {
    return this.programmes.get(id);
  }

  @Get(':id/schedule')
  @Allow('team')
  @ApiOperation({
    summary: 'Every event the programme will produce, in time order (what has happened, and the plan for the rest)',
  })
  @ApiJsonResponse(200, scheduleSchema, 'The events in time order')
  @ApiErrors(NO_PROGRAMME)
  schedule(@Param('id') id: string) {
    return this.status.schedule(id);
  }

  @Get(':id/calendar.ics')
  @Allow('reader')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: 'iCalendar with due dates, material deadlines and meetings' })
  @ApiOkResponse({
    description: 'An iCalendar file of all-day events',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiQuery({
    name: 'person',
    required: false,
    description: "Only this person's deadlines (and all meetings): one's own, or anyone's for the secretariat",
  })
  @ApiErrors({ 400: '`person` is not an e-mail address, or takes no part in the programme', ...NO_PROGRAMME })
  async calendar(@Param('id') id: string, @Query() query: unknown, @Actor() actor: ActorInfo, @Res() res: Response) {
    const { person } = parseBody(calendarQuerySchema, query);
    if (person && !mayReadCalendarOf(actor, id, person)) {
      throw new ProblemException(403, requestProblems.calendarOfOthers);
    }
    const { plan } = await this.programmes.planOf(id);
    if (person && !Object.keys(plan.people).includes(person.toLowerCase())) {
      throw new BadInputException([{ path: 'person', message: `${person} takes no part in programme ${id}` }]);
    }
    const events = await this.status.schedule(id);
    res.setHeader('Content-Disposition', `inline; filename="${id}.ics"`);
    // The configured address, not the request's Host header, which the client chooses.
    res.send(programmeCalendar(plan, events, `${this.config.publicUrl}/api`, person));
  }

  @Post(':id/start')
  @HttpCode(202)
  @Allow('secretariat')
  @ApiOperation({
    summary: 'Start the programme: one workflow, one child per sub-analysis; answers once every child runs',
  })
  @ApiJsonResponse(202, programmeStartedSchema, 'Started; every sub-analysis accepts its actions from now on')
  @ApiErrors({
    ...NO_PROGRAMME,
    409: 'The programme was started already',
    503: 'Temporal, which runs the workflows, did not answer',
  })
  start(@Param('id') id: string) {
    return this.runs.start(id);
  }

  @Get(':id/status')
  @Allow('team', 'steering')
  @ApiOperation({ summary: "The secretariat's overview of every sub-analysis, from the read model" })
  @ApiJsonResponse(200, programmeStatusSchema, 'Every sub-analysis with overdue days and its next deadline')
  @ApiErrors(NO_PROGRAMME)
  getStatus(@Param('id') id: string) {
    return this.status.status(id);
  }

  @Get(':id/notifications')
  @Allow('secretariat')
  @ApiOperation({ summary: 'Every message sent, and those the plan says are still due' })
  @ApiJsonResponse(200, notificationsSchema, 'Sent messages in the order they were due, then those to come')
  @ApiErrors(NO_PROGRAMME)
  notifications(@Param('id') id: string) {
    return this.status.notifications(id);
  }
}

/** A person's own calendar, or anyone's for the secretariat of the programme and the admin. */
function mayReadCalendarOf(actor: ActorInfo, programmeId: string, person: string): boolean {
  if (actor.admin || actor.email === person.toLowerCase()) return true;
  return actor.roles.some((r) => r.programme === programmeId && r.role === 'secretariat');
}
