import { Controller, Delete, Get, HttpCode, Param, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { calendarProblems } from '../../../libs/texts/problems';
import { Actor, Allow, Public } from '../auth/decorators';
import { ProblemException } from '../common/errors';
import { ApiErrors, ApiJsonResponse } from '../dtos/openapi';
import { calendarFeedSchema } from '../dtos/calendar.dto';
import { CalendarFeedService } from './calendar-feed.service';

function personOf(actor: Actor): string {
  if (actor.email === null) throw new ProblemException(404, calendarProblems.adminHasNoCalendar);
  return actor.email;
}

/** A person's own calendar subscription. */
@ApiTags('people')
@Controller('me/calendar')
export class MyCalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get()
  @Allow('authenticated')
  @ApiOperation({
    summary: 'The address of your own calendar feed (made on first call), for Outlook, Google or Apple calendars',
  })
  @ApiJsonResponse(200, calendarFeedSchema, 'The feed address')
  @ApiErrors({ 404: 'The admin token belongs to no person' })
  async get(@Actor() actor: Actor) {
    return { url: await this.feeds.urlFor(personOf(actor)) };
  }

  @Delete()
  @HttpCode(204)
  @Allow('authenticated')
  @ApiOperation({ summary: 'Revoke your calendar feed: its address answers 404; the next GET makes a new one' })
  @ApiNoContentResponse({ description: 'Revoked (or there was none); no body' })
  @ApiErrors({ 404: 'The admin token belongs to no person' })
  async revoke(@Actor() actor: Actor): Promise<void> {
    await this.feeds.revoke(personOf(actor));
  }
}

/**
 * The feeds themselves. Calendar apps send no Authorization header, so the secret in the
 * path is what admits a request; an unknown or revoked one answers 404.
 */
@ApiTags('people')
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':secret.ics')
  @Public()
  @ApiOperation({ summary: "A person's calendar feed (iCalendar): their deadlines and meetings; no token needed" })
  @ApiOkResponse({
    description: 'An iCalendar file',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiErrors({ 404: 'No feed with this address, or it was revoked' })
  async feed(@Param('secret') secret: string, @Res() res: Response): Promise<void> {
    const calendar = await this.feeds.feed(secret);
    if (calendar === undefined) throw new ProblemException(404, calendarProblems.noSuchFeed);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="spor.ics"');
    // The secret is in the URL: keep the answer out of shared caches.
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(calendar);
  }
}
