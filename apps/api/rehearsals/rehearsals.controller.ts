import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Actor, Allow } from '../auth/decorators';
import type { Actor as ActorInfo } from '../auth/decorators';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../dtos/openapi';
import { rehearsalSchema, rehearseBodySchema } from '../dtos/rehearsal.dto';
import { RehearsalsService } from './rehearsals.service';

@Controller('programmes')
export class RehearsalsController {
  constructor(private readonly rehearsals: RehearsalsService) {}

  /**
   * 'authenticated' at the guard: the route has no `:id` for a programme rule, so the
   * service checks that the caller is in the programme's secretariat (or the admin).
   */
  @Post('rehearse')
  @HttpCode(200)
  @Allow('authenticated')
  @ApiOperation({
    summary:
      "Rehearse a programme: its own workflows on a time-skipping server, with a scenario's steps; nothing is sent or stored",
  })
  @ApiJsonBody(rehearseBodySchema)
  @ApiJsonResponse(200, rehearsalSchema, 'Every e-mail, document and phase event in time order, and a summary')
  @ApiErrors({
    400: 'Every problem of the definition or the scenario, by path',
    403: "Not in the programme's secretariat",
    404: 'No such stored programme',
    503: 'The rehearsal ran out of time, or the test server is missing',
  })
  rehearse(@Body() body: unknown, @Actor() actor: ActorInfo) {
    return this.rehearsals.rehearse(body, actor);
  }
}
