import { Inject, Injectable } from '@nestjs/common';
import type { SporConfig } from '../../../libs/config';
import { CalendarFeeds } from '../../../libs/persistence/repositories';
import { PeopleDirectory } from '../auth/people-directory.service';
import { CONFIG } from '../common/tokens';
import { type FeedPart, calendarItems, personalCalendar } from '../programmes/icalendar';
import { ProgrammesService } from '../programmes/programmes.service';
import { StatusService } from '../programmes/status.service';

/** The zone a feed names when the person is in no programme. */
const DEFAULT_ZONE = 'Europe/Copenhagen';

/**
 * Personal calendar feeds: the URL a person subscribes to, and the feed behind it, with
 * their deadlines and meetings across every programme they are in (the same selection
 * as calendar.ics?person=).
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly people: PeopleDirectory,
    private readonly programmes: ProgrammesService,
    private readonly status: StatusService,
    @Inject(CONFIG) private readonly config: SporConfig,
  ) {}

  async urlFor(email: string): Promise<string> {
    const secret = await this.feeds.secretFor(email);
    return `${this.config.publicUrl}/api/calendar/${secret}.ics`;
  }

  revoke(email: string): Promise<void> {
    return this.feeds.revoke(email);
  }

  /** The feed behind a secret, or undefined when no feed has that secret (any more). */
  async feed(secret: string): Promise<string | undefined> {
    const email = await this.feeds.ownerOf(secret);
    if (!email) return undefined;
    const ids = [...new Set((await this.people.rolesOf(email)).map((r) => r.programme))].sort();
    const parts: FeedPart[] = [];
    let zone: string | undefined;
    for (const id of ids) {
      const { plan } = await this.programmes.planOf(id);
      zone ??= plan.timezone;
      const items = calendarItems(plan, await this.status.schedule(id), this.config.publicUrl, email);
      parts.push({ items, sequences: await this.feeds.sequences(id, items) });
    }
    const name = (await this.people.person(email))?.name ?? email;
    return personalCalendar(name, zone ?? DEFAULT_ZONE, parts);
  }
}
