import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  HistoryEntryEntity,
  NotificationEntity,
  ProgrammeEntity,
  SubAnalysisStateEntity,
} from '../../../libs/persistence';
import { ProgrammeRunsService } from './programme-runs.service';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';
import { StatusService } from './status.service';
import { SubAnalysesController } from './sub-analyses.controller';

/** Programmes: definitions and plans, starting them, status, sub-analyses and their phases. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProgrammeEntity, SubAnalysisStateEntity, HistoryEntryEntity, NotificationEntity]),
  ],
  controllers: [ProgrammesController, SubAnalysesController],
  providers: [ProgrammesService, ProgrammeRunsService, StatusService],
  exports: [ProgrammesService, StatusService],
})
export class ProgrammesModule {}
