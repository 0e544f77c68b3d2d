import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { TemporalGateway } from './temporal-gateway.service';

/** The gateway to Temporal, for every feature module; its 503s carry `Retry-After` on every route. */
@Global()
@Module({
  providers: [TemporalGateway, { provide: APP_INTERCEPTOR, useClass: RetryAfterInterceptor }],
  exports: [TemporalGateway],
})
export class TemporalModule {}
