import { Global, Module } from '@nestjs/common';
import { TemporalGateway } from './temporal-gateway.service';

/** The gateway to Temporal, for every feature module. */
@Global()
@Module({ providers: [TemporalGateway], exports: [TemporalGateway] })
export class TemporalModule {}
