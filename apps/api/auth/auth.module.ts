import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessRulesCheck } from './access-rules.check';
import { AdminTokenService } from './admin-token.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuthGuard } from './auth.guard';
import { MeController } from './me.controller';
import { PeopleController } from './people.controller';
import { PeopleDirectory } from './people-directory.service';
import { TokenService } from './token.service';

/**
 * Token creation's rate limit, per client address. Only the route that says
 * @UseGuards(ThrottlerGuard) is limited; no other route is. Counts are kept in memory,
 * per API process.
 */
// Named 'default' so the 429 carries the standard Retry-After header (other names suffix it).
export const TOKEN_CREATION_LIMIT = { name: 'default', limit: 20, ttl: 60_000 };

/** People, tokens, who may do what (the global guard), and the audit trail. */
@Module({
  imports: [
    DiscoveryModule,
    ThrottlerModule.forRoot({
      throttlers: [TOKEN_CREATION_LIMIT],
      errorMessage: 'Too many tokens created from this address; wait a minute and try again',
    }),
  ],
  controllers: [MeController, PeopleController, AuditController],
  providers: [
    AdminTokenService,
    TokenService,
    PeopleDirectory,
    AuditService,
    AccessRulesCheck,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, PeopleDirectory, AuditService],
})
export class AuthModule {}
