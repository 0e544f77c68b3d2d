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
import { AuthFailures } from './auth-failures.service';
import { OidcService } from './oidc.service';
import { SessionService } from './session.service';
import { SignInController } from './sign-in.controller';
import { SignInMail } from './sign-in-mail.service';
import { SignInRoutes } from './sign-in.routes';

/**
 * Token creation's rate limit, per client address. Only the route that says
 * @UseGuards(ThrottlerGuard) is limited; no other route is. Counts are kept in memory,
 * per API process.
 */
// Named 'default' so the 429 carries the standard Retry-After header (other names suffix it).
export const TOKEN_CREATION_LIMIT = { name: 'default', limit: 20, ttl: 60_000 };

/** People, tokens, sessions and signing in, who may do what (the global guard), and the audit trail. */
@Module({
  imports: [
    DiscoveryModule,
    ThrottlerModule.forRoot({
      throttlers: [TOKEN_CREATION_LIMIT],
      errorMessage: 'Too many tokens created from this address; wait a minute and try again',
    }),
  ],
  controllers: [MeController, PeopleController, AuditController, SignInController],
  providers: [
    AdminTokenService,
    TokenService,
    PeopleDirectory,
    AuditService,
    AccessRulesCheck,
    AuthFailures,
    SessionService,
    SignInMail,
    OidcService,
    SignInRoutes,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, PeopleDirectory, AuditService],
})
export class AuthModule {}
