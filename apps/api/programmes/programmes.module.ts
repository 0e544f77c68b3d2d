import { Module } from '@nestjs/common';
import { ProgrammeRunsService } from './programme-runs.service';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';
import { StatusService } from './status.service';
import { SubAnalysesController } from './sub-analyses.controller';
import { SubAnalysesService } from './sub-analyses.service';

/** Programmes: definitions and plans, starting them, status, sub-analyses and their phases. */
@Module({
  controllers: [ProgrammesController, SubAnalysesController],
  providers: [ProgrammesService, ProgrammeRunsService, StatusService, SubAnalysesService],
  exports: [ProgrammesService, StatusService],
})
export class ProgrammesModule {}
