import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Status reports to the steering group, the leads' notes and the timeline chart. */
@Module({
  imports: [ProgrammesModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
