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
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { normalizeEmail } from '../../../libs/auth';
import { BadInputException } from '../common/errors';
import { ApiErrors, ApiJsonBody, ApiJsonResponse } from '../dtos/openapi';
import { createTokenBodySchema, tokenCreatedSchema, tokenListSchema } from '../dtos/people.dto';
import { Allow } from './decorators';
import { PeopleDirectory } from './people-directory.service';
import { TokenService, TokenView } from './token.service';

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
  @ApiJsonBody(createTokenBodySchema, { required: false })
  @ApiJsonResponse(201, tokenCreatedSchema, 'The token, shown this once, and what is kept of it')
  @ApiErrors({
    400: 'The body is not as described',
    404: 'No programme names this person',
    429: 'Too many tokens created from this address in the last minute',
  })
  async create(
    @Param('email') email: string,
    @Body() body: unknown,
  ): Promise<{ token: string; id: string; email: string; label: string | null; createdAt: string }> {
    const parsed = createTokenBodySchema.safeParse(body ?? {});
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
  @ApiJsonResponse(200, tokenListSchema, 'The tokens, without their secrets')
  @ApiErrors({ 404: 'No programme names this person, and they have no tokens' })
  async list(@Param('email') email: string): Promise<TokenView[]> {
    const tokens = await this.tokens.list(email);
    // Someone dropped from every programme may still have tokens, which must stay listable to revoke.
    if (tokens.length === 0) await this.personOrFail(email);
    return tokens;
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes a token at once; revoking it again changes nothing' })
  @ApiNoContentResponse({ description: 'Revoked (or revoked already); no body' })
  @ApiErrors({ 404: 'The person has no such token' })
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
