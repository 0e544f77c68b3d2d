import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RehearsalsController } from './rehearsals.controller';
import { RehearsalsService } from './rehearsals.service';

/** Rehearsals: a programme's workflows run ahead of time on a time-skipping server. */
@Module({
  imports: [ProgrammesModule],
  controllers: [RehearsalsController],
  providers: [RehearsalsService],
})
export class RehearsalsModule {}
