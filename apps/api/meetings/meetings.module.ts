import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { DeliverableUploadInterceptor } from './upload.interceptor';

/** Committee meetings: deliverables and their files, the agenda, the package, decisions. */
@Module({
  imports: [ProgrammesModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, DeliverableUploadInterceptor],
})
export class MeetingsModule {}
