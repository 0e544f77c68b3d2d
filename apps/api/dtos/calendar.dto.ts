import { z } from 'zod';

export const calendarFeedSchema = z.object({
  url: z.string().describe('The personal feed (iCalendar), fetched without any header; a secret, like a password'),
});
