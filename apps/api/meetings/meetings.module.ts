import { Module } from '@nestjs/common';
import { FileStore } from '../../../activities/files';
import type { SporConfig } from '../../../libs/config';
import { CONFIG } from '../common/tokens';
import { ProgrammesModule } from '../programmes/programmes.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { DeliverableUploadInterceptor } from './upload.interceptor';

/** Committee meetings: deliverables and their files, the agenda, the package, decisions. */
@Module({
  imports: [ProgrammesModule],
  controllers: [MeetingsController],
  providers: [
    MeetingsService,
    DeliverableUploadInterceptor,
    { provide: FileStore, inject: [CONFIG], useFactory: (config: SporConfig) => new FileStore(config.dataDir) },
  ],
})
export class MeetingsModule {}
