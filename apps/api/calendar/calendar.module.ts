import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SporConfig } from '../../../libs/config';
import { CalendarFeeds, calendarFeedKey } from '../../../libs/persistence/repositories';
import { AuthModule } from '../auth/auth.module';
import { CONFIG } from '../common/tokens';
import { ProgrammesModule } from '../programmes/programmes.module';
import { CalendarFeedController, MyCalendarController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';

/** Personal calendar subscriptions (GET/DELETE /api/me/calendar and the feeds). */
@Module({
  imports: [AuthModule, ProgrammesModule],
  controllers: [MyCalendarController, CalendarFeedController],
  providers: [
    {
      provide: CalendarFeeds,
      inject: [DataSource, CONFIG],
      useFactory: (ds: DataSource, config: SporConfig) => new CalendarFeeds(ds, calendarFeedKey(config.dataDir)),
    },
    CalendarFeedService,
  ],
})
export class CalendarModule {}
