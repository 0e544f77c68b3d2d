import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiJsonResponse } from '../dtos/openapi';
import { meSchema } from '../dtos/people.dto';
import { Actor, Allow } from './decorators';
import { PeopleDirectory } from './people-directory.service';

export type MeView = z.infer<typeof meSchema>;

@ApiTags('people')
@Controller('me')
export class MeController {
  constructor(private readonly directory: PeopleDirectory) {}

  @Get()
  @Allow('authenticated')
  @ApiOperation({ summary: 'Who the token belongs to, and their roles in each programme' })
  @ApiJsonResponse(200, meSchema, 'The person and their roles')
  async me(@Actor() actor: Actor): Promise<MeView> {
    if (actor.admin) return { email: null, name: 'Admin', admin: true, roles: [] };
    const person = actor.email === null ? undefined : await this.directory.person(actor.email);
    return { email: actor.email, name: person?.name ?? null, admin: false, roles: actor.roles };
  }
}
