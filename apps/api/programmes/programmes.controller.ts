import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { SporConfig } from '../../../libs/config';
import { computePlan } from '../../../libs/plan';
import { Actor, Allow } from '../auth/decorators';
import type { Actor as ActorInfo } from '../auth/decorators';
import { BadInputException } from '../common/errors';
import { CONFIG } from '../common/tokens';
import { parseBody } from '../common/validation';
import { programmeCalendar } from './icalendar';
import { ProgrammeRunsService } from './programme-runs.service';
import { DEFINITION_MEDIA_TYPES, ProgrammesService, checkDefinitionBody } from './programmes.service';
import { StatusService } from './status.service';

const DEFINITION_BODY = {
  description: 'A programme definition (see the programme format): JSON, or YAML with Content-Type application/yaml',
  schema: { type: 'object' },
};

const calendarQuery = z.object({ person: z.email('must be an e-mail address').optional() });

/**
 * A body no parser read (a form, XML) would otherwise look like a missing definition.
 * `req.is` is null when there is no body at all: that is answered as a missing definition.
 */
function acceptDefinitionType(req: Request): void {
  if (req.is([...DEFINITION_MEDIA_TYPES]) === false) {
    throw new UnsupportedMediaTypeException(
      `A definition is sent as application/json or application/yaml, not ${req.headers['content-type']}`,
    );
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
  @ApiBody(DEFINITION_BODY)
  @ApiOkResponse({ description: '{ valid, errors, warnings, plan }; plan is null when not valid' })
  @ApiBadRequestResponse({ description: 'The body is not valid JSON' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is neither JSON nor YAML' })
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
  @ApiBody(DEFINITION_BODY)
  @ApiCreatedResponse({ description: 'The programme: its definition and computed plan' })
  @ApiBadRequestResponse({ description: 'Every problem of the definition, by path, in `details`' })
  @ApiConflictResponse({ description: 'A programme with this id exists' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is neither JSON nor YAML' })
  create(@Body() body: unknown, @Req() req: Request, @Actor() actor: ActorInfo) {
    acceptDefinitionType(req);
    return this.programmes.create(body, req.headers['content-type'], actor.email);
  }

  @Get()
  @Allow('authenticated')
  @ApiOperation({ summary: 'The programmes the caller has a role in (all, for the admin)' })
  list(@Actor() actor: ActorInfo) {
    if (actor.admin) return this.programmes.list();
    const mine = new Set(actor.roles.map((r) => r.programme));
    return this.programmes.list((id) => mine.has(id));
  }

  @Get(':id')
  @Allow('reader')
  @ApiOperation({ summary: 'The definition and its computed plan' })
  @ApiNotFoundResponse({ description: 'No programme with this id' })
  get(@Param('id') id: string) {
    return this.programmes.get(id);
  }

  @Get(':id/schedule')
  @Allow('reader')
  @ApiOperation({
    summary: 'Every event the programme will produce, in time order (what has happened, and the plan for the rest)',
  })
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
  @ApiQuery({ name: 'person', required: false, description: "Only this person's deadlines (and all meetings)" })
  @ApiBadRequestResponse({ description: '`person` is not an e-mail address, or takes no part in the programme' })
  async calendar(@Param('id') id: string, @Query() query: unknown, @Res() res: Response) {
    const { person } = parseBody(calendarQuery, query);
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
  @ApiOperation({ summary: 'Start the programme: one workflow, one child per sub-analysis; 409 when started' })
  start(@Param('id') id: string) {
    return this.runs.start(id);
  }

  @Get(':id/status')
  @Allow('reader')
  @ApiOperation({ summary: "The secretariat's overview of every sub-analysis, from the read model" })
  getStatus(@Param('id') id: string) {
    return this.status.status(id);
  }

  @Get(':id/notifications')
  @Allow('secretariat')
  @ApiOperation({ summary: 'Every message sent, and those the plan says are still due' })
  notifications(@Param('id') id: string) {
    return this.status.notifications(id);
  }
}
