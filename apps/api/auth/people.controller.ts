import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { z } from 'zod';
import { normalizeEmail } from '../../../libs/auth';
import { BadInputException } from '../common/errors';
import { Allow } from './decorators';
import { PeopleDirectory } from './people-directory.service';
import { TokenService, TokenView } from './token.service';

const createBody = z.strictObject({
  label: z.string().trim().min(1, 'Must not be empty.').max(200, 'Must be at most 200 characters.').optional(),
});

@ApiTags('people')
@Controller('people/:email/tokens')
@Allow('admin')
export class PeopleController {
  constructor(
    private readonly tokens: TokenService,
    private readonly directory: PeopleDirectory,
  ) {}

  @Post()
  @HttpCode(201)
  // Rate-limited (per client address) in case an admin token leaks or a script loops; see auth.module.ts.
  @UseGuards(ThrottlerGuard)
  // The response carries a secret: no cache may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Creates a token for a person named in a programme; it is shown only in this response' })
  @ApiBody({ required: false, schema: { type: 'object', properties: { label: { type: 'string', maxLength: 200 } } } })
  @ApiCreatedResponse({ description: '{ token, id, email, label, createdAt }' })
  @ApiTooManyRequestsResponse({ description: 'Too many tokens created from this address in the last minute' })
  async create(
    @Param('email') email: string,
    @Body() body: unknown,
  ): Promise<{ token: string; id: string; email: string; label: string | null; createdAt: string }> {
    const parsed = createBody.safeParse(body ?? {});
    if (!parsed.success) {
      throw new BadInputException(
        parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.code === 'invalid_type' && i.path.length === 0 ? 'The body must be a JSON object.' : i.message,
        })),
      );
    }
    await this.personOrFail(email);
    const { token, view } = await this.tokens.create(email, parsed.data.label ?? null);
    return { token, id: view.id, email: view.email, label: view.label, createdAt: view.createdAt };
  }

  @Get()
  @ApiOperation({ summary: "A person's tokens, revoked ones included (never the secrets)" })
  async list(@Param('email') email: string): Promise<TokenView[]> {
    const tokens = await this.tokens.list(email);
    // Someone dropped from every programme may still have tokens, which must stay listable to revoke.
    if (tokens.length === 0) await this.personOrFail(email);
    return tokens;
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes a token at once; revoking it again changes nothing' })
  async revoke(@Param('email') email: string, @Param('tokenId') tokenId: string): Promise<void> {
    if (!(await this.tokens.revoke(email, tokenId))) {
      throw new NotFoundException(`${normalizeEmail(email)} has no token "${tokenId}"`);
    }
  }

  private async personOrFail(email: string): Promise<void> {
    if (!(await this.directory.person(email))) {
      throw new NotFoundException(`No programme names a person with e-mail "${normalizeEmail(email)}"`);
    }
  }
}
